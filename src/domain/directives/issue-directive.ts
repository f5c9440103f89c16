import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { directivePolicy } from './directive-policy.ts';
import { lockDirective } from './directive.queries.ts';

type DirectiveRow = Pick<Awaited<ReturnType<typeof lockDirective>>, 'id'>;

/**
 * How many units a draft would reach now: the preview before issuing. Counted with the
 * target rule itself, mainstay_directive_targets() (migration 0011), which the issue
 * (mainstay_issue_assignments) and units joining later (mainstay_directives_reach) use too;
 * `ancestor_ids @> {issuer}` only lets the GIN index narrow the units first.
 */
export async function previewReach(ctx: Ctx, d: DirectiveRow): Promise<number> {
  return withSystemScope(ctx, async () => (await sql<{ n: number }>`
    select count(*)::int as n from directives d join units u on u.ancestor_ids @> array[d.issuer_unit_id] and u.closed_at is null
     where d.id = ${d.id} and mainstay_directive_targets(d, u.depth, u.ancestor_ids || u.id)`.execute(ctx.db)).rows[0]!.n);
}

/**
 * Issues a draft: one assignment for every targeted unit, at once, in this transaction,
 * whatever the size of the subtree — mainstay_issue_assignments() (migrations 0011, 0015) writes
 * them and the rollups of the whole cascade in one statement, with the same target rule
 * as the preview above.
 */
export async function issueDirective(ctx: Ctx, directiveId: string): Promise<{ assignments: number }> {
  const d = await lockDirective(ctx, directiveId);
  authorize(directivePolicy.manage(ctx.actor, d.issuer_path), false, 'directive', directiveId, 'issue_directive');
  if (d.status !== 'draft') throw conflict('not_a_draft', `The directive is ${d.status}; only a draft can be issued.`, { status: d.status });
  const now = ctx.clock.now();
  const firstDue = await ctx.db.selectFrom('directive_items').select((eb) => eb.fn.min('due_at').as('due')).where('directive_id', '=', d.id).executeTakeFirstOrThrow();
  const assignments = (await sql<{ n: number }>`select mainstay_issue_assignments(${d.id}::uuid, ${firstDue.due}::timestamptz, ${now}::timestamptz) as n`.execute(ctx.db)).rows[0]!.n;
  await ctx.db.updateTable('directives').set({ status: 'issued', version: 1, issued_at: now }).where('id', '=', d.id).execute();
  await recordAudit(ctx, {
    action: 'directive.issue', targetType: 'directive', targetId: d.id, unitId: d.issuer_unit_id,
    before: { status: 'draft' }, after: { status: 'issued' }, details: { assignments },
  });
  return { assignments };
}
