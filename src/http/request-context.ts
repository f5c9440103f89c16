import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, csrfMatches } from '../domain/accounts/sessions.ts';
import { applyScope, recordRefusal, type Actor, type Ctx } from '../domain/context.ts';
import { AccessDenied, DomainError } from '../domain/errors.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { runIdempotent } from './idempotency.ts';

/** Over TLS the cookie takes the `__Host-` prefix: host-only, path /, Secure. */
export const SESSION_COOKIE = 'mainstay_session';
export const SECURE_SESSION_COOKIE = '__Host-mainstay_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null; sessionId: string | null; csrfToken: string | null }
  interface FastifyInstance { routeTable: Array<{ method: string; url: string }> }
}

export interface AppDeps { database: Database; clock: Clock }

/** The bearer token, or the session cookie a browser sends (and whether it was the cookie). */
export function requestToken(request: FastifyRequest): { token: string; viaCookie: boolean } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const cookie = request.cookies[SECURE_SESSION_COOKIE] ?? request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/** onRequest hook: no credentials at all is refused before the body is read. */
export async function requireCredentials(request: FastifyRequest) {
  if (!requestToken(request)) throw new DomainError('unauthenticated', 'not_signed_in', 'Sign in first: send a bearer token or the session cookie.');
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs one request in one transaction: authenticates the token (fresh scope every
 * time), checks CSRF for cookie-authenticated writes, then runs `fn` as the
 * application role within the actor's scope. A refusal for lack of scope is
 * written to the audit trail in a transaction of its own, since the request's rolls back.
 */
export async function inRequest<T>(deps: AppDeps, request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const credentials = requestToken(request);
  if (!credentials) throw new DomainError('unauthenticated', 'not_signed_in', 'Sign in first.');
  try {
    return await deps.database.db.transaction().execute(async (db) => {
      const auth = await authenticate(db, deps.clock, credentials.token);
      request.actor = auth.actor;
      request.sessionId = auth.sessionId;
      request.csrfToken = auth.csrfToken;
      if (credentials.viaCookie && WRITE_METHODS.has(request.method)) {
        const given = request.headers[CSRF_HEADER];
        if (!csrfMatches(auth.csrfToken, typeof given === 'string' ? given : undefined)) {
          throw new AccessDenied('session', '', 'write_with_cookie', true, {
            code: 'csrf_failed', message: `A change made with the session cookie needs the ${CSRF_HEADER} header from sign-in.`,
          });
        }
      }
      await applyScope(db, auth.actor);
      return fn({ db, actor: auth.actor, clock: deps.clock, requestId: request.id });
    });
  } catch (error) {
    if (error instanceof AccessDenied && request.actor) {
      await recordRefusal(deps.database, request.actor, deps.clock, error, request.id, {
        method: request.method, route: request.routeOptions.url ?? request.url,
      });
    }
    throw error;
  }
}

/** A read: the result is the response body. */
export const read = <T>(deps: AppDeps, request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>) => inRequest(deps, request, fn);

/**
 * A command: runs in the request's transaction and sends its result with `status`.
 * A POST with an Idempotency-Key is recorded in that same transaction, so a replay
 * returns the first answer and writes nothing.
 */
export async function command<T>(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  fn: (ctx: Ctx) => Promise<T>,
) {
  const key = request.method === 'POST' ? request.headers['idempotency-key'] : undefined;
  const outcome = await inRequest(deps, request, async (ctx) => {
    if (typeof key === 'string' && ctx.actor.accountId) {
      return runIdempotent(ctx, { accountId: ctx.actor.accountId, key, request }, status, () => fn(ctx));
    }
    return { status, body: await fn(ctx), replayed: false };
  });
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.status).send(outcome.status === 204 ? null : outcome.body);
}
