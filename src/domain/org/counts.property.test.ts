import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { buildSmallTree, run } from '../../../test/factories.ts';
import { directoryDrift } from '../../../test/directory.ts';
import { recountInJs } from '../../../test/recount.ts';
import { DomainError } from '../errors.ts';
import { createPerson } from '../people/create-person.ts';
import { transferPerson } from '../people/transfer-person.ts';
import { closeUnit } from './close-unit.ts';
import { createUnit } from './create-unit.ts';
import { moveUnit } from './move-unit.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await buildSmallTree(database);
});
afterAll(() => database?.close());

const LEVELS = ['central', 'region', 'district', 'cell'];

// Each operation picks its targets by index into the rows that exist when it runs,
// so shrinking keeps sequences meaningful.
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), parent: fc.nat(), level: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('move' as const), unit: fc.nat(), parent: fc.nat() }),
  fc.record({ kind: fc.constant('close' as const), unit: fc.nat() }),
  fc.record({ kind: fc.constant('person' as const), cell: fc.nat() }),
  fc.record({ kind: fc.constant('transfer' as const), person: fc.nat(), cell: fc.nat() }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op) {
  const units = await database.db.selectFrom('units').select(['id', 'depth']).where('closed_at', 'is', null).orderBy('id').execute();
  const cells = units.filter((u) => u.depth === 3);
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  try {
    switch (o.kind) {
      case 'create': {
        const parent = pick(units, o.parent)!;
        await run(database, (ctx) => createUnit(ctx, { parentId: parent.id, name: `u${o.parent}`, level: LEVELS[o.level]! }));
        break;
      }
      case 'move':
        await run(database, (ctx) => moveUnit(ctx, pick(units, o.unit)!.id, { parentId: pick(units, o.parent)!.id }));
        break;
      case 'close':
        await run(database, (ctx) => closeUnit(ctx, pick(units, o.unit)!.id));
        break;
      case 'person':
        if (cells.length) await run(database, (ctx) => createPerson(ctx, { name: 'p', cellId: pick(cells, o.cell)!.id }));
        break;
      case 'transfer': {
        const people = await database.db.selectFrom('people').select('id').orderBy('id').execute();
        if (people.length && cells.length) await run(database, (ctx) => transferPerson(ctx, pick(people, o.person)!.id, { cellId: pick(cells, o.cell)!.id }));
        break;
      }
    }
  } catch (error) {
    // Refusals (a move under a descendant, closing a non-empty unit…) are part of the
    // game; anything else is a bug.
    if (!(error instanceof DomainError)) throw error;
  }
}

it('keeps every counter equal to a full recount (and the search directory true) over random sequences of changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      for (const o of ops) await apply(o);
      const { expected, actual } = await recountInJs(database);
      expect(actual).toEqual(expected);
      expect(await directoryDrift(database)).toEqual([]);
    }),
    { numRuns: 30 },
  );
});

it('keeps counters right and does not deadlock under concurrent changes', async () => {
  const ops = fc.sample(op, { numRuns: 60, seed: 7 });
  const results = await Promise.allSettled(ops.map((o) => apply(o)));
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  const { expected, actual } = await recountInJs(database);
  expect(actual).toEqual(expected);
  expect(await directoryDrift(database)).toEqual([]);
});
