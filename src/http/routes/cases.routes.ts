import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCategory, listCategories, URGENCIES } from '../../domain/cases/categories.ts';
import { fileCase } from '../../domain/cases/create-case.ts';
import { getCase } from '../../domain/cases/get-case.ts';
import { listUnitCases } from '../../domain/cases/list-unit-cases.ts';
import { getServiceArea, setServiceArea } from '../../domain/cases/service-area.ts';
import { transitionCase } from '../../domain/cases/transition-case.ts';
import { CASE_MULTIPART, caseSubmission, jsonOrMultipartBody, multipartCaseBody, withMultipartAlternative } from '../case-submission.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, IdParams, multiLine, PageQuery, pageOf, singleLine } from '../schemas.ts';
import { CaseIntake, CaseItem, CaseView, Category, CategoryBody, Created, ServiceArea } from './cases.schemas.ts';

const tags = ['cases'];

export const casesRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // For the photos of a case filed on someone's behalf; the other routes here take JSON alone.
  await app.register(multipart, CASE_MULTIPART);

  app.post('/categories', {
    schema: { tags: ['categories'], summary: 'Configure a category of request (administrators)', body: CategoryBody, response: { 201: Category, ...errorResponses } },
  }, (request, reply) => command(deps, request, reply, 201, (ctx) => createCategory(ctx, request.body)));

  app.get('/categories', {
    schema: { tags: ['categories'], summary: 'The categories in use', response: { 200: z.object({ items: z.array(Category) }), ...errorResponses } },
  }, (request) => read(deps, request, async (ctx) => ({ items: await listCategories(ctx) })));

  app.get('/units/:id/service-area', {
    schema: {
      tags, summary: "A unit's service area: its polygon and localities (empty when never set), and whether you may change it",
      params: IdParams,
      response: {
        200: ServiceArea.extend({
          unitId: z.string(), updatedAt: z.string().nullable(),
          abilities: z.object({ edit: z.boolean().describe('May set it (the level above, or an administrator)') }),
        }),
        ...errorResponses,
      },
    },
  }, (request) => read(deps, request, (ctx) => getServiceArea(ctx, request.params.id)));

  app.put('/units/:id/service-area', {
    schema: {
      tags, summary: 'Where a unit serves: a GeoJSON polygon and named localities, for routing cases (the level above)',
      params: IdParams, body: ServiceArea, response: { 200: ServiceArea.extend({ unitId: z.string() }), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, (ctx) => setServiceArea(ctx, request.params.id, request.body)));

  const FiledCase = CaseIntake.extend({ receivedByUnitId: Id.optional().describe('Whose triage queue takes it if it cannot be placed (default: your unit)') });
  app.post('/cases', {
    config: { swaggerTransform: withMultipartAlternative(multipartCaseBody('The same object as the JSON body')) },
    schema: {
      tags, summary: "File a case: an official on someone's behalf, or a member's own request",
      description: 'As JSON, or with photos as multipart/form-data: the JSON object in the `case` field and up to three files in `photos` (written with the case, or not at all).',
      body: FiledCase,
      response: { 201: Created, ...errorResponses },
    },
    validatorCompiler: jsonOrMultipartBody,
  }, async (request, reply) => {
    // An upload is read only once the sender is known and, with the cookie, the CSRF header checked.
    if (request.isMultipart()) await read(deps, request, async () => undefined);
    const { body, photos } = await caseSubmission(request, FiledCase);
    // The Idempotency-Key compares bodies: a multipart one is the case and its photos' digests.
    request.body = (photos.length ? { ...body, photos: photos.map((p) => createHash('sha256').update(p.bytes).digest('hex')) } : body) as typeof request.body;
    return command(deps, request, reply, 201, (ctx) =>
      fileCase(ctx, { ...body, photos, publicUrl: `${request.protocol}://${request.host}` }));
  });

  app.get('/cases/:id', {
    schema: { tags, summary: 'A case with its timeline and escalations', params: IdParams, response: { 200: CaseView, ...errorResponses } },
  }, (request) => read(deps, request, (ctx) => getCase(ctx, request.params.id)));

  app.post('/cases/:id/transition', {
    schema: {
      tags, summary: 'Move a case along its lifecycle (the owning unit and those above it)', params: IdParams,
      body: z.strictObject({
        to: z.enum(['acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'referred', 'merged']),
        note: multiLine(4000).min(1).optional().describe('Why; required for a referral'),
        publicNote: z.boolean().optional().describe('Show the note to the requester (default: internal)'),
        toUnitId: Id.optional().describe('referred: the unit that takes the case'),
        intoCaseId: Id.optional().describe('merged: the case this one duplicates'),
        intoReference: z.string().trim().toUpperCase().regex(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'a reference such as C-7KQ2-M9XD').optional()
          .describe('merged: the case this one duplicates, by its reference (instead of intoCaseId)'),
      }),
      response: { 200: CaseView, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await transitionCase(ctx, request.params.id, request.body);
    return getCase(ctx, request.params.id);
  }));

  app.get('/units/:id/cases', {
    schema: {
      tags, summary: "A unit's case queue, newest first or most pressing first", params: IdParams,
      querystring: z.strictObject({
        ...PageQuery,
        scope: z.enum(['own', 'subtree', 'involved']).default('own')
          .describe('own: owned by this unit; subtree: owned by it or below; involved: ever owned by it or below, escalated or referred away included'),
        status: z.enum(['new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened', 'merged']).optional(),
        overdue: z.enum(['true', 'false']).optional(),
        escalated: z.enum(['true', 'false']).optional(),
        urgency: z.enum(URGENCIES as [string, ...string[]]).optional(),
        category: singleLine(64).optional(),
        assignee: z.union([z.enum(['me', 'none']), Id]).optional().describe('A person id, me (assigned to you) or none (unassigned)'),
        sort: z.enum(['newest', 'due']).default('newest')
          .describe('newest: newest first; due: life-threatening, then urgent, then the rest, each by the deadline running now (none last)'),
      }),
      response: { 200: pageOf(CaseItem), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => {
    const q = request.query;
    return listUnitCases(ctx, request.params.id, {
      ...q, categoryCode: q.category,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
    });
  }));
};
