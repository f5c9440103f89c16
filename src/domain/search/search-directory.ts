import { sql } from 'kysely';
import type { ReadCtx } from '../context.ts';
import { invalid } from '../errors.ts';
import { getUnit } from '../org/get-unit.ts';
import { loadLevels } from '../org/levels.ts';
import { unitNames } from '../org/unit-view.ts';
import { CONTAINS_MIN_LENGTH, findMemberCellIds, findUnitIds, searchable, type Tier } from './directory.queries.ts';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_LIMIT = 50;

export interface SearchInput {
  /** Part of a name, case-insensitive: at least two characters, a letter or digit among them. */
  q: string;
  kind?: 'unit' | 'person' | 'all' | undefined;
  /** Units of this level only (a level key). */
  level?: string | undefined;
  /** Within this unit's subtree, the unit included. */
  within?: string | undefined;
  /** Of each kind (default 10, at most 50). */
  limit?: number | undefined;
}

export interface UnitHit {
  id: string; name: string; level: string; isCell: boolean;
  /** Names of the ancestors below the root, top first: "Region A › District B". */
  path: string;
}

export interface PersonHit { id: string; name: string; cellId: string; cellName: string; cellPath: string }

export interface SearchResult { units: UnitHit[]; people: PersonHit[] }

const PATH_SEPARATOR = ' › ';

/**
 * Units and people whose name contains q, anywhere in what the actor may read:
 * administrators everything, officials their units' subtrees, members their own
 * cell (and its people). Best first: whole-name matches, then word starts, then the
 * rest; a query of two characters matches word starts only (substrings need three
 * to use the index). Open units only.
 */
export async function searchDirectory(ctx: ReadCtx, input: SearchInput): Promise<SearchResult> {
  const q = input.q.trim();
  if (q.length < SEARCH_MIN_LENGTH || !searchable(q)) {
    throw invalid('query_too_short', `Search for at least ${SEARCH_MIN_LENGTH} characters, with a letter or digit among them.`, { q });
  }
  const limit = Math.min(Math.max(input.limit ?? SEARCH_DEFAULT_LIMIT, 1), SEARCH_MAX_LIMIT);
  const kind = input.kind ?? 'all';
  const levels = await loadLevels(ctx.db);
  const depth = input.level === undefined ? undefined : levels.byKey(input.level).depth;
  if (input.within) await getUnit(ctx, input.within); // out of scope reads as missing, like every read
  const where = { q, within: input.within, limit };
  return {
    units: kind === 'person' ? [] : await searchUnits(ctx, { ...where, depth }),
    people: kind === 'unit' ? [] : await searchPeople(ctx, where),
  };
}

interface Where { q: string; within: string | undefined; limit: number }

const tiersFor = (q: string): Tier[] => (q.length >= CONTAINS_MIN_LENGTH ? ['exact', 'start', 'contains'] : ['exact', 'start']);

/** Tier by tier, each one's matches leaving out the better ones', until the limit is met. */
async function searchUnits(ctx: ReadCtx, where: Where & { depth: number | undefined }): Promise<UnitHit[]> {
  const tierOf = new Map<string, number>();
  for (const [rank, tier] of tiersFor(where.q).entries()) {
    const ids = await findUnitIds(ctx, { ...where, tier, skip: [...tierOf.keys()], limit: where.limit - tierOf.size });
    for (const id of ids) tierOf.set(id, rank);
    if (tierOf.size >= where.limit) break;
  }
  if (tierOf.size === 0) return [];
  // Read through row-level security like any other read: the directory only chose the ids.
  const rows = await sql<{ id: string; name: string; level: string; is_cell: boolean; ancestor_ids: string[] }>`
    select u.id, u.name, l.key as level, u.depth = (select max(depth) from levels) as is_cell, u.ancestor_ids
      from units u join levels l on l.depth = u.depth
     where u.id = any(${[...tierOf.keys()]}::uuid[])`.execute(ctx.db);
  const names = await pathNames(ctx, rows.rows.map((r) => r.ancestor_ids));
  return rows.rows
    .sort((a, b) => tierOf.get(a.id)! - tierOf.get(b.id)! || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((r) => ({ id: r.id, name: r.name, level: r.level, isCell: r.is_cell, path: pathOf(r.ancestor_ids, names) }));
}

/**
 * One directory scan finds the cells holding a match (a few more than the limit, so
 * that the best can be picked among them), then their matching members are read and
 * ranked. One scan, not one per tier: with common names each scan of the member
 * index costs tens of milliseconds at national scale.
 */
async function searchPeople(ctx: ReadCtx, where: Where): Promise<PersonHit[]> {
  const tier: Tier = where.q.length >= CONTAINS_MIN_LENGTH ? 'contains' : 'start';
  const cells = await findMemberCellIds(ctx, { q: where.q, tier, within: where.within, limit: Math.min(where.limit * 3, 100) });
  if (cells.length === 0) return [];
  // Only columns of the (cell_id, name, id) index: an index-only scan, where reading
  // the people rows themselves (each on a page of its own) cost 50 ms cold at national scale.
  const rows = await sql<{ id: string; name: string; cell_id: string; cell_name: string; ancestor_ids: string[] }>`
    select h.id, h.name, h.cell_id, c.name as cell_name, c.ancestor_ids
      from (select p.id, p.name, p.cell_id,
                   lower(p.name) like any(mainstay_search_patterns(${where.q}, 'exact', false)) as exact,
                   lower(p.name) like any(mainstay_search_patterns(${where.q}, 'start', false)) as start
              from people p
             where p.cell_id = any(${cells}::uuid[])
               and lower(p.name) like any(mainstay_search_patterns(${where.q}, ${tier}, false))
             order by exact desc, start desc, p.name, p.id
             limit ${where.limit}) h
      join units c on c.id = h.cell_id
     order by h.exact desc, h.start desc, h.name, h.id`.execute(ctx.db);
  const names = await pathNames(ctx, rows.rows.map((r) => r.ancestor_ids));
  return rows.rows.map((r) => ({
    id: r.id, name: r.name, cellId: r.cell_id, cellName: r.cell_name, cellPath: pathOf(r.ancestor_ids, names),
  }));
}

/** Ancestors' names for breadcrumbs (above the actor's scope too: names only). The root is left out. */
async function pathNames(ctx: ReadCtx, paths: string[][]) {
  return unitNames(ctx, [...new Set(paths.flatMap((ids) => ids.slice(1)))]);
}

const pathOf = (ancestorIds: string[], names: Map<string, { name: string }>) =>
  ancestorIds.slice(1).map((id) => names.get(id)?.name ?? '').join(PATH_SEPARATOR);
