import { authorize, placeUnit } from '../access/guard.ts';
import { calendarPolicy } from '../access/policy.ts';
import type { ReadCtx } from '../context.ts';
import { notFound } from '../errors.ts';
import { unitNames } from '../org/unit-view.ts';
import type { CalendarInput } from './calendar.ts';
import { calendarData } from './calendar.queries.ts';
import { effectiveCalendar } from './effective-calendar.ts';

export interface CalendarView {
  unitId: string;
  mode: 'working' | 'wall-clock';
  /** The unit the calendar is set at (this one, or the nearest ancestor with one); null: wall-clock time. */
  source: { unitId: string; name: string; inherited: boolean } | null;
  calendar: CalendarInput | null;
  updatedAt: string | null;
  abilities: { set: boolean };
}

/** A unit's effective calendar and where it comes from. */
export async function getUnitCalendar(ctx: ReadCtx, unitId: string): Promise<CalendarView> {
  const placed = await placeUnit(ctx, unitId);
  if (!placed) throw notFound('unit', unitId);
  const readable = calendarPolicy.read(ctx.actor, placed);
  authorize(readable, readable, 'unit', unitId, 'read_calendar');
  const effective = await effectiveCalendar(ctx, unitId);
  const abilities = { set: calendarPolicy.set(ctx.actor, placed) };
  if (effective.calendar.kind === 'wall-clock' || !effective.sourceUnitId) {
    return { unitId, mode: 'wall-clock', source: null, calendar: null, updatedAt: null, abilities };
  }
  // The source may sit above the reader's scope: its name only, as breadcrumbs show.
  const name = (await unitNames(ctx, [effective.sourceUnitId])).get(effective.sourceUnitId)?.name ?? '';
  return {
    unitId,
    mode: 'working',
    source: { unitId: effective.sourceUnitId, name, inherited: effective.sourceUnitId !== unitId },
    calendar: calendarData(effective.calendar),
    updatedAt: effective.updatedAt?.toISOString() ?? null,
    abilities,
  };
}
