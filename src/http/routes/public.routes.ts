import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCategories } from '../../domain/cases/categories.ts';
import { createCase } from '../../domain/cases/create-case.ts';
import { addRequesterInformation, confirmCase, rateCase, reopenCase, trackCase } from '../../domain/cases/track-case.ts';
import rateLimit from '@fastify/rate-limit';
import { systemActor, transact, type Ctx } from '../../domain/context.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AppDeps } from '../request-context.ts';
import { errorResponses, Id, Text } from '../schemas.ts';
import { CaseIntake, Category, Created, TokenParams, TrackView } from './cases.schemas.ts';

const tags = ['public'];

/** Per address: enough for a family sharing one connection, not for a script. */
export const PUBLIC_LIMITS = { intakePerMinute: 10, trackingPerMinute: 60 };

/**
 * The doors that need no account: the public intake form and the requester's tracking
 * link. They run as a system actor, so each domain function chooses exactly what it
 * returns (status, public updates, the owning level; never an official or an internal note).
 */
export const publicRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // Doors without an account are the ones a flood comes through: limits per address, with
  // a 429 that says when to come back (and a Retry-After header).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new DomainError('throttled', 'rate_limited',
      `Too many requests from this address: at most ${context.max} per ${context.after === '1 minute' ? 'minute' : context.after}. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  const asPublic = <T>(requestId: string, fn: (ctx: Ctx) => Promise<T>) =>
    transact(deps.database, systemActor('public'), deps.clock, fn, requestId);

  app.get('/public/categories', {
    schema: { tags, security: [], summary: 'The categories the public form offers', response: { 200: z.object({ items: z.array(Category) }), ...errorResponses } },
  }, (request) => asPublic(request.id, async (ctx) => ({ items: await listCategories(ctx, { publicOnly: true }) })));

  app.post('/public/cases', {
    config: { rateLimit: { max: PUBLIC_LIMITS.intakePerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Bring a difficulty (no account): answers a tracking token and a reference',
      body: CaseIntake.extend({ unitId: Id.optional().describe("The unit whose form this is: its triage queue takes what cannot be placed (default: the root)") }),
      response: { 201: Created, ...errorResponses },
    },
  }, async (request, reply) => {
    const { unitId, ...input } = request.body;
    const created = await asPublic(request.id, (ctx) => createCase(ctx, { ...input, receivedByUnitId: unitId, publicUrl: `${request.protocol}://${request.host}` }, 'web'));
    return reply.code(201).send(created);
  });

  app.get('/track/:token', {
    config: { rateLimit: { max: PUBLIC_LIMITS.trackingPerMinute, timeWindow: '1 minute' } },
    schema: { tags, security: [], summary: 'Follow a case by its tracking token', params: TokenParams, response: { 200: TrackView, ...errorResponses } },
  }, (request) => asPublic(request.id, (ctx) => trackCase(ctx, request.params.token)));

  const then = (token: string, requestId: string) => asPublic(requestId, (ctx) => trackCase(ctx, token));

  app.post('/track/:token/confirm', {
    config: { rateLimit: { max: PUBLIC_LIMITS.trackingPerMinute, timeWindow: '1 minute' } },
    schema: { tags, security: [], summary: 'Confirm the resolution: the case closes', params: TokenParams, response: { 200: TrackView, ...errorResponses } },
  }, async (request) => {
    await asPublic(request.id, (ctx) => confirmCase(ctx, request.params.token));
    return then(request.params.token, request.id);
  });

  app.post('/track/:token/reopen', {
    config: { rateLimit: { max: PUBLIC_LIMITS.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Not resolved after all: reopen within 14 days of the resolution', params: TokenParams,
      body: z.strictObject({ reason: Text(2000).min(1) }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (request) => {
    await asPublic(request.id, (ctx) => reopenCase(ctx, request.params.token, request.body.reason));
    return then(request.params.token, request.id);
  });

  app.post('/track/:token/rate', {
    config: { rateLimit: { max: PUBLIC_LIMITS.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Rate the handling of a resolved case, once', params: TokenParams,
      body: z.strictObject({ stars: z.number().int().min(1).max(5), comment: Text(2000).optional() }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (request) => {
    await asPublic(request.id, (ctx) => rateCase(ctx, request.params.token, request.body));
    return then(request.params.token, request.id);
  });

  app.post('/track/:token/information', {
    config: { rateLimit: { max: PUBLIC_LIMITS.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Add information to an open case (a case waiting on it resumes)', params: TokenParams,
      body: z.strictObject({ text: Text(4000).min(1) }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (request) => {
    await asPublic(request.id, (ctx) => addRequesterInformation(ctx, request.params.token, request.body.text));
    return then(request.params.token, request.id);
  });
};
