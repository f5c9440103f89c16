import type { Deadlines, Urgency } from '../../db/schema-cases.ts';
import { WALL_CLOCK, type Calendar } from '../calendar/calendar.ts';
import { effectiveCalendar } from '../calendar/effective-calendar.ts';
import { addWorkingMs, addWorkingTime, workingTimeBetween } from '../calendar/working-time.ts';
import { withSystemScope, type Ctx } from '../context.ts';

/**
 * The calendar a case's clock runs on: the owning unit's working time (inherited down
 * the tree), but wall-clock time for life-threatening cases. Read past the actor's
 * scope: the requester and the escalation sweep need it too.
 */
export async function calendarFor(ctx: Ctx, unitId: string, urgency: Urgency): Promise<Calendar> {
  if (urgency === 'life_threatening') return WALL_CLOCK;
  return (await withSystemScope(ctx, () => effectiveCalendar(ctx, unitId))).calendar;
}

/** When `hours` of the owning unit's working time, started at `start`, run out. */
export async function dueAt(ctx: Ctx, unitId: string, start: Date, hours: number, urgency: Urgency): Promise<Date> {
  return addWorkingTime(start, hours, await calendarFor(ctx, unitId, urgency));
}

/** Fresh acknowledge and resolve deadlines from the category, counted from `start`. */
export async function freshDeadlines(ctx: Ctx, unitId: string, start: Date, deadlines: Deadlines, urgency: Urgency) {
  const calendar = await calendarFor(ctx, unitId, urgency);
  const d = deadlines[urgency];
  return {
    acknowledge_due_at: addWorkingTime(start, d.acknowledgeHours, calendar),
    resolve_due_at: addWorkingTime(start, d.resolveHours, calendar),
  };
}

/**
 * A clock stopped while the case waited on its requester starts again: the working
 * time that was left at the pause is counted again from now.
 */
export async function resumedDue(ctx: Ctx, unitId: string, urgency: Urgency, pausedAt: Date, due: Date, now: Date): Promise<Date> {
  const calendar = await calendarFor(ctx, unitId, urgency);
  const left = due > pausedAt ? workingTimeBetween(pausedAt, due, calendar) : 0;
  return addWorkingMs(now, left, calendar);
}
