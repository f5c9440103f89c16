import type { ReadCtx } from '../context.ts';
import { AccessDenied, notFound } from '../errors.ts';
import { loadUnitViews, type UnitView } from './unit-view.ts';

export async function getUnit(ctx: ReadCtx, id: string): Promise<UnitView> {
  const [view] = await loadUnitViews(ctx, [id]);
  // Row-level security already hides units out of scope; the policy says so too.
  if (!view || !view.abilities.read) throw new AccessDenied('unit', id, 'read_unit');
  return view;
}

/** The root, or for an actor below it, the top of their own part of the tree. */
export async function getRootUnit(ctx: ReadCtx): Promise<UnitView> {
  const { actor } = ctx;
  if (!actor.isAdmin) {
    const top = actor.officialUnitIds.length > 0 ? await topOfScope(ctx) : actor.cellId;
    if (!top) throw notFound('unit', 'root');
    return getUnit(ctx, top);
  }
  const root = await ctx.db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst();
  if (!root) throw notFound('unit', 'root');
  return getUnit(ctx, root.id);
}

/** The highest of the actor's official units (the shallowest; ties by name). */
async function topOfScope(ctx: ReadCtx): Promise<string | undefined> {
  const row = await ctx.db.selectFrom('units').select('id').where('id', 'in', ctx.actor.officialUnitIds)
    .orderBy('depth').orderBy('name').limit(1).executeTakeFirst();
  return row?.id;
}
