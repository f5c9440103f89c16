import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { WALL_CLOCK, type Calendar } from './calendar.ts';
import { rowToCalendar, type CalendarRow } from './calendar.queries.ts';

export interface EffectiveCalendar {
  /** The unit's own calendar or its nearest ancestor's; WALL_CLOCK when none is set on the path. */
  calendar: Calendar;
  /** Where it comes from: null for the built-in wall clock. */
  sourceUnitId: string | null;
  updatedAt: Date | null;
}

/**
 * The calendar a unit's deadlines count in, in one query: the path is on the unit's
 * row (ancestor_ids, root first), and the calendar set nearest the unit wins.
 * With no calendar anywhere on the path, time is wall-clock time: no default hours
 * are assumed in code. Row-level security lets anyone who can read the unit read
 * the calendars above it (migration 0005); a unit the actor cannot read is not found.
 */
export async function effectiveCalendar(ctx: Ctx, unitId: string): Promise<EffectiveCalendar> {
  const { rows } = await sql<Partial<CalendarRow> & { source_id: string | null; updated_at: Date | string | null }>`
    select c.unit_id as source_id, c.time_zone, c.week, c.holidays, c.updated_at
      from units u
      left join lateral (
        select c.* from unit_calendars c
         where c.unit_id = any(u.ancestor_ids || u.id)
         order by array_position(u.ancestor_ids || u.id, c.unit_id) desc
         limit 1) c on true
     where u.id = ${unitId}::uuid`.execute(ctx.db);
  const row = rows[0];
  if (!row) throw notFound('unit', unitId);
  if (!row.source_id) return { calendar: WALL_CLOCK, sourceUnitId: null, updatedAt: null };
  return { calendar: rowToCalendar(row as CalendarRow), sourceUnitId: row.source_id, updatedAt: new Date(row.updated_at!) };
}
