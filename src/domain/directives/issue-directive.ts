import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { directivePolicy } from './directive-policy.ts';
import { lockDirective } from './directive.queries.ts';

type DirectiveRow = Awaited<ReturnType<typeof lockDirective>>;

/** The open units a directive reaches: below the issuer, then all, one level, or the chosen subtrees. */
const targetedUnits = (d: Pick<DirectiveRow, 'issuer_unit_id' | 'target_kind' | 'target_depth' | 'target_unit_ids'>) => sql`
  select u.id, u.ancestor_ids from units u
   where u.ancestor_ids @> array[${d.issuer_unit_id}::uuid] and u.closed_at is null
     and ${d.target_kind === 'level' ? sql`u.depth = ${d.target_depth}` : d.target_kind === 'subtrees'
       ? sql`(u.id = any(${d.target_unit_ids}::uuid[]) or u.ancestor_ids && ${d.target_unit_ids}::uuid[])` : sql`true`}`;

/** How many units a draft would reach now: the preview before issuing. */
export async function previewReach(ctx: Ctx, d: DirectiveRow): Promise<number> {
  return withSystemScope(ctx, async () =>
    (await sql<{ n: number }>`select count(*)::int as n from (${targetedUnits(d)}) t`.execute(ctx.db)).rows[0]!.n);
}

/**
 * Issues a draft: one assignment for every targeted unit, at once, in this transaction,
 * whatever the size of the subtree — mainstay_issue_assignments() (migration 0011) writes
 * them and the rollups of the whole cascade in one statement. The preview above counts
 * with the same rule; keep the two in step.
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
