import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-database.ts';
import type { Database } from './database.ts';
import { APP_ROLE } from './security-check.ts';

// docs/architecture.md names every table the application may delete from; anything else
// is kept (closed, ended, superseded), so a new DELETE grant must be argued there first.
const DELETABLE = [
  'agenda_items', 'gathering_sessions', 'unit_cadences', // a draft gathering's agenda and sessions, a unit's cadence
  'directive_items', // a draft directive's items, replaced on edit
  'idempotency_keys', 'sign_in_failures', // expiring bookkeeping
  'levels', // the level names, replaced whole before the first unit exists
  'unit_calendars', // a unit's own calendar, removed to inherit again
];

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());

describe('what the application role may delete', () => {
  it('is exactly the tables the architecture names, and it truncates nothing', async () => {
    const rows = (await sql<{ relname: string; del: boolean; trunc: boolean }>`
      select c.relname, has_table_privilege(${APP_ROLE}, c.oid, 'delete') as del, has_table_privilege(${APP_ROLE}, c.oid, 'truncate') as trunc
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(database.db)).rows;
    expect(rows.filter((r) => r.del).map((r) => r.relname).sort()).toEqual([...DELETABLE].sort());
    expect(rows.filter((r) => r.trunc).map((r) => r.relname)).toEqual([]);
  });
});
