import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../domain/accounts/sessions.ts';
import type { Actor, Ctx, ReadCtx } from '../domain/context.ts';
import { transact } from '../domain/context.ts';
import { DomainError } from '../domain/errors.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { runIdempotent } from './idempotency.ts';

export const SESSION_COOKIE = 'mainstay_session';

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
}

export interface AppDeps { database: Database; clock: Clock }

/** The bearer token, or the session cookie a browser sends. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return request.cookies[SESSION_COOKIE];
}

/** onRequest hook (before the body is read) for every route but health and sign-in. */
export function requireActor(deps: AppDeps) {
  return async (request: FastifyRequest) => {
    const token = requestToken(request);
    if (!token) throw new DomainError('unauthenticated', 'not_signed_in', 'Sign in first: send a bearer token or the session cookie.');
    request.actor = await authenticate(deps.database.db, deps.clock, token);
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'not_signed_in', 'Sign in first.');
  return request.actor;
}

export const readCtx = (deps: AppDeps, request: FastifyRequest): ReadCtx => ({ db: deps.database.db, actor: actorOf(request), clock: deps.clock });

/**
 * Runs a command for a request in one transaction and sends its result. A POST
 * with an Idempotency-Key is recorded in that same transaction, so a replay
 * returns the first answer and writes nothing.
 */
export async function command<T>(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  fn: (ctx: Ctx) => Promise<T>,
) {
  const actor = actorOf(request);
  const key = request.method === 'POST' ? request.headers['idempotency-key'] : undefined;
  if (typeof key === 'string' && actor.accountId) {
    const outcome = await transact(deps.database, actor, deps.clock, (ctx) =>
      runIdempotent(ctx, { accountId: actor.accountId!, key, request }, status, () => fn(ctx)),
    );
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.code(outcome.status).send(outcome.body);
  }
  const body = await transact(deps.database, actor, deps.clock, fn);
  return reply.code(status).send(status === 204 ? undefined : body);
}
