import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarIssues, MAX_HOLIDAY_NAME, MAX_HOLIDAYS, MAX_SPANS_PER_DAY } from '../../domain/calendar/calendar.ts';
import { clearUnitCalendar } from '../../domain/calendar/clear-calendar.ts';
import { getUnitCalendar } from '../../domain/calendar/get-calendar.ts';
import { setUnitCalendar } from '../../domain/calendar/set-calendar.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { errorResponses, IdParams, singleLine } from '../schemas.ts';

const tags = ['calendars'];

const Start = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).describe('Local time HH:MM');
const End = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/).describe('Local time HH:MM, up to 24:00');
const Day = z.array(z.tuple([Start, End])).max(MAX_SPANS_PER_DAY).describe('Working spans of the day, ordered, not overlapping');
const Week = z.strictObject({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day });
const Holiday = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A local date, YYYY-MM-DD'),
  name: singleLine(MAX_HOLIDAY_NAME).min(1),
});
const Calendar = z.object({ timeZone: z.string(), week: Week, holidays: z.array(Holiday) });

const CalendarBody = z.strictObject({
  timeZone: singleLine(64).min(1).describe('An IANA time zone, e.g. "Europe/Berlin"'),
  week: z.strictObject({
    mon: Day.default([]), tue: Day.default([]), wed: Day.default([]), thu: Day.default([]), fri: Day.default([]), sat: Day.default([]), sun: Day.default([]),
  }).describe('Working hours by weekday; a day left out has none'),
  holidays: z.array(Holiday).max(MAX_HOLIDAYS).default([]),
}).check((ctx) => {
  // The domain's own checks (zone, order, overlap, real dates), reported with the
  // schema's, once per place: a field the schema already refused is not repeated.
  const reported = ctx.issues.map((i) => (i.path ?? []).join('.'));
  for (const issue of calendarIssues(ctx.value)) {
    const path = issue.path.join('.');
    if (reported.some((r) => r === path || r.startsWith(`${path}.`) || path.startsWith(`${r}.`))) continue;
    ctx.issues.push({ code: 'custom', path: issue.path, message: issue.message, input: ctx.value });
  }
});

const CalendarView = z.object({
  unitId: z.string(),
  mode: z.enum(['working', 'wall-clock']).describe('wall-clock: no calendar on the path, time counts around the clock'),
  source: z.object({ unitId: z.string(), name: z.string(), inherited: z.boolean() }).nullable()
    .describe('The unit the calendar is set at: this one, or the nearest ancestor with one'),
  calendar: Calendar.nullable(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ set: z.boolean() }).describe('Whether the signed-in actor may set or clear this unit\'s calendar'),
});

export const calendarsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/units/:id/calendar', {
    schema: {
      tags, summary: "The unit's effective working-time calendar (its own or inherited) and where it comes from",
      params: IdParams, response: { 200: CalendarView, ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => getUnitCalendar(ctx, request.params.id)));

  app.put('/units/:id/calendar', {
    schema: {
      tags, summary: "Set or replace the unit's own calendar (inherited by the units below without one)",
      params: IdParams, body: CalendarBody, response: { 200: CalendarView, ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 200, async (ctx) => {
    await setUnitCalendar(ctx, request.params.id, request.body);
    return getUnitCalendar(ctx, request.params.id);
  }));

  app.delete('/units/:id/calendar', {
    schema: {
      tags, summary: "Remove the unit's own calendar: it inherits again (wall-clock time if none above)",
      params: IdParams, response: { 204: z.null(), ...errorResponses },
    },
  }, (request, reply) => command(deps, request, reply, 204, (ctx) => clearUnitCalendar(ctx, request.params.id)));
};
