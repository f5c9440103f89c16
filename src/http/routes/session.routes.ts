import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn, signOut, SESSION_TTL_MS } from '../../domain/accounts/sessions.ts';
import { requestToken, SESSION_COOKIE, type AppDeps } from '../request-context.ts';
import { errorResponses } from '../schemas.ts';

const tags = ['session'];

export const sessionRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/session', {
    schema: {
      tags, summary: 'Sign in with e-mail and password: a bearer token, and a session cookie for browsers',
      security: [],
      body: z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1000) }),
      response: { 200: z.object({ token: z.string(), expiresAt: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const session = await signIn(deps.database.db, deps.clock, request.body);
    void reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: SESSION_TTL_MS / 1000,
    });
    return { token: session.token, expiresAt: session.expiresAt.toISOString() };
  });

  app.delete('/session', {
    schema: { tags, summary: 'Sign out: the token stops working at once', response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const token = requestToken(request);
    if (token) await signOut(deps.database.db, deps.clock, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
};
