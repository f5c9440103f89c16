import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { calendarData, lockForCalendar, ownCalendar } from './calendar.queries.ts';

/** Removes a unit's own calendar: it inherits again. Nothing to remove is not an error. */
export async function clearUnitCalendar(ctx: Ctx, unitId: string): Promise<void> {
  await lockForCalendar(ctx, unitId, 'clear_calendar');
  const before = await ownCalendar(ctx, unitId);
  if (!before) return;
  await ctx.db.deleteFrom('unit_calendars').where('unit_id', '=', unitId).execute();
  await recordAudit(ctx, { action: 'unit.calendar.clear', targetType: 'unit', targetId: unitId, unitId, before: calendarData(before) });
}
