import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword, whoAmI } from '../../domain/accounts/accounts.ts';
import { requestPasswordReset, setPasswordWithLink } from '../../domain/accounts/password-links.ts';
import { createApiToken, listApiTokens, revokeApiToken, signIn, signOut, SESSION_TTL_MS } from '../../domain/accounts/sessions.ts';
import { command, read, requestToken, SECURE_SESSION_COOKIE, SESSION_COOKIE, type AppDeps } from '../request-context.ts';
import { errorResponses, IdParams, singleLine } from '../schemas.ts';

const tags = ['session'];
const Password = z.string().min(1).max(1000);

/** Public: signing in. */
export const signInRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.post('/session', {
    schema: {
      tags, summary: 'Sign in: a bearer token, and for browsers a session cookie plus the CSRF token their writes must send',
      security: [],
      body: z.strictObject({ email: singleLine(254).min(3), password: Password }),
      response: { 200: z.object({ token: z.string(), csrfToken: z.string(), expiresAt: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => {
    const session = await signIn(deps.database, deps.clock, { ...request.body, address: request.ip }, request.id);
    const secure = request.protocol === 'https';
    // A stale cookie from an earlier session is replaced: a new id at every sign-in.
    void reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: SESSION_TTL_MS / 1000,
    });
    return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  });

  app.post('/password/forgot', {
    schema: {
      tags, summary: 'Forgot password: mails a one-time link (valid 1 hour) to choose a new one',
      description: 'The same answer (204) whether or not the address has an account. Rate-limited: 429 after too many '
        + 'requests from one address in an hour; beyond a few mails an hour to one e-mail, requests are answered alike but send nothing.',
      security: [],
      body: z.strictObject({ email: singleLine(254).min(3) }),
      response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    await requestPasswordReset(deps.database, deps.clock, { email: request.body.email, address: request.ip, publicUrl: `${request.protocol}://${request.host}` }, request.id);
    return reply.status(204).send(null);
  });

  app.post('/password/set', {
    schema: {
      tags, summary: 'Choose a password with the token of an invitation or a reset link; every session of the account ends',
      description: 'The token is the last part of the link (`/set-password/<token>`). A link works once and expires '
        + '(an invitation after 72 hours, a reset after 1 hour); a newer link replaces an older one. 422 `link_invalid` otherwise.',
      security: [],
      body: z.strictObject({ token: z.string().min(1).max(200), password: Password }),
      response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    await setPasswordWithLink(deps.database, deps.clock, request.body, request.id);
    return reply.status(204).send(null);
  });

};

/** Signed in: the session itself, password and API tokens. */
export const sessionRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (authed) => {
    authed.get('/session', {
      schema: {
        tags, summary: 'Who is signed in, their scope, and the CSRF token for cookie writes',
        response: {
          200: z.object({
            accountId: z.string(), email: z.string(), personId: z.string().nullable(), name: z.string().nullable(), isAdmin: z.boolean(),
            officialUnitIds: z.array(z.string()), cellId: z.string().nullable(),
            csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on writes made with the session cookie (null for API tokens)'),
          }),
          ...errorResponses,
        },
      },
    }, (request) => read(deps, request, async (ctx) => ({ ...(await whoAmI(ctx)), csrfToken: request.csrfToken })));

    authed.delete('/session', {
      schema: { tags, summary: 'Sign out: the session ends at once, server-side', response: { 204: z.null(), ...errorResponses } },
    }, async (request, reply) => {
      const token = requestToken(request)!.token;
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(SECURE_SESSION_COOKIE, { path: '/', secure: true });
      return command(deps, request, reply, 204, (ctx) => signOut(ctx, token));
    });

    authed.post('/account/password', {
      schema: {
        tags, summary: 'Change your password; your other sessions and tokens end (this one stays)',
        body: z.strictObject({ currentPassword: Password, newPassword: Password }), response: { 204: z.null(), ...errorResponses },
      },
    }, (request, reply) => command(deps, request, reply, 204, (ctx) => changePassword(ctx, request.body, request.sessionId ?? undefined)));

    authed.post('/tokens', {
      schema: {
        tags: ['tokens'], summary: 'Create a named bearer token for an API client (shown once)',
        body: z.strictObject({ name: singleLine(100).min(1), expiresInDays: z.number().int().min(1).max(3650).optional() }),
        response: { 201: z.object({ id: z.string(), token: z.string(), name: z.string(), expiresAt: z.string().nullable() }), ...errorResponses },
      },
    }, (request, reply) => command(deps, request, reply, 201, (ctx) => createApiToken(ctx, request.body)));

    authed.get('/tokens', {
      schema: {
        tags: ['tokens'], summary: 'Your API tokens (never their secret)',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() })) }), ...errorResponses },
      },
    }, (request) => read(deps, request, (ctx) => listApiTokens(ctx)));

    authed.delete('/tokens/:id', {
      schema: { tags: ['tokens'], summary: 'Revoke an API token at once', params: IdParams, response: { 204: z.null(), ...errorResponses } },
    }, (request, reply) => command(deps, request, reply, 204, (ctx) => revokeApiToken(ctx, request.params.id)));
};

