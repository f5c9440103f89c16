import { resolve } from 'node:path';

/** Settings from the environment, overridable per command. */
export interface Config {
  /** A PostgreSQL server; absent means the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** Outgoing mail (smtp://user:pass@host:port or smtps://…); absent: mail stays queued. */
  smtpUrl: string | undefined;
  /** The From address of outgoing mail. */
  smtpFrom: string | undefined;
  /** MAINSTAY_TEST_CLOCK=1: an adjustable clock and POST /api/v1/test/clock, for end-to-end tests only. */
  testClock: boolean;
  /** How much one address may send to the doors that need no account. */
  publicLimits: PublicLimits;
}

export interface PublicLimits { intakePerMinute: number; trackingPerMinute: number }

/** Per address: enough for a family sharing one connection, not for a script. */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = { intakePerMinute: 10, trackingPerMinute: 60 };

export function loadConfig(overrides: { data?: string | undefined; port?: string | number | undefined } = {}): Config {
  const port = Number(overrides.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${overrides.port ?? process.env.PORT}".`);
  const smtpUrl = process.env.SMTP_URL || undefined;
  // Caught at start rather than as a failed attempt on every message (the URL may hold a password: not echoed).
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new ConfigError('SMTP_URL must look like smtp://user:password@host:port or smtps://….');
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(overrides.data ?? process.env.MAINSTAY_DATA_DIR ?? './data'),
    port,
    smtpUrl,
    smtpFrom: process.env.SMTP_FROM || undefined,
    testClock: process.env.MAINSTAY_TEST_CLOCK === '1',
    // Raised for a load test on loopback, where every request comes from one address.
    publicLimits: {
      intakePerMinute: perMinute('MAINSTAY_PUBLIC_INTAKE_PER_MINUTE', DEFAULT_PUBLIC_LIMITS.intakePerMinute),
      trackingPerMinute: perMinute('MAINSTAY_PUBLIC_TRACKING_PER_MINUTE', DEFAULT_PUBLIC_LIMITS.trackingPerMinute),
    },
  };
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

export class ConfigError extends Error {}
