import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCategories } from '../../domain/cases/categories.ts';
import { createCase } from '../../domain/cases/create-case.ts';
import { matchPublicPlace, searchPublicAreas } from '../../domain/cases/public-areas.ts';
import { recoverTrackingLink } from '../../domain/cases/recover-tracking.ts';
import { addRequesterInformation, confirmCase, rateCase, reopenCase, trackCase, trackedPhoto } from '../../domain/cases/track-case.ts';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { DEFAULT_PUBLIC_LIMITS, type MapTiles, type PublicLimits } from '../../config.ts';
import { publicActor, transact, type Ctx, type PublicDoor } from '../../domain/context.ts';
import { DomainError } from '../../domain/errors.ts';
import { CASE_MULTIPART, caseSubmission, jsonOrMultipartBody, multipartCaseBody, withMultipartAlternative } from '../case-submission.ts';
import type { AppDeps } from '../request-context.ts';
import { PhotoParams, photoResponse, sendPhoto } from '../send-photo.ts';
import { errorResponses, Id, multiLine, singleLine } from '../schemas.ts';
import { CaseIntake, Category, Created, PublicArea, TokenParams, TrackView } from './cases.schemas.ts';


const tags = ['public'];

/**
 * The doors that need no account: the public intake form and the requester's tracking
 * link. They run as the public (`publicActor`), whom row-level security shows only what
 * the door's key opens; each domain function still chooses exactly what it returns
 * (status, public updates, the owning level; never an official or an internal note).
 */
export const publicRoutes = (deps: AppDeps, limits: PublicLimits = DEFAULT_PUBLIC_LIMITS, mapTiles: MapTiles | null = null): FastifyPluginAsyncZod => async (app) => {
  // Doors without an account are the ones a flood comes through: limits per address, with
  // a 429 that says when to come back (and a Retry-After header).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new DomainError('throttled', 'rate_limited',
      // Every limit here is per minute; `context.after` is the time left, not the window.
      `Too many requests from this address: at most ${context.max} per minute. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  // Only for the photos of a new case: this scope's other routes take JSON alone.
  await app.register(multipart, CASE_MULTIPART);
  // The public, not an administrator: no scope but what each door's key opens (migration 0016).
  const asPublic = <T>(requestId: string, fn: (ctx: Ctx) => Promise<T>, door: PublicDoor = 'track') =>
    transact(deps.database, publicActor(door), deps.clock, fn, requestId);

  app.get('/public/categories', {
    schema: { tags, security: [], summary: 'The categories the public form offers', response: { 200: z.object({ items: z.array(Category) }), ...errorResponses } },
  }, (request) => asPublic(request.id, async (ctx) => ({ items: await listCategories(ctx, { publicOnly: true }) }), 'intake'));

  // The area picker of the form, for a resident whose place matched nothing. Lookups, limited
  // like tracking: a script could otherwise walk the tree's names at full speed.
  app.get('/public/areas', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Pick your area: the open units below one (the top when none), or those whose name contains q',
      description: 'Only open units, and only what the form shows: name, level, the names of the units above, whether open units lie below. At most 50.',
      querystring: z.strictObject({
        q: singleLine(100).min(2).optional().describe('Part of the name (at least 2 characters)'),
        within: Id.optional().describe('Below this unit (its children without q; its subtree with q)'),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
      response: { 200: z.object({ items: z.array(PublicArea) }), ...errorResponses },
    },
  }, (request) => asPublic(request.id, async (ctx) => ({ items: await searchPublicAreas(ctx, request.query) }), 'intake'));

  app.get('/public/areas/match', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Where a place lies, as the form would route it: the unit, or null (then the form asks to pick an area)',
      querystring: z.strictObject({
        address: singleLine(500).min(1).optional(),
        lat: z.coerce.number().min(-90).max(90).optional(),
        long: z.coerce.number().min(-180).max(180).optional(),
      }),
      response: { 200: z.object({ area: PublicArea.nullable() }), ...errorResponses },
    },
  }, (request) => asPublic(request.id, (ctx) => {
    const { lat, long } = request.query;
    if ((lat === undefined) !== (long === undefined)) {
      throw new DomainError('invalid', 'incomplete_place', 'Give both lat and long, or neither.', { field: lat === undefined ? 'lat' : 'long' });
    }
    return matchPublicPlace(ctx, request.query);
  }, 'intake'));

  app.get('/public/map', {
    schema: {
      tags, security: [], summary: 'The map tiles this installation uses (null: none; maps then draw shapes and points on a blank background)',
      response: { 200: z.object({ tiles: z.object({ url: z.string(), attribution: z.string() }).nullable() }), ...errorResponses },
    },
  }, () => ({ tiles: mapTiles ? { url: mapTiles.url, attribution: mapTiles.attribution } : null }));

  const PublicIntake = CaseIntake.extend({
    unitId: Id.optional().describe("The unit whose form this is: its triage queue takes what cannot be placed (default: the root)"),
    areaUnitId: Id.optional().describe('The area the resident picked because the place matched none (an open unit, else 422 unknown_area): the case is placed there, then up to the handling level'),
  });
  app.post('/public/cases', {
    config: {
      rateLimit: { max: limits.intakePerMinute, timeWindow: '1 minute' },
      swaggerTransform: withMultipartAlternative(multipartCaseBody('The same object as the JSON body')),
    },
    schema: {
      tags, security: [], summary: 'Bring a difficulty (no account): answers a tracking token and a reference',
      description: 'As JSON, or — to send photos — as multipart/form-data: the same JSON object in the `case` field and up to three files in `photos`. '
        + 'The case and its photos are written together or not at all: one refused photo refuses the case.',
      body: PublicIntake,
      response: { 201: Created, ...errorResponses },
    },
    validatorCompiler: jsonOrMultipartBody,
  }, async (request, reply) => {
    const { body: { unitId, ...input }, photos } = await caseSubmission(request, PublicIntake);
    const created = await asPublic(request.id, (ctx) => createCase(ctx, { ...input, photos, receivedByUnitId: unitId, publicUrl: `${request.protocol}://${request.host}` }, 'web'), 'intake');
    return reply.code(201).send(created);
  });

  app.post('/public/track/recover', {
    // Limited like intake: each call may send a message.
    config: { rateLimit: { max: limits.intakePerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'A lost tracking link: sent again to the contact given with the request, never shown',
      description: 'The reference and the e-mail address or phone number given with the request. If they match, a new link is sent to that '
        + 'contact (e-mail only for now; text messages are not sent yet) and the old link stops working. The answer is the same whether '
        + 'the pair matched, did not, or the reference is unknown.',
      body: z.strictObject({
        reference: singleLine(40).min(1).describe('The reference shown when the request was sent, e.g. C-ABCD-EFGH'),
        contact: singleLine(254).min(1).describe('The e-mail address or phone number given with the request'),
      }),
      response: { 202: z.object({ message: z.string() }), ...errorResponses },
    },
  }, async (request, reply) => reply.code(202).send(await asPublic(request.id,
    (ctx) => recoverTrackingLink(ctx, { ...request.body, publicUrl: `${request.protocol}://${request.host}` }), 'recover')));

  app.get('/track/:token', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: { tags, security: [], summary: 'Follow a case by its tracking token', params: TokenParams, response: { 200: TrackView, ...errorResponses } },
  }, (request) => asPublic(request.id, (ctx) => trackCase(ctx, request.params.token)));

  app.get('/track/:token/photos/:position', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'A photo sent with the case, by its tracking token',
      params: TokenParams.extend(PhotoParams), response: { 200: photoResponse, ...errorResponses },
    },
  }, async (request, reply) => sendPhoto(reply, await asPublic(request.id, (ctx) => trackedPhoto(ctx, request.params.token, request.params.position))));

  const then = (token: string, requestId: string) => asPublic(requestId, (ctx) => trackCase(ctx, token));

  app.post('/track/:token/confirm', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: { tags, security: [], summary: 'Confirm the resolution: the case closes', params: TokenParams, response: { 200: TrackView, ...errorResponses } },
  }, async (request) => {
    await asPublic(request.id, (ctx) => confirmCase(ctx, request.params.token));
    return then(request.params.token, request.id);
  });

  app.post('/track/:token/reopen', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Not resolved after all: reopen within 14 days of the resolution', params: TokenParams,
      body: z.strictObject({ reason: multiLine(2000).min(1) }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (request) => {
    await asPublic(request.id, (ctx) => reopenCase(ctx, request.params.token, request.body.reason));
    return then(request.params.token, request.id);
  });

  app.post('/track/:token/rate', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Rate the handling of a resolved case, once', params: TokenParams,
      body: z.strictObject({ stars: z.number().int().min(1).max(5), comment: multiLine(2000).optional() }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (request) => {
    await asPublic(request.id, (ctx) => rateCase(ctx, request.params.token, request.body));
    return then(request.params.token, request.id);
  });

  app.post('/track/:token/information', {
    config: { rateLimit: { max: limits.trackingPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags, security: [], summary: 'Add information to an open case (a case waiting on it resumes)', params: TokenParams,
      body: z.strictObject({ text: multiLine(4000).min(1) }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (request) => {
    await asPublic(request.id, (ctx) => addRequesterInformation(ctx, request.params.token, request.body.text));
    return then(request.params.token, request.id);
  });
};
