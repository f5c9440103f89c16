import { newId } from '../../platform/ids.ts';
import { authorize } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { loadLevels } from './levels.ts';
import { adjustCounts, lockPaths, pathOf } from './unit.queries.ts';

export interface CreateUnitInput { parentId: string | null; name: string; level: string; code?: string | undefined }

/** Creates a unit under an open parent of a shallower level (or the root, once). */
export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<{ id: string }> {
  const levels = await loadLevels(ctx.db);
  const level = levels.byKey(input.level);
  const isCell = level.depth === levels.cellDepth;
  const id = newId();
  let ancestorIds: string[] = [];

  if (input.parentId === null) {
    authorize(ctx.actor.isAdmin, false, 'unit', 'root', 'create_root');
    if (level.depth !== levels.all[0]!.depth) {
      throw invalid('root_level', `The root unit must be of the top level "${levels.all[0]!.key}".`);
    }
    const root = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst());
    if (root) throw conflict('root_exists', 'The organization already has a root unit; give a parentId.', { rootId: root.id });
  } else {
    const locked = await lockPaths(ctx, [input.parentId]);
    const parent = locked.get(input.parentId)!;
    const placed = { id: parent.id, ancestorIds: parent.ancestor_ids };
    authorize(unitPolicy.createChild(ctx.actor, placed), unitPolicy.read(ctx.actor, placed), 'unit', parent.id, 'create_unit');
    if (parent.closed_at) throw conflict('unit_closed', `The unit "${parent.name}" is closed.`, { unitId: parent.id });
    if (level.depth <= parent.depth) {
      throw invalid('level_not_below_parent', `A ${level.key} cannot be placed under a ${levels.byDepth(parent.depth).key}.`, {
        level: level.key,
        parentLevel: levels.byDepth(parent.depth).key,
      });
    }
    ancestorIds = pathOf(parent);
  }

  if (input.code !== undefined) {
    // Codes are unique across the whole tree, not only the actor's part of it.
    const taken = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('id').where('code', '=', input.code!).executeTakeFirst());
    if (taken) throw conflict('code_taken', `Another unit already has the code "${input.code}".`, { code: input.code });
  }
  await ctx.db
    .insertInto('units')
    .values({
      id,
      code: input.code ?? null,
      name: input.name,
      depth: level.depth,
      parent_id: input.parentId,
      ancestor_ids: ancestorIds,
      sub_cells: isCell ? 1 : 0,
      created_at: ctx.clock.now(),
    })
    .execute();
  await adjustCounts(ctx, [{ unitIds: ancestorIds, delta: { units: 1, cells: isCell ? 1 : 0 } }]);
  await recordAudit(ctx, {
    action: 'unit.create',
    targetType: 'unit',
    targetId: id,
    unitId: id,
    details: { name: input.name, level: level.key, parentId: input.parentId },
  });
  return { id };
}
