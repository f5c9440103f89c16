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
}

export interface CaseItem {
  id: string; reference: string; status: CaseStatus; urgency: string; categoryCode: string; owningUnitId: string;
  createdAt: string; acknowledgeDueAt: string | null; resolveDueAt: string | null; overdue: boolean; escalationLevel: number; triage: boolean;
  assignee: Assignee | null;
}

/** A unit's case queue, newest first, a page at a time. */
export async function listUnitCases(ctx: Ctx, unitId: string, input: ListCasesInput): Promise<Page<CaseItem>> {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.readAudit(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'read_cases');
  const now = ctx.clock.now();
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 2);
  let query = ctx.db.selectFrom('cases as c').innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .select(['c.id', 'c.reference', 'c.status', 'c.urgency', 'k.code as categoryCode', 'c.owning_unit_id', 'c.created_at',
      'c.acknowledge_due_at', 'c.resolve_due_at', 'c.escalation_level', 'c.triage', 'c.assignee_person_id'])
    .select(isOverdueSql(now).as('overdue'));
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
  if (after) query = query.where(sql<boolean>`(c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute();
  const names = await assigneeNames(ctx, rows.map((r) => r.assignee_person_id));
  const items = rows.map((r) => ({
    id: r.id, reference: r.reference, status: r.status, urgency: r.urgency, categoryCode: r.categoryCode, owningUnitId: r.owning_unit_id,
    createdAt: r.created_at.toISOString(), acknowledgeDueAt: r.acknowledge_due_at?.toISOString() ?? null,
    resolveDueAt: r.resolve_due_at?.toISOString() ?? null, overdue: r.overdue, escalationLevel: r.escalation_level, triage: r.triage,
    assignee: assigneeOf(r.assignee_person_id, names),
  }));
  return pageOf(items, limit, (r) => [r.createdAt, r.id]);
}
