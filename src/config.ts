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
}

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
  };
}

export class ConfigError extends Error {}
