import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** One round trip to the database: the health route's check that it answers. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
