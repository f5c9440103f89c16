import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { HandleEmptyInListsPlugin, Kysely, PostgresDialect, replaceWithNoncontingentExpression } from 'kysely';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { Mutex } from '../platform/mutex.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

// int8 (counts, identities) as numbers on both backends; PGlite already does this.
pg.types.setTypeParser(20, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

// PostgreSQL has no `x in ()`: a list that filters down to nothing (ids of which none
// exist) reads as false (`not in`: true) instead of a syntax error and a 500.
const plugins = [new HandleEmptyInListsPlugin({ strategy: replaceWithNoncontingentExpression })];

/**
 * The extensions the migrations create (pg_trgm: directory search). PGlite loads an
 * extension's code only when told to at start, so every open of a data folder that
 * has them, a backup or a test template included, passes these.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** One query layer over either backend; the rest of the code never asks which. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  /**
   * Holds one raw connection for steps Kysely does not cover: multi-statement
   * scripts (migrations) and bulk loading with COPY. The caller manages begin/commit.
   */
  withConnection<T>(fn: (conn: RawConnection) => Promise<T>): Promise<T>;
  /** The embedded engine itself, for what only it can do (dumping its data directory). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export interface RawConnection {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Runs a script of several statements, without parameters. */
  exec(script: string): Promise<void>;
  /** COPY … FROM STDIN of CSV text, in chunks; returns the rows copied. */
  copyCsv(copySql: string, csv: string): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string; absent means the embedded database. */
  url?: string | undefined;
  /** The embedded database's folder; absent (with no url) means in memory. */
  dataDir?: string | undefined;
  /** Names the process in the data-directory lock, shown to anyone refused by it. */
  command?: string;
  /** Start the embedded database from a dump (tests clone a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize) : openPGlite(options);
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (options.dataDir) lock = lockDataDir(options.dataDir, options.command ?? process.argv.slice(1).join(' '));
  try {
    const pglite = await PGlite.create({
      extensions: PGLITE_EXTENSIONS,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const mutex = new Mutex();
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex), plugins });
    return {
      kind: 'pglite',
      db,
      pglite,
      withConnection: (fn) => mutex.run(() => fn(pgliteConnection(pglite))),
      async close() {
        // The engine's shutdown (Emscripten's exit) sets process.exitCode to 0,
        // wiping the failure code a CLI command set before closing.
        const exitCode = process.exitCode;
        await mutex.run(() => pglite.close());
        process.exitCode = exitCode;
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  // JIT compiles a plan whose estimated cost is high; for short requests that cost more
  // than it saves (200 ms of compilation seen on a 5 ms search with stale statistics).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000, options: '-c jit=off' });
  // An idle client's error (the server restarting) must not crash the process;
  // the pool drops that client and the next checkout reconnects.
  pool.on('error', () => {});
  // A checked-out client can see the same error between two queries of a transaction.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }), plugins });
  return {
    kind: 'postgres',
    db,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(postgresConnection(client));
      } finally {
        client.release();
      }
    },
    async close() {
      // Kysely ends the pool only if it ever used it; commands that only took raw
      // connections (migrate) would otherwise keep an idle client, and the process, for 10 s.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * Every statement Kysely sends becomes a named prepared statement on its
 * connection, so PostgreSQL plans it once per connection instead of once per call.
 * It matters under row-level security: the policies' subqueries made planning
 * cost more than executing (about 1 ms against 0.1 ms for a unit read).
 */
function preparingPool(pool: pg.Pool) {
  const names = new Map<string, string>();
  const nameFor = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `k${createHash('sha1').update(text).digest('base64url')}`;
      // Statements are generated from code, so the set is bounded; guard it anyway.
      if (names.size < 10_000) names.set(text, name);
    }
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query: (text: string, values: unknown[]) => client.query({ name: nameFor(text), text, values }),
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
}

function pgliteConnection(pglite: PGlite): RawConnection {
  return {
    query: async (text, params) => pglite.query(text, params),
    exec: async (script) => { await pglite.exec(script); },
    async copyCsv(copySql, csv) {
      // PGlite reads COPY input from a blob mounted at /dev/blob.
      await pglite.query(copySql.replace(/from stdin/i, "from '/dev/blob'"), [], { blob: new Blob([csv]) });
    },
  };
}

function postgresConnection(client: pg.PoolClient): RawConnection {
  return {
    query: async (text, params) => client.query(text, params) as never,
    exec: async (script) => { await client.query(script); },
    async copyCsv(copySql, csv) {
      const stream = client.query(copyFrom(copySql));
      await pipeline(Readable.from([csv]), stream);
    },
  };
}
