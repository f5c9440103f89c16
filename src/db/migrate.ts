import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant will do: it serialises concurrent `migrate` runs against one server.
const MIGRATION_LOCK = 72_317_001;

export interface MigrationResult { applied: string[]; current: string | undefined }

/** The migrations this version knows, in the order they apply. */
export const knownMigrations = (): string[] => readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();

/**
 * Applies the plain-SQL files of migrations/ in name order, all in one transaction.
 * Migrations are frozen: an applied name that is no longer on disk, or a new file
 * sorting before the last applied one, is refused instead of guessed at.
 */
export async function migrate(database: Database): Promise<MigrationResult> {
  const files = knownMigrations();
  return database.withConnection(async (conn) => {
    await conn.exec('begin');
    try {
      await conn.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await conn.exec(`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`);
      const { rows } = await conn.query<{ name: string }>('select name from schema_migrations order by name');
      const applied = rows.map((r) => r.name);
      const unknown = applied.filter((name) => !files.includes(name));
      if (unknown.length > 0) {
        throw new Error(`The database has migrations this version does not know: ${unknown.join(', ')}. Is this an older Mainstay?`);
      }
      const last = applied.at(-1);
      const pending = files.filter((f) => !applied.includes(f));
      const early = pending.filter((f) => last !== undefined && f < last);
      if (early.length > 0) throw new Error(`Migrations out of order (${early.join(', ')} sorts before the applied ${last}).`);
      for (const file of pending) {
        await conn.exec(readFileSync(MIGRATIONS_DIR + file, 'utf8'));
        await conn.query('insert into schema_migrations (name) values ($1)', [file]);
      }
      await conn.exec('commit');
      return { applied: pending, current: pending.at(-1) ?? last };
    } catch (error) {
      await conn.exec('rollback');
      throw error;
    }
  });
}
