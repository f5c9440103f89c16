import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { authorizeOperator } from '../access/guard.ts';
import { loadLevels } from '../org/levels.ts';
import type { Deadlines, Urgency } from '../../db/schema-cases.ts';

export const URGENCIES: readonly Urgency[] = ['low', 'normal', 'urgent', 'life_threatening'];

export interface CategoryInput {
  code: string;
  name: string;
  names?: Record<string, string> | undefined;
  handlingLevel: string;
  public: boolean;
  deadlines: Deadlines;
}

export interface CategoryView {
  id: string; code: string; name: string; names: Record<string, string>; handlingLevel: string; public: boolean; deadlines: Deadlines;
}

/** Administrators configure what people may bring and how fast each kind must be handled. */
export async function createCategory(ctx: Ctx, input: CategoryInput): Promise<CategoryView> {
  authorizeOperator(ctx, 'configure_categories');
  const level = (await loadLevels(ctx.db)).byKey(input.handlingLevel);
  for (const urgency of URGENCIES) {
    const d = input.deadlines[urgency];
    if (d.acknowledgeHours > d.resolveHours) {
      throw invalid('deadlines_order', `For ${urgency}, acknowledging cannot take longer than resolving.`, { urgency });
    }
  }
  const taken = await ctx.db.selectFrom('case_categories').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw conflict('category_code_taken', `A category with the code "${input.code}" exists.`, { code: input.code });
  const id = newId();
  await ctx.db.insertInto('case_categories').values({
    id, code: input.code, name: input.name, names: JSON.stringify(input.names ?? {}), handling_depth: level.depth,
    public: input.public, deadlines: JSON.stringify(input.deadlines), created_at: ctx.clock.now(),
  }).execute();
  await recordAudit(ctx, { action: 'category.create', targetType: 'category', targetId: id, details: { code: input.code, handlingLevel: level.key, public: input.public } });
  return { id, code: input.code, name: input.name, names: input.names ?? {}, handlingLevel: level.key, public: input.public, deadlines: input.deadlines };
}

/** Every category in use (the public form asks for the public ones only). */
export async function listCategories(ctx: Ctx, options: { publicOnly?: boolean } = {}): Promise<CategoryView[]> {
  const levels = await loadLevels(ctx.db);
  let query = ctx.db.selectFrom('case_categories').selectAll().where('retired_at', 'is', null);
  if (options.publicOnly) query = query.where('public', '=', true);
  const rows = await query.orderBy('code').execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, names: r.names, handlingLevel: levels.byDepth(r.handling_depth).key, public: r.public, deadlines: r.deadlines,
  }));
}

export async function categoryByCode(ctx: Ctx, code: string) {
  const row = await ctx.db.selectFrom('case_categories').selectAll().where('code', '=', code).where('retired_at', 'is', null).executeTakeFirst();
  if (!row) throw invalid('unknown_category', `There is no category "${code}".`, { field: 'categoryCode', code });
  return row;
}
