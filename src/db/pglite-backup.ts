import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './database.ts';

/** The embedded database's folder as a gzipped tarball, after a checkpoint (every committed page in the data files, not only in the WAL). */
export async function dumpPgliteDataDir(database: Database): Promise<Blob> {
  return database.withConnection(async (conn) => {
    await conn.exec('checkpoint');
    return database.pglite!.dumpDataDir('gzip');
  });
}

/** The migrations a loaded backup has applied, in name order; rejects when it has no schema_migrations. */
export async function appliedMigrationNames(pg: PGlite): Promise<string[]> {
  const result = await pg.query<{ name: string }>('select name from schema_migrations order by name');
  return result.rows.map((r) => r.name);
}
