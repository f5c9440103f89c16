import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addMembers, buildSmallTree, type SmallTree } from '../../../test/factories.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { systemActor, transact } from '../context.ts';
import { markAttendance } from './attendance.ts';
import { missedMeetingsJob, setCadence } from './cadence.ts';
import { createGathering } from './create-gathering.ts';
import { meetingStats } from './meeting-stats.ts';
import { sendInvitations } from './send-invitations.ts';

// Issue 14, item 4: "Cells that never met are invisible". The small tree's cells are created
// on 2026-01-05 (the factories' clock) and nobody sets a cadence for them.
let database: Database;
let tree: SmallTree;
const as = <T>(at: string, fn: Parameters<typeof transact<T>>[3]) => transact(database, systemActor('test'), fixedClock(at), fn);
const stats = (unitId: string, at = '2026-03-01T00:00:00Z') => as(at, (ctx) => meetingStats(ctx, unitId));

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  // Cell 0 meets once, on 10 January; the other seven cells never meet.
  const [member] = await addMembers(database, tree.cells[0]!, 1);
  const { id } = await as('2026-01-08T09:00:00Z', (ctx) => createGathering(ctx, {
    kind: 'meeting', conveningUnitId: tree.cells[0]!, title: 'January meeting', startsAt: '2026-01-10T18:00:00Z', endsAt: '2026-01-10T20:00:00Z',
    invitees: { rule: 'unit-members', unitId: tree.cells[0]! },
  }));
  await as('2026-01-08T09:00:00Z', (ctx) => sendInvitations(ctx, id));
  await as('2026-01-10T18:10:00Z', (ctx) => markAttendance(ctx, id, { personId: member!, status: 'present' }));
});
afterAll(async () => {
  await database?.close();
});

describe('the default cadence', () => {
  it('counts a cell with no meeting within the default 31 days as missed, and "never met" apart', async () => {
    // Before the job has run nothing is known; within 31 days of their creation no cell has missed yet.
    await missedMeetingsJob(database).run(new Date('2026-01-20T00:00:00Z'));
    expect(await stats(tree.districts[0]!, '2026-01-20T00:00:00Z')).toMatchObject({ withCadence: 2, missed: 0, neverMet: 1 });
    // 6 February: the cells created on 5 January have gone 32 days without a meeting; cell 0 met on 10 January.
    await missedMeetingsJob(database).run(new Date('2026-02-06T12:00:00Z'));
    const district = await stats(tree.districts[0]!);
    // Before issue 14 this read "withCadence 0, missed 0": the cell that never met was in no figure.
    expect(district).toMatchObject({ withCadence: 2, missed: 1, neverMet: 1 });
    const [met, never] = [tree.cells[0], tree.cells[1]].map((id) => district.children.find((c) => c.unitId === id)!);
    expect(met!.cadence).toMatchObject({ everyDays: 31, byDefault: true, neverMet: false, missedSince: null, lastMetAt: '2026-01-10T18:00:00.000Z' });
    expect(never!.cadence).toMatchObject({ everyDays: 31, byDefault: true, neverMet: true, missedSince: '2026-02-05T09:00:00.000Z' });
    expect(await stats(tree.root)).toMatchObject({ withCadence: 8, missed: 7, neverMet: 7 });
  });

  it('follows a changed default, gives way to a cadence set for the cell, and adopts each cell once', async () => {
    await missedMeetingsJob(database, { defaultCadenceDays: 14 }).run(new Date('2026-02-07T00:00:00Z'));
    expect((await stats(tree.districts[0]!)).children.find((c) => c.unitId === tree.cells[1])!.cadence).toMatchObject({ everyDays: 14, byDefault: true });
    await as('2026-02-07T00:00:00Z', (ctx) => setCadence(ctx, tree.cells[1]!, { everyDays: 60 }));
    await missedMeetingsJob(database).run(new Date('2026-02-08T00:00:00Z'));
    const district = await stats(tree.districts[0]!);
    expect(district.children.find((c) => c.unitId === tree.cells[1])!.cadence).toMatchObject({ everyDays: 60, byDefault: false, neverMet: true });
    expect(district.children.find((c) => c.unitId === tree.cells[0])!.cadence).toMatchObject({ everyDays: 31, byDefault: true });
    expect(await stats(tree.root)).toMatchObject({ withCadence: 8, neverMet: 7 });
  });
});
