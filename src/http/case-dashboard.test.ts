import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { applyCaseStats } from '../domain/cases/case-stats.ts';
import { escalateOverdue } from '../domain/cases/escalate-overdue.ts';
import { systemActor, transact } from '../domain/context.ts';
import { moveUnit } from '../domain/org/move-unit.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Role } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { useTestApp } from '../../test/http-app.ts';

const HOUR = 3_600_000;
let database: Database;
let tree: SmallTree;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T08:00:00Z');
let tokens: Record<Role, string>;
const system = <T>(fn: Parameters<typeof transact<T>>[3]) => transact(database, systemActor('test'), clock, fn);

const signIn = (role: Role) => fixture.signIn(role);
const call = async (role: Role | null, options: InjectOptions): Promise<{ status: number; json: any }> => {
  const remoteAddress = role ? undefined : `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const send = () => app.inject({ ...options, ...(remoteAddress ? { remoteAddress } : {}), headers: role ? { authorization: `Bearer ${tokens[role]}` } : {} });
  let response = await send();
  if (role && response.statusCode === 401) {
    await signIn(role);
    response = await send();
  }
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
};
const deadlines = (ack: number, resolve: number) => Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: ack, resolveHours: resolve }]));
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 5, 0], [x + 5, 5], [x, 5], [x, 0]]] });
const dashboard = async (unitId: string, role: Role = 'admin') => {
  const response = await call(role, { method: 'GET', url: `/api/v1/units/${unitId}/case-dashboard` });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
};

interface Filed { id: string; trackingToken: string }
const file = async (cell: number, categoryCode = 'water'): Promise<Filed> => {
  const response = await call(null, { method: 'POST', url: '/api/v1/public/cases', payload: { categoryCode, description: `Case in cell ${cell}`, urgency: 'normal', lat: 1, long: cell * 10 + 1 } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json;
};
const move = async (id: string, to: string, extra: Record<string, unknown> = {}) => {
  const response = await call('admin', { method: 'POST', url: `/api/v1/cases/${id}/transition`, payload: { to, ...extra } });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
};
const track = async (c: Filed, action: string, payload?: Record<string, unknown>) => {
  const response = await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/${action}`, ...(payload ? { payload } : {}) });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
};

const OPEN = ['new', 'acknowledged', 'in_progress', 'waiting', 'reopened'];
const mondayOf = (d: Date) => {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1]!;
};

/** The oracle: the same figures counted from every case row, as a full scan would. */
async function recount(unitId: string) {
  const rows = (await database.db.selectFrom('cases').selectAll().execute())
    .filter((c) => c.status !== 'merged' && c.owner_path.includes(unitId));
  const open = rows.filter((c) => OPEN.includes(c.status));
  const resolved = rows.filter((c) => c.status === 'resolved' || c.status === 'closed');
  const rated = rows.filter((c) => c.rating_stars !== null);
  const weeks = new Map<string, { opened: number; resolved: number }>();
  const week = (w: string) => weeks.get(w) ?? weeks.set(w, { opened: 0, resolved: 0 }).get(w)!;
  for (const c of rows) week(mondayOf(c.created_at)).opened += 1;
  for (const c of resolved) week(mondayOf(c.resolved_at!)).resolved += 1;
  return {
    open: open.length,
    overdue: open.filter((c) => c.overdue_since !== null).length,
    escalated: open.filter((c) => c.escalation_level > 0).length,
    acknowledged: rows.filter((c) => c.acknowledged_at !== null).length,
    resolved: resolved.length,
    reopened: rows.reduce((sum, c) => sum + c.reopen_count, 0),
    ratings: rated.length,
    average: rated.length ? Math.round((rated.reduce((s, c) => s + c.rating_stars!, 0) / rated.length) * 100) / 100 : null,
    ackHours: median(rows.filter((c) => c.acknowledged_at).map((c) => (c.acknowledged_at!.getTime() - c.created_at.getTime()) / HOUR)),
    resolveHours: median(resolved.map((c) => (c.resolved_at!.getTime() - c.created_at.getTime()) / HOUR)),
    weeks,
  };
}

/** Every unit's dashboard equals the recount — read with the log pending, then again after folding it. */
async function expectDashboardsMatchRecount() {
  for (const fold of [false, true]) {
    if (fold) await system((ctx) => applyCaseStats(ctx));
    for (const unitId of [tree.root, ...tree.regions, ...tree.districts, ...tree.cells]) {
      const [got, want] = [await dashboard(unitId), await recount(unitId)];
      const label = `unit ${unitId}, ${fold ? 'folded' : 'pending'}`;
      expect({ open: got.open, overdue: got.overdue, escalated: got.escalated, acknowledged: got.acknowledged, resolved: got.resolved, reopened: got.reopened }, label)
        .toEqual({ open: want.open, overdue: want.overdue, escalated: want.escalated, acknowledged: want.acknowledged, resolved: want.resolved, reopened: want.reopened });
      expect(got.satisfaction, label).toEqual({ average: want.average, ratings: want.ratings });
      for (const [field, exact] of [['medianAcknowledgeHours', want.ackHours], ['medianResolveHours', want.resolveHours]] as const) {
        if (exact === null) expect(got[field], label).toBeNull();
        // The histogram's buckets are a factor 2^¼ wide in minutes (+1): within 10 % and a minute.
        else expect(Math.abs(got[field] - exact), `${label} ${field}`).toBeLessThanOrEqual(exact * 0.1 + 1 / 60);
      }
      for (const w of got.weeks) expect({ week: w.week, opened: w.opened, resolved: w.resolved }, label).toEqual({ week: w.week, ...(want.weeks.get(w.week) ?? { opened: 0, resolved: 0 }) });
      const byCategory = got.byCategory.reduce((sum: number, c: { open: number }) => sum + c.open, 0);
      expect(byCategory, label).toBe(want.open);
      if (fold) expect(got.pendingChanges, label).toBe(0);
    }
  }
}

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, app, tokens } = fixture);
  for (const [code, level] of [['water', 'cell'], ['housing', 'district'], ['national', 'central']] as const) {
    const created = await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { code, name: code, handlingLevel: level, public: true, deadlines: deadlines(24, 72) } });
    expect(created.status).toBe(201);
  }
  for (const [i, cell] of tree.cells.entries()) {
    expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${cell}/service-area`, payload: { polygon: square(i * 10), localities: [] } })).status).toBe(200);
  }
});

describe('the case dashboard', () => {
  it('follows every change — intake, lifecycle, rating, reopening, escalation, merging, a unit moving — and equals a recount', async () => {
    const filed: Filed[] = [];
    for (const cell of [0, 0, 0, 1, 1, 2, 3, 4]) filed.push(await file(cell));
    filed.push(await file(0, 'housing'), await file(5, 'national'));
    await expectDashboardsMatchRecount();

    clock.advance(2 * HOUR);
    for (const c of filed.slice(0, 5)) await move(c.id, 'acknowledged');
    clock.advance(3 * HOUR);
    for (const c of filed.slice(0, 3)) await move(c.id, 'resolved', { note: 'Fixed', publicNote: true });
    await track(filed[0]!, 'rate', { stars: 5 });
    await track(filed[1]!, 'rate', { stars: 2, comment: 'Slow' });
    await track(filed[2]!, 'reopen', { reason: 'Still broken' });
    await move(filed[7]!.id, 'merged', { intoCaseId: filed[6]!.id, note: 'Same street' });
    await expectDashboardsMatchRecount();

    // A day and more: the unacknowledged rise to their districts; the national case,
    // owned by the root, has nowhere to go and counts as overdue.
    clock.advance(30 * HOUR);
    const steps = await system((ctx) => escalateOverdue(ctx));
    expect(steps.length).toBeGreaterThan(0);
    const root = await dashboard(tree.root);
    expect(root.overdue).toBe(1);
    expect(root.escalated).toBe(steps.filter((s) => s.level === 1).length);
    await expectDashboardsMatchRecount();

    // Acknowledging it clears the mark: it is on time again until its next deadline.
    await move(filed[9]!.id, 'acknowledged');
    expect((await dashboard(tree.root)).overdue).toBe(0);

    // Cell 1 moves to the other region: its cases' figures go with it.
    const before = await dashboard(tree.regions[1]!);
    const cellOne = await dashboard(tree.cells[1]!);
    expect(cellOne.open).toBeGreaterThan(0);
    await system((ctx) => moveUnit(ctx, tree.cells[1]!, { parentId: tree.districts[2]! }));
    expect((await dashboard(tree.regions[1]!)).open).toBe(before.open + cellOne.open);
    await expectDashboardsMatchRecount();
  });

  it('shows a unit\'s figures only to those who may read its cases', async () => {
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/case-dashboard` })).status).toBe(200);
    expect((await call('districtOfficial', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/case-dashboard` })).status).toBe(200);
    // Another cell's, a parent's: refused (403 where the unit is visible, 404 where it is not).
    expect([403, 404]).toContain((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[2]}/case-dashboard` })).status);
    expect([403, 404]).toContain((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/case-dashboard` })).status);
    expect((await call('member', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/case-dashboard` })).status).toBe(403);
    expect((await call(null, { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/case-dashboard` })).status).toBe(401);
    const bad = await call('admin', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/case-dashboard?weeks=0` });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBeDefined();
  });

  it('gives a trend of the requested number of weeks, oldest first, ending this week', async () => {
    const figures = await dashboard(tree.root);
    expect(figures.weeks).toHaveLength(12);
    expect(figures.weeks.at(-1).week).toBe(mondayOf(clock.now()));
    const six = (await call('admin', { method: 'GET', url: `/api/v1/units/${tree.root}/case-dashboard?weeks=6` })).json;
    expect(six.weeks).toHaveLength(6);
    expect(six.weeks.map((w: { week: string }) => w.week)).toEqual(figures.weeks.slice(-6).map((w: { week: string }) => w.week));
  });
});
