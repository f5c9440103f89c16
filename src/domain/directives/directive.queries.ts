import type { AssignmentStatus } from '../../db/schema-directives.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';

/** A directive row, locked for the command, read past row-level security (the policy decides next). */
export async function lockDirective(ctx: Ctx, id: string) {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('directives').selectAll().where('id', '=', id).forUpdate().executeTakeFirst());
  if (!row) throw notFound('directive', id);
  return row;
}

export async function lockAssignment(ctx: Ctx, id: string) {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst());
  if (!row) throw notFound('assignment', id);
  return row;
}

export const pathOfUnit = (u: { id: string; ancestor_ids: string[] }) => [...u.ancestor_ids, u.id];

export async function addAssignmentEvent(ctx: Ctx, assignmentId: string, from: AssignmentStatus | null, to: AssignmentStatus | null, reason: string | null) {
  await ctx.db.insertInto('assignment_events').values({
    assignment_id: assignmentId, at: ctx.clock.now(), from_status: from, to_status: to, reason,
    actor_label: ctx.actor.label, actor_account_id: ctx.actor.accountId,
  }).execute();
}

export const STATUSES: readonly AssignmentStatus[] = ['received', 'acknowledged', 'in_progress', 'done', 'blocked'];
