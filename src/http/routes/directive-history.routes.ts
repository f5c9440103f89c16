import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { directiveProgressHistory } from '../../domain/directives/progress-history.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, IdParams } from '../schemas.ts';

const Count = z.number().int();

const ProgressHistory = z.object({
  directiveId: z.string(),
  unitId: z.string(),
  issuedAt: z.string().nullable(),
  days: z.array(z.object({
    date: z.string().describe('A UTC day, YYYY-MM-DD'),
    assignments: Count.describe('Assignments in the subtree at the end of the day'),
    done: Count.describe('Of those, done at the end of the day'),
    percentDone: z.number(),
  })).describe('One point per day from the issue (or the last 366 days) to today; empty for a draft'),
});

export const directiveHistoryRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/directives/:id/history', {
    schema: {
      tags: ['directives'],
      summary: 'Completion over time at a unit (default: the issuer), per day — for the chart; computed from the events, not the rollups',
      params: IdParams,
      querystring: z.strictObject({ unitId: Id.optional() }),
      response: { 200: ProgressHistory, ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => directiveProgressHistory(ctx, request.params.id, request.query.unitId)));
};
