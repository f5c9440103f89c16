import { createHash } from 'node:crypto';
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
 * The sha256 of a migration as recorded when it applies. Line endings are normalised
 * first, so a checkout that turns LF into CRLF does not read as an edit.
 */
export const migrationHash = (sql: string): string => createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');

/** A landed migration whose file no longer matches what was applied: never edited, only added to. */
export class MigrationChangedError extends Error {
  constructor(readonly file: string) {
    super(`Migration ${file} has changed since it was applied to this database; landed migrations are never edited (restore the file and put the change in a new migration).`);
    this.name = 'MigrationChangedError';
  }
}

/**
 * Applies the plain-SQL files of migrations/ in name order, all in one transaction.
 * Migrations are frozen: an applied name that is no longer on disk, an applied file
 * whose content changed (its sha256 differs from the one recorded), or a new file
 * sorting before the last applied one, is refused instead of guessed at.
 * A database migrated before hashes were kept has none: the files as they are at its
 * first run under this version are recorded (trust on first use). The edits made to
 * landed files before that (0009, 0011, 0012) are restated by 0015, so such a database
 * ends up with the fresh schema whichever version of those files it ran.
 */
export async function migrate(database: Database, directory = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = directory === MIGRATIONS_DIR ? knownMigrations() : readdirSync(directory).filter((f) => f.endsWith('.sql')).sort();
  const read = (file: string) => readFileSync(directory + file, 'utf8');
  return database.withConnection(async (conn) => {
    await conn.exec('begin');
    try {
      await conn.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await conn.exec(`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`);
      await conn.exec('alter table schema_migrations add column if not exists sha256 text');
      const { rows } = await conn.query<{ name: string; sha256: string | null }>('select name, sha256 from schema_migrations order by name');
      const applied = rows.map((r) => r.name);
      const unknown = applied.filter((name) => !files.includes(name));
      if (unknown.length > 0) {
        throw new Error(`The database has migrations this version does not know: ${unknown.join(', ')}. Is this an older Mainstay?`);
      }
      for (const row of rows) {
        const hash = migrationHash(read(row.name));
        if (row.sha256 === null) {
          await conn.query('update schema_migrations set sha256 = $2 where name = $1', [row.name, hash]);
        } else if (row.sha256 !== hash) {
          throw new MigrationChangedError(row.name);
        }
      }
      const last = applied.at(-1);
      const pending = files.filter((f) => !applied.includes(f));
      const early = pending.filter((f) => last !== undefined && f < last);
      if (early.length > 0) throw new Error(`Migrations out of order (${early.join(', ')} sorts before the applied ${last}).`);
      for (const file of pending) {
        const sql = read(file);
        await conn.exec(sql);
        await conn.query('insert into schema_migrations (name, sha256) values ($1, $2)', [file, migrationHash(sql)]);
      }
      await conn.exec('commit');
      return { applied: pending, current: pending.at(-1) ?? last };
    } catch (error) {
      await conn.exec('rollback');
      throw error;
    }
  });
}
