import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { escalateOverdue } from '../domain/cases/escalate-overdue.ts';
import { remindOwners } from '../domain/cases/remind-owners.ts';
import { systemActor, transact } from '../domain/context.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Role, SeededActor } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { useTestApp } from '../../test/http-app.ts';
import { DEFAULT_PUBLIC_LIMITS as PUBLIC_LIMITS } from '../config.ts';

const HOUR = 3_600_000;
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T08:00:00Z');
let tokens: Record<Role, string>;

const signIn = (role: Role) => fixture.signIn(role);
/** As a role (signing in again when the moved clock has ended the session), or anonymously. */
const call = async (role: Role | null, options: InjectOptions): Promise<{ status: number; json: any }> => {
  // Anonymous callers come from many addresses here; the rate limit has a test of its own.
  const remoteAddress = options.remoteAddress ?? (role ? undefined : `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
  const send = () => app.inject({ ...options, ...(remoteAddress ? { remoteAddress } : {}), headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...options.headers } });
  let response = await send();
  if (role && response.statusCode === 401) {
    await signIn(role);
    response = await send();
  }
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
};
const sweep = (dryRun = false) => transact(database, systemActor('system:escalation'), clock, (ctx) => escalateOverdue(ctx, { dryRun }));
const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
const deadlines = (ack: number, resolve: number) => Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: ack, resolveHours: resolve }]));

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, actors, app, tokens } = fixture);
  // A leaking tap is the cell's; housing is the district's.
  for (const [code, level] of [['water', 'cell'], ['housing', 'district']] as const) {
    const created = await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { code, name: code, handlingLevel: level, public: true, deadlines: deadlines(24, 72) } });
    expect(created.status).toBe(201);
  }
  await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { code: 'internal', name: 'Internal', handlingLevel: 'cell', public: false, deadlines: deadlines(4, 8) } });
  // District 0.0 covers [0,10]², its cell 0.0.0 the corner [0,2]²; district 1.0 knows "Riverside".
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.districts[0]}/service-area`, payload: { polygon: square(0, 0, 10), localities: [] } })).status).toBe(200);
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[0]}/service-area`, payload: { polygon: square(0, 0, 2), localities: ['Old Mill'] } })).status).toBe(200);
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.districts[2]}/service-area`, payload: { polygon: null, localities: ['Riverside'] } })).status).toBe(200);
});

const file = async (payload: Record<string, unknown>, role: Role | null = null) => {
  const response = role
    ? await call(role, { method: 'POST', url: '/api/v1/cases', payload })
    : await call(null, { method: 'POST', url: '/api/v1/public/cases', payload });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: string; reference: string; trackingToken: string; owningUnitId: string };
};
const caseOf = async (id: string, role: Role = 'admin') => (await call(role, { method: 'GET', url: `/api/v1/cases/${id}` })).json;
const move = (id: string, to: string, role: Role = 'admin', extra: Record<string, unknown> = {}) =>
  call(role, { method: 'POST', url: `/api/v1/cases/${id}/transition`, payload: { to, ...extra } });

describe('categories', () => {
  it('are configured by administrators only, with unique codes and sane deadlines', async () => {
    const body = { code: 'heating', name: 'Heating', handlingLevel: 'district', public: true, deadlines: deadlines(2, 48) };
    expect((await call('districtOfficial', { method: 'POST', url: '/api/v1/categories', payload: body })).status).toBe(403);
    expect((await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { ...body, code: 'water' } })).json.error.code).toBe('category_code_taken');
    expect((await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { ...body, deadlines: deadlines(50, 48) } })).json.error.code).toBe('deadlines_order');
    expect((await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { ...body, handlingLevel: 'galaxy' } })).status).toBe(422);
    const publicList = (await call(null, { method: 'GET', url: '/api/v1/public/categories' })).json.items.map((c: { code: string }) => c.code);
    expect(publicList).toContain('water');
    expect(publicList).not.toContain('internal');
  });
});

describe('routing', () => {
  it('places a point in the smallest covering unit, then up to the handling level', async () => {
    const tap = await file({ categoryCode: 'water', description: 'Tap leaks', urgency: 'normal', lat: 1, long: 1 });
    expect(tap.owningUnitId).toBe(tree.cells[0]);
    const house = await file({ categoryCode: 'housing', description: 'Roof gone', urgency: 'urgent', lat: 1, long: 1 });
    expect(house.owningUnitId).toBe(tree.districts[0]);
    const wider = await file({ categoryCode: 'water', description: 'Well dry', urgency: 'normal', lat: 5, long: 5 });
    expect(wider.owningUnitId).toBe(tree.districts[0]);
    const routed = (await caseOf(tap.id)).timeline.find((e: { kind: string }) => e.kind === 'routed');
    expect(routed.note).toMatch(/service area of Cell 0\.0\.0/);
  });

  it('places an address by a named locality, a member by their cell, and the rest in triage', async () => {
    expect((await file({ categoryCode: 'housing', description: 'Flooded', urgency: 'normal', address: '4 Quay Road, RIVERSIDE' })).owningUnitId).toBe(tree.districts[2]);
    expect((await file({ categoryCode: 'water', description: 'No water', urgency: 'low', address: 'near the old mill' })).owningUnitId).toBe(tree.cells[0]);
    const own = await file({ categoryCode: 'water', description: 'My own tap', urgency: 'low' }, 'member');
    expect(own.owningUnitId).toBe(tree.cells[0]);
    const lost = await file({ categoryCode: 'water', description: 'Somewhere', urgency: 'low', address: 'nowhere known' });
    expect(lost.owningUnitId).toBe(tree.root);
    const viaForm = await file({ categoryCode: 'water', description: 'Somewhere', urgency: 'low', unitId: tree.regions[1] });
    expect(viaForm.owningUnitId).toBe(tree.regions[1]);
    const view = await caseOf(viaForm.id);
    expect(view.triage).toBe(true);
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'triage']);
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = [
      { categoryCode: 'nope', description: 'x', urgency: 'low' },
      { categoryCode: 'internal', description: 'x', urgency: 'low' },
      { categoryCode: 'water', description: 'x', urgency: 'eventually' },
      { categoryCode: 'water', description: 'x', urgency: 'low', lat: 1 },
      { categoryCode: 'water', description: '', urgency: 'low' },
    ];
    for (const payload of bad) {
      const response = await call(null, { method: 'POST', url: '/api/v1/public/cases', payload });
      expect(response.status, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const after = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
    const polygon = await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/service-area`, payload: { polygon: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 2]]] }, localities: [] } });
    expect(polygon.json.error.code).toBe('bad_polygon');
  });
});

describe('lifecycle', () => {
  it('moves through every state, refuses the transitions that make no sense, and records each step', async () => {
    const c = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1, requester: { name: 'Ada', email: 'ada@example.org' } });
    expect((await move(c.id, 'closed', 'cellSecretary')).json.error.code).toBe('transition_not_allowed');
    for (const to of ['acknowledged', 'in_progress', 'waiting', 'in_progress', 'resolved', 'closed']) {
      const response = await move(c.id, to, 'cellSecretary', { note: `now ${to}` });
      expect(response.status, `${to}: ${JSON.stringify(response.json)}`).toBe(200);
      expect(response.json.status).toBe(to);
    }
    expect((await move(c.id, 'acknowledged', 'cellSecretary')).status).toBe(409);
    const view = await caseOf(c.id);
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(6);
    const audit = await database.db.selectFrom('audit_events').select('action').where('target_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'case.acknowledged', 'case.in_progress', 'case.waiting', 'case.in_progress', 'case.resolved', 'case.closed']);
  });

  it('refers a case to another unit with a reason, and merges a duplicate', async () => {
    const c = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1 });
    expect((await move(c.id, 'referred', 'districtOfficial', { toUnitId: tree.cells[1] })).json.error.code).toBe('referral_needs_reason');
    const referred = await move(c.id, 'referred', 'districtOfficial', { toUnitId: tree.cells[1], note: 'Their street' });
    expect(referred.json).toMatchObject({ status: 'new', owningUnitId: tree.cells[1] });
    // A cell secretary may hand a case to another district: they still see it, no longer act on it.
    const away = await file({ categoryCode: 'water', description: 'Their tap', urgency: 'normal', lat: 1, long: 1 });
    const handed = await move(away.id, 'referred', 'cellSecretary', { toUnitId: tree.cells[4], note: 'Not our street' });
    expect(handed.json).toMatchObject({ status: 'new', owningUnitId: tree.cells[4], abilities: { act: false } });
    expect((await move(away.id, 'acknowledged', 'cellSecretary')).status).toBe(403);
    const dup = await file({ categoryCode: 'water', description: 'Same tap', urgency: 'normal', lat: 1, long: 1 });
    const merged = await move(dup.id, 'merged', 'cellSecretary', { intoCaseId: c.id });
    expect(merged.json).toMatchObject({ status: 'merged', mergedIntoId: c.id });
    expect((await move(dup.id, 'acknowledged', 'cellSecretary')).status).toBe(409);
  });

  it('lets only the owning chain act, and shows requester data only along it', async () => {
    const c = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1, requester: { name: 'Bo', phone: '+1 555 0100' } });
    // Cell 0's case: region 1 (another branch) sees nothing, as if it did not exist.
    const outsider = await call('admin', { method: 'GET', url: `/api/v1/cases/${c.id}` });
    expect(outsider.json.requester).toMatchObject({ name: 'Bo' });
    expect((await caseOf(c.id, 'districtOfficial')).requester).toMatchObject({ phone: '+1 555 0100' });
    expect((await caseOf(c.id, 'cellSecretary')).requester).toMatchObject({ name: 'Bo' });
    expect((await caseOf(c.id, 'member')).error?.code ?? 'visible').toBe('case_not_found');
    const list = await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[1]}/cases` });
    expect(list.status).toBe(404);
  });
});

describe('reminders', () => {
  it("remind the owning unit's officials once per deadline, while there is still time", async () => {
    const c = await file({ categoryCode: 'water', description: 'Drip', urgency: 'normal', lat: 1, long: 1 });
    const remind = () => transact(database, systemActor('system:reminders'), clock, (ctx) => remindOwners(ctx));
    clock.advance(17 * HOUR);
    expect((await remind()).filter((r) => r.caseId === c.id)).toEqual([]);
    clock.advance(2 * HOUR);
    const sent = (await remind()).filter((r) => r.caseId === c.id);
    expect(sent).toMatchObject([{ deadline: 'acknowledge', recipients: 1 }]);
    expect((await remind()).filter((r) => r.caseId === c.id)).toEqual([]);
    const mail = await database.db.selectFrom('outbox_messages').select(['to_address', 'subject']).where('ref_id', '=', c.id).where('kind', '=', 'case.reminder').execute();
    expect(mail).toEqual([{ to_address: actors.cellSecretary.email, subject: expect.stringContaining(`Case ${c.reference}: acknowledge it by`) }]);
    // Acknowledged, it waits for the resolve deadline's own reminder.
    await move(c.id, 'acknowledged', 'cellSecretary');
    expect((await remind()).filter((r) => r.caseId === c.id)).toEqual([]);
    clock.advance(40 * HOUR);
    expect((await remind()).filter((r) => r.caseId === c.id)).toMatchObject([{ deadline: 'resolve' }]);
    await move(c.id, 'resolved', 'cellSecretary');
  });
});

describe('escalation', () => {
  it('rises one level per passed deadline, never twice, catches up after downtime, and keeps the first unit involved', async () => {
    const c = await file({ categoryCode: 'water', description: 'Burst pipe', urgency: 'normal', lat: 1, long: 1, requester: { name: 'Cy' } });
    expect(c.owningUnitId).toBe(tree.cells[0]);
    clock.advance(23 * HOUR);
    expect((await sweep()).filter((s) => s.caseId === c.id)).toEqual([]);
    clock.advance(2 * HOUR);
    const dry = await sweep(true);
    expect(dry.filter((s) => s.caseId === c.id).map((s) => s.toUnitId)).toEqual([tree.districts[0]]);
    expect((await caseOf(c.id)).owningUnitId).toBe(tree.cells[0]);
    const first = (await sweep()).filter((s) => s.caseId === c.id);
    expect(first.map((s) => [s.fromUnitId, s.toUnitId])).toEqual([[tree.cells[0], tree.districts[0]]]);
    expect((await sweep()).filter((s) => s.caseId === c.id)).toEqual([]);

    // The cell still sees its case (not the requester); the district owns and acts.
    const asCell = await caseOf(c.id, 'cellSecretary');
    expect(asCell).toMatchObject({ owningUnitId: tree.districts[0], requester: null, abilities: { act: false } });
    expect((await move(c.id, 'acknowledged', 'cellSecretary')).status).toBe(403);
    const overdue = await call('districtOfficial', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/cases?escalated=true` });
    expect(overdue.json.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const cellOwn = await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/cases?scope=own` });
    expect(cellOwn.json.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const cellInvolved = await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/cases?scope=involved&escalated=true` });
    expect(cellInvolved.json.items.map((i: { id: string }) => i.id)).toContain(c.id);

    // Three days of downtime: it rises to the region, then the root, in one sweep, and stops there.
    clock.advance(72 * HOUR);
    const later = (await sweep()).filter((s) => s.caseId === c.id);
    expect(later.map((s) => s.toUnitId)).toEqual([tree.regions[0], tree.root]);
    const view = await caseOf(c.id);
    expect(view.escalations.map((e: { toUnitId: string }) => e.toUnitId)).toEqual([tree.districts[0], tree.regions[0], tree.root]);
    expect(view.escalationLevel).toBe(3);
    clock.advance(1000 * HOUR);
    expect((await sweep()).filter((s) => s.caseId === c.id)).toEqual([]);
    const audit = await database.db.selectFrom('audit_events').select('action').where('target_id', '=', c.id).where('action', '=', 'case.escalate').execute();
    expect(audit).toHaveLength(3);
  });
});

describe("the requester's side", () => {
  it('is told by e-mail through the outbox, in the transaction of each change: received (with the link), updates, escalation, resolution', async () => {
    const c = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1, requester: { name: 'Di', email: 'di@example.org' } });
    const silent = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1, requester: { name: 'No mail' } });
    await move(c.id, 'acknowledged', 'cellSecretary', { note: 'internal only' });
    await move(c.id, 'in_progress', 'cellSecretary', { note: 'A plumber comes on Tuesday.', publicNote: true });
    clock.advance(80 * HOUR);
    await sweep();
    // A refused change writes no mail: it rolls back with everything else.
    expect((await move(c.id, 'merged', 'districtOfficial', { intoCaseId: c.id })).status).toBe(422);
    await move(c.id, 'resolved', 'districtOfficial');
    const mail = await database.db.selectFrom('outbox_messages').select(['kind', 'to_address', 'text_body', 'ref_id']).where('ref_id', 'in', [c.id, silent.id]).orderBy('id').execute();
    // The fixed clock gives several the same instant: compare them as a set.
    expect(mail.map((m) => m.kind).sort()).toEqual(['case.escalated', 'case.received', 'case.resolved', 'case.update']);
    expect(mail.every((m) => m.to_address === 'di@example.org' && m.ref_id === c.id)).toBe(true);
    const byKind = new Map(mail.map((m) => [m.kind, m.text_body]));
    expect(byKind.get('case.received')).toContain(`/track/${c.trackingToken}`);
    expect(byKind.get('case.update')).toContain('A plumber comes on Tuesday.');
    expect(mail.map((m) => m.text_body).join()).not.toContain('internal only');
  });

  it('follows, adds information, confirms, reopens within 14 days and rates once — seeing no official and no internal note', async () => {
    const c = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1 });
    const track = async () => (await call(null, { method: 'GET', url: `/api/v1/track/${c.trackingToken}` })).json;
    expect(await track()).toMatchObject({ reference: c.reference, status: 'new', owningLevel: 'Cell' });
    await move(c.id, 'in_progress', 'cellSecretary', { note: 'secret internal remark' });
    await move(c.id, 'waiting', 'cellSecretary', { note: 'Which floor?', publicNote: true });
    const info = await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/information`, payload: { text: 'Second floor' } });
    expect(info.json.status).toBe('in_progress');
    const text = JSON.stringify(await track());
    expect(text).not.toContain('secret internal remark');
    expect(text).not.toContain(actors.cellSecretary.email);
    expect(text).toContain('Which floor?');

    expect((await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/confirm` })).json.error.code).toBe('not_resolved');
    await move(c.id, 'resolved', 'cellSecretary');
    const reopened = await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/reopen`, payload: { reason: 'Still dripping' } });
    expect(reopened.json.status).toBe('reopened');
    expect((await caseOf(c.id)).reopenCount).toBe(1);
    await move(c.id, 'resolved', 'cellSecretary');
    expect((await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/confirm` })).json.status).toBe('closed');
    clock.advance(15 * 24 * HOUR);
    expect((await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/reopen`, payload: { reason: 'Again' } })).json.error.code).toBe('reopen_window_passed');
    expect((await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/rate`, payload: { stars: 6 } })).status).toBe(400);
    expect((await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/rate`, payload: { stars: 4, comment: 'Quick' } })).json.rating).toEqual({ stars: 4, comment: 'Quick' });
    expect((await call(null, { method: 'POST', url: `/api/v1/track/${c.trackingToken}/rate`, payload: { stars: 5 } })).json.error.code).toBe('already_rated');
    expect((await call(null, { method: 'GET', url: '/api/v1/track/not-a-real-token-at-all' })).status).toBe(404);
  });
});

describe('the public doors', () => {
  it('limit each address with a clear 429 that says when to come back, and the limit leaves other addresses alone', async () => {
    const body = { categoryCode: 'water', description: 'Flood test', urgency: 'low' };
    const from = (address: string) => call(null, { method: 'POST', url: '/api/v1/public/cases', payload: body, remoteAddress: address });
    for (let i = 0; i < PUBLIC_LIMITS.intakePerMinute; i++) expect((await from('203.0.113.77')).status).toBe(201);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/public/cases', payload: body, remoteAddress: '203.0.113.77' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } });
    expect(refused.json().error.message).toMatch(/Try again in \d+ seconds/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('203.0.113.78')).status).toBe(201);
  });
});
