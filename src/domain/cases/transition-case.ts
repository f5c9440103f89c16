import type { CaseStatus } from '../../db/schema-cases.ts';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { addCaseEvent, caseIdByReference, lockCase, unionPath, unitPath } from './case.queries.ts';
import { casePolicy, placedCase } from './case-policy.ts';
import { freshDeadlines, resumedDue } from './deadlines.ts';
import { notifyRequester } from './notify-requester.ts';

export type TransitionTarget = 'acknowledged' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'referred' | 'merged';

/** What each state may become; `referred` hands the case to another unit, which starts it afresh. */
export const TRANSITIONS: Record<CaseStatus, readonly TransitionTarget[]> = {
  new: ['acknowledged', 'in_progress', 'resolved', 'referred', 'merged'],
  acknowledged: ['in_progress', 'waiting', 'resolved', 'referred', 'merged'],
  in_progress: ['waiting', 'resolved', 'referred', 'merged'],
  waiting: ['in_progress', 'resolved', 'referred'],
  reopened: ['acknowledged', 'in_progress', 'waiting', 'resolved', 'referred', 'merged'],
  resolved: ['closed'],
  closed: [],
  merged: [],
};

export interface TransitionInput {
  to: TransitionTarget;
  note?: string | undefined;
  /** Whether the note is a public update the requester sees (default: an internal note). */
  publicNote?: boolean | undefined;
  toUnitId?: string | undefined;
  intoCaseId?: string | undefined;
  /** merged: the other case by its reference, when the id is not at hand. */
  intoReference?: string | undefined;
}

/** Moves a case along its lifecycle; every change is a timeline entry and an audit event. */
export async function transitionCase(ctx: Ctx, caseId: string, input: TransitionInput): Promise<void> {
  const row = await lockCase(ctx, caseId);
  const placed = placedCase(row);
  authorize(casePolicy.act(ctx.actor, placed), casePolicy.read(ctx.actor, placed), 'case', caseId, 'act_on_case');
  if (!TRANSITIONS[row.status].includes(input.to)) {
    throw conflict('transition_not_allowed', `A case that is ${row.status.replace('_', ' ')} cannot become ${input.to.replace('_', ' ')}.`,
      { from: row.status, to: input.to, allowed: TRANSITIONS[row.status] });
  }
  const now = ctx.clock.now();
  const change: Record<string, unknown> = { updated_at: now };
  let status: CaseStatus = input.to === 'referred' ? 'new' : (input.to as CaseStatus);
  let toUnitId: string | undefined;
  let details: Record<string, unknown> = {};

  // A case waiting on its requester had its clock stopped: the pause moves the deadline.
  if (row.status === 'waiting' && row.paused_at && row.resolve_due_at) {
    change.resolve_due_at = await resumedDue(ctx, row.owning_unit_id, row.urgency, row.paused_at, row.resolve_due_at, now);
    change.paused_at = null;
  }
  // Triage means "nobody has taken this yet": whoever acknowledges it (or moves it on) has.
  if (input.to === 'acknowledged' || input.to === 'in_progress' || input.to === 'resolved') change.triage = false;
  switch (input.to) {
    case 'acknowledged':
    case 'in_progress':
      if (!row.acknowledged_at) change.acknowledged_at = now;
      break;
    case 'waiting':
      change.paused_at = now;
      break;
    case 'resolved':
      change.resolved_at = now;
      change.resolved_by_unit_id = row.owning_unit_id;
      if (!row.acknowledged_at) change.acknowledged_at = now;
      break;
    case 'closed':
      change.closed_at = now;
      break;
    case 'referred': {
      if (!input.toUnitId) throw invalid('referral_needs_unit', 'Say which unit the case is referred to.', { field: 'toUnitId' });
      if (!input.note) throw invalid('referral_needs_reason', 'Say why the case is referred.', { field: 'note' });
      if (input.toUnitId === row.owning_unit_id) throw invalid('referral_to_owner', 'The case is already owned by that unit.', { field: 'toUnitId' });
      const target = await unitPath(ctx, input.toUnitId);
      if (!target || target.closed_at) throw invalid('unknown_unit', 'There is no open unit with that id.', { field: 'toUnitId' });
      const category = await ctx.db.selectFrom('case_categories').select('deadlines').where('id', '=', row.category_id).executeTakeFirstOrThrow();
      Object.assign(change, {
        owning_unit_id: target.id, owner_path: target.path, involved_path: unionPath(row.involved_path, target.path), triage: false,
        // The assignee was an official of the old owner: the receiving unit's officials choose.
        acknowledged_at: null, paused_at: null, assignee_person_id: null, ...(await freshDeadlines(ctx, target.id, now, category.deadlines, row.urgency)),
      });
      toUnitId = target.id;
      status = 'new';
      break;
    }
    case 'merged': {
      const intoId = input.intoCaseId ?? (input.intoReference ? await caseIdByReference(ctx, input.intoReference) : undefined);
      if (!intoId || intoId === caseId) throw invalid('merge_needs_case', 'Say which other case this one duplicates.', { field: input.intoReference ? 'intoReference' : 'intoCaseId' });
      const into = await lockCase(ctx, intoId);
      // Named by reference, a refusal names the reference: the id of an unreadable case stays unknown.
      authorize(casePolicy.read(ctx.actor, placedCase(into)), false, 'case', input.intoCaseId ?? input.intoReference!, 'merge_into');
      if (into.status === 'merged') throw conflict('merge_into_merged', 'That case is itself merged into another.', { intoCaseId: into.id });
      change.merged_into_id = into.id;
      details = { intoCaseId: into.id, intoReference: into.reference };
      break;
    }
  }
  change.status = status;
  await ctx.db.updateTable('cases').set(change).where('id', '=', caseId).execute();
  await addCaseEvent(ctx, caseId, {
    kind: input.to, public: true, fromStatus: row.status, toStatus: status,
    fromUnitId: toUnitId ? row.owning_unit_id : undefined, toUnitId, details,
  });
  if (input.note) await addCaseEvent(ctx, caseId, { kind: input.publicNote ? 'public_update' : 'note', public: Boolean(input.publicNote), note: input.note });
  if (input.note && input.publicNote) await notifyRequester(ctx, caseId, { kind: 'update', note: input.note });
  if (input.to === 'resolved') await notifyRequester(ctx, caseId, { kind: 'resolved' });
  await recordAudit(ctx, {
    action: `case.${input.to}`, targetType: 'case', targetId: caseId, unitId: toUnitId ?? row.owning_unit_id,
    before: { status: row.status, owningUnitId: row.owning_unit_id }, after: { status, owningUnitId: toUnitId ?? row.owning_unit_id },
  });
}
