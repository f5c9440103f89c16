import { authorize, placeUnit } from '../access/guard.ts';
import { calendarPolicy, unitPolicy } from '../access/policy.ts';
import type { Ctx } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { normalizeCalendar, type CalendarInput, type WorkingCalendar } from './calendar.ts';

export interface CalendarRow { time_zone: string; week: Record<string, Array<[string, string]>>; holidays: CalendarInput['holidays'] }

/** A stored row as a calendar; normalized because jsonb does not keep key order. */
export const rowToCalendar = (row: CalendarRow): WorkingCalendar =>
  normalizeCalendar({ timeZone: row.time_zone, week: row.week as CalendarInput['week'], holidays: row.holidays });

/** The unit's own calendar, not an inherited one. */
export async function ownCalendar(ctx: Ctx, unitId: string): Promise<WorkingCalendar | undefined> {
  const row = await ctx.db.selectFrom('unit_calendars').select(['time_zone', 'week', 'holidays']).where('unit_id', '=', unitId).executeTakeFirst();
  return row ? rowToCalendar(row) : undefined;
}

/** The stored form of a calendar: audit events and rows hold the same fields. */
export const calendarData = (c: WorkingCalendar) => ({ timeZone: c.timeZone, week: c.week, holidays: c.holidays });

/**
 * Authorizes, then locks the unit's row: concurrent changes to one unit's calendar
 * queue, so each audit event's "before" is what it really replaced.
 */
export async function lockForCalendar(ctx: Ctx, unitId: string, action: string): Promise<void> {
  const placed = await placeUnit(ctx, unitId);
  if (!placed) throw notFound('unit', unitId);
  authorize(calendarPolicy.set(ctx.actor, placed), unitPolicy.read(ctx.actor, placed), 'unit', unitId, action);
  const unit = await ctx.db.selectFrom('units').select(['name', 'closed_at']).where('id', '=', unitId).forNoKeyUpdate().executeTakeFirst();
  if (!unit) throw notFound('unit', unitId);
  if (unit.closed_at) throw conflict('unit_closed', `The unit "${unit.name}" is closed.`, { unitId });
}
