/**
 * The CSP source for a map tile template's host (MAINSTAY_MAP_TILE_URL, see config.ts): its
 * origin, with a `{s}` subdomain as a wildcard (`https://{s}.tile.example.org/…` →
 * `https://*.tile.example.org`); null if it is not an http(s) address with a plain host.
 */
export function tileImageSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) return null;
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(match[2]!.replace('{s}', 'x'))) return null;
  return `${match[1]!.toLowerCase()}://${match[2]!.replace('{s}', '*').toLowerCase()}`;
}
