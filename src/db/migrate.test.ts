import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../test/global-setup.ts';
import { dumpSchema } from '../../test/schema-dump.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { openDatabase, type Database } from './database.ts';
import { knownMigrations, migrate, migrationHash, MigrationChangedError } from './migrate.ts';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
// The migrations that were edited after they landed, as they first landed (from git history).
const AS_LANDED = fileURLToPath(new URL('../../test/fixtures/migrations-as-landed/', import.meta.url));

/** An empty database on this run's backend, and how to get rid of it. */
async function openEmptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const name = `mainstay_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ url: withDatabase(url, name), poolSize: 2 });
  return {
    database,
    async drop() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Migrates the way Mainstay did before hashes were kept: names only, and the files as they first landed. */
async function migrateAsLanded(database: Database, upTo: string) {
  await database.withConnection(async (conn) => {
    await conn.exec('begin');
    await conn.exec('create table schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    const landed = readdirSync(AS_LANDED);
    for (const file of knownMigrations().filter((f) => f <= upTo)) {
      await conn.exec(readFileSync((landed.includes(file) ? AS_LANDED : MIGRATIONS) + file, 'utf8'));
      await conn.query('insert into schema_migrations (name) values ($1)', [file]);
    }
    await conn.exec('commit');
  });
}

describe('migrations', () => {
  let fresh: Database;
  let freshSchema: string[];
  beforeAll(async () => {
    fresh = await openTestDatabase();
    freshSchema = await dumpSchema(fresh);
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('brings a database migrated before the landed files were edited to the schema of a fresh one', async () => {
    const old = await openEmptyDatabase();
    try {
      await migrateAsLanded(old.database, '0014_directive_files.sql');
      const before = await dumpSchema(old.database);
      // The edits made a difference (otherwise this test proves nothing).
      expect(before).not.toEqual(freshSchema.filter((line) => !line.includes('schema_migrations')));

      const result = await migrate(old.database);
      expect(result.applied).toEqual(knownMigrations().filter((f) => f > '0014_directive_files.sql'));
      expect(await dumpSchema(old.database)).toEqual(freshSchema);

      // Hashes were recorded for the files that had none (trust on first use), and a second run changes nothing.
      const { rows } = await old.database.withConnection((conn) => conn.query<{ name: string; sha256: string }>('select name, sha256 from schema_migrations order by name'));
      expect(rows).toEqual(knownMigrations().map((name) => ({ name, sha256: migrationHash(readFileSync(MIGRATIONS + name, 'utf8')) })));
      expect((await migrate(old.database)).applied).toEqual([]);
    } finally {
      await old.drop();
    }
  });

  it('refuses, naming the file, when a migration changed after it was applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mainstay-migrations-'));
    try {
      for (const file of knownMigrations()) copyFileSync(MIGRATIONS + file, join(dir, file));
      appendFileSync(join(dir, '0011_directives.sql'), '\ncreate index assignments_status on assignments (status);\n');
      const error = await migrate(fresh, `${dir}/`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationChangedError);
      expect((error as Error).message).toMatch(/^Migration 0011_directives\.sql has changed since it was applied/);
      expect((error as Error).message).not.toContain('\n');
      // Nothing was applied: the change is not in the database.
      expect(await dumpSchema(fresh)).toEqual(freshSchema);
      // Line endings alone are not a change.
      writeFileSync(join(dir, '0011_directives.sql'), readFileSync(MIGRATIONS + '0011_directives.sql', 'utf8').replace(/\n/g, '\r\n'));
      expect((await migrate(fresh, `${dir}/`)).applied).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
