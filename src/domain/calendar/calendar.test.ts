import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { buildSmallTree, run, testClock, type SmallTree } from '../../../test/factories.ts';
import { applyScope, transact, type Actor, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { closeUnit } from '../org/close-unit.ts';
import { createUnit } from '../org/create-unit.ts';
import { moveUnit } from '../org/move-unit.ts';
import { WALL_CLOCK, WEEKDAYS, type CalendarInput, type Span } from './calendar.ts';
import { clearUnitCalendar } from './clear-calendar.ts';
import { effectiveCalendar } from './effective-calendar.ts';
import { getUnitCalendar } from './get-calendar.ts';
import { setUnitCalendar } from './set-calendar.ts';

let database: Database;
let tree: SmallTree;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
});
afterAll(() => database?.close());

const official = (unitId: string): Actor => ({ accountId: null, personId: null, label: `official of ${unitId}`, isAdmin: false, officialUnitIds: [unitId], cellId: null });
const member = (cellId: string): Actor => ({ accountId: null, personId: null, label: 'member', isAdmin: false, officialUnitIds: [], cellId });
const as = <T>(actor: Actor, fn: (ctx: Ctx) => Promise<T>) => transact(database, actor, testClock, fn);

const hours = (timeZone: string, span: Span, holidays: CalendarInput['holidays'] = []): CalendarInput => ({
  timeZone, week: Object.fromEntries(WEEKDAYS.map((d) => [d, d === 'sat' || d === 'sun' ? [] : [span]])) as CalendarInput['week'], holidays,
});
const sourceOf = async (unitId: string, actor?: Actor) =>
  (await (actor ? as(actor, (ctx) => effectiveCalendar(ctx, unitId)) : run(database, (ctx) => effectiveCalendar(ctx, unitId)))).sourceUnitId;
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (e: unknown) => {
  if (e instanceof DomainError) return e.code;
  throw e;
});
const events = (action: string, unitId: string) =>
  database.db.selectFrom('audit_events').select(['before', 'after']).where('action', '=', action).where('target_id', '=', unitId).orderBy('id').execute();

describe('effective calendars', () => {
  it('count wall-clock time while no unit on the path has a calendar', async () => {
    const effective = await run(database, (ctx) => effectiveCalendar(ctx, tree.cells[0]!));
    expect(effective).toEqual({ calendar: WALL_CLOCK, sourceUnitId: null, updatedAt: null });
    const view = await run(database, (ctx) => getUnitCalendar(ctx, tree.cells[0]!));
    expect(view).toMatchObject({ mode: 'wall-clock', source: null, calendar: null });
  });

  it('are inherited from the nearest unit above that has one', async () => {
    await run(database, (ctx) => setUnitCalendar(ctx, tree.root, hours('Europe/Berlin', ['09:00', '18:00'], [{ date: '2026-12-25', name: 'Christmas Day' }])));
    await run(database, (ctx) => setUnitCalendar(ctx, tree.regions[0]!, hours('Europe/Lisbon', ['08:00', '16:00'])));
    await run(database, (ctx) => setUnitCalendar(ctx, tree.cells[1]!, hours('Europe/Lisbon', ['10:00', '14:00'])));
    expect(await sourceOf(tree.root)).toBe(tree.root);
    expect(await sourceOf(tree.regions[1]!)).toBe(tree.root);
    expect(await sourceOf(tree.cells[7]!)).toBe(tree.root);
    expect(await sourceOf(tree.districts[0]!)).toBe(tree.regions[0]);
    expect(await sourceOf(tree.cells[0]!)).toBe(tree.regions[0]);
    expect(await sourceOf(tree.cells[1]!)).toBe(tree.cells[1]);
    const inherited = await run(database, (ctx) => effectiveCalendar(ctx, tree.cells[7]!));
    expect(inherited.calendar).toMatchObject({ kind: 'working', timeZone: 'Europe/Berlin', holidays: [{ date: '2026-12-25', name: 'Christmas Day' }] });

    await run(database, (ctx) => clearUnitCalendar(ctx, tree.regions[0]!));
    expect(await sourceOf(tree.cells[0]!)).toBe(tree.root);
    expect(await sourceOf(tree.cells[1]!)).toBe(tree.cells[1]);
  });

  it('follow a unit that moves: the path decides', async () => {
    const cell = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[0]!, name: 'Mover', level: 'cell' }))).id;
    await run(database, (ctx) => setUnitCalendar(ctx, tree.districts[0]!, hours('Asia/Seoul', ['09:00', '18:00'])));
    expect(await sourceOf(cell)).toBe(tree.districts[0]);
    await run(database, (ctx) => moveUnit(ctx, cell, { parentId: tree.districts[3]! }));
    expect(await sourceOf(cell)).toBe(tree.root);
  });
});

describe('who may set a calendar', () => {
  const weekdays = hours('Europe/Berlin', ['08:00', '17:00']);

  it('the level above, like a rename: officials below their own unit, administrators anywhere', async () => {
    expect(await codeOf(as(official(tree.regions[0]!), (ctx) => setUnitCalendar(ctx, tree.districts[1]!, weekdays)))).toBe('no error');
    expect(await codeOf(as(official(tree.districts[0]!), (ctx) => setUnitCalendar(ctx, tree.cells[0]!, weekdays)))).toBe('no error');
    expect(await codeOf(as(official(tree.districts[0]!), (ctx) => clearUnitCalendar(ctx, tree.cells[0]!)))).toBe('no error');
    // Their own unit belongs to the level above: a 403, since they can read it.
    expect(await codeOf(as(official(tree.regions[0]!), (ctx) => setUnitCalendar(ctx, tree.regions[0]!, weekdays)))).toBe('forbidden');
    expect(await codeOf(as(official(tree.cells[0]!), (ctx) => setUnitCalendar(ctx, tree.cells[0]!, weekdays)))).toBe('forbidden');
    expect(await codeOf(as(member(tree.cells[0]!), (ctx) => setUnitCalendar(ctx, tree.cells[0]!, weekdays)))).toBe('forbidden');
    // Outside the scope it reads like a unit that does not exist.
    expect(await codeOf(as(official(tree.regions[0]!), (ctx) => setUnitCalendar(ctx, tree.districts[3]!, weekdays)))).toBe('unit_not_found');
    expect(await codeOf(as(official(tree.regions[0]!), (ctx) => clearUnitCalendar(ctx, tree.root)))).toBe('unit_not_found');
    expect(await codeOf(as(official(tree.districts[0]!), (ctx) => clearUnitCalendar(ctx, tree.regions[0]!)))).toBe('unit_not_found');
  });

  it('anyone who can read a unit reads its calendar, even when it comes from above their scope', async () => {
    const view = await as(member(tree.cells[0]!), (ctx) => getUnitCalendar(ctx, tree.cells[0]!));
    expect(view.source).toMatchObject({ inherited: true });
    expect(view.abilities.set).toBe(false);
    const fromDistrict = await as(official(tree.districts[0]!), (ctx) => getUnitCalendar(ctx, tree.cells[0]!));
    expect(fromDistrict.abilities.set).toBe(true);
    expect(await codeOf(as(member(tree.cells[0]!), (ctx) => getUnitCalendar(ctx, tree.cells[7]!)))).toBe('unit_not_found');
    expect(await codeOf(as(official(tree.districts[0]!), (ctx) => effectiveCalendar(ctx, tree.cells[7]!)))).toBe('unit_not_found');
  });

  it('row-level security alone shows calendars in and above the scope, and refuses writes outside it', async () => {
    await run(database, (ctx) => setUnitCalendar(ctx, tree.districts[3]!, weekdays));
    const visible = await database.db.transaction().execute(async (trx) => {
      await applyScope(trx, official(tree.districts[0]!));
      return (await sql<{ unit_id: string }>`select unit_id from unit_calendars`.execute(trx)).rows.map((r) => r.unit_id);
    });
    expect(visible).toContain(tree.root);
    expect(visible).toContain(tree.districts[0]);
    expect(visible).not.toContain(tree.districts[3]);
    expect(visible).not.toContain(tree.districts[1]); // a sibling's, not on the path
    const write = database.db.transaction().execute(async (trx) => {
      await applyScope(trx, official(tree.districts[0]!));
      await sql`insert into unit_calendars (unit_id, time_zone, week) values (${tree.cells[7]!}::uuid, 'UTC', '{}')`.execute(trx);
    });
    await expect(write).rejects.toThrow(/row-level security/);
  });
});

describe('setting a calendar', () => {
  it('is audited with what it replaced, and a change to nothing writes nothing', async () => {
    const cell = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[1]!, name: 'Audited', level: 'cell' }))).id;
    const first = hours('Europe/Berlin', ['09:00', '18:00']);
    await run(database, (ctx) => setUnitCalendar(ctx, cell, first));
    await run(database, (ctx) => setUnitCalendar(ctx, cell, { ...first, timeZone: 'europe/berlin' })); // same, canonically
    await run(database, (ctx) => setUnitCalendar(ctx, cell, hours('Europe/Berlin', ['07:00', '15:00'])));
    const set = await events('unit.calendar.set', cell);
    expect(set).toHaveLength(2);
    expect(set[0]!.before).toBeNull();
    expect(set[0]!.after).toMatchObject({ timeZone: 'Europe/Berlin', week: { mon: [['09:00', '18:00']], sun: [] } });
    expect(set[1]!.before).toMatchObject({ week: { mon: [['09:00', '18:00']] } });
    expect(set[1]!.after).toMatchObject({ week: { mon: [['07:00', '15:00']] } });
    await run(database, (ctx) => clearUnitCalendar(ctx, cell));
    await run(database, (ctx) => clearUnitCalendar(ctx, cell));
    const cleared = await events('unit.calendar.clear', cell);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]!.before).toMatchObject({ week: { mon: [['07:00', '15:00']] } });
  });

  it('refuses an invalid calendar, a closed unit and an unknown one', async () => {
    const bad = { ...hours('Nowhere/Special', ['09:00', '18:00']), holidays: [{ date: '2026-02-29', name: 'Not a leap year' }] };
    const error = await run(database, (ctx) => setUnitCalendar(ctx, tree.cells[2]!, bad)).catch((e: DomainError) => e);
    expect(error).toMatchObject({ kind: 'invalid', code: 'invalid_calendar' });
    expect((error as DomainError).details.issues).toEqual([
      { path: ['timeZone'], message: expect.any(String) },
      { path: ['holidays', 0, 'date'], message: expect.any(String) },
    ]);
    const closed = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[1]!, name: 'Closing', level: 'cell' }))).id;
    await run(database, (ctx) => closeUnit(ctx, closed));
    expect(await codeOf(run(database, (ctx) => setUnitCalendar(ctx, closed, hours('UTC', ['09:00', '17:00']))))).toBe('unit_closed');
    expect(await codeOf(run(database, (ctx) => setUnitCalendar(ctx, '01900000-0000-7000-8000-000000000000', hours('UTC', ['09:00', '17:00']))))).toBe('unit_not_found');
  });
});
