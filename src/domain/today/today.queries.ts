import { sql } from 'kysely';
import type { Ctx } from '../context.ts';

/** One row of Today as read: what it is, where it belongs, when it is due. */
export interface TodayRow {
  kind: string; target_id: string; unit_id: string; link_id: string; title: string; due_at: Date | null;
  urgency: string | null; rsvp: string | null; total: number;
}

export interface TodayWindow {
  /** The units where the person holds a current official term. */
  units: readonly string[];
  personId: string | null;
  now: Date;
  /** Cases whose resolution is due before this are "due soon". */
  casesSoon: Date;
  /** Assignments due before this are "due". */
  assignmentsSoon: Date;
  /** Gatherings starting before this are listed (the person's next one always is). */
  gatheringsUntil: Date;
  /** Meetings that ended after this and have no attendance are listed. */
  unrecordedSince: Date;
  /** Rows per kind at most (the totals count them all). */
  perKind: number;
}

const OPEN_WORK = sql`('acknowledged', 'in_progress', 'reopened')`;

/**
 * Everything that needs the person, in one statement: their units' case queues, assignments,
 * gatherings and questions, and their own requests. Runs under the person's own scope
 * (row-level security beneath), anchored on their own terms, person and cell only.
 * Per kind the most urgent `perKind` rows, each with the kind's total.
 */
export async function readTodayRows(ctx: Ctx, w: TodayWindow): Promise<TodayRow[]> {
  const units = sql`${[...w.units]}::uuid[]`;
  const person = sql`${w.personId}::uuid`;
  const now = sql`${w.now}::timestamptz`;
  return (await sql<TodayRow>`
    with items as (
      select case when c.status = 'new' and (c.acknowledge_due_at is null or c.acknowledge_due_at >= ${now}) then 'case_acknowledge'
                  when c.status = 'new' or c.overdue_since is not null or c.resolve_due_at < ${now} then 'case_overdue'
                  else 'case_due_soon' end as kind,
             c.id as target_id, c.owning_unit_id as unit_id, c.id as link_id, c.reference || ' · ' || k.name as title,
             case when c.status = 'new' then c.acknowledge_due_at else c.resolve_due_at end as due_at, c.urgency::text as urgency, null::text as rsvp
        from cases c join case_categories k on k.id = c.category_id
       where c.owning_unit_id = any(${units})
         and (c.status = 'new' or (c.status in ${OPEN_WORK} and c.paused_at is null
              and (c.overdue_since is not null or c.resolve_due_at < ${w.casesSoon}::timestamptz)))
      union all
      select case when a.acknowledged_version < d.version then 'assignment_acknowledge' else 'assignment_due' end,
             a.id, a.unit_id, a.id, d.title, a.next_due_at, null, null
        from assignments a join directives d on d.id = a.directive_id
       where a.unit_id = any(${units}) and d.status = 'issued'
         and (a.acknowledged_version < d.version or (a.status <> 'done' and a.next_due_at < ${w.assignmentsSoon}::timestamptz))
      union all
      select 'gathering_upcoming', g.id, g.convening_unit_id, g.id, g.title, g.starts_at, null, i.rsvp
        from gatherings g left join invitations i on i.gathering_id = g.id and i.person_id = ${person}
       where g.ends_at > ${now}
         and ((i.person_id is not null and g.status = 'sent') or (g.convening_unit_id = any(${units}) and g.status in ('draft', 'sent')))
         and (g.starts_at < ${w.gatheringsUntil}::timestamptz or g.id = (
               select g2.id from invitations i2 join gatherings g2 on g2.id = i2.gathering_id
                where i2.person_id = ${person} and g2.status = 'sent' and g2.ends_at > ${now} order by g2.starts_at limit 1))
      union all
      select 'attendance_unrecorded', g.id, g.convening_unit_id, g.id, g.title, g.starts_at, null, null
        from gatherings g
       where g.convening_unit_id = any(${units}) and g.status = 'sent' and g.held_at is null
         and g.ends_at <= ${now} and g.ends_at > ${w.unrecordedSince}::timestamptz
      union all
      select 'question_unanswered', q.id, d.issuer_unit_id, d.id, left(q.text, 200), null, null, null
        from directive_questions q join directives d on d.id = q.directive_id
       where d.issuer_unit_id = any(${units}) and d.status = 'issued' and q.answer is null
      union all
      select 'own_request', c.id, c.owning_unit_id, c.id, c.reference || ' · ' || k.name, null, c.urgency::text, null
        from cases c join case_categories k on k.id = c.category_id
       where c.requester_person_id = ${person} and c.status not in ('resolved', 'closed', 'merged')
    ), ranked as (
      select items.*, row_number() over (partition by kind order by due_at nulls last, target_id) as n, count(*) over (partition by kind) as total
        from items
    )
    select kind, target_id, unit_id, link_id, title, due_at, urgency, rsvp, total::int as total from ranked where n <= ${w.perKind}::int`
    .execute(ctx.db)).rows;
}

/** Per unit above the cells: how many cells below have not met in their cadence (or never), have overdue cases, or have not acknowledged a directive. */
export interface CellSummaryRow { unit_id: string; name: string; not_met: number; overdue_cases: number; unacknowledged: number }

/**
 * The cells below each of the given units (the topmost of them only: a unit inside another
 * is already counted there) that need attention. Reads the subtrees under the actor's scope.
 */
export async function readCellSummaries(ctx: Ctx, unitIds: readonly string[], now: Date): Promise<CellSummaryRow[]> {
  if (unitIds.length === 0) return [];
  const units = sql`${[...unitIds]}::uuid[]`;
  const at = sql`${now}::timestamptz`;
  return (await sql<CellSummaryRow>`
    with cell_level as (select max(depth) as depth from levels)
    select o.id as unit_id, o.name,
      (select count(*) from units c left join unit_cadences k on k.unit_id = c.id
        where c.ancestor_ids @> array[o.id] and c.depth = (select depth from cell_level) and c.closed_at is null
          and (k.missed_since is not null or (k.unit_id is not null and k.last_met_at is null)
               or (k.unit_id is null and not exists (select 1 from gatherings g where g.convening_unit_id = c.id and g.held_at is not null))))::int as not_met,
      (select count(distinct x.owning_unit_id) from cases x join units c on c.id = x.owning_unit_id
        where x.owner_path @> array[o.id] and x.owning_unit_id <> o.id and c.depth = (select depth from cell_level)
          and (x.overdue_since is not null or (x.status = 'new' and x.acknowledge_due_at < ${at})
               or (x.status in ${OPEN_WORK} and x.paused_at is null and x.resolve_due_at < ${at})))::int as overdue_cases,
      (select count(distinct a.unit_id) from assignments a join directives d on d.id = a.directive_id join units c on c.id = a.unit_id
        where a.path @> array[o.id] and c.depth = (select depth from cell_level) and d.status = 'issued' and a.acknowledged_version < d.version)::int as unacknowledged
      from units o
     where o.id = any(${units}) and o.closed_at is null and o.depth < (select depth from cell_level) and not (o.ancestor_ids && ${units})
     order by o.depth, o.name`.execute(ctx.db)).rows;
}

/** The root, for administrators (who hold no term but read everything). */
export async function readRootId(ctx: Ctx): Promise<string | undefined> {
  return (await ctx.db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst())?.id;
}
