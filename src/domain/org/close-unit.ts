import { authorize } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { loadLevels } from './levels.ts';
import { adjustCounts, lockPaths } from './unit.queries.ts';

/**
 * Closes a unit: it stays, with its history, but leaves the counts and the lists.
 * Only an empty unit closes — members and subunits are moved first, so nobody is
 * left in a unit that no longer acts. Current officials' terms end with it.
 */
export async function closeUnit(ctx: Ctx, unitId: string): Promise<void> {
  const locked = await lockPaths(ctx, [unitId]);
  const unit = locked.get(unitId)!;
  const placed = { id: unit.id, ancestorIds: unit.ancestor_ids };
  authorize(unitPolicy.close(ctx.actor, placed), unitPolicy.read(ctx.actor, placed), 'unit', unitId, 'close_unit');
  if (unit.closed_at) throw conflict('unit_closed', `The unit "${unit.name}" is already closed.`, { unitId });
  if (unit.parent_id === null) throw invalid('close_root', 'The root unit cannot be closed.');
  const isCell = unit.depth === (await loadLevels(ctx.db)).cellDepth;
  if (unit.sub_units > 0 || unit.sub_members > 0) {
    throw conflict('unit_not_empty', `"${unit.name}" still has ${unit.sub_units} open subunits and ${unit.sub_members} members; move or close them first.`, {
      units: unit.sub_units,
      members: unit.sub_members,
    });
  }
  const now = ctx.clock.now();
  await ctx.db.updateTable('units').set({ closed_at: now, sub_cells: 0 }).where('id', '=', unitId).execute();
  const ended = await ctx.db
    .updateTable('official_terms')
    .set({ ended_at: now })
    .where('unit_id', '=', unitId)
    .where('ended_at', 'is', null)
    .returning('person_id')
    .execute();
  await adjustCounts(ctx, [{ unitIds: unit.ancestor_ids, delta: { units: -1, cells: isCell ? -1 : 0 } }]);
  await recordAudit(ctx, {
    action: 'unit.close',
    targetType: 'unit',
    targetId: unitId,
    unitId,
    details: { endedTerms: ended.map((t) => t.person_id) },
  });
}
