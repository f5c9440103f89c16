import type { ReadCtx } from '../context.ts';
import { notFound } from '../errors.ts';
import { loadUnitViews, type UnitView } from './unit-view.ts';

export async function getUnit(ctx: ReadCtx, id: string): Promise<UnitView> {
  const [view] = await loadUnitViews(ctx.db, [id]);
  if (!view) throw notFound('unit', id);
  return view;
}

export async function getRootUnit(ctx: ReadCtx): Promise<UnitView> {
  const root = await ctx.db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (!root) throw notFound('unit', 'root');
  return getUnit(ctx, root.id);
}
