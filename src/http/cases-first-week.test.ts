// Issue 14, casework: what misled people in the first week (items 5, 7, 9 and 13).
import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Role } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { useTestApp } from '../../test/http-app.ts';
import { DEFAULT_PUBLIC_LIMITS } from '../config.ts';

const HOUR = 3_600_000;
let database: Database;
let tree: SmallTree;
let app: FastifyInstance;
const clock = fixedClock('2026-03-02T08:00:00Z');
let tokens: Record<Role, string>;

const signIn = (role: Role) => fixture.signIn(role);
const call = async (role: Role | null, options: InjectOptions): Promise<{ status: number; json: any }> => {
  const remoteAddress = options.remoteAddress ?? (role ? undefined : `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
  const send = () => app.inject({ ...options, ...(remoteAddress ? { remoteAddress } : {}), headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...options.headers } });
  let response = await send();
  if (role && response.statusCode === 401) {
    await signIn(role);
    response = await send();
  }
  return { status: response.statusCode, json: response.body ? response.json() : undefined };
};
const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
const deadlines = (ack: number, resolve: number) => Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: ack, resolveHours: resolve }]));
const file = async (payload: Record<string, unknown>) => {
  const response = await call(null, { method: 'POST', url: '/api/v1/public/cases', payload });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json as { id: string; reference: string; trackingToken: string; owningUnitId: string };
};
const move = (id: string, to: string, role: Role = 'admin', extra: Record<string, unknown> = {}) =>
  call(role, { method: 'POST', url: `/api/v1/cases/${id}/transition`, payload: { to, ...extra } });

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, app, tokens } = fixture);
  const water = await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { code: 'water', name: 'Water', names: { ko: '수도' }, handlingLevel: 'cell', public: true, deadlines: deadlines(24, 72) } });
  expect(water.status).toBe(201);
  // Cells 0 and 1 of district 0 cover two squares side by side.
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.districts[0]}/service-area`, payload: { polygon: square(0, 0, 10), localities: [] } })).status).toBe(200);
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[0]}/service-area`, payload: { polygon: square(0, 0, 2), localities: [] } })).status).toBe(200);
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/service-area`, payload: { polygon: square(4, 4, 2), localities: [] } })).status).toBe(200);
});

describe('item 5: the district sees what is open below it', () => {
  it("breaks the dashboard down by unit below (open, overdue, escalated), agreeing with each unit's queue", async () => {
    const inCell0 = await file({ categoryCode: 'water', description: 'Tap', urgency: 'normal', lat: 1, long: 1 });
    await file({ categoryCode: 'water', description: 'Pipe', urgency: 'normal', lat: 1, long: 1 });
    await file({ categoryCode: 'water', description: 'Well', urgency: 'low', lat: 5, long: 5 });
    expect(inCell0.owningUnitId).toBe(tree.cells[0]);
    // Past the acknowledgement deadline, before the sweep has moved them up: overdue below.
    clock.advance(25 * HOUR);
    const board = await call('districtOfficial', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/case-dashboard` });
    expect(board.status).toBe(200);
    const byUnit = new Map((board.json.byUnit as Array<{ unitId: string; open: number; overdue: number; escalated: number; name: string }>).map((u) => [u.unitId, u]));
    expect(byUnit.get(tree.cells[0]!)).toMatchObject({ open: 2, overdue: 2, escalated: 0, level: 'cell' });
    expect(byUnit.get(tree.cells[1]!)).toMatchObject({ open: 1, overdue: 1, escalated: 0 });
    for (const [unitId, figures] of byUnit) {
      const queue = await call('districtOfficial', { method: 'GET', url: `/api/v1/units/${unitId}/cases?scope=subtree&overdue=true` });
      expect(queue.json.items.length).toBe(figures.overdue);
    }
    // The district's own queue holds nothing; what is open is below it.
    expect((await call('districtOfficial', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/cases` })).json.items).toEqual([]);
    // Out of scope reads like missing.
    expect((await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/case-dashboard` })).status).toBe(404);
    for (const c of (await call('admin', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/cases?scope=subtree` })).json.items) await move(c.id, 'acknowledged');
    clock.advance(HOUR);
  });
});

describe('item 9: the queue shows names and the most pressing first', () => {
  it('carries the category name and translations, and sort=due lists life-threatening, then urgent, then by deadline, page after page', async () => {
    const filed = [];
    for (const urgency of ['low', 'urgent', 'normal', 'life_threatening', 'urgent']) {
      filed.push(await file({ categoryCode: 'water', description: `Leak ${urgency}`, urgency, lat: 1.5, long: 1.5 }));
      clock.advance(60_000);
    }
    const page1 = await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/cases?sort=due&status=new&limit=3` });
    expect(page1.status).toBe(200);
    const page2 = await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/cases?sort=due&status=new&limit=3&cursor=${page1.json.nextCursor}` });
    const items = [...page1.json.items, ...page2.json.items];
    expect(page2.json.nextCursor).toBeNull();
    expect(items.map((c: { urgency: string }) => c.urgency)).toEqual(['life_threatening', 'urgent', 'urgent', 'low', 'normal']);
    expect(items[0].category).toEqual({ code: 'water', name: 'Water', names: { ko: '수도' } });
    // Of the two urgent ones, the one due first comes first.
    expect(items[1].id).toBe(filed[1]!.id);
    expect(items.every((c: { dueAt: string; acknowledgeDueAt: string }) => c.dueAt === c.acknowledgeDueAt)).toBe(true);
    // The default order stays newest first.
    const newest = await call('cellSecretary', { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/cases?status=new&limit=5` });
    expect(newest.json.items[0].id).toBe(filed[4]!.id);
    // Dashboards name categories in every language they have.
    const board = await call('districtOfficial', { method: 'GET', url: `/api/v1/units/${tree.districts[0]}/case-dashboard` });
    expect(board.json.byCategory[0]).toMatchObject({ code: 'water', names: { ko: '수도' } });
  });
});

describe('item 13: triage is for what nobody has taken yet', () => {
  it('clears the triage tag once the case is acknowledged', async () => {
    const c = await file({ categoryCode: 'water', description: 'Somewhere', urgency: 'normal', address: 'Nowhere Lane 1', unitId: tree.districts[1] });
    expect((await call('admin', { method: 'GET', url: `/api/v1/cases/${c.id}` })).json.triage).toBe(true);
    expect((await move(c.id, 'acknowledged')).status).toBe(200);
    expect((await call('admin', { method: 'GET', url: `/api/v1/cases/${c.id}` })).json.triage).toBe(false);
    const listed = await call('admin', { method: 'GET', url: `/api/v1/units/${tree.districts[1]}/cases` });
    expect(listed.json.items.find((i: { id: string }) => i.id === c.id).triage).toBe(false);
  });
});

describe('item 7: a lost tracking link can be recovered', () => {
  const recover = (reference: string, contact: string, remoteAddress?: string) =>
    call(null, { method: 'POST', url: '/api/v1/public/track/recover', payload: { reference, contact }, ...(remoteAddress ? { remoteAddress } : {}) });
  const recoveredMail = (caseId: string) => database.db.selectFrom('outbox_messages').select(['to_address', 'text_body'])
    .where('ref_id', '=', caseId).where('kind', '=', 'case.recovered').execute();

  it('sends a new link to the e-mail given, never shows it, and answers a wrong pair exactly as an unknown reference', async () => {
    const c = await file({ categoryCode: 'water', description: 'Lost link', urgency: 'normal', lat: 1, long: 1, requester: { name: 'Ana', email: 'Ana@Example.org', phone: '+82 10-1234-5678' } });
    const received = await database.db.selectFrom('outbox_messages').select('text_body').where('ref_id', '=', c.id).where('kind', '=', 'case.received').executeTakeFirstOrThrow();
    expect(received.text_body).toContain(`/track/${c.trackingToken}`);

    const wrong = await recover(c.reference, 'someone@example.org');
    const unknown = await recover('C-2222-2222', 'ana@example.org');
    const right = await recover(c.reference.toLowerCase(), ' ana@example.ORG ');
    expect(wrong.status).toBe(202);
    expect(unknown).toEqual(wrong);
    expect(right).toEqual(wrong);
    expect(JSON.stringify(right.json)).not.toMatch(/track\//);

    const mail = await recoveredMail(c.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to_address).toBe('Ana@Example.org');
    const newToken = /\/track\/([A-Za-z0-9_-]+)/.exec(mail[0]!.text_body)![1]!;
    expect(newToken).not.toBe(c.trackingToken);
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${newToken}` })).json.reference).toBe(c.reference);
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${c.trackingToken}` })).status).toBe(404);

    // Audited as the public at the recovery door, without the contact given.
    const trail = await database.db.selectFrom('audit_events').select(['actor_label', 'target_id', 'details']).where('action', '=', 'case.tracking_recover').orderBy('id').execute();
    expect(trail.map((e) => [e.actor_label, (e.details as { outcome: string }).outcome])).toEqual([
      ['public:recover', 'no_match'], ['public:recover', 'no_match'], ['public:recover', 'sent_by_email']]);
    expect(trail[2]!.target_id).toBe(c.id);
    expect(JSON.stringify(trail)).not.toMatch(/example\.org/i);
  });

  it('matches a phone number but sends nothing yet (no text-message gateway), and keeps the old link', async () => {
    const c = await file({ categoryCode: 'water', description: 'By phone', urgency: 'normal', lat: 1, long: 1, requester: { phone: '010 9999 0000' } });
    const answer = await recover(c.reference, '010-9999-0000');
    expect(answer.status).toBe(202);
    expect(answer.json.message).toMatch(/text messages are not sent yet/);
    expect(await recoveredMail(c.id)).toHaveLength(0);
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${c.trackingToken}` })).status).toBe(200);
    const last = await database.db.selectFrom('audit_events').select('details').where('action', '=', 'case.tracking_recover').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.details).toMatchObject({ outcome: 'phone_not_supported', contactKind: 'phone' });
    expect((await recover(c.reference, 'x')).json.error).toMatchObject({ code: 'contact_format', details: { field: 'contact' } });
  });

  it('is rate-limited per address like the public intake', async () => {
    for (let i = 0; i < DEFAULT_PUBLIC_LIMITS.intakePerMinute; i++) expect((await recover('C-3333-3333', 'a@example.org', '203.0.113.9')).status).toBe(202);
    const refused = await recover('C-3333-3333', 'a@example.org', '203.0.113.9');
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('rate_limited');
  });
});
