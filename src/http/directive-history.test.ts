import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.ts';
import type { Role } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { useTestApp } from '../../test/http-app.ts';

const DAY = 86_400_000;
let tree: SmallTree;
let app: FastifyInstance;
const clock = fixedClock('2026-04-06T08:00:00Z');
let tokens: Record<Role, string>;

const signIn = (role: Role) => fixture.signIn(role);
/** Moving the clock by days ends idle sessions: sign in again then. */
const call = async (role: Role, options: InjectOptions) => {
  const send = () => app.inject({ ...options, headers: { authorization: `Bearer ${tokens[role]}` } });
  let response = await send();
  if (response.statusCode === 401) {
    await signIn(role);
    response = await send();
  }
  return { status: response.statusCode, json: response.json() };
};
const ok = async (role: Role, options: InjectOptions, status = 200) => {
  const response = await call(role, options);
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  return response.json;
};
const history = (role: Role, directiveId: string, unitId?: string) =>
  call(role, { method: 'GET', url: `/api/v1/directives/${directiveId}/history${unitId ? `?unitId=${unitId}` : ''}` });
const move = (role: Role, assignmentId: string, to: string) =>
  ok(role, { method: 'POST', url: `/api/v1/assignments/${assignmentId}/transition`, payload: { to } });

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(() => {
  ({ tree, app, tokens } = fixture);
});

describe('completion over time', () => {
  it('counts done per day in the subtree, undoes a reopening, and answers at every level the reader may see', async () => {
    const payload = {
      issuerUnitId: tree.regions[0], title: 'Harvest', body: 'Bring it in.', items: [{ title: 'Harvest', dueAt: new Date(clock.now().getTime() + 9 * DAY).toISOString() }],
      target: { kind: 'level', level: 'cell' },
    };
    const { id } = await ok('regionOfficial', { method: 'POST', url: '/api/v1/directives', payload }, 201);
    expect((await history('regionOfficial', id)).json).toMatchObject({ issuedAt: null, days: [] });
    await ok('regionOfficial', { method: 'POST', url: `/api/v1/directives/${id}/issue` });
    const assignmentOf = async (cell: string) =>
      (await ok('admin', { method: 'GET', url: `/api/v1/units/${cell}/assignments` })).items.find((a: { directiveId: string }) => a.directiveId === id).id as string;
    const [cell0, cell1] = [await assignmentOf(tree.cells[0]!), await assignmentOf(tree.cells[1]!)];

    // Day 1: cell 0 is done. Day 2: cell 1 too. Day 3: cell 0 reopens its work. Day 4: nothing.
    const reported = (assignment: string) => ok('admin', { method: 'POST', url: `/api/v1/assignments/${assignment}/reports`, payload: { itemIndex: 0, percent: 100 } }, 201);
    await move('cellSecretary', cell0, 'acknowledged');
    await reported(cell0);
    await move('cellSecretary', cell0, 'done');
    clock.advance(DAY);
    await move('admin', cell1, 'in_progress');
    await reported(cell1);
    await move('admin', cell1, 'done');
    clock.advance(DAY);
    await move('cellSecretary', cell0, 'in_progress');
    // Re-acknowledging an amendment is an event that leaves the state as it is: no change in the chart.
    await ok('regionOfficial', { method: 'POST', url: `/api/v1/directives/${id}/amend`, payload: { body: 'Bring all of it in.', note: 'All of it.' } });
    await move('admin', cell1, 'acknowledged');
    clock.advance(DAY);

    const region = await history('regionOfficial', id);
    expect(region.status).toBe(200);
    expect(region.json.days).toEqual([
      { date: '2026-04-06', assignments: 4, done: 1, percentDone: 25 },
      { date: '2026-04-07', assignments: 4, done: 2, percentDone: 50 },
      { date: '2026-04-08', assignments: 4, done: 1, percentDone: 25 },
      { date: '2026-04-09', assignments: 4, done: 1, percentDone: 25 },
    ]);
    // The last day agrees with the progress view, which reads the rollups.
    const progress = await ok('regionOfficial', { method: 'GET', url: `/api/v1/directives/${id}/progress` });
    expect(progress.counts.done).toBe(region.json.days.at(-1).done);
    expect(progress.assignments).toBe(region.json.days.at(-1).assignments);

    const district0 = await history('districtOfficial', id, tree.districts[0]);
    expect(district0.json.days.map((d: { percentDone: number }) => d.percentDone)).toEqual([50, 100, 50, 50]);
    const district1 = await history('regionOfficial', id, tree.districts[1]);
    expect(district1.json.days.map((d: { done: number; assignments: number }) => [d.done, d.assignments])).toEqual([[0, 2], [0, 2], [0, 2], [0, 2]]);
    const ownCell = await history('cellSecretary', id, tree.cells[0]);
    expect(ownCell.json.days.map((d: { done: number }) => d.done)).toEqual([1, 1, 0, 0]);
  });

  it('refuses readers outside the unit like the progress view does, and answers 404 for an unknown directive', async () => {
    const payload = {
      issuerUnitId: tree.districts[0], title: 'Wells', body: 'Clean the wells.', items: [{ title: 'Clean', dueAt: new Date(clock.now().getTime() + DAY).toISOString() }],
      target: { kind: 'all' },
    };
    const { id } = await ok('districtOfficial', { method: 'POST', url: '/api/v1/directives', payload }, 201);
    await ok('districtOfficial', { method: 'POST', url: `/api/v1/directives/${id}/issue` });
    // The secretary of a cell reads their own part, not the issuer's.
    expect((await history('cellSecretary', id)).status).toBe(404);
    expect((await history('cellSecretary', id, tree.cells[0])).status).toBe(200);
    expect((await history('cellSecretary', id, tree.cells[1])).status).toBe(404);
    // A plain member reads their cell but no progress of it.
    expect((await history('member', id, tree.cells[0])).status).toBe(403);
    // The issuer reads only below itself; a unit elsewhere is refused even to an official above.
    expect((await history('regionOfficial', id, tree.districts[1])).status).toBe(200);
    expect((await history('districtOfficial', id, tree.districts[1])).status).toBe(404);
    const unknown = await history('admin', '0190c0de-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toEqual(expect.any(String));
    expect((await call('admin', { method: 'GET', url: `/api/v1/directives/${id}/history?unitId=nope` })).status).toBe(400);
  });
});
