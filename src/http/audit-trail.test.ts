import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { addMembers, buildSmallTree, testClock, type SmallTree } from '../../test/factories.ts';
import { PASSWORD, ROLES, seedActors, type Role, type SeededActor } from '../../test/actors.ts';
import { buildServer } from './server.ts';

/**
 * The audit trail (issue 14, item 11): each event carries the names of who and what it
 * is about, resolved for the reader's scope; it filters by kind, person and date; it is
 * for officials (a cell secretary: their own cell's events), and to a member it does not exist.
 */
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
let members: string[];
let outsider: string;
const tokens = {} as Record<Role, string>;

const send = (who: Role, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${tokens[who]}` } });
interface Named { id: string; name: string }
interface Item { action: string; unitId: string | null; targetId: string | null; at: string; actor: string; names: Record<'actor' | 'person' | 'unit' | 'subject' | 'from' | 'to', Named | null> }
const trail = async (who: Role, query = '') => {
  const response = await send(who, { method: 'GET', url: `/api/v1/audit?limit=200${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Item[];
};

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  members = await addMembers(database, tree.cells[0]!, 2, 'Cael Northmore');
  outsider = (await addMembers(database, tree.cells[1]!, 1, 'Next Cell'))[0]!;
  actors = await seedActors(database, tree);
  app = await buildServer({ database, clock: testClock });
  for (const role of ROLES) {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors[role].email, password: PASSWORD } });
    tokens[role] = signIn.json().token;
  }
  // The secretary edits a member of their cell; the district official one of each cell.
  expect((await send('cellSecretary', { method: 'PATCH', url: `/api/v1/people/${members[0]}`, payload: { phone: '+1 555 0101' } })).statusCode).toBe(200);
  expect((await send('districtOfficial', { method: 'PATCH', url: `/api/v1/people/${members[1]}`, payload: { phone: '+1 555 0102' } })).statusCode).toBe(200);
  expect((await send('districtOfficial', { method: 'PATCH', url: `/api/v1/people/${outsider}`, payload: { phone: '+1 555 0103' } })).statusCode).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('each event names who did what to whom', () => {
  it('gives the actor, the person and the unit by name', async () => {
    const items = await trail('cellSecretary', '&kind=person.update');
    const own = items.find((e) => e.targetId === members[0]);
    expect(own?.names).toMatchObject({
      actor: { id: actors.cellSecretary.personId, name: 'The cellSecretary' },
      person: { id: members[0], name: 'Cael Northmore 0' },
      unit: { id: tree.cells[0], name: 'Cell 0.0.0' },
    });
  });

  it('names only whom the reader may see: a district official above the cell stays their recorded label', async () => {
    const bySecretary = (await trail('cellSecretary', '&kind=person.update')).find((e) => e.targetId === members[1]);
    expect(bySecretary?.names.actor).toBeNull();
    expect(bySecretary?.actor).toBe(actors.districtOfficial.email);
    expect(bySecretary?.names.person).toEqual({ id: members[1], name: 'Cael Northmore 1' });
    const byDistrict = (await trail('districtOfficial', '&kind=person.update')).find((e) => e.targetId === members[1]);
    expect(byDistrict?.names.actor).toEqual({ id: actors.districtOfficial.personId, name: 'The districtOfficial' });
  });
});

describe('who may read it', () => {
  it("a cell secretary sees their own cell's events only; the district official sees the cells below", async () => {
    const secretary = await trail('cellSecretary');
    expect(secretary.length).toBeGreaterThan(0);
    expect(new Set(secretary.map((e) => e.unitId))).toEqual(new Set([tree.cells[0]]));
    const district = await trail('districtOfficial', '&kind=person.update');
    expect(district.map((e) => e.targetId)).toEqual(expect.arrayContaining([members[0], members[1], outsider]));
  });

  it('a member gets the answer an unknown address gets, with or without a filter', async () => {
    const nowhere = await send('member', { method: 'GET', url: '/api/v1/audit-nowhere' });
    for (const url of ['/api/v1/audit', `/api/v1/audit?entity=${tree.cells[0]}`, `/api/v1/audit?person=${actors.member.personId}`]) {
      const response = await send('member', { method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe(nowhere.json().error.code);
    }
  });

  it('a person outside the scope reads like a missing one', async () => {
    const outside = await send('cellSecretary', { method: 'GET', url: `/api/v1/audit?person=${outsider}` });
    const missing = await send('cellSecretary', { method: 'GET', url: '/api/v1/audit?person=00000000-0000-4000-8000-000000000000' });
    expect(outside.statusCode).toBe(404);
    expect(outside.body.replaceAll(outsider, '<id>')).toBe(missing.body.replaceAll('00000000-0000-4000-8000-000000000000', '<id>'));
  });
});

describe('filters', () => {
  it('by kind: an action or its family', async () => {
    const family = await trail('districtOfficial', '&kind=person');
    expect(family.length).toBeGreaterThan(0);
    expect(family.every((e) => e.action.startsWith('person.'))).toBe(true);
    expect(family.some((e) => e.action === 'person.create')).toBe(true);
    const one = await trail('districtOfficial', '&kind=person.update');
    expect(new Set(one.map((e) => e.action))).toEqual(new Set(['person.update']));
  });

  it('by person: what they did and what was done to them', async () => {
    const about = await trail('districtOfficial', `&person=${members[0]}`);
    expect(about.map((e) => e.action).sort()).toEqual(['person.create', 'person.update']);
    const did = await trail('districtOfficial', `&person=${actors.districtOfficial.personId}&kind=person.update`);
    expect(did.map((e) => e.targetId).sort()).toEqual([members[1], outsider].sort());
  });

  it('by date: a day, inclusive at both ends', async () => {
    const day = testClock.now().toISOString().slice(0, 10);
    expect((await trail('districtOfficial', `&from=${day}&to=${day}`)).length).toBeGreaterThan(0);
    expect(await trail('districtOfficial', `&to=2025-12-31`)).toEqual([]);
    expect(await trail('districtOfficial', `&from=2026-02-01`)).toEqual([]);
    expect((await send('districtOfficial', { method: 'GET', url: '/api/v1/audit?from=yesterday' })).statusCode).toBe(400);
  });
});
