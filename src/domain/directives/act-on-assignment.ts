import { sql } from 'kysely';
import type { AssignmentStatus } from '../../db/schema-directives.ts';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { assignmentPolicy } from './directive-policy.ts';
import { storeFiles } from './directive-files.ts';
import { addAssignmentEvent, lockAssignment } from './directive.queries.ts';
import { checkFiles, type FileUpload } from './file-checks.ts';

/** What each state may become. */
export const ASSIGNMENT_TRANSITIONS: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  received: ['acknowledged', 'in_progress', 'blocked'],
  acknowledged: ['in_progress', 'done', 'blocked'],
  in_progress: ['done', 'blocked'],
  blocked: ['in_progress'],
  done: ['in_progress'],
};

/** An assignment with its directive, locked, once the actor may act on it and the directive is in force. */
async function actionable(ctx: Ctx, assignmentId: string, action: string) {
  const a = await lockAssignment(ctx, assignmentId);
  authorize(assignmentPolicy.act(ctx.actor, { unitId: a.unit_id, path: a.path }), false, 'assignment', assignmentId, action);
  const d = await withSystemScope(ctx, () => ctx.db.selectFrom('directives').select(['status', 'version', 'issuer_unit_id']).where('id', '=', a.directive_id).executeTakeFirstOrThrow());
  if (d.status === 'withdrawn') throw conflict('directive_withdrawn', 'The directive was withdrawn; nothing more is done on it.');
  return { a, d };
}

/**
 * Moves an assignment along; acting on it acknowledges the directive's current version.
 * `to: acknowledged` on an assignment already past it acknowledges an amendment and
 * leaves its state as it is. Blocking needs a reason, which the issuer sees.
 */
export async function transitionAssignment(ctx: Ctx, assignmentId: string, input: { to: AssignmentStatus; reason?: string | undefined }) {
  const { a, d } = await actionable(ctx, assignmentId, 'act_on_assignment');
  const reacknowledge = input.to === 'acknowledged' && a.status !== 'received' && a.acknowledged_version < d.version;
  if (!reacknowledge && !ASSIGNMENT_TRANSITIONS[a.status].includes(input.to)) {
    throw conflict('transition_not_allowed', `An assignment that is ${a.status.replace('_', ' ')} cannot become ${input.to.replace('_', ' ')}.`,
      { from: a.status, to: input.to, allowed: ASSIGNMENT_TRANSITIONS[a.status] });
  }
  if (input.to === 'blocked' && !input.reason) throw invalid('reason_required', 'Say what blocks the work: the issuer reads it.', { field: 'reason' });
  if (!reacknowledge && input.to === 'done') await refuseUnreported(ctx, a);
  const status = reacknowledge ? a.status : input.to;
  const now = ctx.clock.now();
  await ctx.db.updateTable('assignments').set({
    status, acknowledged_version: d.version, updated_at: now,
    blocked_reason: status === 'blocked' ? input.reason! : null,
  }).where('id', '=', a.id).execute();
  await addAssignmentEvent(ctx, a.id, a.status, status, reacknowledge ? `Acknowledged version ${d.version}${input.reason ? `: ${input.reason}` : ''}` : input.reason ?? null);
  await recordAudit(ctx, {
    action: reacknowledge ? 'assignment.reacknowledge' : 'assignment.transition', targetType: 'assignment', targetId: a.id, unitId: a.unit_id,
    before: { status: a.status, acknowledgedVersion: a.acknowledged_version }, after: { status, acknowledgedVersion: d.version },
    details: { directiveId: a.directive_id, ...(input.reason ? { reason: input.reason } : {}) },
  });
  return { id: a.id, status };
}

/**
 * Done means reported: every item of the directive has a report (figures, words, evidence,
 * or "not applicable" with a reason) — "33 % done" with 0 of 120 households was a tap on
 * the wrong button (issue 14). The refusal names the items still without one.
 */
async function refuseUnreported(ctx: Ctx, a: { id: string; directive_id: string }) {
  const missing = await withSystemScope(ctx, () => ctx.db.selectFrom('directive_items as i').select(['i.idx', 'i.title'])
    .where('i.directive_id', '=', a.directive_id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('assignment_reports as r').select('r.id').where('r.assignment_id', '=', a.id).whereRef('r.idx', '=', 'i.idx'))))
    .orderBy('i.idx').execute());
  if (missing.length === 0) return;
  throw conflict('items_unreported', `Report on every item before marking the work done (an item that does not apply can be reported as not applicable, with the reason). Without a report: ${missing.map((m) => `${m.idx + 1}. ${m.title}`).join('; ')}.`,
    { items: missing.map((m) => ({ index: m.idx, title: m.title })) });
}

export interface ReportInput {
  itemIndex: number; percent?: number | undefined; value?: number | undefined; text?: string | undefined;
  /** The item does not apply to this unit: `text` says why, and no figures come with it. */
  notApplicable?: boolean | undefined;
  /** Evidence (photos, files), checked and stored with the report: one refused file refuses the report. */
  files?: readonly FileUpload[] | undefined;
}

/**
 * A unit reports on one item: a percentage, a figure against the target, a few words.
 * The latest figures count in the rollups; every report stays. Reporting on work not
 * yet started starts it. Evidence alone is a report too.
 */
export async function reportOnAssignment(ctx: Ctx, assignmentId: string, input: ReportInput) {
  const { a, d } = await actionable(ctx, assignmentId, 'report_on_assignment');
  const evidence = input.files ?? [];
  if (input.percent === undefined && input.value === undefined && !input.text && evidence.length === 0) {
    throw invalid('empty_report', 'Give a percentage, a figure, a few words or a file.', { fields: ['percent', 'value', 'text', 'files'] });
  }
  if (input.notApplicable && !input.text?.trim()) throw invalid('reason_required', 'Say why the item does not apply: the issuer reads it.', { field: 'text' });
  if (input.notApplicable && (input.percent !== undefined || input.value !== undefined)) {
    throw invalid('figures_not_applicable', 'An item that does not apply takes a reason, not figures.', { fields: ['percent', 'value'] });
  }
  const item = await withSystemScope(ctx, () => ctx.db.selectFrom('directive_items').select(['idx', 'target']).where('directive_id', '=', a.directive_id).where('idx', '=', input.itemIndex).executeTakeFirst());
  if (!item) throw invalid('no_such_item', `The directive has no item ${input.itemIndex}.`, { field: 'itemIndex' });
  const files = await checkFiles(evidence);
  const now = ctx.clock.now();
  if (input.percent !== undefined || input.value !== undefined) {
    const previous = await ctx.db.selectFrom('assignment_items').select(['percent', 'value']).where('assignment_id', '=', a.id).where('idx', '=', input.itemIndex).executeTakeFirst();
    const figures = {
      percent: input.percent ?? (previous?.percent == null ? null : Number(previous.percent)),
      value: input.value ?? (previous?.value == null ? null : Number(previous.value)),
      updated_at: now,
    };
    if (previous) await ctx.db.updateTable('assignment_items').set(figures).where('assignment_id', '=', a.id).where('idx', '=', input.itemIndex).execute();
    else await ctx.db.insertInto('assignment_items').values({ assignment_id: a.id, idx: input.itemIndex, ...figures }).execute();
  }
  const report = await ctx.db.insertInto('assignment_reports').values({
    assignment_id: a.id, idx: input.itemIndex, percent: input.percent ?? null, value: input.value ?? null, text: input.text ?? null,
    not_applicable: input.notApplicable ?? false, at: now, actor_label: ctx.actor.label, actor_account_id: ctx.actor.accountId,
  }).returning('id').executeTakeFirstOrThrow();
  await storeFiles(ctx, { kind: 'evidence', directiveId: a.directive_id, assignmentId: a.id, reportId: Number(report.id) }, files);
  const started = a.status === 'received' || a.status === 'acknowledged';
  await sql`
    update assignments set next_due_at = mainstay_assignment_next_due(id, directive_id), updated_at = ${now},
           status = ${started ? 'in_progress' : a.status}, acknowledged_version = ${started ? d.version : a.acknowledged_version}
     where id = ${a.id}::uuid`.execute(ctx.db);
  if (started) await addAssignmentEvent(ctx, a.id, a.status, 'in_progress', 'Reported progress');
  await recordAudit(ctx, {
    action: 'assignment.report', targetType: 'assignment', targetId: a.id, unitId: a.unit_id,
    details: { directiveId: a.directive_id, itemIndex: input.itemIndex, percent: input.percent, value: input.value, text: input.text, ...(input.notApplicable ? { notApplicable: true } : {}), ...(files.length ? { files: files.length } : {}) },
  });
  return { id: a.id, status: started ? 'in_progress' as const : a.status };
}
