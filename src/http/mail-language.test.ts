import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { buildSmallTree, run, testClock, type SmallTree } from '../../test/factories.ts';
import { PASSWORD, seedActors, type Role, type SeededActor } from '../../test/actors.ts';
import { officialRecipients } from '../domain/people/official-addresses.ts';
import { buildServer } from './server.ts';

/** A person chooses the language of their e-mails (issue 14, item 10); reminders are then written in it. */
let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  database = await openTestDatabase();
  tree = await buildSmallTree(database);
  actors = await seedActors(database, tree);
  app = await buildServer({ database, clock: testClock });
  token = (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors.cellSecretary.email, password: PASSWORD } })).json().token;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const patch = (payload: Record<string, unknown>) => app.inject({
  method: 'PATCH', url: `/api/v1/people/${actors.cellSecretary.personId}`, payload, headers: { authorization: `Bearer ${token}` },
});

describe('the language of e-mails', () => {
  it("is unset at first (the installation's), can be chosen, and reminders find it", async () => {
    const before = await run(database, (ctx) => officialRecipients(ctx, tree.cells[0]!));
    expect(before).toEqual([{ email: actors.cellSecretary.email, language: null }]);
    const chosen = await patch({ language: 'ko' });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().language).toBe('ko');
    expect(await run(database, (ctx) => officialRecipients(ctx, tree.cells[0]!))).toEqual([{ email: actors.cellSecretary.email, language: 'ko' }]);
    expect((await patch({ language: null })).json().language).toBeNull();
  });

  it('only a language the app speaks', async () => {
    const response = await patch({ language: 'fr' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });
});
