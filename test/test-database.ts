import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated database for one test file, on the backend of this run:
 * PGlite in memory from the template dump, or a new PostgreSQL database copied
 * from the template. Close it with `database.close()`.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = readFileSync(inject('pgliteTemplate'));
    return openDatabase({ loadDataDir: new Blob([dump]) });
  }
  const created = await createTestDatabaseUrl();
  const database = await openDatabase({ url: created.url, poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * PostgreSQL runs only: a new database copied from the migrated template, as a
 * connection string (for tests that spawn a server process), and how to drop it.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('createTestDatabaseUrl needs DATABASE_URL (a PostgreSQL run).');
  const name = `mainstay_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // A backend that just disconnected from the template can linger for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
        break;
      } catch (error) {
        if (attempt > 40 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(url, name),
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Whether this run is on a PostgreSQL server (DATABASE_URL) rather than PGlite. */
export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

/**
 * For `it.skipIf` / `describe.skipIf`: whether tests that need the other backend skip
 * on this run, printing why when they do (a skip never passes silently).
 */
export function skipUnless(backend: 'postgres' | 'pglite', what: string): boolean {
  const skip = backend === 'postgres' ? !usingPostgres() : usingPostgres();
  if (skip) {
    console.log(backend === 'postgres'
      ? `Skipped on PGlite: ${what} (needs a PostgreSQL server; set DATABASE_URL).`
      : `Skipped on PostgreSQL: ${what} (only the embedded database has it; unset DATABASE_URL).`);
  }
  return skip;
}
