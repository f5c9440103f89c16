import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../../domain/audit/audit-chain.ts';
import { listAudit } from '../../domain/audit/list-audit.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, PageQuery, pageOf } from '../schemas.ts';

const tags = ['audit'];

const Named = z.object({ id: z.string(), name: z.string() }).nullable();
const AuditItem = z.object({
  id: z.number(), at: z.string(), actor: z.string(), action: z.string(), targetType: z.string(),
  targetId: z.string().nullable(), unitId: z.string().nullable(), details: z.unknown(), before: z.unknown(), after: z.unknown(),
  requestId: z.string().nullable(), chained: z.boolean().describe('Linked into the hash chain yet (within seconds of commit)'),
  names: z.object({
    actor: Named.describe("The actor's person (id is the person's), when the reader may see them; else show `actor`"),
    person: Named.describe('The person the event is about'),
    unit: Named.describe('The unit the event belongs to'),
    subject: Named.describe('What the event is about: the unit, gathering, case (its reference), directive, assignment (its directive) or category'),
    from: Named.describe('Moved or transferred from (a unit)'),
    to: Named.describe('Moved or transferred to (a unit)'),
  }).describe('Names resolved on the server for the events of one page, only those the reader may see; the web writes each event as a sentence from them'),
});

const DateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const auditRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', {
    schema: {
      tags, summary: 'Audit events within your scope, newest first (administrators and officials; to anyone else, 404 like an unknown address)',
      querystring: z.strictObject({
        ...PageQuery,
        entity: Id.optional().describe('A unit or person id: events about it or belonging to that unit'),
        kind: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/).max(60).optional().describe('An action (`gathering.attendance`) or a family of actions (`gathering`)'),
        person: Id.optional().describe('Events this person did or that are about them'),
        from: DateOrTime.optional().describe('From this date (UTC day) or instant, inclusive'),
        to: DateOrTime.optional().describe('Up to this date (UTC day, inclusive) or instant (exclusive)'),
      }),
      response: { 200: pageOf(AuditItem), ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => listAudit(ctx, request.query)));

  app.get('/audit/verify', {
    schema: {
      tags, summary: 'Recompute the whole hash chain (administrators)',
      response: {
        200: z.object({
          ok: z.boolean(), checked: z.number(), unchained: z.number(),
          firstBroken: z.object({ id: z.number(), chainSeq: z.number(), reason: z.string() }).optional(),
        }),
        ...errorResponses,
      },
    },
  }, (request) => read(deps, request, (ctx) => verifyAudit(ctx)));
};
