import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { createAccount } from '../domain/accounts/accounts.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import { escalateOverdue } from '../domain/cases/escalate-overdue.ts';
import { systemActor, transact } from '../domain/context.ts';
import { createPerson } from '../domain/people/create-person.ts';
import { appointOfficial } from '../domain/people/officials.ts';
import type { Deadlines } from '../db/schema-cases.ts';
import { fixedClock } from '../platform/clock.ts';
import { PASSWORD, type Role, type SeededActor } from '../../test/actors.ts';
import { run, type SmallTree } from '../../test/factories.ts';
import { useTestApp } from '../../test/http-app.ts';

const HOUR = 3_600_000;
type Who = Role | 'otherCell';
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T08:00:00Z');
const emails = {} as Record<Who, string>;
const tokens = {} as Record<Who, string>;
/** Cell 0's deputy: a second official of the unit that owns the cases below. */
let deputy: string;
/** An official of district 0: on the owner chain, but not of the owning cell. */
let districtPerson: string;
/** A member of cell 0 with no role. */
let plainMember: string;

const signIn = async (who: Who) => {
  tokens[who] = (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: emails[who], password: PASSWORD } })).json().token;
};
/** As someone, signing in again when the moved clock has ended the session. */
const call = async (who: Who, options: InjectOptions): Promise<{ status: number; json: any }> => {
  const send = () => app.inject({ ...options, headers: { authorization: `Bearer ${tokens[who]}`, ...options.headers } });
  let response = await send();
  if (response.statusCode === 401) {
    await signIn(who);
    response = await send();
  }
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
};
const assign = (who: Who, caseIds: string[], assigneePersonId: string | null) =>
  call(who, { method: 'POST', url: '/api/v1/cases/assign', payload: { caseIds, assigneePersonId } });
/** A case filed by cell 0's secretary: nothing places it, so cell 0's triage queue owns it. */
const file = async (description = 'Tap') => {
  const created = await call('cellSecretary', { method: 'POST', url: '/api/v1/cases', payload: { categoryCode: 'water', description, urgency: 'normal' } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  expect(created.json.owningUnitId).toBe(tree.cells[0]);
  return created.json as { id: string; reference: string };
};
const caseOf = async (id: string, who: Who = 'admin') => (await call(who, { method: 'GET', url: `/api/v1/cases/${id}` })).json;
const assigneeOf = async (id: string) =>
  (await database.db.selectFrom('cases').select('assignee_person_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_person_id;
const queue = async (who: Who, unitId: string, query: string) => {
  const response = await call(who, { method: 'GET', url: `/api/v1/units/${unitId}/cases?${query}` });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.items as Array<{ id: string; assignee: { personId: string; name: string } | null }>;
};

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
  await run(database, (ctx) => createCategory(ctx, { code: 'water', name: 'Water', handlingLevel: 'cell', public: true, deadlines }));
  deputy = (await run(database, (ctx) => createPerson(ctx, { name: 'Dana Deputy', cellId: tree.cells[0]! }))).id;
  await run(database, (ctx) => appointOfficial(ctx, tree.cells[0]!, { personId: deputy, role: 'deputy' }));
  districtPerson = actors.districtOfficial.personId!;
  plainMember = actors.member.personId!;
  // The secretary of cell 1, a sibling of cell 0 under district 0.
  const other = (await run(database, (ctx) => createPerson(ctx, { name: 'Olga Other', cellId: tree.cells[1]! }))).id;
  await run(database, (ctx) => appointOfficial(ctx, tree.cells[1]!, { personId: other, role: 'secretary' }));
  emails.otherCell = 'other-cell@test.example';
  await run(database, (ctx) => createAccount(ctx, { personId: other, email: emails.otherCell, password: PASSWORD }));
  for (const role of Object.keys(actors) as Role[]) emails[role] = actors[role].email;
  for (const who of Object.keys(emails) as Who[]) await signIn(who);
});

describe('POST /cases/assign', () => {
  it('assigns many cases at once: one internal timeline entry and one audit event each, shown on the case and in the queue', async () => {
    const a = await file('First');
    const b = await file('Second');
    const response = await assign('cellSecretary', [a.id, b.id], deputy);
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    expect(response.json).toEqual({
      changed: 2,
      items: [
        { id: a.id, reference: a.reference, assignee: { personId: deputy, name: 'Dana Deputy' } },
        { id: b.id, reference: b.reference, assignee: { personId: deputy, name: 'Dana Deputy' } },
      ],
    });
    const view = await caseOf(a.id, 'cellSecretary');
    expect(view.assignee).toEqual({ personId: deputy, name: 'Dana Deputy' });
    expect(view.abilities.assign).toBe(true);
    const entries = view.timeline.filter((e: { kind: string }) => e.kind === 'assigned');
    expect(entries).toEqual([expect.objectContaining({ public: false, assignee: { personId: deputy, name: 'Dana Deputy' } })]);
    const audit = await database.db.selectFrom('audit_events').select(['target_id', 'unit_id', 'before', 'after', 'request_id'])
      .where('action', '=', 'case.assign').where('target_id', 'in', [a.id, b.id]).execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ unit_id: tree.cells[0], before: { assigneePersonId: null }, after: { assigneePersonId: deputy }, request_id: expect.any(String) });
    const listed = (await queue('cellSecretary', tree.cells[0]!, 'scope=own')).filter((i) => i.id === a.id || i.id === b.id);
    expect(listed.map((i) => i.assignee)).toEqual([{ personId: deputy, name: 'Dana Deputy' }, { personId: deputy, name: 'Dana Deputy' }]);
    // The requester never learns who handles it.
    const track = await database.db.selectFrom('case_events').select('public').where('case_id', '=', a.id).where('kind', '=', 'assigned').execute();
    expect(track).toEqual([{ public: false }]);

    // The same again changes nothing; a single case is the same route with one id; null unassigns.
    expect((await assign('cellSecretary', [a.id, b.id], deputy)).json.changed).toBe(0);
    const single = await assign('districtOfficial', [a.id], null);
    expect(single.json).toMatchObject({ changed: 1, items: [{ id: a.id, assignee: null }] });
    expect(await assigneeOf(a.id)).toBeNull();
    expect((await caseOf(a.id)).timeline.map((e: { kind: string }) => e.kind)).toContain('unassigned');
    const unassignAudit = await database.db.selectFrom('audit_events').select('after').where('action', '=', 'case.unassign').where('target_id', '=', a.id).execute();
    expect(unassignAudit).toEqual([{ after: { assigneePersonId: null } }]);
  });

  it('refuses the whole batch when any case cannot be assigned, naming each one and its reason, and writes nothing', async () => {
    const open = await file('Open one');
    const closed = await file('Closed one');
    const merged = await file('Duplicate');
    for (const to of ['resolved', 'closed']) expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/cases/${closed.id}/transition`, payload: { to } })).status).toBe(200);
    const merge = await call('cellSecretary', { method: 'POST', url: `/api/v1/cases/${merged.id}/transition`, payload: { to: 'merged', intoReference: open.reference.toLowerCase() } });
    expect(merge.json).toMatchObject({ status: 'merged', mergedIntoId: open.id });
    const changes = () => database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '!=', 'access.denied').executeTakeFirstOrThrow();
    const auditBefore = await changes();

    const refused = await assign('cellSecretary', [open.id, closed.id, merged.id], deputy);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: 'assignment_refused', message: expect.stringContaining('Nothing was assigned'),
      details: { failures: [{ caseId: closed.id, reason: 'case_closed', message: expect.any(String) }, { caseId: merged.id, reason: 'case_merged', message: expect.any(String) }] },
    });
    expect(await assigneeOf(open.id)).toBeNull();

    // Someone with no role at the owning cell: the member, and the district's official (above it, but not of it).
    for (const person of [plainMember, districtPerson]) {
      const notOfficial = await assign('cellSecretary', [open.id], person);
      expect(notOfficial.status).toBe(422);
      expect(notOfficial.json.error).toMatchObject({ code: 'assignment_refused', details: { failures: [{ caseId: open.id, reason: 'not_an_official' }] } });
    }
    // An unknown case among good ones reads like any missing case, and still lists the rest.
    const ghost = '01900000-0000-7000-8000-000000000000';
    const missing = await assign('cellSecretary', [open.id, ghost, closed.id], deputy);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({
      code: 'case_not_found', details: { failures: [{ caseId: ghost, reason: 'case_not_found' }, { caseId: closed.id, reason: 'case_closed' }] },
    });
    expect(Number((await changes()).n)).toBe(Number(auditBefore.n));
    expect(await database.db.selectFrom('case_events').select('id').where('case_id', '=', open.id).where('kind', '=', 'assigned').execute()).toEqual([]);
  });

  it('belongs to the owning chain: another cell reads a 404, a unit the case rose away from a 403, and both are audited', async () => {
    const c = await file('Ours');
    const other = await assign('otherCell', [c.id], deputy);
    expect(other.status).toBe(404);
    expect(other.json.error).toMatchObject({ code: 'case_not_found', details: { failures: [{ caseId: c.id, reason: 'case_not_found' }] } });
    expect(await assigneeOf(c.id)).toBeNull();
    // The member sees no case of someone else's either.
    expect((await assign('member', [c.id], null)).status).toBe(404);
    const denied = await database.db.selectFrom('audit_events').select('details').where('action', '=', 'access.denied').execute();
    expect(denied.map((d) => (d.details as { action?: string }).action)).toContain('assign_cases');
  });

  it('clears the assignee when the case rises to the unit above or is referred away, and lets the new owner choose', async () => {
    const rising = await file('Rising');
    const referred = await file('Referred');
    expect((await assign('cellSecretary', [rising.id, referred.id], deputy)).status).toBe(200);

    const refer = await call('cellSecretary', { method: 'POST', url: `/api/v1/cases/${referred.id}/transition`, payload: { to: 'referred', toUnitId: tree.cells[1], note: 'Their street' } });
    expect(refer.json).toMatchObject({ owningUnitId: tree.cells[1], assignee: null });

    clock.advance(25 * HOUR);
    const steps = await transact(database, systemActor('system:escalation'), clock, (ctx) => escalateOverdue(ctx));
    expect(steps.filter((s) => s.caseId === rising.id).map((s) => s.toUnitId)).toEqual([tree.districts[0]]);
    expect(await assigneeOf(rising.id)).toBeNull();
    const view = await caseOf(rising.id, 'cellSecretary');
    expect(view).toMatchObject({ owningUnitId: tree.districts[0], assignee: null, abilities: { act: false, assign: false } });

    // The cell it rose from still sees it but may no longer assign it; the district assigns its own official.
    const fromCell = await assign('cellSecretary', [rising.id], deputy);
    expect(fromCell.status).toBe(403);
    expect(fromCell.json.error).toMatchObject({ code: 'forbidden', details: { failures: [{ caseId: rising.id, reason: 'forbidden' }] } });
    expect((await assign('districtOfficial', [rising.id], deputy)).json.error.details.failures).toEqual([expect.objectContaining({ reason: 'not_an_official' })]);
    expect((await assign('districtOfficial', [rising.id], districtPerson)).status).toBe(200);
    expect((await caseOf(rising.id, 'cellSecretary')).assignee).toEqual({ personId: districtPerson, name: 'The districtOfficial' });
  });

  it('filters the queue by assignee: a person, me, or none', async () => {
    const mine = await file('Mine');
    const deputys = await file('Deputy');
    const nobodys = await file('Nobody');
    expect((await assign('cellSecretary', [mine.id], actors.cellSecretary.personId)).status).toBe(200);
    expect((await assign('cellSecretary', [deputys.id], deputy)).status).toBe(200);
    const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).filter((id) => [mine.id, deputys.id, nobodys.id].includes(id));
    expect(ids(await queue('cellSecretary', tree.cells[0]!, 'assignee=me'))).toEqual([mine.id]);
    expect(ids(await queue('cellSecretary', tree.cells[0]!, `assignee=${deputy}`))).toEqual([deputys.id]);
    expect(ids(await queue('cellSecretary', tree.cells[0]!, 'assignee=none'))).toEqual([nobodys.id]);
    expect(ids(await queue('districtOfficial', tree.districts[0]!, 'scope=subtree'))).toEqual([nobodys.id, deputys.id, mine.id]);
    // An administrator without a person is nobody's assignee.
    expect(await queue('admin', tree.cells[0]!, 'assignee=me')).toEqual([]);
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/cases?assignee=someone` })).status).toBe(400);
  });

  it('validates the batch: 1 to 200 distinct case ids and a person id or null', async () => {
    const c = await file('Valid');
    expect((await assign('cellSecretary', [], deputy)).status).toBe(400);
    expect((await assign('cellSecretary', Array.from({ length: 201 }, () => c.id), deputy)).status).toBe(400);
    expect((await assign('cellSecretary', ['not-an-id'], deputy)).status).toBe(400);
    expect((await call('cellSecretary', { method: 'POST', url: '/api/v1/cases/assign', payload: { caseIds: [c.id] } })).status).toBe(400);
    // Repeated ids count once.
    expect((await assign('cellSecretary', [c.id, c.id], deputy)).json).toMatchObject({ changed: 1, items: [{ id: c.id }] });
  });

  it('answers 404 when no listed case exists, with an assignee or without (never a 500 from an empty list)', async () => {
    const ghosts = ['01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-0000000000a2'];
    for (const assignee of [deputy, null]) {
      const missing = await assign('cellSecretary', ghosts, assignee);
      expect(missing.status, JSON.stringify(missing.json)).toBe(404);
      expect(missing.json.error).toMatchObject({ code: 'case_not_found', details: { failures: ghosts.map((caseId) => ({ caseId, reason: 'case_not_found' })) } });
    }
  });
});

describe('merging by reference', () => {
  it('takes the other case by its reference, and an unreadable case reads like a missing one without revealing its id', async () => {
    const kept = await file('Kept');
    const dup = await file('Dup');
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/cases/${dup.id}/transition`, payload: { to: 'merged', intoReference: 'C-2222-2222' } })).json.error.code).toBe('case_not_found');
    const elsewhere = await call('admin', {
      method: 'POST', url: '/api/v1/cases', payload: { categoryCode: 'water', description: 'Far away', urgency: 'low', receivedByUnitId: tree.cells[7] },
    });
    const far = await call('cellSecretary', { method: 'POST', url: `/api/v1/cases/${dup.id}/transition`, payload: { to: 'merged', intoReference: elsewhere.json.reference } });
    expect(far.status).toBe(404);
    expect(JSON.stringify(far.json)).not.toContain(elsewhere.json.id);
    const merged = await call('cellSecretary', { method: 'POST', url: `/api/v1/cases/${dup.id}/transition`, payload: { to: 'merged', intoReference: kept.reference, note: 'Same tap' } });
    expect(merged.json).toMatchObject({ status: 'merged', mergedIntoId: kept.id, abilities: { assign: false } });
  });
});
