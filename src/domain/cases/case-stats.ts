import { sql } from 'kysely';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { isOverdueSql } from './case.queries.ts';

/**
 * A unit's casework figures, for its whole subtree, from the maintained rollups of
 * migration 0008 plus what is still waiting in their log — exact whatever the lag, and
 * a handful of rows at the root as at a cell.
 */
export interface CaseDashboard {
  unitId: string;
  asOf: string;
  open: number;
  /** Open cases that missed their current deadline and could not rise (owned by the root). */
  overdue: number;
  /** Open cases that rose above the unit that first owned them. */
  escalated: number;
  acknowledged: number;
  resolved: number;
  /** Reopenings by requesters of cases now owned in the subtree: they count against the resolution figures. */
  reopened: number;
  /** Median wall-clock hours from arrival to acknowledgement and to resolution, from a histogram (within 10 %). */
  medianAcknowledgeHours: number | null;
  medianResolveHours: number | null;
  satisfaction: { average: number | null; ratings: number };
  byCategory: Array<{ code: string; name: string; names: Record<string, string>; open: number; overdue: number; escalated: number; resolved: number; reopened: number }>;
  /**
   * Each open unit directly below: its subtree's open and escalated cases (from the rollups)
   * and its open cases past the deadline running now (live: below the root a late case
   * rises at the next sweep, so the rollup's overdue is the root's alone).
   */
  byUnit: UnitBreakdown[];
  weeks: Array<{ week: string; opened: number; resolved: number }>;
  /** Changes not yet folded into the rollups (already counted above). */
  pendingChanges: number;
}

export interface UnitBreakdown { unitId: string; name: string; level: string; open: number; overdue: number; escalated: number }

export const DASHBOARD_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

export async function caseDashboard(ctx: Ctx, unitId: string, options: { weeks?: number } = {}): Promise<CaseDashboard> {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.readAudit(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'read_cases');
  const now = ctx.clock.now();
  const weekCount = options.weeks ?? DASHBOARD_WEEKS;
  const firstWeek = new Date(mondayOf(now).getTime() - (weekCount - 1) * WEEK_MS);
  const pending = sql`(select * from case_stat_deltas where path @> array[${unitId}::uuid])`;

  const categories = (await sql<{
    code: string; name: string; names: Record<string, string> | null; open: number; overdue: number; escalated: number; acknowledged: number;
    resolved: number; reopened: number; rated: number; stars_sum: number;
  }>`
    select k.code, k.name, k.names, s.open, s.overdue, s.escalated, s.acknowledged, s.resolved, s.reopened, s.rated, s.stars_sum
      from (select category_id, sum(open)::int as open, sum(overdue)::int as overdue, sum(escalated)::int as escalated,
                   sum(acknowledged)::int as acknowledged, sum(resolved)::int as resolved, sum(reopened)::int as reopened,
                   sum(rated)::int as rated, sum(stars_sum)::int as stars_sum
              from (select category_id, open, overdue, escalated, acknowledged, resolved, reopened, rated, stars_sum
                      from case_stats where unit_id = ${unitId}::uuid
                    union all
                    select category_id, sign * open, sign * overdue, sign * escalated, sign * (acknowledge_bucket is not null)::int,
                           sign * (resolve_bucket is not null)::int, sign * reopens, sign * (stars is not null)::int, sign * coalesce(stars, 0)
                      from ${pending} d) u
             group by category_id) s
      join case_categories k on k.id = s.category_id
     order by s.open desc, k.code`.execute(ctx.db)).rows;

  const buckets = (await sql<{ kind: 'acknowledge' | 'resolve'; bucket: number; n: number }>`
    select kind, bucket, sum(n)::int as n from (
      select kind, bucket, n from case_stat_durations where unit_id = ${unitId}::uuid
      union all select 'acknowledge', acknowledge_bucket, sign from ${pending} d where acknowledge_bucket is not null
      union all select 'resolve', resolve_bucket, sign from ${pending} d where resolve_bucket is not null) u
     group by kind, bucket order by bucket`.execute(ctx.db)).rows;

  const weekRows = (await sql<{ week: string; opened: number; resolved: number }>`
    select to_char(week, 'YYYY-MM-DD') as week, sum(opened)::int as opened, sum(resolved)::int as resolved from (
      select week, opened, resolved from case_stat_weeks where unit_id = ${unitId}::uuid and week >= ${isoDate(firstWeek)}::date
      union all select opened_week, sign, 0 from ${pending} d where opened_week >= ${isoDate(firstWeek)}::date
      union all select resolved_week, 0, sign from ${pending} d where resolved_week >= ${isoDate(firstWeek)}::date) u
     group by week`.execute(ctx.db)).rows;

  const pendingChanges = (await sql<{ n: number }>`select count(*)::int as n from ${pending} d`.execute(ctx.db)).rows[0]!.n;

  const total = (key: 'open' | 'overdue' | 'escalated' | 'acknowledged' | 'resolved' | 'reopened' | 'rated' | 'stars_sum') =>
    categories.reduce((sum, c) => sum + c[key], 0);
  const byWeek = new Map(weekRows.map((w) => [w.week, w]));
  const weeks = Array.from({ length: weekCount }, (_, i) => {
    const week = isoDate(new Date(firstWeek.getTime() + i * WEEK_MS));
    return { week, opened: byWeek.get(week)?.opened ?? 0, resolved: byWeek.get(week)?.resolved ?? 0 };
  });
  const ratings = total('rated');
  return {
    unitId, asOf: now.toISOString(),
    open: total('open'), overdue: total('overdue'), escalated: total('escalated'),
    acknowledged: total('acknowledged'), resolved: total('resolved'), reopened: total('reopened'),
    medianAcknowledgeHours: medianHours(buckets.filter((b) => b.kind === 'acknowledge')),
    medianResolveHours: medianHours(buckets.filter((b) => b.kind === 'resolve')),
    satisfaction: { average: ratings > 0 ? round(total('stars_sum') / ratings, 2) : null, ratings },
    byCategory: categories.map((c) => ({ code: c.code, name: c.name, names: c.names ?? {}, open: c.open, overdue: c.overdue, escalated: c.escalated, resolved: c.resolved, reopened: c.reopened })),
    byUnit: await unitsBelow(ctx, unitId, unit.ancestorIds.length, now),
    weeks, pendingChanges,
  };
}

async function unitsBelow(ctx: Ctx, unitId: string, depth: number, now: Date): Promise<UnitBreakdown[]> {
  // A case owned below the unit names the child it lies under at this place of its owner_path.
  const childAt = depth + 2;
  return (await sql<UnitBreakdown>`
    select u.id as "unitId", u.name, l.key as level, coalesce(s.open, 0)::int as open, coalesce(o.n, 0)::int as overdue,
           coalesce(s.escalated, 0)::int as escalated
      from units u
      join levels l on l.depth = u.depth
      left join lateral (
        select sum(open) as open, sum(escalated) as escalated from (
          select open, escalated from case_stats where unit_id = u.id
          union all select sign * open, sign * escalated from case_stat_deltas d where d.path @> array[u.id]) x) s on true
      left join (
        select owner_path[${childAt}] as unit_id, count(*) as n from cases
         where owner_path @> array[${unitId}::uuid] and (${isOverdueSql(now)})
         group by 1) o on o.unit_id = u.id
     where u.parent_id = ${unitId}::uuid and u.closed_at is null
     order by coalesce(o.n, 0) desc, coalesce(s.open, 0) desc, u.name, u.id`.execute(ctx.db)).rows;
}

/**
 * The median of a duration histogram (bucket b: 2^(b/4) − 1 to 2^((b+1)/4) − 1 minutes,
 * as mainstay_duration_bucket() files them), at the geometric middle of its bucket.
 */
export function medianHours(buckets: Array<{ bucket: number; n: number }>): number | null {
  const count = buckets.reduce((sum, b) => sum + b.n, 0);
  if (count <= 0) return null;
  let seen = 0;
  for (const b of [...buckets].sort((x, y) => x.bucket - y.bucket)) {
    seen += b.n;
    if (seen * 2 >= count) return round((2 ** ((b.bucket + 0.5) / 4) - 1) / 60, 2);
  }
  return null;
}

/** Rows the job folds per statement: a second's intake at the goal rate, with room. */
const APPLY_BATCH = 20_000;

/** Folds the whole log into the rollups; returns how many changes it folded. */
export async function applyCaseStats(ctx: Ctx, maxRows = APPLY_BATCH): Promise<number> {
  let folded = 0;
  for (;;) {
    const n = (await sql<{ n: number }>`select mainstay_apply_case_stats(${maxRows}::int) as n`.execute(ctx.db)).rows[0]!.n;
    folded += n;
    if (n < maxRows) return folded;
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
function mondayOf(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
}
