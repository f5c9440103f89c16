import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { fixedClock } from '../platform/clock.ts';
import { PASSWORD, seedActors, seedSecretary, type Role, type SeededActor } from '../../test/actors.ts';
import { buildSmallTree, type SmallTree } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { buildServer } from './server.ts';

// Issue 14: GET /api/v1/me/today. The seeded actors stand in region 0: the secretary of cell 0,
// a plain member of cell 0, an official of district 0 (cells 0 and 1) and of region 0; beside
// them the secretary of cell 1, the neighbour.
type Who = Role | 'neighbour';
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let neighbour: SeededActor;
let app: FastifyInstance;
const clock = fixedClock('2026-06-01T08:00:00Z');
const HOUR = 3_600_000;
const tokens = {} as Record<Who, string>;
const at = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();

const signIn = async (who: Who) => {
  const email = who === 'neighbour' ? neighbour.email : actors[who].email;
  tokens[who] = (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } })).json().token;
};
const call = async (who: Who, options: InjectOptions) => {
  const send = () => app.inject({ ...options, headers: { authorization: `Bearer ${tokens[who]}` } });
  let response = await send();
  // Sessions expire while the clock jumps ahead: sign in again.
  if (response.statusCode === 401) {
    await signIn(who);
    response = await send();
  }
  return response;
};
const ok = async (who: Who, options: InjectOptions, status = 200) => {
  const response = await call(who, options);
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
};
interface Item { kind: string; targetId: string; unitId: string; title: string; dueAt: string | null; href: string; urgency: string | null; rsvp: string | null; count: number | null }
const today = (who: Who): Promise<{ items: Item[]; counts: Record<string, number> }> => ok(who, { method: 'GET', url: '/api/v1/me/today' });
const kindsOf = (items: Item[]) => [...new Set(items.map((i) => i.kind))].sort();
const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
const deadlines = (ack: number, resolve: number) => Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: ack, resolveHours: resolve }]));
/** `x` is the longitude: GeoJSON puts it first. */
const fileCase = (who: Who, x: number, urgency = 'normal', description = 'The tap leaks') =>
  ok(who, { method: 'POST', url: '/api/v1/cases', payload: { categoryCode: 'water', description, urgency, lat: 1, long: x } }, 201) as Promise<{ id: string; owningUnitId: string }>;

let urgent: { id: string }, nextDoor: { id: string }, own: { id: string }, working: { id: string };
let assignmentId: string, directiveId: string, meetingId: string, pastMeetingId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  actors = await seedActors(database, tree);
  neighbour = await seedSecretary(database, tree.cells[1]!, 'neighbour@test.example');
  app = await buildServer({ database, clock });
  for (const who of [...Object.keys(actors), 'neighbour'] as Who[]) await signIn(who);
  await ok('admin', { method: 'POST', url: '/api/v1/categories', payload: { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines: deadlines(24, 72) } }, 201);
  // Cell 0 covers [0,2]×[0,2], cell 1 [2,4]×[0,2].
  await ok('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[0]}/service-area`, payload: { polygon: square(0, 0, 2), localities: [] } });
  await ok('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/service-area`, payload: { polygon: square(2, 0, 2), localities: [] } });

  urgent = await fileCase('admin', 1, 'urgent', 'No water at the school');
  nextDoor = await fileCase('admin', 3);
  own = await fileCase('member', 1, 'normal', 'My own tap');
  working = await fileCase('admin', 1);
  await ok('cellSecretary', { method: 'POST', url: `/api/v1/cases/${working.id}/transition`, payload: { to: 'acknowledged' } });

  // District 0 sends a directive to its cells, due in 5 days.
  const d = await ok('districtOfficial', { method: 'POST', url: '/api/v1/directives', payload: {
    issuerUnitId: tree.districts[0], title: 'Count the wells', body: 'Every cell counts its wells.', items: [{ title: 'Count', dueAt: at(5 * 24) }], target: { kind: 'all' },
  } }, 201);
  directiveId = d.id;
  await ok('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/issue` });
  const inbox = await ok('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/assignments` });
  assignmentId = inbox.items[0].id;

  // Cell 0 meets in two days, and met an hour from now (attendance never taken).
  const meeting = (title: string, from: number) => ok('cellSecretary', { method: 'POST', url: '/api/v1/gatherings', payload: {
    kind: 'meeting', conveningUnitId: tree.cells[0], title, startsAt: at(from), endsAt: at(from + 2), place: 'The hall', invitees: { rule: 'unit-members', unitId: tree.cells[0] },
  } }, 201) as Promise<{ id: string }>;
  meetingId = (await meeting('June meeting', 48)).id;
  pastMeetingId = (await meeting('Short meeting', 1)).id;
  for (const id of [meetingId, pastMeetingId]) await ok('cellSecretary', { method: 'POST', url: `/api/v1/gatherings/${id}/send` });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('GET /api/v1/me/today', () => {
  it("shows a cell secretary their cell's new cases, the directive to acknowledge and the next meeting, linked to where each is acted on", async () => {
    const { items, counts } = await today('cellSecretary');
    const byTarget = new Map(items.map((i) => [i.targetId, i]));
    expect(byTarget.get(urgent.id)).toMatchObject({ kind: 'case_acknowledge', unitId: tree.cells[0], href: `/cases/${urgent.id}`, urgency: 'urgent', dueAt: at(24) });
    expect(byTarget.get(urgent.id)!.title).toMatch(/Water$/);
    expect(byTarget.get(own.id)).toMatchObject({ kind: 'case_acknowledge' });
    // Acknowledged, due in 72 h: not yet "soon".
    expect(byTarget.has(working.id)).toBe(false);
    expect(byTarget.get(assignmentId)).toMatchObject({ kind: 'assignment_acknowledge', title: 'Count the wells', href: `/assignments/${assignmentId}`, dueAt: at(120) });
    expect(byTarget.get(meetingId)).toMatchObject({ kind: 'gathering_upcoming', href: `/gatherings/${meetingId}`, rsvp: null, dueAt: at(48) });
    expect(counts).toMatchObject({ case_acknowledge: 2, case_overdue: 0, assignment_acknowledge: 1, gathering_upcoming: 2, cells_not_met: 0 });
  });

  it('never shows another cell\'s cases (scope), to the secretary next door nor the other way round', async () => {
    const mine = await today('cellSecretary');
    expect(mine.items.map((i) => i.targetId)).not.toContain(nextDoor.id);
    const theirs = await today('neighbour');
    expect(theirs.items.map((i) => i.targetId)).toContain(nextDoor.id);
    for (const id of [urgent.id, own.id, working.id, meetingId]) expect(theirs.items.map((i) => i.targetId)).not.toContain(id);
    expect(theirs.items.every((i) => i.unitId === tree.cells[1])).toBe(true);
  });

  it('gives a member only member items: their own request and their cell\'s next meeting, with their answer', async () => {
    await ok('member', { method: 'POST', url: `/api/v1/gatherings/${meetingId}/rsvp`, payload: { answer: 'yes' } });
    const { items, counts } = await today('member');
    expect(kindsOf(items)).toEqual(['gathering_upcoming', 'own_request']);
    expect(items.find((i) => i.kind === 'own_request')).toMatchObject({ targetId: own.id, href: `/cases/${own.id}` });
    expect(items.find((i) => i.targetId === meetingId)).toMatchObject({ rsvp: 'yes' });
    expect(items.map((i) => i.targetId)).not.toContain(urgent.id);
    expect(counts.case_acknowledge).toBe(0);
  });

  it('gives an official above the cells the cells that need them, as counts that open lists, and their questions', async () => {
    await ok('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/questions`, payload: { text: 'Do dry wells count?' } }, 201);
    const { items, counts } = await today('districtOfficial');
    // Both cells never met and neither acknowledged the directive; no case is overdue yet.
    expect(counts).toMatchObject({ cells_not_met: 2, cells_unacknowledged: 2, cells_overdue_cases: 0, question_unanswered: 1 });
    expect(items[0]).toMatchObject({ kind: 'cells_not_met', targetId: tree.districts[0], count: 2, href: `/units/${tree.districts[0]}/meetings` });
    expect(items.find((i) => i.kind === 'question_unanswered')).toMatchObject({ title: 'Do dry wells count?', href: `/directives/${directiveId}` });
    // The district's own queue is empty: the cells' cases are not listed one by one.
    expect(items.map((i) => i.targetId)).not.toContain(urgent.id);
    // The region official counts the same cells, once.
    expect((await today('regionOfficial')).counts).toMatchObject({ cells_not_met: 4, cells_unacknowledged: 2 });
    await ok('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/transition`, payload: { to: 'acknowledged' } });
    expect((await today('districtOfficial')).counts.cells_unacknowledged).toBe(1);
  });

  it('puts what is past due first (longest first), then what is due soonest, and moves with the clock', async () => {
    clock.advance(30 * HOUR);
    const { items, counts } = await today('cellSecretary');
    const kinds = new Map(items.map((i) => [i.targetId, i.kind]));
    expect(kinds.get(urgent.id)).toBe('case_overdue');
    expect(kinds.get(working.id)).toBe('case_due_soon');
    expect(kinds.get(pastMeetingId)).toBe('attendance_unrecorded');
    expect(kinds.get(assignmentId)).toBe('assignment_due');
    expect(counts).toMatchObject({ case_overdue: 2, case_due_soon: 1, attendance_unrecorded: 1, assignment_due: 1 });
    const now = clock.now().getTime();
    const dated = items.filter((i) => i.dueAt !== null).map((i) => Date.parse(i.dueAt!));
    const past = dated.filter((t) => t < now);
    expect(dated.slice(0, past.length)).toEqual([...past].sort((a, b) => a - b));
    expect(dated.slice(past.length)).toEqual([...dated.slice(past.length)].sort((a, b) => a - b));
    const firstUndated = items.findIndex((i) => i.dueAt === null);
    if (firstUndated >= 0) expect(firstUndated).toBeGreaterThanOrEqual(dated.length);
    expect((await today('districtOfficial')).counts.cells_overdue_cases).toBe(2);
  });

  it('lists at most 50 lines and counts them all', async () => {
    for (let i = 0; i < 52; i++) await fileCase('admin', 1, 'low', `Leak ${i}`);
    const { items, counts } = await today('cellSecretary');
    expect(items).toHaveLength(50);
    expect(counts.case_acknowledge).toBe(52);
    // The overdue ones (past due) are not pushed out by the many new ones.
    expect(items.slice(0, 3).map((i) => i.kind)).toEqual(['attendance_unrecorded', 'case_overdue', 'case_overdue']);
  });
});
