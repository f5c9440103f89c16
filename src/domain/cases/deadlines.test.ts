import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { fixedClock } from '../../platform/clock.ts';
import { buildSmallTree, testActor, type SmallTree } from '../../../test/factories.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { setUnitCalendar } from '../calendar/set-calendar.ts';
import { transact, type Ctx } from '../context.ts';
import { createCategory, URGENCIES } from './categories.ts';
import { createCase } from './create-case.ts';
import { transitionCase } from './transition-case.ts';
import type { Deadlines } from '../../db/schema-cases.ts';

let database: Database;
let tree: SmallTree;
// Friday 2026-03-06, 16:00 UTC.
const clock = fixedClock('2026-03-06T16:00:00Z');
const as = <T>(fn: (ctx: Ctx) => Promise<T>) => transact(database, testActor, clock, fn);
const due = async (id: string) => database.db.selectFrom('cases').select(['acknowledge_due_at', 'resolve_due_at']).where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 2, resolveHours: 10 }])) as Deadlines;
  await as((ctx) => createCategory(ctx, { code: 'tap', name: 'Tap', handlingLevel: 'cell', public: true, deadlines }));
  // District 0.0 works Monday to Friday, 9 to 17, in UTC; its cells inherit that.
  const weekday = [['09:00', '17:00']] as Array<[string, string]>;
  await as((ctx) => setUnitCalendar(ctx, tree.districts[0]!, { timeZone: 'UTC', week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] }, holidays: [{ date: '2026-03-09', name: 'A holiday' }] }));
});
afterAll(async () => { await database?.close(); });

describe('deadlines in working time', () => {
  it("count in the owning unit's inherited calendar, skipping nights, weekends and holidays", async () => {
    const c = await as((ctx) => createCase(ctx, { categoryCode: 'tap', description: 'x', urgency: 'normal', receivedByUnitId: tree.cells[0] }, 'official'));
    // Friday 16:00 + 2 working hours: one hour on Friday, Monday is a holiday, so Tuesday 10:00.
    expect((await due(c.id)).acknowledge_due_at?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
    // 10 working hours: 1 on Friday, 8 on Tuesday, 1 on Wednesday.
    expect((await due(c.id)).resolve_due_at?.toISOString()).toBe('2026-03-11T10:00:00.000Z');
  });

  it('count in wall-clock time for life-threatening cases, and where no calendar is set', async () => {
    const urgent = await as((ctx) => createCase(ctx, { categoryCode: 'tap', description: 'x', urgency: 'life_threatening', receivedByUnitId: tree.cells[0] }, 'official'));
    expect((await due(urgent.id)).acknowledge_due_at?.toISOString()).toBe('2026-03-06T18:00:00.000Z');
    const elsewhere = await as((ctx) => createCase(ctx, { categoryCode: 'tap', description: 'x', urgency: 'normal', receivedByUnitId: tree.cells[4] }, 'official'));
    expect((await due(elsewhere.id)).acknowledge_due_at?.toISOString()).toBe('2026-03-06T18:00:00.000Z');
  });

  it('stand still while the case waits on its requester', async () => {
    const c = await as((ctx) => createCase(ctx, { categoryCode: 'tap', description: 'x', urgency: 'normal', receivedByUnitId: tree.cells[1] }, 'official'));
    await as((ctx) => transitionCase(ctx, c.id, { to: 'acknowledged' }));
    await as((ctx) => transitionCase(ctx, c.id, { to: 'waiting' }));
    // It waits from Friday 16:00 to the next Friday 16:00; 10 working hours were left, and still are:
    // 1 on that Friday, 8 on Monday the 16th, 1 on Tuesday.
    clock.advance(7 * 24 * 3_600_000);
    await as((ctx) => transitionCase(ctx, c.id, { to: 'in_progress' }));
    expect((await due(c.id)).resolve_due_at?.toISOString()).toBe('2026-03-17T10:00:00.000Z');
  });
});
