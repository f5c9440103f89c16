/** A registered route, as the server's route table keeps it (HEAD left out). */
export interface RouteEntry { method: string; url: string }

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const patterns = new Map<string, RegExp>();

/** A route's address (`/units/:id`, `/requests/:id.json`) as a pattern over a concrete path. */
function patternOf(url: string): RegExp {
  let pattern = patterns.get(url);
  if (!pattern) {
    const source = url.split(/(:[A-Za-z0-9_]+|\*)/).map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+?';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }).join('');
    pattern = new RegExp(`^${source}$`);
    patterns.set(url, pattern);
  }
  return pattern;
}

/**
 * The methods some route answers at this path (HEAD wherever GET is), for the Allow
 * header of a 405; empty when no route has the path. The web app's catch-all (`/*`)
 * does not count: a path only it matches is not a known one.
 */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.url === '/*' || !patternOf(route.url).test(path)) continue;
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
  }
  return [...methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const rank = (method: string) => (ORDER.includes(method) ? ORDER.indexOf(method) : ORDER.length);
