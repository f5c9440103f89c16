import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-database.ts';
import { addMembers, buildSmallTree, testClock, type SmallTree } from '../../test/factories.ts';
import { seedActors, type Role, type SeededActor } from '../../test/actors.ts';
import { transact, type Actor } from '../domain/context.ts';
import type { Database } from './database.ts';
import { checkRowLevelSecurity } from './security-check.ts';

// The second wall on its own: queries with no application filter at all, run the
// way every request runs (as mainstay_app, with the actor's scope set), see and
// change only the actor's part of the tree.
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  for (const cell of tree.cells) await addMembers(database, cell, 2);
  actors = await seedActors(database, tree);
});
afterAll(() => database?.close());

const asActor = <T>(actor: Actor, fn: Parameters<typeof transact<T>>[3]) => transact(database, actor, testClock, fn);
const ids = async (actor: Actor, table: 'units' | 'people') =>
  asActor(actor, async (ctx) => (await sql<{ id: string }>`select id from ${sql.table(table)}`.execute(ctx.db)).rows.map((r) => r.id));

describe('row-level security alone', () => {
  it('passes the start-up check', async () => {
    expect(await checkRowLevelSecurity(database)).toEqual([]);
  });

  it('shows nothing when no scope is set', async () => {
    const nobody: Actor = { accountId: null, personId: null, label: 'nobody', isAdmin: false, officialUnitIds: [], cellId: null };
    expect(await ids(nobody, 'units')).toEqual([]);
    expect(await ids(nobody, 'people')).toEqual([]);
    const audit = await asActor(nobody, async (ctx) => (await sql`select id from audit_events`.execute(ctx.db)).rows);
    expect(audit).toEqual([]);
  });

  it('limits a district official to the district subtree', async () => {
    const seen = new Set(await ids(actors.districtOfficial.actor, 'units'));
    expect(seen).toEqual(new Set([tree.districts[0], tree.cells[0], tree.cells[1]]));
    const people = await asActor(actors.districtOfficial.actor, async (ctx) =>
      (await sql<{ cell_id: string }>`select cell_id from people`.execute(ctx.db)).rows);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.cell_id === tree.cells[0] || p.cell_id === tree.cells[1])).toBe(true);
  });

  it('limits a member to their own cell and themselves', async () => {
    expect(await ids(actors.member.actor, 'units')).toEqual([tree.cells[0]]);
  });

  it('lets an unfiltered UPDATE touch only rows in scope', async () => {
    const changed = await asActor(actors.districtOfficial.actor, async (ctx) =>
      Number((await sql`update units set name = name || ' (seen)'`.execute(ctx.db)).numAffectedRows));
    expect(changed).toBe(3);
    const outside = await database.db.selectFrom('units').select('name').where('id', '=', tree.regions[1]!).executeTakeFirstOrThrow();
    expect(outside.name).not.toContain('(seen)');
  });

  it('refuses an INSERT outside the scope', async () => {
    const attempt = asActor(actors.districtOfficial.actor, (ctx) =>
      sql`insert into people (id, name, cell_id) values (gen_random_uuid(), 'Intruder', ${tree.cells[7]!}::uuid)`.execute(ctx.db));
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('never deletes, even for an administrator', async () => {
    const deleted = await asActor(actors.admin.actor, async (ctx) =>
      Number((await sql`delete from people`.execute(ctx.db).catch(() => ({ numAffectedRows: -1n }))).numAffectedRows));
    expect(deleted).toBeLessThanOrEqual(0);
  });

  it('narrows the scope again after the name look-up for breadcrumbs', async () => {
    const { names, seen } = await asActor(actors.districtOfficial.actor, async (ctx) => ({
      names: (await sql<{ name: string }>`select name from mainstay_unit_names(${[tree.root, tree.regions[1]!]}::uuid[])`.execute(ctx.db)).rows,
      seen: (await sql<{ id: string }>`select id from units`.execute(ctx.db)).rows.length,
    }));
    expect(names).toHaveLength(2);
    expect(seen).toBe(3);
  });

  it('does not carry a scope over to the next transaction on the same connection', async () => {
    await ids(actors.admin.actor, 'units');
    const after = await database.db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'mainstay_app', true)`.execute(trx);
      return (await sql<{ n: number }>`select count(*)::int as n from units`.execute(trx)).rows[0]!.n;
    });
    expect(after).toBe(0);
  });
});
