import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Settings from the environment, overridable per command. */
export interface Config {
  /** A PostgreSQL server; absent means the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** The address to listen on: loopback unless exposed on purpose (--host / HOST). */
  host: string;
  /**
   * Fastify's `trustProxy`: the proxies whose X-Forwarded-For/-Proto are believed
   * (addresses or CIDRs), or how many hops; false (the default) believes none.
   */
  trustProxy: false | number | string[];
  /** Outgoing mail (smtp://user:pass@host:port or smtps://…); absent: mail stays queued. */
  smtpUrl: string | undefined;
  /** The From address of outgoing mail. */
  smtpFrom: string | undefined;
  /** MAINSTAY_TEST_CLOCK=1: an adjustable clock and POST /api/v1/test/clock, for end-to-end tests only. */
  testClock: boolean;
  /** How much one address may send to the doors that need no account. */
  publicLimits: PublicLimits;
  /** MAINSTAY_MAP_TILE_URL (+ MAINSTAY_MAP_ATTRIBUTION): the maps' tile server; null: maps without tiles. */
  mapTiles: MapTiles | null;
  /** MAINSTAY_DEFAULT_CADENCE_DAYS: how often a cell is expected to meet when nobody set its cadence (31). */
  defaultCadenceDays: number;
}

export interface PublicLimits { intakePerMinute: number; trackingPerMinute: number }

/** Per address: enough for a family sharing one connection, not for a script. */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = { intakePerMinute: 10, trackingPerMinute: 60 };

export const DEFAULT_HOST = '127.0.0.1';

export function loadConfig(overrides: { data?: string | undefined; port?: string | number | undefined; host?: string | undefined; trustProxy?: string | undefined } = {}): Config {
  const port = Number(overrides.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${overrides.port ?? process.env.PORT}".`);
  const smtpUrl = process.env.SMTP_URL || undefined;
  // Caught at start rather than as a failed attempt on every message (the URL may hold a password: not echoed).
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new ConfigError('SMTP_URL must look like smtp://user:password@host:port or smtps://….');
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(overrides.data ?? process.env.MAINSTAY_DATA_DIR ?? './data'),
    port,
    host: (overrides.host ?? process.env.HOST) || DEFAULT_HOST,
    trustProxy: parseTrustProxy(overrides.trustProxy ?? process.env.TRUST_PROXY),
    smtpUrl,
    smtpFrom: process.env.SMTP_FROM || undefined,
    testClock: process.env.MAINSTAY_TEST_CLOCK === '1',
    // Raised for a load test on loopback, where every request comes from one address.
    publicLimits: {
      intakePerMinute: perMinute('MAINSTAY_PUBLIC_INTAKE_PER_MINUTE', DEFAULT_PUBLIC_LIMITS.intakePerMinute),
      trackingPerMinute: perMinute('MAINSTAY_PUBLIC_TRACKING_PER_MINUTE', DEFAULT_PUBLIC_LIMITS.trackingPerMinute),
    },
    mapTiles: mapTiles(),
    defaultCadenceDays: cadenceDays(process.env.MAINSTAY_DEFAULT_CADENCE_DAYS),
  };
}

/**
 * The map tiles of an installation: a tile server is a deployment's choice (its own, a
 * national one, OpenStreetMap's under its usage policy), and many run with none — the maps
 * then draw shapes and points on a blank background. A Leaflet URL template (`{s}` `{z}`
 * `{x}` `{y}`); the content security policy lets images come from its host only.
 */
export interface MapTiles { url: string; attribution: string }

export function mapTiles(env: NodeJS.ProcessEnv = process.env): MapTiles | null {
  const url = env.MAINSTAY_MAP_TILE_URL?.trim();
  if (!url) return null;
  const host = /^https?:\/\/([^/?#]+)\//i.exec(url)?.[1];
  if (!host || !/^[a-z0-9.-]+(:\d+)?$/i.test(host.replace('{s}', 'x')) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) {
    throw new ConfigError(`MAINSTAY_MAP_TILE_URL must be an http(s) tile template with {z}, {x} and {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png, not "${url}".`);
  }
  return { url, attribution: env.MAINSTAY_MAP_ATTRIBUTION?.trim() || host.replace('{s}.', '') };
}

function cadenceDays(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 31;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 366) throw new ConfigError(`MAINSTAY_DEFAULT_CADENCE_DAYS must be a whole number of days from 1 to 366, not "${raw}".`);
  return n;
}

function perMinute(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new ConfigError(`${name} must be a whole number of requests a minute, at least 1, not "${raw}".`);
  }
  return n;
}

/**
 * `2` (hops) or `10.0.0.1, 10.1.0.0/16, loopback` (addresses, CIDRs, or proxy-addr's names
 * loopback / linklocal / uniquelocal). `true` is refused: it would believe any client's
 * X-Forwarded-For, so every rate limit could be dodged by sending a new one.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = raw?.trim();
  if (!value || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.find((e) => !['loopback', 'linklocal', 'uniquelocal'].includes(e) && !isIP(e.replace(/\/\d+$/, '')));
  if (bad !== undefined) {
    throw new ConfigError(`TRUST_PROXY must be a hop count or a list of proxy addresses (e.g. 127.0.0.1,10.0.0.0/8), not "${bad}".`);
  }
  return entries;
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export class ConfigError extends Error {}
