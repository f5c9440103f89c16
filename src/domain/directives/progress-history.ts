import { sql } from 'kysely';
import { withSystemScope, type Ctx } from '../context.ts';
import { progressReader } from './progress.ts';

const DAY_MS = 86_400_000;
/** A chart of more than a year of days is unreadable; older days fold into the first point. */
export const HISTORY_MAX_DAYS = 366;

export interface HistoryDay { date: string; assignments: number; done: number; percentDone: number }

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const percentOf = (done: number, all: number) => (all === 0 ? 0 : Math.round((done / all) * 1000) / 10);

/**
 * Completion over time at a unit (its subtree, its own assignment included), one point
 * per UTC day from the day the directive was issued to today: how many assignments
 * existed at the end of the day and how many were done.
 *
 * Unlike the progress figures this is not read from the rollups: it scans the
 * subtree's assignments and their events (done transitions, and reopenings that undo
 * them). A chart is looked at now and then, not polled, and keeping per-day rollups
 * for every unit on every path would cost every status change more than the chart
 * saves. Like the rollups it follows the current tree: a unit moved away takes its
 * history with it.
 */
export async function directiveProgressHistory(ctx: Ctx, directiveId: string, unitId: string | undefined) {
  const { d, at } = await progressReader(ctx, directiveId, unitId);

  const base = { directiveId: d.id, unitId: at, issuedAt: d.issued_at?.toISOString() ?? null };
  if (!d.issued_at) return { ...base, days: [] as HistoryDay[] };

  const rows = await withSystemScope(ctx, async () => (await sql<{ day: string; created: number; done: number }>`
    with subtree as (
      select id, created_at from assignments
       where directive_id = ${d.id}::uuid and (unit_id = ${at}::uuid or path @> array[${at}::uuid])
    )
    select to_char(day, 'YYYY-MM-DD') as day, sum(created)::int as created, sum(done)::int as done from (
      select (s.created_at at time zone 'UTC')::date as day, 1 as created, 0 as done from subtree s
      union all
      select (e.at at time zone 'UTC')::date, 0, coalesce(e.to_status = 'done', false)::int - coalesce(e.from_status = 'done', false)::int
        from assignment_events e join subtree s on s.id = e.assignment_id
       where coalesce(e.to_status = 'done', false) <> coalesce(e.from_status = 'done', false)
    ) f group by day order by day`.execute(ctx.db)).rows);

  const end = d.withdrawn_at && d.withdrawn_at < ctx.clock.now() ? d.withdrawn_at : ctx.clock.now();
  const last = Date.parse(`${isoDay(end)}T00:00:00Z`);
  const first = Math.max(Date.parse(`${isoDay(d.issued_at)}T00:00:00Z`), last - (HISTORY_MAX_DAYS - 1) * DAY_MS);
  // Changes before the window count from its first day; any stamped after today (units
  // joining take the database's time, which a test clock may lag) on its last.
  const changes = new Map<number, { created: number; done: number }>();
  for (const r of rows) {
    const t = Math.min(Math.max(Date.parse(`${r.day}T00:00:00Z`), first), last);
    const c = changes.get(t) ?? { created: 0, done: 0 };
    changes.set(t, { created: c.created + r.created, done: c.done + r.done });
  }
  const days: HistoryDay[] = [];
  let assignments = 0;
  let done = 0;
  for (let t = first; t <= last; t += DAY_MS) {
    assignments += changes.get(t)?.created ?? 0;
    done += changes.get(t)?.done ?? 0;
    days.push({ date: isoDay(new Date(t)), assignments, done, percentDone: percentOf(done, assignments) });
  }
  return { ...base, days };
}
