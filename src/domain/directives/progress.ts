import { sql } from 'kysely';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import type { AssignmentStatus } from '../../db/schema-directives.ts';
import { directivePolicy } from './directive-policy.ts';

export type Counts = Record<AssignmentStatus, number>;
const zero = (): Counts => ({ received: 0, acknowledged: 0, in_progress: 0, done: 0, blocked: 0 });
const totalOf = (c: Counts) => c.received + c.acknowledged + c.in_progress + c.done + c.blocked;
const percentOf = (c: Counts) => (totalOf(c) === 0 ? 0 : Math.round((c.done / totalOf(c)) * 1000) / 10);

interface Figures { counts: Counts; overdue: number }

/**
 * How far along a unit is, worst first: not acknowledged, blocked, acknowledged, in
 * progress, done. A unit's state is its own assignment's; for a subtree, the worst among
 * its assignments (one cell that has not acknowledged is what its district must chase).
 */
const STATE_ORDER: readonly AssignmentStatus[] = ['received', 'blocked', 'acknowledged', 'in_progress', 'done'];
const stateOf = (c: Counts): AssignmentStatus => STATE_ORDER.find((s) => c[s] > 0) ?? 'done';

/** The reported progress of one item over `assigned` assignments, %: the share of the target reached, or the average percentage reported, whichever says more. */
const itemPercent = (percentSum: number, valueSum: number, target: number | null, assigned: number) => {
  if (assigned === 0) return 0;
  const byPercent = percentSum / assigned;
  const byFigure = target !== null && target > 0 ? Math.min(100, (valueSum / (target * assigned)) * 100) : 0;
  return Math.max(byPercent, byFigure);
};
const round1 = (n: number) => Math.round(n * 10) / 10;
interface RollupRow { unit_id: string; status: string | null; n: number; overdue: number }

/**
 * A directive's progress at a unit (its subtree: its own assignment included) and at
 * each of its child units, ranked by completion — from the maintained rollups, the
 * children's own assignments, and what is still in the change log. Never a scan of
 * the subtree.
 */
/**
 * Whose progress a reader may see, for the progress view and its history: the issuer's
 * chain anywhere below the issuer, a unit's officials at their own part — wherever the
 * unit is now (a unit moved out of the target brings its assignment to its new ancestors).
 * Returns the directive and the unit to look from (default: the issuer).
 */
export async function progressReader(ctx: Ctx, directiveId: string, unitId: string | undefined) {
  const d = await withSystemScope(ctx, () => ctx.db.selectFrom('directives').select(['id', 'issuer_unit_id', 'issuer_path', 'issued_at', 'withdrawn_at']).where('id', '=', directiveId).executeTakeFirst());
  if (!d) throw notFound('directive', directiveId);
  const at = unitId ?? d.issuer_unit_id;
  const unit = await placeUnit(ctx, at);
  if (!unit) throw notFound('unit', at);
  const mayRead = directivePolicy.manage(ctx.actor, d.issuer_path) && (at === d.issuer_unit_id || unit.ancestorIds.includes(d.issuer_unit_id))
    || unitPolicy.readAudit(ctx.actor, unit);
  authorize(mayRead, unitPolicy.read(ctx.actor, unit), 'directive', directiveId, 'read_progress');
  return { d, at };
}

export async function directiveProgress(ctx: Ctx, directiveId: string, unitId: string | undefined) {
  const { d, at } = await progressReader(ctx, directiveId, unitId);
  return withSystemScope(ctx, async () => {
    const children = await ctx.db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', at).execute();
    const ids = [at, ...children.map((c) => c.id)];
    // Each unit's figures: rollup (its descendants) + its own assignment + pending changes.
    const rows = (await sql<RollupRow>`
      select unit_id, status, sum(n)::int as n, sum(overdue)::int as overdue from (
        select r.unit_id, s.status, s.n, case when s.status = 'received' then r.overdue else 0 end as overdue
          from directive_rollups r cross join lateral (values ('received', r.received), ('acknowledged', r.acknowledged),
               ('in_progress', r.in_progress), ('done', r.done), ('blocked', r.blocked)) s (status, n)
         where r.directive_id = ${d.id}::uuid and r.unit_id = any(${ids}::uuid[])
        union all
        select a.unit_id, a.status, 1, (a.overdue_since is not null and a.status <> 'done')::int
          from assignments a where a.directive_id = ${d.id}::uuid and a.unit_id = any(${ids}::uuid[])
        union all
        select u, x.status, x.sign, x.sign * x.overdue
          from directive_deltas x cross join lateral unnest(x.path) u
         where x.directive_id = ${d.id}::uuid and x.idx is null and x.path && ${ids}::uuid[] and u = any(${ids}::uuid[])
      ) f group by unit_id, status`.execute(ctx.db)).rows;
    const figures = new Map<string, Figures>(ids.map((id) => [id, { counts: zero(), overdue: 0 }]));
    for (const r of rows) {
      const f = figures.get(r.unit_id)!;
      f.counts[r.status as AssignmentStatus] += r.n;
      f.overdue += r.overdue;
    }
    // The subtree's own assignment counts at the unit itself, its descendants through the rollup.
    const items = (await sql<{ idx: number; title: string; target: string | null; reported: number; value_sum: string; percent_sum: string }>`
      select i.idx, i.title, i.target, coalesce(sum(f.reported), 0)::int as reported, coalesce(sum(f.value_sum), 0)::text as value_sum,
             coalesce(sum(f.percent_sum), 0)::text as percent_sum
        from directive_items i left join (
          select idx, reported, value_sum, percent_sum from directive_item_rollups where directive_id = ${d.id}::uuid and unit_id = ${at}::uuid
          union all
          select p.idx, 1, coalesce(p.value, 0), coalesce(p.percent, 0) from assignment_items p join assignments a on a.id = p.assignment_id
           where a.directive_id = ${d.id}::uuid and a.unit_id = ${at}::uuid
          union all
          select idx, sign, sign * coalesce(value, 0), sign * coalesce(percent, 0) from directive_deltas
           where directive_id = ${d.id}::uuid and idx is not null and path @> array[${at}::uuid]
        ) f on f.idx = i.idx
       where i.directive_id = ${d.id}::uuid
       group by i.idx, i.title, i.target order by i.idx`.execute(ctx.db)).rows;
    const pendingChanges = (await sql<{ n: number }>`select count(*)::int as n from directive_deltas where directive_id = ${d.id}::uuid and path @> array[${at}::uuid]`.execute(ctx.db)).rows[0]!.n;

    const here = figures.get(at)!;
    const assigned = totalOf(here.counts);
    // Each child's reported figures per item (rollup of its descendants + its own assignment + pending), as for the unit itself.
    const childIds = children.map((c) => c.id);
    const reported = childIds.length === 0 ? [] : (await sql<{ unit_id: string; idx: number; value_sum: string; percent_sum: string }>`
      select f.unit_id, f.idx, sum(f.value_sum)::text as value_sum, sum(f.percent_sum)::text as percent_sum from (
        select unit_id, idx, value_sum, percent_sum from directive_item_rollups where directive_id = ${d.id}::uuid and unit_id = any(${childIds}::uuid[])
        union all
        select a.unit_id, p.idx, coalesce(p.value, 0), coalesce(p.percent, 0) from assignment_items p join assignments a on a.id = p.assignment_id
         where a.directive_id = ${d.id}::uuid and a.unit_id = any(${childIds}::uuid[])
        union all
        select u, x.idx, x.sign * coalesce(x.value, 0), x.sign * coalesce(x.percent, 0)
          from directive_deltas x cross join lateral unnest(x.path) u
         where x.directive_id = ${d.id}::uuid and x.idx is not null and x.path && ${childIds}::uuid[] and u = any(${childIds}::uuid[])
      ) f group by f.unit_id, f.idx`.execute(ctx.db)).rows;
    const reportedPercentOf = (unitId: string, assignments: number) => items.length === 0 ? 0 : round1(items.reduce((sum, i) => {
      const r = reported.find((x) => x.unit_id === unitId && x.idx === i.idx);
      return sum + itemPercent(Number(r?.percent_sum ?? 0), Number(r?.value_sum ?? 0), i.target === null ? null : Number(i.target), assignments);
    }, 0) / items.length);
    const childRows = children
      .map((c) => ({ unitId: c.id, name: c.name, ...figures.get(c.id)! }))
      .filter((c) => totalOf(c.counts) > 0)
      .map((c) => ({
        unitId: c.unitId, name: c.name, state: stateOf(c.counts), counts: c.counts, assignments: totalOf(c.counts), percentDone: percentOf(c.counts),
        reportedPercent: reportedPercentOf(c.unitId, totalOf(c.counts)), overdue: c.overdue,
      }))
      // Best first; "laggards first" reads it backwards: the state (not acknowledged is the worst), then
      // how many are done, then the progress reported, then overdue (issue 14: a cell that acknowledged
      // and reported 60 % ranked below cells that had not even acknowledged).
      .sort((x, y) => STATE_ORDER.indexOf(y.state) - STATE_ORDER.indexOf(x.state) || y.percentDone - x.percentDone
        || y.reportedPercent - x.reportedPercent || x.overdue - y.overdue || x.name.localeCompare(y.name))
      .map((c, i) => ({ ...c, rank: i + 1 }));
    return {
      directiveId: d.id, unitId: at, counts: here.counts, assignments: assigned, percentDone: percentOf(here.counts), overdue: here.overdue,
      items: items.map((i) => ({
        index: i.idx, title: i.title, target: i.target === null ? null : Number(i.target),
        reported: i.reported, valueSum: Number(i.value_sum),
        targetSum: i.target === null ? null : Number(i.target) * assigned,
        averagePercent: assigned === 0 ? 0 : Math.round((Number(i.percent_sum) / assigned) * 10) / 10,
      })),
      children: childRows, pendingChanges,
    };
  });
}
