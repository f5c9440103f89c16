import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';

/**
 * The search directory (migration 0003) recomputed from units and people and
 * compared with what the triggers and the importer left in it: the ids of the rows
 * that differ, empty when it is right. Runs as the connecting user (the tables'
 * owner), past row-level security.
 */
export async function directoryDrift(database: Database): Promise<string[]> {
  // The owner is subject to forced row-level security too, unless a superuser.
  const rows = await database.db.transaction().execute(async (trx) => {
    await sql`select set_config('mainstay.admin', 'true', true)`.execute(trx);
    return sql<{ drift: string }>`
    with expected_units as (
      select id, depth, closed_at is null as open, lower(name) as key, ancestor_ids || id as path from units
    ), actual_units as (
      select unit_id as id, depth, open, key, path from directory_units
    ), expected_members as (
      select u.id, n.names, u.ancestor_ids || u.id as path
        from units u
        join (select cell_id, array_agg(lower(name) order by lower(name)) as names from people group by cell_id) n on n.cell_id = u.id
    ), actual_members as (
      select cell_id as id,
             (select array_agg(k order by k) from unnest(string_to_array(trim(both chr(1) from keys), chr(1))) k) as names, path
        from directory_members where keys <> ''
    )
    select 'unit ' || id as drift from ((select * from expected_units except select * from actual_units)
                                       union (select * from actual_units except select * from expected_units)) d
    union all
    select 'cell ' || id from ((select * from expected_members except select * from actual_members)
                              union (select * from actual_members except select * from expected_members)) d`.execute(trx);
  });
  return rows.rows.map((r) => r.drift).sort();
}
