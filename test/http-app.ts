import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { createAdmin } from '../src/domain/accounts/create-admin.ts';
import { buildServer, type ServerOptions } from '../src/http/server.ts';
import { run, testClock } from './factories.ts';

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
