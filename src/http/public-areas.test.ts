import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { closeUnit } from '../domain/org/close-unit.ts';
import { createUnit } from '../domain/org/create-unit.ts';
import { fixedClock } from '../platform/clock.ts';
import { PASSWORD, seedActors, type Role, type SeededActor } from '../../test/actors.ts';
import { buildSmallTree, run, type SmallTree } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { mapTiles } from '../config.ts';
import { buildServer } from './server.ts';

// Issue 14, item 6: an address that matches nothing must not silently land at the top.
// The form asks the resident to pick their area (a narrow public search down the tree);
// officials see and set service areas and localities per unit.

let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
let closedCell: string;
let otherCell: string;
const clock = fixedClock('2026-03-02T08:00:00Z');
const tokens = {} as Record<Role, string>;
const deadlines = Object.fromEntries(['low', 'normal', 'urgent', 'life_threatening'].map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }]));
const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });

let address = 0;
const call = async (role: Role | null, options: InjectOptions) => {
  const response = await app.inject({
    ...options, remoteAddress: options.remoteAddress ?? `198.51.100.${(address++ % 250) + 1}`,
    headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...options.headers },
  });
  return { status: response.statusCode, json: response.body ? response.json() : undefined, headers: response.headers };
};
const report = (payload: Record<string, unknown>) =>
  call(null, { method: 'POST', url: '/api/v1/public/cases', payload: { categoryCode: 'water', description: 'The tap leaks', urgency: 'normal', ...payload } });
const caseOf = async (id: string) => (await call('admin', { method: 'GET', url: `/api/v1/cases/${id}` })).json;
const caseCount = async () => (await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  actors = await seedActors(database, tree);
  otherCell = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[3]!, name: 'Riverside Lane', level: 'cell' }))).id;
  closedCell = (await run(database, (ctx) => createUnit(ctx, { parentId: tree.districts[3]!, name: 'Riverside Old', level: 'cell' }))).id;
  await run(database, (ctx) => closeUnit(ctx, closedCell));
  app = await buildServer({ database, clock, publicLimits: { intakePerMinute: 100, trackingPerMinute: 100 } });
  for (const role of Object.keys(actors) as Role[]) {
    tokens[role] = (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors[role].email, password: PASSWORD } })).json().token;
  }
  for (const [code, level] of [['water', 'cell'], ['housing', 'district']] as const) {
    expect((await call('admin', { method: 'POST', url: '/api/v1/categories', payload: { code, name: code, handlingLevel: level, public: true, deadlines } })).status).toBe(201);
  }
  expect((await call('admin', { method: 'PUT', url: `/api/v1/units/${tree.cells[0]}/service-area`, payload: { polygon: square(0, 0, 2), localities: ['Old Mill'] } })).status).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a picked area on the public form', () => {
  it('places an unmatched report in the picked unit, not the root\'s triage', async () => {
    // Before: the same unmatched address waits at the top.
    const silent = await report({ address: '12 Nowhere Road' });
    expect(silent.status).toBe(201);
    expect((await caseOf(silent.json.id)).owningUnitId).toBe(tree.root);

    const picked = await report({ address: '12 Nowhere Road', areaUnitId: tree.cells[5] });
    expect(picked.status, JSON.stringify(picked.json)).toBe(201);
    const view = await caseOf(picked.json.id);
    expect(view).toMatchObject({ owningUnitId: tree.cells[5], triage: false });
    expect(view.timeline.find((e: { kind: string }) => e.kind === 'routed').note).toMatch(/picked Cell 1\.0\.1 as their area/);
    const queue = (await call('admin', { method: 'GET', url: `/api/v1/units/${tree.cells[5]}/cases` })).json;
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(picked.json.id);
  });

  it('goes up to the handling level, and a pick above it waits in the picked unit\'s triage', async () => {
    const housing = await report({ categoryCode: 'housing', address: 'Nowhere', areaUnitId: tree.cells[5] });
    expect(await caseOf(housing.json.id)).toMatchObject({ owningUnitId: tree.districts[2], triage: false });
    const region = await report({ address: 'Nowhere', areaUnitId: tree.regions[1] });
    expect(await caseOf(region.json.id)).toMatchObject({ owningUnitId: tree.regions[1], triage: true });
  });

  it('never overrides a place that matches', async () => {
    const matched = await report({ address: 'Old Mill, by the well', areaUnitId: tree.cells[5] });
    expect((await caseOf(matched.json.id)).owningUnitId).toBe(tree.cells[0]);
  });

  it('must be a real, open unit: bad ids get the error shape and nothing is written', async () => {
    const before = await caseCount();
    for (const [id, status, code] of [
      ['0190aaaa-0000-7000-8000-000000000000', 422, 'unknown_area'],
      [closedCell, 422, 'unknown_area'],
      ['not-an-id', 400, 'validation_failed'],
    ] as const) {
      const refused = await report({ address: 'Nowhere', areaUnitId: id });
      expect(refused.status, id).toBe(status);
      expect(refused.json.error).toMatchObject({ code, message: expect.any(String), details: expect.any(Object) });
    }
    expect(await caseCount()).toBe(before);
  });
});

describe('the public area search', () => {
  const search = (query: string, remoteAddress?: string) => call(null, { method: 'GET', url: `/api/v1/public/areas${query}`, ...(remoteAddress ? { remoteAddress } : {}) });

  it('goes down the tree from the top, open units only, with nothing but what the form shows', async () => {
    const top = await search('');
    expect(top.status).toBe(200);
    expect(top.json.items.map((a: { name: string }) => a.name)).toEqual(['Region 0', 'Region 1']);
    expect(Object.keys(top.json.items[0]).sort()).toEqual(['ancestorNames', 'hasChildren', 'id', 'levelKey', 'levelName', 'name']);
    expect(top.json.items[0]).toMatchObject({ levelKey: 'region', ancestorNames: ['Centre'], hasChildren: true });
    const below = await search(`?within=${tree.districts[3]}`);
    expect(below.json.items.map((a: { name: string }) => a.name)).toEqual(['Cell 1.1.0', 'Cell 1.1.1', 'Riverside Lane']);
    expect(below.json.items[2]).toMatchObject({ ancestorNames: ['Centre', 'Region 1', 'District 1.1'], hasChildren: false });
  });

  it('finds by part of the name within a subtree, never a closed unit', async () => {
    expect((await search('?q=riverside')).json.items.map((a: { id: string }) => a.id)).toEqual([otherCell]);
    expect((await search(`?q=cell 1.1&within=${tree.regions[1]}`)).json.items.map((a: { name: string }) => a.name)).toEqual(['Cell 1.1.0', 'Cell 1.1.1']);
    expect((await search(`?q=cell 1.1&within=${tree.regions[0]}`)).json.items).toEqual([]);
    expect((await search(`?within=${closedCell}`)).json.items).toEqual([]);
    expect((await search('?within=0190aaaa-0000-7000-8000-000000000000')).json.items).toEqual([]);
    const short = await search('?q=c');
    expect(short.status).toBe(400);
    expect(short.json.error.code).toBe('validation_failed');
  });

  it('says where a place lies, or null so that the form asks', async () => {
    const match = (q: string) => call(null, { method: 'GET', url: `/api/v1/public/areas/match?${q}` });
    expect((await match('address=Old%20Mill')).json.area).toMatchObject({ id: tree.cells[0], name: 'Cell 0.0.0', ancestorNames: ['Centre', 'Region 0', 'District 0.0'] });
    expect((await match('lat=1&long=1')).json.area.id).toBe(tree.cells[0]);
    expect((await match('address=12%20Nowhere%20Road')).json).toEqual({ area: null });
    const half = await match('lat=1');
    expect(half.status).toBe(422);
    expect(half.json.error.code).toBe('incomplete_place');
  });

  it('is limited per address with the error shape', async () => {
    const limited = await buildServer({ database, clock, publicLimits: { intakePerMinute: 10, trackingPerMinute: 3 } });
    try {
      const hit = () => limited.inject({ method: 'GET', url: '/api/v1/public/areas?q=cell', remoteAddress: '203.0.113.9' });
      for (let i = 0; i < 3; i++) expect((await hit()).statusCode).toBe(200);
      const refused = await hit();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } });
      expect((await limited.inject({ method: 'GET', url: '/api/v1/public/areas?q=cell', remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("the officials' service-area screen", () => {
  const get = (role: Role, unitId: string) => call(role, { method: 'GET', url: `/api/v1/units/${unitId}/service-area` });

  it('reads a unit\'s polygon and localities, with who may change them, and 404 outside', async () => {
    expect((await get('districtOfficial', tree.cells[0]!)).json).toMatchObject({
      unitId: tree.cells[0], polygon: square(0, 0, 2), localities: ['old mill'], updatedAt: expect.any(String), abilities: { edit: true },
    });
    expect((await get('cellSecretary', tree.cells[0]!)).json.abilities.edit).toBe(false);
    expect((await get('districtOfficial', tree.cells[1]!)).json).toMatchObject({ polygon: null, localities: [], updatedAt: null });
    const outside = await get('districtOfficial', tree.cells[5]!);
    expect(outside.status).toBe(404);
    expect(outside.json.error.code).toBe('unit_not_found');
    expect((await call(null, { method: 'GET', url: `/api/v1/units/${tree.cells[0]}/service-area` })).status).toBe(401);
  });

  it('adds and removes localities and draws a polygon through PUT, and refuses a bad shape', async () => {
    const put = (payload: Record<string, unknown>, role: Role = 'districtOfficial') => call(role, { method: 'PUT', url: `/api/v1/units/${tree.cells[1]}/service-area`, payload });
    expect((await put({ polygon: square(2, 0, 2), localities: ['Weir Street', 'Mill Yard'] })).status).toBe(200);
    expect((await put({ polygon: square(2, 0, 2), localities: ['Mill Yard'] })).status).toBe(200);
    expect((await get('districtOfficial', tree.cells[1]!)).json).toMatchObject({ polygon: square(2, 0, 2), localities: ['mill yard'] });
    const open = await put({ polygon: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 2]]] }, localities: [] });
    expect(open.status).toBe(422);
    expect(open.json.error).toMatchObject({ code: 'bad_polygon', details: { field: 'polygon' } });
    // A cell's own secretary reads it but does not set it (the level above does).
    const own = await call('cellSecretary', { method: 'PUT', url: `/api/v1/units/${tree.cells[0]}/service-area`, payload: { polygon: null, localities: [] } });
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('forbidden');
    // The new locality routes at once; the removed one no longer does.
    expect((await call(null, { method: 'GET', url: '/api/v1/public/areas/match?address=3%20Mill%20Yard' })).json.area.id).toBe(tree.cells[1]);
    expect((await call(null, { method: 'GET', url: '/api/v1/public/areas/match?address=Weir%20Street' })).json.area).toBeNull();
  });
});

describe('map tiles', () => {
  it('are a configuration: the CSP allows images from that host only, and the app learns the template', async () => {
    const tiles = mapTiles({ MAINSTAY_MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', MAINSTAY_MAP_ATTRIBUTION: '© Example' })!;
    const withTiles = await buildServer({ database, clock, mapTiles: tiles });
    try {
      const answer = await withTiles.inject({ method: 'GET', url: '/api/v1/public/map' });
      expect(answer.json()).toEqual({ tiles: { url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example' } });
      expect(answer.headers['content-security-policy']).toMatch(/img-src 'self' data: https:\/\/\*\.tiles\.example\.org;/);
      expect(answer.headers['content-security-policy']).toMatch(/script-src 'self';/);
    } finally {
      await withTiles.close();
    }
    const none = await call(null, { method: 'GET', url: '/api/v1/public/map' });
    expect(none.json).toEqual({ tiles: null });
    expect(none.headers['content-security-policy']).toMatch(/img-src 'self' data:;/);
    expect(() => mapTiles({ MAINSTAY_MAP_TILE_URL: 'javascript:alert(1)/{z}/{x}/{y}' })).toThrow(/MAINSTAY_MAP_TILE_URL/);
    expect(() => mapTiles({ MAINSTAY_MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toThrow(/\{z\}/);
    expect(mapTiles({})).toBeNull();
  });
});
