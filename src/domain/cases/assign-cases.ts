import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { AccessDenied, DomainError } from '../errors.ts';
import { addCaseEvent } from './case.queries.ts';
import { casePolicy, placedCase } from './case-policy.ts';
import { assigneeNames, assigneeOf, type Assignee } from './assignee-names.ts';

export const MAX_ASSIGN_BATCH = 200;

export interface AssignInput { caseIds: string[]; assigneePersonId: string | null }

/**
 * Why one case of a batch cannot be assigned, most serious first: the batch is
 * refused with the status of its most serious reason.
 */
export type AssignRefusal = 'case_not_found' | 'forbidden' | 'case_closed' | 'case_merged' | 'not_an_official';
const RANK: readonly AssignRefusal[] = ['case_not_found', 'forbidden', 'case_closed', 'case_merged', 'not_an_official'];
const MESSAGE: Record<AssignRefusal, string> = {
  case_not_found: 'No such case.',
  forbidden: 'You may see this case but not act on it: it is owned above your unit or elsewhere.',
  case_closed: 'The case is closed.',
  case_merged: 'The case is merged into another.',
  not_an_official: 'The person holds no current role at the unit that owns this case.',
};

export interface AssignResult { items: Array<{ id: string; reference: string; assignee: Assignee | null }>; changed: number }

/**
 * Assigns cases to an official of each case's owning unit, or unassigns them (null).
 * All or nothing: if any case is out of the actor's reach, closed or merged, or the
 * person holds no current role at its owning unit, nothing changes and the refusal
 * lists every failing case with its reason. Each changed case gets an internal
 * timeline entry and an audit event; a case already in the asked state is left alone.
 */
export async function assignCases(ctx: Ctx, input: AssignInput): Promise<AssignResult> {
  const ids = [...new Set(input.caseIds)];
  // Read past row-level security so the policy decides on the truth; locked in id
  // order, so two batches sharing cases wait for each other instead of deadlocking.
  const rows = await withSystemScope(ctx, () => ctx.db.selectFrom('cases')
    .select(['id', 'reference', 'status', 'owning_unit_id', 'owner_path', 'involved_path', 'requester_person_id', 'assignee_person_id'])
    .where('id', 'in', ids).orderBy('id').forUpdate().execute());
  const byId = new Map(rows.map((r) => [r.id, r]));
  const officialAt = new Set<string>();
  const units = [...new Set(rows.map((r) => r.owning_unit_id))];
  // No case found, no units: `in ()` is not SQL.
  if (input.assigneePersonId && units.length > 0) {
    const terms = await withSystemScope(ctx, () => ctx.db.selectFrom('official_terms').select('unit_id')
      .where('person_id', '=', input.assigneePersonId!).where('ended_at', 'is', null).where('unit_id', 'in', units).execute());
    for (const t of terms) officialAt.add(t.unit_id);
  }

  const failures: Array<{ caseId: string; reason: AssignRefusal; message: string }> = [];
  for (const id of ids) {
    const row = byId.get(id);
    const placed = row ? placedCase(row) : undefined;
    let reason: AssignRefusal | undefined;
    if (!row || !placed || !casePolicy.read(ctx.actor, placed)) reason = 'case_not_found';
    else if (!casePolicy.act(ctx.actor, placed)) reason = 'forbidden';
    else if (row.status === 'closed') reason = 'case_closed';
    else if (row.status === 'merged') reason = 'case_merged';
    else if (input.assigneePersonId && !officialAt.has(row.owning_unit_id)) reason = 'not_an_official';
    if (reason) failures.push({ caseId: id, reason, message: MESSAGE[reason] });
  }
  if (failures.length > 0) throw refusal(failures, ids.length);

  const changing = ids.map((id) => byId.get(id)!).filter((r) => r.assignee_person_id !== input.assigneePersonId);
  if (changing.length > 0) {
    const now = ctx.clock.now();
    await ctx.db.updateTable('cases').set({ assignee_person_id: input.assigneePersonId, updated_at: now })
      .where('id', 'in', changing.map((r) => r.id)).execute();
    for (const row of changing) {
      const details = { assigneePersonId: input.assigneePersonId, previousAssigneePersonId: row.assignee_person_id };
      await addCaseEvent(ctx, row.id, { kind: input.assigneePersonId ? 'assigned' : 'unassigned', public: false, details });
      await recordAudit(ctx, {
        action: input.assigneePersonId ? 'case.assign' : 'case.unassign', targetType: 'case', targetId: row.id, unitId: row.owning_unit_id,
        before: { assigneePersonId: row.assignee_person_id }, after: { assigneePersonId: input.assigneePersonId },
      });
    }
  }
  const names = await assigneeNames(ctx, [input.assigneePersonId]);
  const assignee = assigneeOf(input.assigneePersonId, names);
  return { items: ids.map((id) => ({ id, reference: byId.get(id)!.reference, assignee })), changed: changing.length };
}

/**
 * The whole batch refused. Cases the actor may not read or act on make it an access
 * refusal — a 404 or 403 like a single one, written to the audit trail — whose details
 * still name every failing case; a missing case and one outside the scope read alike.
 */
function refusal(failures: Array<{ caseId: string; reason: AssignRefusal; message: string }>, total: number): DomainError {
  const worst = RANK.find((r) => failures.some((f) => f.reason === r))!;
  const first = failures.find((f) => f.reason === worst)!;
  const message = `Nothing was assigned: ${failures.length} of ${total} cases cannot be (see details.failures).`;
  const details = { failures };
  if (worst === 'case_not_found') return new AccessDenied('case', first.caseId, 'assign_cases', false, { message, details });
  if (worst === 'forbidden') return new AccessDenied('case', first.caseId, 'assign_cases', true, { message, details });
  return new DomainError(worst === 'not_an_official' ? 'invalid' : 'conflict', 'assignment_refused', message, details);
}
