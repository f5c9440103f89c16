import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { checkItems, resolveTarget, type ItemInput, type TargetInput } from './create-directive.ts';
import { directivePolicy } from './directive-policy.ts';
import { lockDirective } from './directive.queries.ts';

export interface AmendInput {
  title?: string | undefined;
  body?: string | undefined;
  /** The full list: existing items changed in place (by position), new ones appended; none removed. */
  items?: ItemInput[] | undefined;
  note: string;
}

/**
 * Amends an issued directive openly: a new version with what changed, which every
 * receiver sees and acknowledges again. Never a silent edit.
 */
export async function amendDirective(ctx: Ctx, directiveId: string, input: AmendInput): Promise<{ version: number }> {
  const d = await lockDirective(ctx, directiveId);
  authorize(directivePolicy.manage(ctx.actor, d.issuer_path), false, 'directive', directiveId, 'amend_directive');
  if (d.status !== 'issued') throw conflict('not_issued', `The directive is ${d.status}; only an issued directive can be amended.`, { status: d.status });
  const before = await ctx.db.selectFrom('directive_items').selectAll().where('directive_id', '=', d.id).orderBy('idx').execute();
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== d.title) changes.title = { before: d.title, after: input.title };
  if (input.body !== undefined && input.body !== d.body) changes.body = { before: d.body, after: input.body };
  if (input.items) {
    const items = checkItems(input.items);
    if (items.length < before.length) {
      throw invalid('items_removed', 'Items cannot be removed from an issued directive (units may have reported on them); amend their text instead.', { field: 'items' });
    }
    const itemChanges: unknown[] = [];
    for (const [idx, item] of items.entries()) {
      const old = before[idx];
      const target = item.target ?? null;
      const same = old && old.title === item.title && old.due_at.getTime() === Date.parse(item.dueAt)
        && (old.target === null ? target === null : Number(old.target) === target) && old.unit_label === (item.unitLabel ?? null);
      if (same) continue;
      itemChanges.push({ idx, before: old ? { title: old.title, dueAt: old.due_at.toISOString(), target: old.target === null ? null : Number(old.target) } : null,
        after: { title: item.title, dueAt: new Date(item.dueAt).toISOString(), target } });
      const values = { title: item.title, due_at: item.dueAt, target, unit_label: item.unitLabel ?? null };
      if (old) await ctx.db.updateTable('directive_items').set(values).where('directive_id', '=', d.id).where('idx', '=', idx).execute();
      else await ctx.db.insertInto('directive_items').values({ directive_id: d.id, idx, ...values }).execute();
    }
    if (itemChanges.length > 0) changes.items = itemChanges;
  }
  if (Object.keys(changes).length === 0) throw invalid('nothing_changed', 'The amendment changes nothing.');
  const now = ctx.clock.now();
  const version = await recordAmendment(ctx, d, input.note, changes, {
    ...(input.title !== undefined ? { title: input.title } : {}), ...(input.body !== undefined ? { body: input.body } : {}),
  });
  if (changes.items) {
    // Due dates and targets moved: every unfinished assignment's next due date with them.
    await withSystemScope(ctx, () => sql`
      update assignments set next_due_at = mainstay_assignment_next_due(id, directive_id), updated_at = ${now}
       where directive_id = ${d.id}::uuid and status <> 'done'
         and next_due_at is distinct from mainstay_assignment_next_due(id, directive_id)`.execute(ctx.db));
  }
  return { version };
}

/**
 * Writes a new version of an issued, locked directive with what changed and why, which
 * every receiver sees and acknowledges again; `set` holds the new title or body.
 */
export async function recordAmendment(ctx: Ctx, d: { id: string; version: number; issuer_unit_id: string }, note: string,
  changes: Record<string, unknown>, set: { title?: string; body?: string } = {}): Promise<number> {
  const now = ctx.clock.now();
  const version = d.version + 1;
  await ctx.db.updateTable('directives').set({ version, amended_at: now, ...set }).where('id', '=', d.id).execute();
  await ctx.db.insertInto('directive_amendments').values({ directive_id: d.id, version, at: now, actor_label: ctx.actor.label, note, changes: JSON.stringify(changes) }).execute();
  await recordAudit(ctx, {
    action: 'directive.amend', targetType: 'directive', targetId: d.id, unitId: d.issuer_unit_id,
    details: { version, note, changes },
  });
  return version;
}

/** Withdraws an issued directive: assignments and their history stay, and nothing more can be done on them. */
export async function withdrawDirective(ctx: Ctx, directiveId: string, input: { reason: string }): Promise<{ status: 'withdrawn' }> {
  const d = await lockDirective(ctx, directiveId);
  authorize(directivePolicy.manage(ctx.actor, d.issuer_path), false, 'directive', directiveId, 'withdraw_directive');
  if (d.status !== 'issued') throw conflict('not_issued', `The directive is ${d.status}; only an issued directive can be withdrawn.`, { status: d.status });
  const now = ctx.clock.now();
  await ctx.db.updateTable('directives').set({ status: 'withdrawn', withdrawn_at: now, withdraw_reason: input.reason }).where('id', '=', d.id).execute();
  await recordAudit(ctx, {
    action: 'directive.withdraw', targetType: 'directive', targetId: d.id, unitId: d.issuer_unit_id,
    before: { status: 'issued' }, after: { status: 'withdrawn' }, details: { reason: input.reason },
  });
  return { status: 'withdrawn' };
}

export interface DraftChanges { title?: string | undefined; body?: string | undefined; items?: ItemInput[] | undefined; target?: TargetInput | undefined }

/** A draft is the issuer's own text until issued: changed freely (e.g. one pre-filled from a meeting's decision). */
export async function editDraft(ctx: Ctx, directiveId: string, input: DraftChanges): Promise<void> {
  const d = await lockDirective(ctx, directiveId);
  authorize(directivePolicy.manage(ctx.actor, d.issuer_path), false, 'directive', directiveId, 'edit_directive');
  if (d.status !== 'draft') throw conflict('not_a_draft', `The directive is ${d.status}; amend it instead.`, { status: d.status });
  const target = input.target ? await resolveTarget(ctx, d.issuer_unit_id, input.target) : undefined;
  await ctx.db.updateTable('directives').set({
    ...(input.title !== undefined ? { title: input.title } : {}), ...(input.body !== undefined ? { body: input.body } : {}),
    ...(target ? { target_kind: target.kind, target_depth: target.depth, target_unit_ids: target.unitIds } : {}),
  }).where('id', '=', d.id).execute();
  if (input.items) {
    const items = checkItems(input.items);
    await ctx.db.deleteFrom('directive_items').where('directive_id', '=', d.id).execute();
    await ctx.db.insertInto('directive_items').values(items.map((item, idx) => ({
      directive_id: d.id, idx, title: item.title, due_at: item.dueAt, target: item.target ?? null, unit_label: item.unitLabel ?? null,
    }))).execute();
  }
  await recordAudit(ctx, { action: 'directive.edit', targetType: 'directive', targetId: d.id, unitId: d.issuer_unit_id,
    before: { title: d.title, target: { kind: d.target_kind, depth: d.target_depth, unitIds: d.target_unit_ids } },
    after: { ...input } });
}
