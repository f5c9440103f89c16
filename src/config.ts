import { resolve } from 'node:path';

/** Settings from the environment, overridable per command. */
export interface Config {
  /** A PostgreSQL server; absent means the embedded database in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
}

export function loadConfig(overrides: { data?: string | undefined; port?: string | number | undefined } = {}): Config {
  const port = Number(overrides.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${overrides.port ?? process.env.PORT}".`);
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(overrides.data ?? process.env.MAINSTAY_DATA_DIR ?? './data'),
    port,
  };
}

export class ConfigError extends Error {}
