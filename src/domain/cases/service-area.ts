import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { areaProblem, boundingBox, type Area } from './geo.ts';

export interface ServiceAreaInput { polygon: Area | null; localities: string[] }

/**
 * Where a unit serves, for routing: a polygon and named localities. Like renaming, it
 * belongs to the level above (or an administrator).
 */
export async function setServiceArea(ctx: Ctx, unitId: string, input: ServiceAreaInput) {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.rename(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'set_service_area');
  let bbox: string | null = null;
  if (input.polygon) {
    const problem = areaProblem(input.polygon);
    if (problem) throw invalid('bad_polygon', `The polygon is not usable: ${problem}.`, { field: 'polygon' });
    const b = boundingBox(input.polygon);
    bbox = `((${b.minLong},${b.minLat}),(${b.maxLong},${b.maxLat}))`;
  }
  const localities = [...new Set(input.localities.map((l) => l.trim().toLowerCase()).filter(Boolean))];
  const values = { area: input.polygon ? JSON.stringify(input.polygon) : null, bbox, localities, updated_at: ctx.clock.now() };
  await ctx.db.insertInto('unit_service_areas').values({ unit_id: unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(values)).execute();
  await recordAudit(ctx, {
    action: 'unit.service_area', targetType: 'unit', targetId: unitId, unitId,
    details: { polygon: input.polygon ? input.polygon.type : null, localities },
  });
  return { unitId, polygon: input.polygon, localities };
}

/**
 * A unit's service area as set (an empty one when never set), for whoever may read the
 * unit, with whether the reader may change it (the level above, as for a rename).
 */
export async function getServiceArea(ctx: Ctx, unitId: string) {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.read(ctx.actor, unit), false, 'unit', unitId, 'read_service_area');
  const row = await ctx.db.selectFrom('unit_service_areas').select(['area', 'localities', 'updated_at']).where('unit_id', '=', unitId).executeTakeFirst();
  return {
    unitId,
    polygon: (row?.area ?? null) as Area | null,
    localities: row?.localities ?? [],
    updatedAt: row ? row.updated_at.toISOString() : null,
    abilities: { edit: unitPolicy.rename(ctx.actor, unit) },
  };
}
