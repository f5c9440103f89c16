import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { useTestApp, type TestApp } from '../../test/http-app.ts';
import type { SmallTree } from '../../test/factories.ts';
import { BODY_LIMIT } from './server.ts';

let database: Database;
let tree: SmallTree;

const t = useTestApp();
beforeAll(() => {
  ({ database, tree } = t);
});

const count = async (table: 'units' | 'people' | 'audit_events' | 'official_terms') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function expectError(response: { status: number; json: any }, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Object) } });
  if (code) expect(response.json.error.code).toBe(code);
}

describe('health and sign-in', () => {
  it('answers health without a token, naming the backend', async () => {
    const r = await t.call({ method: 'GET', url: '/api/v1/health', token: null });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('refuses every other route without a valid token', async () => {
    expectError(await t.call({ method: 'GET', url: '/api/v1/units/root', token: null }), 401, 'not_signed_in');
    expectError(await t.call({ method: 'GET', url: '/api/v1/units/root', token: 'forged' }), 401, 'session_expired');
    expectError(await t.call({ method: 'POST', url: '/api/v1/people', token: null, payload: {} }), 401);
  });

  it('refuses a wrong password with the same answer as an unknown e-mail', async () => {
    const wrong = await t.call({ method: 'POST', url: '/api/v1/session', token: null, payload: { email: 'nobody@x.example', password: 'whatever12' } });
    expectError(wrong, 401, 'bad_credentials');
  });

  it('signs out server-side: the token stops working', async () => {
    const email = 'second@test.example';
    const { createAdmin } = await import('../domain/accounts/create-admin.ts');
    const { run } = await import('../../test/factories.ts');
    await run(database, (ctx) => createAdmin(ctx, { email, password: 'another long password' }));
    const signIn = await t.call({ method: 'POST', url: '/api/v1/session', token: null, payload: { email: 'SECOND@test.example', password: 'another long password' } });
    expect(signIn.status).toBe(200);
    expect(String(signIn.headers['set-cookie'])).toMatch(/mainstay_session=.*HttpOnly.*SameSite=Strict/i);
    const token = signIn.json.token;
    expect((await t.call({ method: 'GET', url: '/api/v1/units/root', token })).status).toBe(200);
    expect((await t.call({ method: 'DELETE', url: '/api/v1/session', token })).status).toBe(204);
    expectError(await t.call({ method: 'GET', url: '/api/v1/units/root', token }), 401);
  });
});

describe('the fixed paths', () => {
  it('reads the root and a unit with ancestors and counts', async () => {
    const root = await t.call({ method: 'GET', url: '/api/v1/units/root' });
    expect(root.json).toMatchObject({ id: tree.root, level: 'central', parentId: null, ancestors: [], counts: { units: 14, cells: 8, members: 0 } });
    const cell = await t.call({ method: 'GET', url: `/api/v1/units/${tree.cells[3]}` });
    expect(cell.json.ancestors.map((a: { level: string }) => a.level)).toEqual(['central', 'region', 'district']);
    const children = await t.call({ method: 'GET', url: `/api/v1/units/${tree.root}/children?limit=1` });
    expect(children.json.items).toHaveLength(1);
    expect(children.json.nextCursor).toEqual(expect.any(String));
  });

  it('creates, renames, moves and closes units', async () => {
    const created = await t.call({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.districts[0], name: 'New cell', level: 'cell' } });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const renamed = await t.call({ method: 'PATCH', url: `/api/v1/units/${id}`, payload: { name: 'Renamed cell' } });
    expect(renamed.json.name).toBe('Renamed cell');
    const moved = await t.call({ method: 'POST', url: `/api/v1/units/${id}/move`, payload: { parentId: tree.districts[3] } });
    expect(moved.json).toEqual({ moved: 1 });
    const closed = await t.call({ method: 'POST', url: `/api/v1/units/${id}/close` });
    expect(closed.json.status).toBe('closed');
    expectError(await t.call({ method: 'POST', url: `/api/v1/units/${tree.regions[0]}/move`, payload: { parentId: tree.cells[0] } }), 422, 'move_under_descendant');
  });

  it('registers, transfers and lists members, with history', async () => {
    const person = await t.call({ method: 'POST', url: '/api/v1/people', payload: { name: 'Ada Stonewell', cellId: tree.cells[0], email: 'ada@example.org' } });
    expect(person.status).toBe(201);
    expect(person.json).toEqual({ id: expect.any(String), name: 'Ada Stonewell', cellId: tree.cells[0] });
    const transferred = await t.call({ method: 'POST', url: `/api/v1/people/${person.json.id}/transfer`, payload: { cellId: tree.cells[5] } });
    expect(transferred.json.cellId).toBe(tree.cells[5]);
    const history = await t.call({ method: 'GET', url: `/api/v1/people/${person.json.id}/history` });
    expect(history.json.items.map((i: { unitId: string; endedAt: string | null }) => [i.unitId, i.endedAt === null])).toEqual([
      [tree.cells[0], false],
      [tree.cells[5], true],
    ]);
    const direct = await t.call({ method: 'GET', url: `/api/v1/units/${tree.cells[5]}/members?scope=direct` });
    expect(direct.json.items.map((m: { id: string }) => m.id)).toEqual([person.json.id]);
    const subtree = await t.call({ method: 'GET', url: `/api/v1/units/${tree.regions[1]}/members?scope=subtree&q=stone` });
    expect(subtree.json.items.map((m: { id: string }) => m.id)).toEqual([person.json.id]);
    const elsewhere = await t.call({ method: 'GET', url: `/api/v1/units/${tree.regions[0]}/members?scope=subtree` });
    expect(elsewhere.json.items).toEqual([]);
  });

  it('appoints and ends officials, one secretary per unit', async () => {
    const a = (await t.call({ method: 'POST', url: '/api/v1/people', payload: { name: 'Bora Oakley', cellId: tree.cells[1] } })).json.id;
    const b = (await t.call({ method: 'POST', url: '/api/v1/people', payload: { name: 'Cael Redby', cellId: tree.cells[1] } })).json.id;
    expect((await t.call({ method: 'POST', url: `/api/v1/units/${tree.districts[0]}/officials`, payload: { personId: a, role: 'secretary' } })).status).toBe(201);
    expectError(await t.call({ method: 'POST', url: `/api/v1/units/${tree.districts[0]}/officials`, payload: { personId: b, role: 'secretary' } }), 409, 'secretary_exists');
    const officials = await t.call({ method: 'GET', url: `/api/v1/units/${tree.districts[0]}/officials` });
    expect(officials.json.items).toEqual([expect.objectContaining({ personId: a, role: 'secretary' })]);
    expect((await t.call({ method: 'DELETE', url: `/api/v1/units/${tree.districts[0]}/officials/${a}` })).status).toBe(204);
    expect((await t.call({ method: 'GET', url: `/api/v1/units/${tree.districts[0]}/officials` })).json.items).toEqual([]);
    const history = await t.call({ method: 'GET', url: `/api/v1/people/${a}/history` });
    expect(history.json.items.find((i: { kind: string }) => i.kind === 'role')).toMatchObject({ role: 'secretary', endedAt: expect.any(String) });
  });

  it('serves an OpenAPI document naming the fixed paths', async () => {
    const doc = await t.call({ method: 'GET', url: '/api/v1/openapi.json', token: null });
    expect(doc.json.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/units/{id}', '/api/v1/units/{id}/children', '/api/v1/people/{id}/transfer', '/api/v1/session', '/api/v1/units/{id}/officials/{personId}']) {
      expect(Object.keys(doc.json.paths)).toContain(path);
    }
  });
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: Array<[string, () => Parameters<TestApp['call']>[0], number, string]> = [
    ['a wrong type', () => ({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.root, name: 42, level: 'region' } }), 400, 'validation_failed'],
    ['a missing field', () => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'No cell' } }), 400, 'validation_failed'],
    ['an unknown field', () => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'X', cellId: tree.cells[0], role: 'boss' } }), 400, 'validation_failed'],
    ['a malformed id', () => ({ method: 'GET', url: '/api/v1/units/not-an-id' }), 400, 'validation_failed'],
    ['an unknown id', () => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'X', cellId: '01900000-0000-7000-8000-000000000000' } }), 404, 'unit_not_found'],
    ['a person in a district', () => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'X', cellId: tree.districts[0] } }), 422, 'not_a_cell'],
    ['a bad e-mail', () => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'X', cellId: tree.cells[0], email: 'not-mail' } }), 400, 'validation_failed'],
    ['an empty name', () => ({ method: 'PATCH', url: `/api/v1/units/${tree.root}`, payload: { name: '   ' } }), 400, 'validation_failed'],
    ['malformed JSON', () => ({ method: 'POST', url: '/api/v1/units', payload: '{"parentId": ', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json'],
    ['an oversized body', () => ({ method: 'POST', url: '/api/v1/people', payload: { name: 'x'.repeat(BODY_LIMIT), cellId: tree.cells[0] } }), 413, 'body_too_large'],
    ['a bad cursor', () => ({ method: 'GET', url: `/api/v1/units/${tree.root}/children?cursor=garbage` }), 422, 'bad_cursor'],
    ['an unknown route', () => ({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route_not_found'],
    ['a non-JSON body', () => ({ method: 'POST', url: '/api/v1/units', payload: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type'],
  ];
  it.each(cases)('%s', async (_name, request, status, code) => {
    const before = await Promise.all([count('units'), count('people'), count('audit_events')]);
    const response = await t.call(request());
    expectError(response, status, code);
    expect(await Promise.all([count('units'), count('people'), count('audit_events')])).toEqual(before);
  });

  it('names the field at fault', async () => {
    const r = await t.call({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.root, name: 'x', level: 7 } });
    expect(r.json.error.details.issues).toEqual([expect.objectContaining({ path: 'level' })]);
    expect(r.json.error.message).toContain('level');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer and writes nothing more', async () => {
    const request = { method: 'POST' as const, url: '/api/v1/people', payload: { name: 'Once Only', cellId: tree.cells[2] }, headers: { 'idempotency-key': 'k-replay' } };
    const first = await t.call(request);
    const people = await count('people');
    const second = await t.call(request);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count('people')).toBe(people);
  });

  it('refuses the same key with a different body', async () => {
    await t.call({ method: 'POST', url: '/api/v1/people', payload: { name: 'First', cellId: tree.cells[2] }, headers: { 'idempotency-key': 'k-diff' } });
    const other = await t.call({ method: 'POST', url: '/api/v1/people', payload: { name: 'Second', cellId: tree.cells[2] }, headers: { 'idempotency-key': 'k-diff' } });
    expectError(other, 422, 'idempotency_key_reused');
  });

  it('creates one row for 50 concurrent POSTs with one key', async () => {
    const people = await count('people');
    const request = { method: 'POST' as const, url: '/api/v1/people', payload: { name: 'Racer', cellId: tree.cells[4] }, headers: { 'idempotency-key': 'k-race' } };
    const responses = await Promise.all(Array.from({ length: 50 }, () => t.call(request)));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
    expect(await count('people')).toBe(people + 1);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL character with a 400, not a 500', async () => {
    const r = await t.call({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.districts[0], name: 'bad\u0000name', level: 'cell' } });
    expectError(r, 400, 'validation_failed');
  });
});
