import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { loadLevels } from './levels.ts';
import { adjustCounts, lockPaths, pathOf } from './unit.queries.ts';

export interface MoveResult { moved: number }

/**
 * Moves a unit and its whole subtree under another parent. Counters move with it:
 * the subtree's totals leave the old ancestors and join the new ones; ancestors the
 * two paths share are untouched.
 */
export async function moveUnit(ctx: Ctx, unitId: string, input: { parentId: string }): Promise<MoveResult> {
  if (input.parentId === unitId) throw invalid('move_under_itself', 'A unit cannot be moved under itself.');
  const locked = await lockPaths(ctx, [unitId, input.parentId]);
  const unit = locked.get(unitId)!;
  const parent = locked.get(input.parentId)!;
  const placedUnit = { id: unit.id, ancestorIds: unit.ancestor_ids };
  const placedParent = { id: parent.id, ancestorIds: parent.ancestor_ids };
  authorize(unitPolicy.rename(ctx.actor, placedUnit) || ctx.actor.isAdmin, unitPolicy.read(ctx.actor, placedUnit), 'unit', unitId, 'move_unit');
  authorize(unitPolicy.move(ctx.actor, placedUnit, placedParent), unitPolicy.read(ctx.actor, placedParent), 'unit', parent.id, 'move_unit');
  if (unit.parent_id === null) throw invalid('move_root', 'The root unit cannot be moved.');
  if (parent.ancestor_ids.includes(unitId)) {
    throw invalid('move_under_descendant', `"${parent.name}" is inside the subtree of "${unit.name}"; a unit cannot be moved under its own descendant.`, {
      unitId,
      parentId: parent.id,
    });
  }
  if (unit.closed_at) throw conflict('unit_closed', `The unit "${unit.name}" is closed.`, { unitId });
  if (parent.closed_at) throw conflict('unit_closed', `The unit "${parent.name}" is closed.`, { unitId: parent.id });
  const levels = await loadLevels(ctx.db);
  if (parent.depth >= unit.depth) {
    throw invalid('level_not_below_parent', `A ${levels.byDepth(unit.depth).key} cannot be placed under a ${levels.byDepth(parent.depth).key}.`);
  }
  if (unit.parent_id === parent.id) return { moved: 0 };

  const oldPath = unit.ancestor_ids;
  const newPath = pathOf(parent);
  const result = await sql`
    update units
       set ancestor_ids = ${newPath}::uuid[] || ancestor_ids[${oldPath.length + 1}:],
           parent_id = case when id = ${unitId}::uuid then ${parent.id}::uuid else parent_id end
     where id = ${unitId}::uuid or ancestor_ids @> array[${unitId}::uuid]`.execute(ctx.db);
  const moved = Number(result.numAffectedRows ?? 0n);
  // Cases owned in the subtree follow it: who acts on them (and whose dashboards count
  // them) is the new chain; the old ancestors stay among those involved.
  await withSystemScope(ctx, () => sql`
    update cases
       set owner_path = ${newPath}::uuid[] || owner_path[${oldPath.length + 1}:],
           involved_path = involved_path || ${newPath.filter((id) => !oldPath.includes(id))}::uuid[]
     where owner_path @> array[${unitId}::uuid]`.execute(ctx.db));
  // Assignments follow their units (and the directive rollups with them); a unit moved
  // into the target of a directive in force receives it (migration 0011).
  await sql`select mainstay_directives_reach(array(select id from units where id = ${unitId}::uuid or ancestor_ids @> array[${unitId}::uuid]))`.execute(ctx.db);

  const carried = { units: unit.sub_units + 1, cells: unit.sub_cells, members: unit.sub_members };
  const negate = { units: -carried.units, cells: -carried.cells, members: -carried.members };
  await adjustCounts(ctx, [
    { unitIds: oldPath.filter((id) => !newPath.includes(id)), delta: negate },
    { unitIds: newPath.filter((id) => !oldPath.includes(id)), delta: carried },
  ]);
  await recordAudit(ctx, {
    action: 'unit.move',
    targetType: 'unit',
    targetId: unitId,
    unitId,
    before: { parentId: unit.parent_id }, after: { parentId: parent.id }, details: { subtreeUnits: moved },
  });
  return { moved };
}
