import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { PASSWORD, seedActors } from '../../test/actors.ts';
import { buildSmallTree, run, type SmallTree } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/http-app.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { createPerson } from '../domain/people/create-person.ts';

let database: Database;
let tree: SmallTree;
let t: TestApp;
let official: string;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  const actors = await seedActors(database, tree);
  await run(database, (ctx) => createPerson(ctx, { name: 'Ada Lovelace', cellId: tree.cells[0]! }));
  await run(database, (ctx) => createPerson(ctx, { name: 'Adam Smith', cellId: tree.cells[7]! }));
  t = await startTestApp(database);
  const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors.districtOfficial.email, password: PASSWORD } });
  official = signIn.json().token;
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

describe('GET /api/v1/search', () => {
  it('finds units and people, case-insensitively', async () => {
    const { status, json } = await t.call({ method: 'GET', url: '/api/v1/search?q=ADA' });
    expect(status).toBe(200);
    expect(json.units).toEqual([]);
    expect(json.people.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace', 'Adam Smith']);
    expect(json.people[0]).toMatchObject({ cellId: tree.cells[0], cellName: 'Cell 0.0.0', cellPath: 'Region 0 › District 0.0' });
    const cells = await t.call({ method: 'GET', url: `/api/v1/search?q=cell&kind=unit&level=cell&within=${tree.districts[3]}&limit=5` });
    expect(cells.json.units).toEqual([
      { id: tree.cells[6], name: 'Cell 1.1.0', level: 'cell', isCell: true, path: 'Region 1 › District 1.1' },
      { id: tree.cells[7], name: 'Cell 1.1.1', level: 'cell', isCell: true, path: 'Region 1 › District 1.1' },
    ]);
  });

  it('answers within the scope of the caller', async () => {
    const { status, json } = await t.call({ method: 'GET', url: '/api/v1/search?q=ada', token: official });
    expect(status).toBe(200);
    expect(json.people.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);
    const outside = await t.call({ method: 'GET', url: `/api/v1/search?q=ada&within=${tree.districts[3]}`, token: official });
    expect(outside.status).toBe(404);
    expect(outside.json.error.code).toBe('unit_not_found');
  });

  it('refuses a query shorter than two characters, or without a letter or digit, as invalid input', async () => {
    for (const q of ['a', '%20a%20', '--', '']) {
      const { status, json } = await t.call({ method: 'GET', url: `/api/v1/search?q=${q}` });
      expect(status, q).toBe(400);
      expect(json.error.code).toBe('validation_failed');
      expect(json.error.details.issues[0]).toMatchObject({ in: 'querystring', path: 'q' });
    }
    expect((await t.call({ method: 'GET', url: '/api/v1/search?q=ada&limit=51' })).status).toBe(400);
    expect((await t.call({ method: 'GET', url: '/api/v1/search?q=ada&kind=planet' })).status).toBe(400);
    expect((await t.call({ method: 'GET', url: '/api/v1/search?q=ada', token: null })).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.call({ method: 'GET', url: '/api/v1/openapi.json' })).json;
    const operation = doc.paths['/api/v1/search'].get;
    expect(operation.tags).toEqual(['search']);
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['kind', 'level', 'limit', 'q', 'within']);
  });
});
