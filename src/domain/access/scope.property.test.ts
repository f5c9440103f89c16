import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { run, testClock } from '../../../test/factories.ts';
import { transact, type Actor } from '../context.ts';
import { createUnit } from '../org/create-unit.ts';
import { readableUnitIds } from './guard.ts';
import { unitPolicy } from './policy.ts';
import { buildServer } from '../../http/server.ts';
import { seedActors } from '../../../test/actors.ts';
import { buildSmallTree } from '../../../test/factories.ts';

let database: Database;
let root: string;
const LEVELS = ['central', 'region', 'district', 'cell'];

beforeAll(async () => {
  database = await openTestDatabase();
  root = (await run(database, (ctx) => createUnit(ctx, { parentId: null, name: 'Centre', level: 'central' }))).id;
});
afterAll(() => database?.close());

/** A random subtree under the root: each new unit picks an earlier one (or the root) one level up. */
const shape = fc.array(fc.nat(), { minLength: 1, maxLength: 25 });
// One actor in ten is an administrator; the others hold up to three roles and maybe a cell.
const actorPick = fc.record({ admin: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), officials: fc.array(fc.nat(), { maxLength: 3 }), cell: fc.option(fc.nat()) });

async function growTree(picks: number[]) {
  const units: Array<{ id: string; depth: number; ancestorIds: string[] }> = [{ id: root, depth: 0, ancestorIds: [] }];
  for (const pick of picks) {
    const parents = units.filter((u) => u.depth < 3);
    const parent = parents[pick % parents.length]!;
    const { id } = await run(database, (ctx) => createUnit(ctx, { parentId: parent.id, name: `u${pick}`, level: LEVELS[parent.depth + 1]! }));
    units.push({ id, depth: parent.depth + 1, ancestorIds: [...parent.ancestorIds, parent.id] });
  }
  return units;
}

it('the single-object check, the list filter and row-level security never disagree', async () => {
  await fc.assert(
    fc.asyncProperty(shape, actorPick, async (picks, pickActor) => {
      const units = await growTree(picks);
      const cells = units.filter((u) => u.depth === 3);
      const actor: Actor = {
        accountId: null, personId: null, label: 'property', isAdmin: pickActor.admin,
        officialUnitIds: [...new Set(pickActor.officials.map((i) => units[i % units.length]!.id))],
        cellId: pickActor.cell !== null && cells.length > 0 ? cells[pickActor.cell % cells.length]!.id : null,
      };
      const ids = units.map((u) => u.id);
      const { listed, visible } = await transact(database, actor, testClock, async (ctx) => ({
        listed: await readableUnitIds(ctx, ids),
        visible: new Set((await sql<{ id: string }>`select id from units where id = any(${ids}::uuid[])`.execute(ctx.db)).rows.map((r) => r.id)),
      }));
      for (const unit of units) {
        const single = unitPolicy.read(actor, unit);
        expect(listed.has(unit.id), `list filter vs policy for ${unit.id}`).toBe(single);
        expect(visible.has(unit.id), `row-level security vs policy for ${unit.id}`).toBe(single);
      }
    }),
    { numRuns: 40 },
  );
});

it('carries no scope over between interleaved requests of different actors', async () => {
  const tree = await buildSmallTree(await openSecondDatabase());
  const actors = await seedActors(second, tree);
  const app = await buildServer({ database: second, clock: testClock });
  try {
    const tokens = await Promise.all(Object.values(actors).map(async (a) =>
      ({ a, token: (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: a.password } })).json().token as string })));
    const targets = [tree.root, ...tree.regions, ...tree.districts, ...tree.cells];
    const requests = fc.sample(fc.tuple(fc.nat(tokens.length - 1), fc.nat(targets.length - 1)), { numRuns: 150, seed: 11 });
    const results = await Promise.all(requests.map(async ([who, target]) => {
      const { a, token } = tokens[who]!;
      const unit = targets[target]!;
      const response = await app.inject({ method: 'GET', url: `/api/v1/units/${unit}`, headers: { authorization: `Bearer ${token}` } });
      const placed = { id: unit, ancestorIds: await ancestorIdsOf(unit) };
      return { expected: unitPolicy.read(a.actor, placed) ? 200 : 404, got: response.statusCode };
    }));
    expect(results.filter((r) => r.expected !== r.got)).toEqual([]);
  } finally {
    await app.close();
    await second.close();
  }
});

let second: Database;
async function openSecondDatabase() {
  second = await openTestDatabase();
  return second;
}
async function ancestorIdsOf(unit: string) {
  return (await second.db.selectFrom('units').select('ancestor_ids').where('id', '=', unit).executeTakeFirstOrThrow()).ancestor_ids;
}
