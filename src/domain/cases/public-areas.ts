import { sql } from 'kysely';
import { withSystemScope, type Ctx } from '../context.ts';
import { placeByPlace, type Place } from './route-case.ts';

/** What the public form may know of a unit: enough to recognise one's area, nothing more. */
export interface PublicArea {
  id: string;
  name: string;
  levelKey: string;
  levelName: string;
  /** The names of its ancestors, top first: tells two units of one name apart. */
  ancestorNames: string[];
  /** Open units lie below it: the form can go down a step. */
  hasChildren: boolean;
}

interface AreaRow { id: string; name: string; depth: number; level_key: string; level_name: string; ancestor_names: string[]; has_children: boolean }

const present = (row: AreaRow): PublicArea => ({
  id: row.id, name: row.name, levelKey: row.level_key, levelName: row.level_name, ancestorNames: row.ancestor_names, hasChildren: row.has_children,
});

/**
 * The public form's area picker, for a resident whose address matched nothing: the open
 * units below `within` (the root's children when absent), or those whose name contains
 * `q` within it. Runs as the public: `mainstay_public_areas()` (migration 0021) returns
 * only these columns of open units, so no wider scope is needed.
 */
export async function searchPublicAreas(ctx: Ctx, input: { q?: string | undefined; within?: string | undefined; limit: number }): Promise<PublicArea[]> {
  const rows = await sql<AreaRow>`select * from mainstay_public_areas(${input.q ?? null}::text, ${input.within ?? null}::uuid, ${input.limit}::int)`.execute(ctx.db);
  return rows.rows.map(present);
}

/**
 * Where the place lies, as routing would find it (a service area holding the point, else
 * a locality the address names), or null: the form asks the resident to pick their area
 * when this is null. Routing reads every service area, so this step takes the system
 * scope; it returns only the public columns of the one unit found.
 */
export async function matchPublicPlace(ctx: Ctx, place: Place): Promise<{ area: PublicArea | null }> {
  return withSystemScope(ctx, async () => {
    const placed = await placeByPlace(ctx, place);
    if (!placed) return { area: null };
    const unit = await ctx.db.selectFrom('units').innerJoin('levels', 'levels.depth', 'units.depth')
      .select(['units.id', 'units.name', 'units.depth', 'levels.key as level_key', 'levels.name as level_name'])
      .where('units.id', '=', placed.unit.id).executeTakeFirstOrThrow();
    const ancestors = placed.unit.ancestor_ids.length === 0 ? [] : await ctx.db.selectFrom('units').select('name')
      .where('id', 'in', placed.unit.ancestor_ids).orderBy('depth').execute();
    const child = await ctx.db.selectFrom('units').select('id').where('parent_id', '=', unit.id).where('closed_at', 'is', null).limit(1).executeTakeFirst();
    return { area: present({ ...unit, ancestor_names: ancestors.map((a) => a.name), has_children: child !== undefined }) };
  });
}
