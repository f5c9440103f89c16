import type { ReadCtx } from '../context.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../pagination.ts';
import { getUnit } from './get-unit.ts';
import { loadUnitViews, type UnitView } from './unit-view.ts';

/** The open subunits of a unit by name, with their counts; closed ones on request. */
export async function listChildren(
  ctx: ReadCtx,
  unitId: string,
  page: PageRequest & { includeClosed?: boolean | undefined },
): Promise<Page<UnitView>> {
  await getUnit(ctx, unitId);
  const limit = page.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(page.cursor, 2);
  let query = ctx.db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', unitId);
  if (!page.includeClosed) query = query.where('closed_at', 'is', null);
  if (after) query = query.where((eb) => eb.or([eb('name', '>', after[0]!), eb.and([eb('name', '=', after[0]!), eb('id', '>', after[1]!)])]));
  const rows = await query.orderBy('name').orderBy('id').limit(limit + 1).execute();
  const result = pageOf(rows, limit, (r) => [r.name, r.id]);
  return { items: await loadUnitViews(ctx, result.items.map((r) => r.id)), nextCursor: result.nextCursor };
}
