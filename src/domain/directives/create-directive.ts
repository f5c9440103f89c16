import { newId } from '../../platform/ids.ts';
import type { TargetKind } from '../../db/schema-directives.ts';
import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';
import { storeFiles } from './directive-files.ts';
import { directivePolicy } from './directive-policy.ts';
import { checkFiles, type FileUpload } from './file-checks.ts';

export interface ItemInput { title: string; dueAt: string; target?: number | undefined; unitLabel?: string | undefined }
export interface TargetInput { kind: TargetKind; level?: string | undefined; unitIds?: string[] | undefined }
export interface DirectiveInput {
  issuerUnitId: string;
  title: string;
  body: string;
  titles?: Record<string, string> | undefined;
  bodies?: Record<string, string> | undefined;
  items: ItemInput[];
  target: TargetInput;
  /** Where it came from, e.g. a meeting's decision: kept and shown, not interpreted here. */
  source?: { kind: string; id: string; gatheringId?: string | undefined } | undefined;
  /** Attachments, checked and stored with the draft: one refused file refuses the draft. */
  files?: readonly FileUpload[] | undefined;
}

/** A draft: nothing reaches anyone until it is issued. */
export async function createDirective(ctx: Ctx, input: DirectiveInput): Promise<{ id: string; status: 'draft' }> {
  const issuer = await placeUnit(ctx, input.issuerUnitId);
  if (!issuer) throw notFound('unit', input.issuerUnitId);
  const issuerPath = [...issuer.ancestorIds, issuer.id];
  authorize(directivePolicy.manage(ctx.actor, issuerPath), unitPolicy.read(ctx.actor, issuer), 'unit', issuer.id, 'issue_directives');
  const target = await resolveTarget(ctx, issuer.id, input.target);
  const items = checkItems(input.items);
  const files = await checkFiles(input.files ?? []);
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.insertInto('directives').values({
    id, issuer_unit_id: issuer.id, issuer_path: issuerPath, title: input.title, body: input.body,
    titles: JSON.stringify(input.titles ?? {}), bodies: JSON.stringify(input.bodies ?? {}),
    target_kind: target.kind, target_depth: target.depth, target_unit_ids: target.unitIds,
    status: 'draft', source: input.source ? JSON.stringify(input.source) : null, created_at: now,
  }).execute();
  await ctx.db.insertInto('directive_items').values(items.map((item, idx) => ({
    directive_id: id, idx, title: item.title, due_at: item.dueAt, target: item.target ?? null, unit_label: item.unitLabel ?? null,
  }))).execute();
  await storeFiles(ctx, { kind: 'attachment', directiveId: id, version: 0, already: 0 }, files);
  await recordAudit(ctx, {
    action: 'directive.create', targetType: 'directive', targetId: id, unitId: issuer.id,
    after: { title: input.title, items: items.length, target: input.target, ...(files.length ? { attachments: files.length } : {}) },
    details: input.source ? { source: input.source } : {},
  });
  return { id, status: 'draft' };
}

/** Items in order, each with a parseable due date; a target is a positive figure. */
export function checkItems(items: ItemInput[]): ItemInput[] {
  if (items.length === 0) throw invalid('items_required', 'A directive needs at least one item.', { field: 'items' });
  items.forEach((item, i) => {
    if (Number.isNaN(Date.parse(item.dueAt))) throw invalid('invalid_due_date', `Item ${i + 1} has no valid due date.`, { field: `items.${i}.dueAt` });
  });
  return items;
}

/** The target in stored form: a level must lie below the issuer, chosen subtrees inside its own. */
export async function resolveTarget(ctx: Ctx, issuerId: string, target: TargetInput) {
  if (target.kind === 'all') return { kind: target.kind, depth: null, unitIds: [] as string[] };
  if (target.kind === 'level') {
    if (!target.level) throw invalid('level_required', 'Name the level the directive goes to.', { field: 'target.level' });
    const levels = await loadLevels(ctx.db);
    const level = levels.byKey(target.level);
    const issuer = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('depth').where('id', '=', issuerId).executeTakeFirstOrThrow());
    if (level.depth <= issuer.depth) {
      throw invalid('level_not_below_issuer', `A ${level.key} is not below the issuing unit.`, { field: 'target.level', level: level.key });
    }
    return { kind: target.kind, depth: level.depth, unitIds: [] as string[] };
  }
  const unitIds = [...new Set(target.unitIds ?? [])];
  if (unitIds.length === 0) throw invalid('units_required', 'Choose at least one subtree.', { field: 'target.unitIds' });
  const found = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select(['id', 'ancestor_ids']).where('id', 'in', unitIds).execute());
  const outside = unitIds.filter((id) => !found.some((u) => u.id === id && u.ancestor_ids.includes(issuerId)));
  if (outside.length > 0) {
    throw invalid('target_outside_issuer', 'Every chosen unit must lie below the issuing unit.', { field: 'target.unitIds', unitIds: outside });
  }
  return { kind: target.kind, depth: null, unitIds };
}
