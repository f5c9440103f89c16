import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { buildSmallTree, type SmallTree } from '../../test/factories.ts';
import { seedActors, type Role, type SeededActor } from '../../test/actors.ts';
import { startTestApp, type TestApp } from '../../test/http-app.ts';

let database: Database;
let tree: SmallTree;
let t: TestApp;
let actors: Record<Role, SeededActor>;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  actors = await seedActors(database, tree);
  t = await startTestApp(database);
  for (const role of ['regionOfficial', 'districtOfficial', 'member'] as const) {
    const r = await t.call({ method: 'POST', url: '/api/v1/session', token: null, payload: { email: actors[role].email, password: actors[role].password } });
    tokens[role] = r.json.token;
  }
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

const url = (unitId: string) => `/api/v1/units/${unitId}/calendar`;
const weekdays = (span: [string, string]) => ({ mon: [span], tue: [span], wed: [span], thu: [span], fri: [span] });
const body = { timeZone: 'Europe/Berlin', week: { ...weekdays(['09:00', '18:00']), sat: [], sun: [] }, holidays: [{ date: '2026-12-25', name: 'Christmas Day' }] };

function expectValidation(response: { status: number; json: any }, paths: string[]) {
  expect(response.status).toBe(400);
  expect(response.json.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
  expect(response.json.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(paths);
  for (const issue of response.json.error.details.issues) expect(issue).toEqual({ in: 'body', path: expect.any(String), message: expect.any(String) });
}

describe('GET, PUT and DELETE /units/:id/calendar', () => {
  it('starts with wall-clock time, sets a calendar, and passes it down', async () => {
    expect((await t.call({ method: 'GET', url: url(tree.cells[0]!) })).json).toMatchObject({ mode: 'wall-clock', source: null, calendar: null, abilities: { set: true } });

    const put = await t.call({ method: 'PUT', url: url(tree.regions[0]!), payload: body });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      unitId: tree.regions[0], mode: 'working', source: { unitId: tree.regions[0], name: 'Region 0', inherited: false },
      calendar: { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '18:00']], sat: [] }, holidays: body.holidays },
    });

    const below = await t.call({ method: 'GET', url: url(tree.cells[0]!) });
    expect(below.json).toMatchObject({ mode: 'working', source: { unitId: tree.regions[0], inherited: true }, calendar: { timeZone: 'Europe/Berlin' } });
    expect((await t.call({ method: 'GET', url: url(tree.cells[7]!) })).json.mode).toBe('wall-clock');
  });

  it('fills the days left out, and writes an audit event tied to the request', async () => {
    const put = await t.call({ method: 'PUT', url: url(tree.districts[1]!), payload: { timeZone: 'Asia/Seoul', week: weekdays(['08:30', '17:30']) } });
    expect(put.status).toBe(200);
    expect(put.json.calendar).toEqual({ timeZone: 'Asia/Seoul', week: { ...weekdays(['08:30', '17:30']), sat: [], sun: [] }, holidays: [] });
    const event = await database.db.selectFrom('audit_events').selectAll().where('action', '=', 'unit.calendar.set').where('target_id', '=', tree.districts[1]!).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ unit_id: tree.districts[1], target_type: 'unit', request_id: expect.any(String), after: { timeZone: 'Asia/Seoul' } });

    const del = await t.call({ method: 'DELETE', url: url(tree.districts[1]!) });
    expect(del.status).toBe(204);
    // Back to inheriting: district 1 sits in region 0.
    expect((await t.call({ method: 'GET', url: url(tree.districts[1]!) })).json.source).toMatchObject({ unitId: tree.regions[0], inherited: true });
    const cleared = await database.db.selectFrom('audit_events').select('before').where('action', '=', 'unit.calendar.clear').where('target_id', '=', tree.districts[1]!).execute();
    expect(cleared).toEqual([{ before: expect.objectContaining({ timeZone: 'Asia/Seoul' }) }]);
    // Nothing left to remove: still a 204, and no second event.
    expect((await t.call({ method: 'DELETE', url: url(tree.districts[1]!) })).status).toBe(204);
  });

  it('refuses invalid calendars with a 400 naming each problem once', async () => {
    const put = (payload: object) => t.call({ method: 'PUT', url: url(tree.districts[0]!), payload });
    expectValidation(await put({ ...body, timeZone: 'Europe/Atlantis' }), ['timeZone']);
    expectValidation(await put({ ...body, week: { mon: [['09:00', '12:00'], ['11:30', '18:00']] } }), ['week.mon.1']);
    expectValidation(await put({ ...body, week: { tue: [['9:00', '18:00']], wed: [['18:00', '09:00']] } }), ['week.tue.0.0', 'week.wed.0']);
    expectValidation(await put({ ...body, week: { mon: [['00:00', '25:00']] } }), ['week.mon.0.1']);
    expectValidation(await put({ ...body, week: {} }), ['week']);
    expectValidation(await put({ ...body, week: { monday: [['09:00', '18:00']] } }), ['week']);
    expectValidation(await put({ ...body, holidays: [{ date: '2026-13-01', name: 'Nope' }, { date: '2026-05-01', name: '' }] }), ['holidays.0.date', 'holidays.1.name']);
    expectValidation(await put({ ...body, holidays: [{ date: '2026-05-01', name: 'A' }, { date: '2026-05-01', name: 'B' }] }), ['holidays.1.date']);
    expectValidation(await put({ week: body.week }), ['timeZone']);
    expect((await t.call({ method: 'GET', url: url(tree.districts[0]!) })).json.source.unitId).toBe(tree.regions[0]);
  });

  it('lets the level above set a calendar; outside the scope it is a 404, at the own unit a 403', async () => {
    const as = (role: Role, method: 'GET' | 'PUT' | 'DELETE', unitId: string) =>
      t.call({ method, url: url(unitId), token: tokens[role], ...(method === 'PUT' ? { payload: body } : {}) });
    expect((await as('regionOfficial', 'PUT', tree.districts[0]!)).status).toBe(200);
    expect((await as('districtOfficial', 'PUT', tree.cells[0]!)).status).toBe(200);
    expect((await as('districtOfficial', 'DELETE', tree.cells[0]!)).status).toBe(204);
    const own = await as('districtOfficial', 'PUT', tree.districts[0]!);
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('forbidden');
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const outside = await as('regionOfficial', method, tree.cells[7]!);
      expect(outside.status, method).toBe(404);
      expect(outside.json.error).toMatchObject({ code: 'unit_not_found', details: { id: tree.cells[7] } });
    }
    const member = await as('member', 'GET', tree.cells[0]!);
    expect(member.json).toMatchObject({ mode: 'working', source: { unitId: tree.districts[0], inherited: true }, abilities: { set: false } });
    expect((await as('member', 'PUT', tree.cells[0]!)).status).toBe(403);
    const denied = await database.db.selectFrom('audit_events').select('details').where('action', '=', 'access.denied').execute();
    expect(denied.map((d) => (d.details as { action: string }).action)).toEqual(expect.arrayContaining(['set_calendar', 'clear_calendar', 'read_calendar']));
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.call({ method: 'GET', url: '/api/v1/openapi.json' })).json;
    const path = doc.paths['/api/v1/units/{id}/calendar'];
    expect(Object.keys(path).sort()).toEqual(['delete', 'get', 'put']);
    expect(path.put.requestBody.content['application/json'].schema.properties).toHaveProperty('week');
    expect(Object.keys(path.put.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
  });
});
