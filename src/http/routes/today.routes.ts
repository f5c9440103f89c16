import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readToday, TODAY_HORIZONS, TODAY_KINDS, TODAY_LIMIT } from '../../domain/today/today.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses } from '../schemas.ts';

const tags = ['today'];
const days = (ms: number) => ms / 86_400_000;
const Kind = z.enum(TODAY_KINDS);

const TodayItem = z.object({
  kind: Kind,
  targetId: z.string().describe('The case, assignment, gathering or question; for the cells kinds, the unit above them'),
  unitId: z.string().describe('The unit it belongs to (a question: the issuing unit)'),
  title: z.string().describe("The object's own words: a case's reference and category, a directive's or gathering's title, a question, a unit's name"),
  dueAt: z.string().nullable().describe('When it is due (a case: its acknowledgement or resolution; a gathering: its start); null when nothing is due'),
  href: z.string().describe("The web app's address where it is acted on"),
  urgency: z.enum(['low', 'normal', 'urgent', 'life_threatening']).nullable().describe('Cases only'),
  rsvp: z.enum(['yes', 'no', 'maybe']).nullable().describe("Gatherings only: the person's answer, if invited and answered"),
  count: z.number().int().nullable().describe('The cells kinds only: how many cells'),
});

export const todayRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/me/today', {
    schema: {
      tags,
      summary: 'What needs the signed-in person now, most urgent first',
      description: 'Across every unit where the person holds a term: cases to acknowledge, overdue or due within '
        + `${days(TODAY_HORIZONS.casesSoonMs)} days in those units' queues; directives to acknowledge and assignments due within `
        + `${days(TODAY_HORIZONS.assignmentsSoonMs)} days or overdue; gatherings within ${days(TODAY_HORIZONS.gatheringsMs)} days `
        + '(those convened and those the person is invited to, with their answer; the next one always) and meetings of the last '
        + `${days(TODAY_HORIZONS.unrecordedMs)} days with no attendance recorded; questions on their directives waiting for an answer. `
        + 'For units above the cells (and administrators, from the root): the cells below that have not met in their cadence or never met, '
        + "have overdue cases or have not acknowledged a directive, as one line per unit with the count. For everyone: their cell's next "
        + `meeting and their own open requests. Order: the cells lines, then what is past due (longest first), then what is due `
        + `(soonest first), then the rest. At most ${TODAY_LIMIT} items; \`counts\` counts every line of each kind (the cells kinds: cells).`,
      response: {
        200: z.object({
          items: z.array(TodayItem).max(TODAY_LIMIT),
          counts: z.object(Object.fromEntries(TODAY_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof TODAY_KINDS)[number], z.ZodNumber>),
        }),
        ...errorResponses,
      },
    },
  }, (request) => read(deps, request, (ctx) => readToday(ctx)));
};
