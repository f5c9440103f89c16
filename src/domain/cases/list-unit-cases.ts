import { sql } from 'kysely';
import type { CaseStatus } from '../../db/schema-cases.ts';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../pagination.ts';
import { assigneeNames, assigneeOf, type Assignee } from './assignee-names.ts';
import { isOverdueSql } from './case.queries.ts';

export interface ListCasesInput extends PageRequest {
  /**
   * own: owned by the unit; subtree: owned by it or any unit below; involved: every case
   * the unit or a unit below ever owned — escalated or referred away included.
   */
  scope: 'own' | 'subtree' | 'involved';
  status?: CaseStatus | undefined;
  overdue?: boolean | undefined;
  escalated?: boolean | undefined;
  urgency?: string | undefined;
  categoryCode?: string | undefined;
  /** A person's id, `me` (the signed-in person) or `none` (unassigned). */
  assignee?: string | undefined;
  /** newest: newest first; due: urgent and life-threatening first, then by the deadline now running (none last). */
  sort?: 'newest' | 'due' | undefined;
}

export interface CaseItem {
  id: string; reference: string; status: CaseStatus; urgency: string; categoryCode: string; owningUnitId: string;
  /** The category's name and its translations, so a queue never shows a bare code. */
  category: { code: string; name: string; names: Record<string, string> };
  /** The description's first line, cut to 100 characters: the card's title. */
  summary: string;
  /** The deadline running now: acknowledgement while new, else resolution; null once resolved. */
  dueAt: string | null;
  createdAt: string; acknowledgeDueAt: string | null; resolveDueAt: string | null; overdue: boolean; escalationLevel: number; triage: boolean;
  assignee: Assignee | null;
}

// The deadline now running, and the urgency rank the `due` order puts first (0: life-threatening, 1: urgent).
const dueSql = sql<Date | null>`case when c.status = 'new' then c.acknowledge_due_at
  when c.status in ('acknowledged', 'in_progress', 'waiting', 'reopened') then c.resolve_due_at end`;
const dueKeySql = sql<string>`coalesce(${dueSql}, 'infinity'::timestamptz)`;
const rankSql = sql<number>`(case c.urgency when 'life_threatening' then 0 when 'urgent' then 1 else 2 end)`;

/** A unit's case queue, newest first or most pressing first, a page at a time. */
export async function listUnitCases(ctx: Ctx, unitId: string, input: ListCasesInput): Promise<Page<CaseItem>> {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.readAudit(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'read_cases');
  const now = ctx.clock.now();
  const limit = input.limit ?? DEFAULT_LIMIT;
  const byDue = input.sort === 'due';
  const after = decodeCursor(input.cursor, byDue ? 3 : 2);
  let query = ctx.db.selectFrom('cases as c').innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .select(['c.id', 'c.reference', 'c.status', 'c.urgency', 'k.code as categoryCode', 'k.name as categoryName', 'k.names as categoryNames', 'c.owning_unit_id', 'c.created_at',
      'c.acknowledge_due_at', 'c.resolve_due_at', 'c.escalation_level', 'c.triage', 'c.assignee_person_id'])
    .select(isOverdueSql(now).as('overdue')).select(dueSql.as('due_at')).select(sql<string>`left(split_part(c.description, E'\n', 1), 100)`.as('summary')).select(rankSql.as('rank'));
  if (input.scope === 'own') query = query.where('c.owning_unit_id', '=', unitId);
  else if (input.scope === 'subtree') query = query.where(sql<boolean>`c.owner_path @> array[${unitId}::uuid]`);
  else query = query.where(sql<boolean>`c.involved_path @> array[${unitId}::uuid]`);
  if (input.status) query = query.where('c.status', '=', input.status);
  if (input.overdue !== undefined) query = query.where(input.overdue ? isOverdueSql(now) : sql<boolean>`not (${isOverdueSql(now)})`);
  if (input.escalated !== undefined) query = query.where('c.escalation_level', input.escalated ? '>' : '=', 0);
  if (input.urgency) query = query.where('c.urgency', '=', input.urgency as never);
  if (input.categoryCode) query = query.where('k.code', '=', input.categoryCode);
  if (input.assignee === 'none') query = query.where('c.assignee_person_id', 'is', null);
  // An account without a person (an administrator) is never assigned: `me` matches nothing.
  else if (input.assignee === 'me') query = ctx.actor.personId ? query.where('c.assignee_person_id', '=', ctx.actor.personId) : query.where(sql<boolean>`false`);
  else if (input.assignee) query = query.where('c.assignee_person_id', '=', input.assignee);
  if (after && byDue) query = query.where(sql<boolean>`(${rankSql}, ${dueKeySql}, c.id) > (${Number(after[0])}::int, ${after[1]}::timestamptz, ${after[2]}::uuid)`);
  else if (after) query = query.where(sql<boolean>`(c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const ordered = byDue
    ? query.orderBy(rankSql).orderBy(dueKeySql).orderBy('c.id')
    : query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
  const rows = await ordered.limit(limit + 1).execute();
  const names = await assigneeNames(ctx, rows.map((r) => r.assignee_person_id));
  const items = rows.map((r) => ({
    id: r.id, reference: r.reference, status: r.status, urgency: r.urgency, categoryCode: r.categoryCode, owningUnitId: r.owning_unit_id,
    category: { code: r.categoryCode, name: r.categoryName, names: r.categoryNames as Record<string, string> },
    summary: r.summary, dueAt: r.due_at ? new Date(r.due_at).toISOString() : null, rank: Number(r.rank),
    createdAt: r.created_at.toISOString(), acknowledgeDueAt: r.acknowledge_due_at?.toISOString() ?? null,
    resolveDueAt: r.resolve_due_at?.toISOString() ?? null, overdue: r.overdue, escalationLevel: r.escalation_level, triage: r.triage,
    assignee: assigneeOf(r.assignee_person_id, names),
  }));
  const page = pageOf(items, limit, (r) => (byDue ? [String(r.rank), r.dueAt ?? 'infinity', r.id] : [r.createdAt, r.id]));
  return { ...page, items: page.items.map(({ rank: _rank, ...item }) => item) };
}
