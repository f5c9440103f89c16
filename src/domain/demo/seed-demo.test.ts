import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { testClock } from '../../../test/factories.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());

it('gives a first start an organization with sign-ins and something on every page, and never runs twice', async () => {
  const demo = await seedDemoIfEmpty(database, testClock);
  expect(demo).toMatchObject({ email: 'admin@demo.mainstay', scoped: ['district@demo.mainstay', 'cell@demo.mainstay'] });
  const count = async (table: 'case_categories' | 'cases' | 'assignments' | 'invitations' | 'unit_cadences') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  expect(await count('case_categories')).toBe(3);
  expect(await count('cases')).toBe(3);
  expect(await count('assignments')).toBeGreaterThan(0);
  expect(await count('invitations')).toBeGreaterThan(0);
  expect(await count('unit_cadences')).toBe(1);
  // The cases wait in the queue of the cell whose secretary has the demo sign-in.
  const cell = await database.db.selectFrom('accounts as a').innerJoin('official_terms as t', 't.person_id', 'a.person_id')
    .select('t.unit_id').where('a.email', '=', 'cell@demo.mainstay').executeTakeFirstOrThrow();
  const owners = await database.db.selectFrom('cases').select('owning_unit_id').execute();
  expect(owners.filter((c) => c.owning_unit_id === cell.unit_id).length).toBeGreaterThanOrEqual(2);
  expect(await seedDemoIfEmpty(database, testClock)).toBeUndefined();
});
