import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { createAdmin } from '../src/domain/accounts/create-admin.ts';
import { buildServer, type ServerOptions } from '../src/http/server.ts';
import { PASSWORD, seedActors, type Role, type SeededActor } from './actors.ts';
import { buildSmallTree, run, testClock, type SmallTree } from './factories.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  token: string;
  /** An authenticated request; `json` parses the body. */
  call(options: InjectOptions & { token?: string | null }): Promise<{ status: number; json: any; headers: Record<string, unknown> }>;
}

/** The real HTTP app over a test database, signed in as an administrator; no socket. */
export async function startTestApp(database: Database, options: Partial<ServerOptions> = {}): Promise<TestApp> {
  const app = await buildServer({ database, clock: testClock, ...options });
  const email = `admin-${Math.random().toString(36).slice(2, 8)}@test.example`;
  await run(database, (ctx) => createAdmin(ctx, { email, password: 'correct horse battery' }));
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: 'correct horse battery' } });
  const token = signIn.json().token as string;
  return testApp(app, token);
}

function testApp(app: FastifyInstance, token: string): TestApp {
  return {
    app,
    token,
    async call({ token: override, ...options }) {
      const auth = override === null ? {} : { authorization: `Bearer ${override ?? token}` };
      const response = await app.inject({ ...options, headers: { ...auth, ...(options.headers ?? {}) } });
      let json: unknown;
      try { json = response.body ? JSON.parse(response.body) : undefined; } catch { json = response.body; }
      return { status: response.statusCode, json, headers: response.headers };
    },
  };
}

export interface UseTestAppOptions {
  /** Build the small tree (default true); false leaves the organization empty. */
  tree?: boolean;
  /** Seed one signed-in person per role (`seedActors`); `token` and `call` are then the seeded administrator's. */
  actors?: boolean;
  /** Server options over `{ database, clock: testClock }`; a function may read the opened database. */
  server?: Partial<ServerOptions> | ((database: Database) => Partial<ServerOptions>);
}

/**
 * The state `useTestApp` prepares. Its fields are set by the time the file's own
 * `beforeAll` hooks and its tests run (hooks run in the order they are registered).
 */
export interface TestAppFixture extends TestApp {
  database: Database;
  /** Empty arrays when built with `tree: false`. */
  tree: SmallTree;
  /** Only with `actors: true`. */
  actors: Record<Role, SeededActor>;
  /** The seeded actors' bearer tokens (only with `actors: true`). */
  tokens: Record<Role, string>;
  /** Signs a seeded actor in again (after a test ended its session) and stores the new token. */
  signIn(role: Role): Promise<string>;
}

/**
 * The one preamble of the HTTP tests: registers the `beforeAll` that opens a test
 * database, builds the small tree, seeds the actors and starts the app (no socket),
 * and the `afterAll` that closes both. Call it at the top of a file or a `describe`.
 */
export function useTestApp(options: UseTestAppOptions = {}): TestAppFixture {
  const fixture = {
    tree: { root: '', regions: [], districts: [], cells: [] },
    actors: {} as Record<Role, SeededActor>,
    tokens: {} as Record<Role, string>,
    async signIn(role: Role) {
      const response = await fixture.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: fixture.actors[role].email, password: PASSWORD } });
      fixture.tokens[role] = response.json().token as string;
      return fixture.tokens[role];
    },
  } as unknown as TestAppFixture;
  beforeAll(async () => {
    const database = await openTestDatabase();
    fixture.database = database;
    if (options.tree !== false) fixture.tree = await buildSmallTree(database);
    if (options.actors) fixture.actors = await seedActors(database, fixture.tree);
    const server = typeof options.server === 'function' ? options.server(database) : options.server ?? {};
    if (options.actors) {
      fixture.app = await buildServer({ database, clock: testClock, ...server });
      for (const role of Object.keys(fixture.actors) as Role[]) await fixture.signIn(role);
      Object.assign(fixture, testApp(fixture.app, fixture.tokens.admin));
    } else {
      Object.assign(fixture, await startTestApp(database, server));
    }
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.database?.close();
  });
  return fixture;
}
