import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../../domain/audit/audit-chain.ts';
import { listAudit } from '../../domain/audit/list-audit.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, PageQuery, pageOf } from '../schemas.ts';

const tags = ['audit'];

const AuditItem = z.object({
  id: z.number(), at: z.string(), actor: z.string(), action: z.string(), targetType: z.string(),
  targetId: z.string().nullable(), unitId: z.string().nullable(), details: z.unknown(), before: z.unknown(), after: z.unknown(),
  requestId: z.string().nullable(), chained: z.boolean().describe('Linked into the hash chain yet (within seconds of commit)'),
});

export const auditRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', {
    schema: {
      tags, summary: 'Audit events within your scope, newest first (administrators and officials)',
      querystring: z.strictObject({ ...PageQuery, entity: Id.optional().describe('A unit or person id') }),
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
