import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { systemActor, transact } from '../domain/context.ts';
import { applyDirectiveDeltas, runDirectiveDeadlines } from '../domain/directives/directive-deadlines.ts';
import { createUnit } from '../domain/org/create-unit.ts';
import { moveUnit } from '../domain/org/move-unit.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Role, SeededActor } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { recountDirective } from '../../test/directive-recount.ts';
import { useTestApp } from '../../test/http-app.ts';

const DAY = 86_400_000;
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const clock = fixedClock('2026-04-06T08:00:00Z');
let tokens: Record<Role, string>;
const system = <T>(fn: Parameters<typeof transact<T>>[3]) => transact(database, systemActor('test'), clock, fn);

const signIn = (role: Role) => fixture.signIn(role);
const call = async (role: Role, options: InjectOptions): Promise<{ status: number; json: any }> => {
  const send = () => app.inject({ ...options, headers: { authorization: `Bearer ${tokens[role]}` } });
  let response = await send();
  if (response.statusCode === 401) {
    await signIn(role);
    response = await send();
  }
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
};
const ok = async (role: Role, options: InjectOptions, status = 200) => {
  const response = await call(role, options);
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  return response.json;
};
const due = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
const draft = (role: Role, issuerUnitId: string, target: Record<string, unknown>, items: Array<{ title: string; dueAt: string; target?: number }> = [{ title: 'Repair houses', dueAt: due(10), target: 40 }]) =>
  ok(role, { method: 'POST', url: '/api/v1/directives', payload: { issuerUnitId, title: 'Harvest plan', body: 'Every unit reports weekly.', items, target } }, 201);
const issue = (role: Role, id: string) => ok(role, { method: 'POST', url: `/api/v1/directives/${id}/issue` });
const assignmentOf = async (directiveId: string, unitId: string, role: Role = 'admin') => {
  const page = await ok(role, { method: 'GET', url: `/api/v1/units/${unitId}/assignments` });
  return page.items.find((a: { directiveId: string }) => a.directiveId === directiveId);
};
const transition = (role: Role, id: string, to: string, reason?: string) =>
  call(role, { method: 'POST', url: `/api/v1/assignments/${id}/transition`, payload: { to, ...(reason ? { reason } : {}) } });
/** A report on each of the first `items` items, so the assignment may be done. */
const reportAll = async (assignmentId: string, items: number) => {
  for (let i = 0; i < items; i++) await ok('admin', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/reports`, payload: { itemIndex: i, percent: 100 } }, 201);
};
const progress = (directiveId: string, unitId?: string, role: Role = 'admin') =>
  ok(role, { method: 'GET', url: `/api/v1/directives/${directiveId}/progress${unitId ? `?unitId=${unitId}` : ''}` });

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(() => {
  ({ database, tree, actors, app, tokens } = fixture);
});

describe('issuing', () => {
  it('drafts, previews the reach, and issues to every unit below, one level, or chosen subtrees', async () => {
    const all = await draft('admin', tree.root, { kind: 'all' });
    expect(all.status).toBe('draft');
    expect((await ok('admin', { method: 'GET', url: `/api/v1/directives/${all.id}` })).reach).toBe(14);
    expect((await issue('admin', all.id)).assignments).toBe(14);
    expect((await ok('admin', { method: 'GET', url: `/api/v1/directives/${all.id}` })).reach).toBeNull();

    const cells = await draft('regionOfficial', tree.regions[0]!, { kind: 'level', level: 'cell' });
    expect((await issue('regionOfficial', cells.id)).assignments).toBe(4);
    const subtrees = await draft('admin', tree.root, { kind: 'subtrees', unitIds: [tree.districts[1], tree.cells[6]] });
    // District 0.1 with its two cells, and cell 1.1.0.
    expect((await issue('admin', subtrees.id)).assignments).toBe(4);
    expect(await recountDirective(database, subtrees.id)).toEqual(await rollupsOf(subtrees.id));
  });

  it('edits a draft freely — text, items, target — and refuses once it is issued', async () => {
    const d = await draft('regionOfficial', tree.regions[0]!, { kind: 'all' });
    const edited = await ok('regionOfficial', { method: 'PATCH', url: `/api/v1/directives/${d.id}`, payload: {
      title: 'Harvest plan, revised', items: [{ title: 'Bring in the rice', dueAt: due(5) }, { title: 'Dry it', dueAt: due(9), target: 5 }], target: { kind: 'level', level: 'cell' },
    } });
    expect(edited).toMatchObject({ title: 'Harvest plan, revised', status: 'draft', reach: 4, target: { kind: 'level' } });
    expect(edited.items.map((i: { title: string }) => i.title)).toEqual(['Bring in the rice', 'Dry it']);
    expect((await call('regionOfficial', { method: 'PATCH', url: `/api/v1/directives/${d.id}`, payload: { target: { kind: 'subtrees', unitIds: [tree.cells[7]] } } })).json.error.code).toBe('target_outside_issuer');
    expect((await call('districtOfficial', { method: 'PATCH', url: `/api/v1/directives/${d.id}`, payload: { title: 'Mine' } })).status).toBe(404);
    await issue('regionOfficial', d.id);
    expect((await call('regionOfficial', { method: 'PATCH', url: `/api/v1/directives/${d.id}`, payload: { title: 'Late' } })).json.error.code).toBe('not_a_draft');
  });

  it('refuses a target outside the issuer, a level not below it, an empty item list, a second issue, and strangers', async () => {
    const bad = async (role: Role, payload: Record<string, unknown>, status: number, code?: string) => {
      const response = await call(role, { method: 'POST', url: '/api/v1/directives', payload: { issuerUnitId: tree.regions[0], title: 'T', body: 'B', items: [{ title: 'I', dueAt: due(3) }], target: { kind: 'all' }, ...payload } });
      expect(response.status, JSON.stringify(response.json)).toBe(status);
      if (code) expect(response.json.error.code).toBe(code);
    };
    await bad('regionOfficial', { target: { kind: 'subtrees', unitIds: [tree.cells[7]] } }, 422, 'target_outside_issuer');
    await bad('regionOfficial', { target: { kind: 'level', level: 'region' } }, 422, 'level_not_below_issuer');
    await bad('regionOfficial', { items: [] }, 400);
    await bad('regionOfficial', { items: [{ title: 'I', dueAt: 'next week' }] }, 400);
    await bad('cellSecretary', {}, 404);
    // A member reads their own cell but issues nothing from it.
    await bad('member', { issuerUnitId: tree.cells[0] }, 403);
    const d = await draft('regionOfficial', tree.regions[0]!, { kind: 'all' });
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/issue` })).status).toBe(404);
    await issue('regionOfficial', d.id);
    expect((await call('regionOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/issue` })).json.error.code).toBe('not_a_draft');
  });
});

describe('execution and progress', () => {
  it('moves assignments through their states, refuses the rest, and the rollups follow at every level', async () => {
    const d = await draft('regionOfficial', tree.regions[0]!, { kind: 'level', level: 'cell' }, [
      { title: 'Repair houses', dueAt: due(10), target: 40 }, { title: 'Clear the canal', dueAt: due(20) },
    ]);
    await issue('regionOfficial', d.id);
    const mine = await assignmentOf(d.id, tree.cells[0]!, 'cellSecretary');
    expect(mine).toMatchObject({ status: 'received', needsAcknowledgement: true });

    expect((await transition('cellSecretary', mine.id, 'done')).json.error.code).toBe('transition_not_allowed');
    expect((await transition('cellSecretary', mine.id, 'blocked')).json.error.code).toBe('reason_required');
    expect((await transition('cellSecretary', mine.id, 'acknowledged')).json.status).toBe('acknowledged');
    const reported = await ok('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${mine.id}/reports`, payload: { itemIndex: 0, value: 30, text: 'Thirty done' } }, 201);
    expect(reported.status).toBe('in_progress');
    expect(reported.items[0]).toMatchObject({ value: 30, target: 40 });
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${mine.id}/reports`, payload: { itemIndex: 5, percent: 10 } })).json.error.code).toBe('no_such_item');
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${mine.id}/reports`, payload: { itemIndex: 0, percent: 120 } })).status).toBe(400);
    // Done only with a report on every item (issue 14): the refusal names the item without one.
    const unreported = await transition('cellSecretary', mine.id, 'done');
    expect(unreported.status).toBe(409);
    expect(unreported.json.error).toMatchObject({ code: 'items_unreported', details: { items: [{ index: 1, title: 'Clear the canal' }] } });
    expect(unreported.json.error.message).toContain('Clear the canal');
    expect((await ok('cellSecretary', { method: 'GET', url: `/api/v1/assignments/${mine.id}` })).status).toBe('in_progress');
    // "Not applicable" takes a reason and no figures; then the item counts as reported, and is no longer due.
    const na = (payload: Record<string, unknown>) => call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${mine.id}/reports`, payload: { itemIndex: 1, notApplicable: true, ...payload } });
    expect((await na({ percent: 10, text: 'x' })).json.error.code).toBe('figures_not_applicable');
    expect((await na({ percent: 10 })).json.error.code).toBe('reason_required');
    const applied = (await na({ text: 'The cell has no canal' })).json;
    expect(applied.reports.at(-1)).toMatchObject({ itemIndex: 1, notApplicable: true, text: 'The cell has no canal' });
    expect(applied.nextDueAt).toBe(due(10));
    expect((await transition('cellSecretary', mine.id, 'done')).json.status).toBe('done');

    const other = await assignmentOf(d.id, tree.cells[1]!, 'districtOfficial');
    expect((await transition('districtOfficial', other.id, 'blocked', 'No cement')).json).toMatchObject({ status: 'blocked', blockedReason: 'No cement' });

    // A cell secretary cannot act on a neighbour's assignment, nor see it.
    expect((await transition('cellSecretary', other.id, 'in_progress')).status).toBe(404);
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/assignments/${other.id}` })).status).toBe(404);
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[1]}/assignments` })).status).toBe(404);
    expect((await call('member', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/assignments` })).status).toBe(403);

    const region = await progress(d.id);
    expect(region).toMatchObject({ assignments: 4, counts: { received: 2, acknowledged: 0, in_progress: 0, done: 1, blocked: 1 }, percentDone: 25 });
    expect(region.items[0]).toMatchObject({ reported: 1, valueSum: 30, targetSum: 160 });
    expect(region.children.map((c: { unitId: string; percentDone: number }) => [c.unitId, c.percentDone])).toEqual([[tree.districts[0], 50], [tree.districts[1], 0]]);
    const district = await progress(d.id, tree.districts[0], 'districtOfficial');
    expect(district.children.map((c: { unitId: string; rank: number; counts: { done: number } }) => [c.unitId, c.rank, c.counts.done]))
      .toEqual([[tree.cells[0], 1, 1], [tree.cells[1], 2, 0]]);
    // The district sees its part; it may not look at the other district's.
    expect((await call('districtOfficial', { method: 'GET', url: `/api/v1/directives/${d.id}/progress?unitId=${tree.districts[1]}` })).status).toBe(404);

    await system((ctx) => applyDirectiveDeltas(ctx));
    expect((await progress(d.id)).pendingChanges).toBe(0);
    expect({ ...(await progress(d.id)), pendingChanges: 0 }).toEqual({ ...region, pendingChanges: 0 });
    expect(await recountDirective(database, d.id)).toEqual(await rollupsOf(d.id));
  });

  it('amends openly (receivers re-acknowledge), answers questions once for all, and withdraws', async () => {
    const d = await draft('districtOfficial', tree.districts[0]!, { kind: 'all' });
    await issue('districtOfficial', d.id);
    const mine = await assignmentOf(d.id, tree.cells[0]!, 'cellSecretary');
    await transition('cellSecretary', mine.id, 'acknowledged');
    await transition('cellSecretary', mine.id, 'in_progress');

    const asked = await ok('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${mine.id}/questions`, payload: { text: 'Do sheds count as houses?' } }, 201);
    await ok('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/questions/${asked.id}/answer`, payload: { answer: 'No, only homes.' } });
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/questions/${asked.id}/answer`, payload: { answer: 'Again' } })).json.error.code).toBe('already_answered');
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/directives/${d.id}/questions/${asked.id}/answer`, payload: { answer: 'Self' } })).status).toBe(404);
    const neighbour = await assignmentOf(d.id, tree.cells[1]!, 'districtOfficial');
    expect((await ok('districtOfficial', { method: 'GET', url: `/api/v1/assignments/${neighbour.id}` })).directive.questions[0].answer).toBe('No, only homes.');

    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/amend`, payload: { note: 'Nothing' } })).json.error.code).toBe('nothing_changed');
    const amended = await ok('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/amend`, payload: { note: 'More time', items: [{ title: 'Repair houses', dueAt: due(15), target: 40 }] } });
    expect(amended.version).toBe(2);
    const after = await ok('cellSecretary', { method: 'GET', url: `/api/v1/assignments/${mine.id}` });
    expect(after).toMatchObject({ status: 'in_progress', needsAcknowledgement: true, nextDueAt: due(15) });
    expect(after.directive.amendments[0]).toMatchObject({ version: 2, note: 'More time' });
    expect((await assignmentOf(d.id, tree.cells[0]!, 'cellSecretary')).needsAcknowledgement).toBe(true);
    const reacknowledged = (await transition('cellSecretary', mine.id, 'acknowledged')).json;
    expect(reacknowledged).toMatchObject({ status: 'in_progress', needsAcknowledgement: false, acknowledgedVersion: 2 });
    expect((await transition('cellSecretary', mine.id, 'acknowledged')).json.error.code).toBe('transition_not_allowed');

    await ok('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/withdraw`, payload: { reason: 'Superseded' } });
    expect((await transition('cellSecretary', mine.id, 'done')).json.error.code).toBe('directive_withdrawn');
    expect((await ok('cellSecretary', { method: 'GET', url: `/api/v1/assignments/${mine.id}` })).abilities).toEqual({ act: false, transitions: [] });
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${d.id}/amend`, payload: { note: 'x', title: 'New' } })).json.error.code).toBe('not_issued');
  });

  it('shows each unit\'s state and reported progress, and ranks the one that has not acknowledged below the one that reported (issue 14)', async () => {
    const d = await draft('admin', tree.districts[1]!, { kind: 'level', level: 'cell' }, [{ title: 'Count the households', dueAt: due(10), target: 120 }]);
    await issue('admin', d.id);
    const later = await assignmentOf(d.id, tree.cells[3]!);
    await transition('admin', later.id, 'acknowledged');
    await ok('admin', { method: 'POST', url: `/api/v1/assignments/${later.id}/reports`, payload: { itemIndex: 0, percent: 60 } }, 201);
    const view = await progress(d.id, tree.districts[1]);
    expect(view.children.map((c: { unitId: string; state: string; reportedPercent: number; rank: number }) => [c.unitId, c.state, c.reportedPercent, c.rank])).toEqual([
      [tree.cells[3], 'in_progress', 60, 1],
      [tree.cells[2], 'received', 0, 2],
    ]);
  });

  it('reaches units created later inside the target, keeps a moved unit\'s assignment, and follows it in the rollups', async () => {
    const d = await draft('regionOfficial', tree.regions[0]!, { kind: 'level', level: 'cell' });
    await issue('regionOfficial', d.id);
    const late = await system((ctx) => createUnit(ctx, { parentId: tree.districts[1]!, name: 'Late cell', level: 'cell' }));
    expect(await assignmentOf(d.id, late.id)).toMatchObject({ status: 'received' });
    expect((await progress(d.id)).assignments).toBe(5);

    const moving = await assignmentOf(d.id, tree.cells[0]!);
    await transition('admin', moving.id, 'acknowledged');
    await reportAll(moving.id, 1);
    await transition('admin', moving.id, 'done');
    await system((ctx) => moveUnit(ctx, tree.cells[0]!, { parentId: tree.districts[2]! }));
    expect((await assignmentOf(d.id, tree.cells[0]!)).status).toBe('done');
    const region = await progress(d.id);
    expect(region).toMatchObject({ assignments: 4, counts: { done: 0 } });
    // Now in the other region: it is counted there, though outside the directive's target.
    const other = await progress(d.id, tree.regions[1]);
    expect(other).toMatchObject({ assignments: 1, counts: { done: 1 } });
    await system((ctx) => applyDirectiveDeltas(ctx));
    expect(await recountDirective(database, d.id)).toEqual(await rollupsOf(d.id));
    await system((ctx) => moveUnit(ctx, tree.cells[0]!, { parentId: tree.districts[0]! }));
  });

  it('marks overdue work once its due date passes and reminds officials before it', async () => {
    const d = await draft('districtOfficial', tree.districts[0]!, { kind: 'level', level: 'cell' }, [{ title: 'Count the harvest', dueAt: due(2) }]);
    await issue('districtOfficial', d.id);
    clock.advance(1.5 * DAY);
    const first = await system((ctx) => runDirectiveDeadlines(ctx));
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    expect((await system((ctx) => runDirectiveDeadlines(ctx))).reminded).toBe(0);
    const mail = await database.db.selectFrom('outbox_messages').select(['to_address', 'kind']).where('kind', '=', 'directive.reminder').execute();
    expect(mail.map((m) => m.to_address)).toContain(actors.cellSecretary.email);
    const done = await assignmentOf(d.id, tree.cells[0]!);
    await transition('admin', done.id, 'acknowledged');
    await reportAll(done.id, 1);
    await transition('admin', done.id, 'done');
    clock.advance(1 * DAY);
    await system((ctx) => runDirectiveDeadlines(ctx));
    const figures = await progress(d.id);
    expect(figures.overdue).toBe(1);
    expect((await assignmentOf(d.id, tree.cells[1]!)).overdue).toBe(true);
    const late = await ok('districtOfficial', { method: 'GET', url: `/api/v1/units/${tree.cells[1]}/assignments?overdue=true` });
    expect(late.items.map((a: { directiveId: string }) => a.directiveId)).toContain(d.id);
    const onTime = await ok('admin', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/assignments?overdue=true` });
    expect(onTime.items.map((a: { directiveId: string }) => a.directiveId)).not.toContain(d.id);
    expect((await assignmentOf(d.id, tree.cells[0]!)).overdue).toBe(false);
  });
});

/** The maintained rollups of a directive, after folding the log, in the recount's shape. */
async function rollupsOf(directiveId: string) {
  await system((ctx) => applyDirectiveDeltas(ctx));
  const rows = await database.db.selectFrom('directive_rollups').selectAll().where('directive_id', '=', directiveId).execute();
  const items = await database.db.selectFrom('directive_item_rollups').selectAll().where('directive_id', '=', directiveId).execute();
  const counts = Object.fromEntries(rows
    .map((r) => [r.unit_id, { received: r.received, acknowledged: r.acknowledged, in_progress: r.in_progress, done: r.done, blocked: r.blocked, overdue: r.overdue }] as const)
    .filter(([, c]) => Object.values(c).some((n) => n !== 0)));
  const figures = Object.fromEntries(items
    .filter((r) => r.reported !== 0 || Number(r.value_sum) !== 0 || Number(r.percent_sum) !== 0)
    .map((r) => [`${r.unit_id}/${r.idx}`, { reported: r.reported, value: Number(r.value_sum), percent: Number(r.percent_sum) }]));
  return { counts, figures };
}
