import { sql } from 'kysely';
import type { Ctx } from '../context.ts';

/** How often a cell is expected to meet when nobody set its cadence (MAINSTAY_DEFAULT_CADENCE_DAYS). */
export const DEFAULT_CADENCE_DAYS = 31;

/**
 * Gives every open cell without a cadence the installation's default (issue 14: cells that
 * never met were in no figure), counted from the cell's creation or its last meeting held,
 * and counts them on every ancestor; a changed default reaches the cells that hold it.
 * `markMissedMeetings` then marks them like any other. Set-based, a batch at a time.
 */
export async function adoptDefaultCadences(ctx: Ctx, everyDays: number, options: { batch?: number } = {}): Promise<number> {
  await sql`update unit_cadences set every_days = ${everyDays}::int where by_default and every_days <> ${everyDays}::int`.execute(ctx.db);
  return (await sql<{ n: number }>`
    with adopted as (
      insert into unit_cadences (unit_id, every_days, last_met_at, set_at, by_default)
      select u.id, ${everyDays}::int,
             (select max(g.starts_at) from gatherings g where g.convening_unit_id = u.id and g.held_at is not null and g.kind in ('meeting', 'enlarged')),
             u.created_at, true
        from units u
       where u.depth = (select max(depth) from levels) and u.closed_at is null
         and not exists (select 1 from unit_cadences c where c.unit_id = u.id)
       limit ${options.batch ?? 1_000_000_000}
      on conflict (unit_id) do nothing
      returning unit_id
    ), counted as (
      insert into unit_meeting_stats (unit_id, with_cadence)
      select p, count(*) from adopted a join units u on u.id = a.unit_id cross join lateral unnest(u.ancestor_ids || u.id) p group by p
      on conflict (unit_id) do update set with_cadence = unit_meeting_stats.with_cadence + excluded.with_cadence
    )
    select count(*)::int as n from adopted`.execute(ctx.db)).rows[0]!.n;
}
