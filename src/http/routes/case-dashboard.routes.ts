import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseDashboard, DASHBOARD_WEEKS } from '../../domain/cases/case-stats.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses, IdParams } from '../schemas.ts';

const Count = z.number().int();

const CaseDashboard = z.object({
  unitId: z.string(),
  asOf: z.string().describe('When the figures were read; they include every committed change'),
  open: Count,
  overdue: Count.describe('Open cases that missed their current deadline and could not rise (owned by the root)'),
  escalated: Count.describe('Open cases that rose above the unit that first owned them'),
  acknowledged: Count,
  resolved: Count.describe('Resolved or closed'),
  reopened: Count.describe('Reopenings by requesters: they count against the resolution figures'),
  medianAcknowledgeHours: z.number().nullable().describe('Wall-clock hours from arrival, from a histogram: within 10 %'),
  medianResolveHours: z.number().nullable(),
  satisfaction: z.object({ average: z.number().nullable().describe('Mean stars, 1–5'), ratings: Count }),
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), names: z.record(z.string(), z.string()).describe('The name in other languages, by language code'), open: Count, overdue: Count, escalated: Count, resolved: Count, reopened: Count })),
  byUnit: z.array(z.object({
    unitId: z.string(), name: z.string(), level: z.string().describe('The level key'),
    open: Count.describe('Open cases owned in its subtree'),
    overdue: Count.describe('Open cases owned in its subtree past the deadline running now (they rise at the next sweep)'),
    escalated: Count.describe('Open cases owned in its subtree that rose above the unit that first owned them'),
  })).describe('Each open unit directly below, the most overdue first'),
  weeks: z.array(z.object({ week: z.string().describe('The Monday (UTC) that starts the week'), opened: Count, resolved: Count })),
  pendingChanges: Count.describe('Changes not yet folded into the rollups (already counted above)'),
});

export const caseDashboardRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/units/:id/case-dashboard', {
    schema: {
      tags: ['cases'],
      summary: "A unit's casework figures for its whole subtree, from maintained rollups",
      params: IdParams,
      querystring: z.strictObject({
        weeks: z.coerce.number().int().min(1).max(104).default(DASHBOARD_WEEKS).describe('How many weeks of the trend, up to this one'),
      }),
      response: { 200: CaseDashboard, ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => caseDashboard(ctx, request.params.id, { weeks: request.query.weeks })));
};
