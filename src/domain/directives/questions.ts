import { newId } from '../../platform/ids.ts';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { assignmentPolicy, directivePolicy } from './directive-policy.ts';
import { lockDirective } from './directive.queries.ts';

/** A receiving unit asks about a directive; every receiver will read the answer. */
export async function askQuestion(ctx: Ctx, assignmentId: string, input: { text: string }): Promise<{ id: string }> {
  const a = await withSystemScope(ctx, () => ctx.db.selectFrom('assignments').select(['id', 'unit_id', 'path', 'directive_id']).where('id', '=', assignmentId).executeTakeFirst());
  if (!a) throw notFound('assignment', assignmentId);
  authorize(assignmentPolicy.act(ctx.actor, { unitId: a.unit_id, path: a.path }), false, 'assignment', assignmentId, 'ask_question');
  const id = newId();
  await ctx.db.insertInto('directive_questions').values({
    id, directive_id: a.directive_id, unit_id: a.unit_id, text: input.text, asked_at: ctx.clock.now(), asked_by: ctx.actor.label,
  }).execute();
  await recordAudit(ctx, { action: 'directive.question', targetType: 'directive', targetId: a.directive_id, unitId: a.unit_id, details: { questionId: id, text: input.text } });
  return { id };
}

/** The issuing unit answers once, for all receivers. */
export async function answerQuestion(ctx: Ctx, directiveId: string, questionId: string, input: { answer: string }) {
  const d = await lockDirective(ctx, directiveId);
  authorize(directivePolicy.manage(ctx.actor, d.issuer_path), false, 'directive', directiveId, 'answer_question');
  const q = await ctx.db.selectFrom('directive_questions').selectAll().where('id', '=', questionId).where('directive_id', '=', directiveId).forUpdate().executeTakeFirst();
  if (!q) throw notFound('question', questionId);
  if (q.answer !== null) throw conflict('already_answered', 'This question has its answer; amend the directive to say more.');
  await ctx.db.updateTable('directive_questions').set({ answer: input.answer, answered_at: ctx.clock.now(), answered_by: ctx.actor.label }).where('id', '=', questionId).execute();
  await recordAudit(ctx, { action: 'directive.answer', targetType: 'directive', targetId: directiveId, unitId: d.issuer_unit_id, details: { questionId, answer: input.answer } });
  return { id: questionId };
}
