import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { calendarIssues, normalizeCalendar, sameCalendar, type CalendarInput } from './calendar.ts';
import { calendarData, lockForCalendar, ownCalendar } from './calendar.queries.ts';

/** Sets or replaces a unit's own calendar; the units below inherit it unless they have their own. */
export async function setUnitCalendar(ctx: Ctx, unitId: string, input: CalendarInput): Promise<void> {
  await lockForCalendar(ctx, unitId, 'set_calendar');
  const issues = calendarIssues(input);
  if (issues.length > 0) throw invalid('invalid_calendar', `The calendar is not valid: ${issues[0]!.path.join('.')}: ${issues[0]!.message}.`, { issues });
  const calendar = normalizeCalendar(input);
  const before = await ownCalendar(ctx, unitId);
  if (before && sameCalendar(before, calendar)) return;
  const row = { time_zone: calendar.timeZone, week: JSON.stringify(calendar.week), holidays: JSON.stringify(calendar.holidays), updated_at: ctx.clock.now() };
  await ctx.db.insertInto('unit_calendars').values({ unit_id: unitId, ...row })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(row)).execute();
  await recordAudit(ctx, {
    action: 'unit.calendar.set', targetType: 'unit', targetId: unitId, unitId,
    ...(before ? { before: calendarData(before) } : {}), after: calendarData(calendar),
  });
}
