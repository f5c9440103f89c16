import { sql } from 'kysely';
import type { ReadCtx } from '../context.ts';
import { authorize } from '../access/guard.ts';
import { getUnit } from '../org/get-unit.ts';
import { CONTAINS_MIN_LENGTH, searchable } from '../search/directory.queries.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../pagination.ts';

export interface MemberItem { id: string; name: string; cellId: string; cellName: string }

export interface ListMembersInput extends PageRequest {
  /** `direct`: members of this unit itself (only cells have any); `subtree`: of every cell below. */
  scope: 'direct' | 'subtree';
  /** Case-insensitive part of the name. */
  q?: string | undefined;
}

/** Members by name, a page at a time. */
export async function listMembers(ctx: ReadCtx, unitId: string, input: ListMembersInput): Promise<Page<MemberItem>> {
  const unit = await getUnit(ctx, unitId);
  authorize(unit.abilities.readMembers, true, 'unit', unitId, 'read_members');
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 2);
  let query = ctx.db
    .selectFrom('people as p')
    .innerJoin('units as c', 'c.id', 'p.cell_id')
    .select(['p.id', 'p.name', 'p.cell_id as cellId', 'c.name as cellName']);
  query = input.scope === 'direct'
    ? query.where('p.cell_id', '=', unitId)
    : query.where((eb) => eb.or([eb('c.id', '=', unitId), sql<boolean>`c.ancestor_ids @> array[${unitId}::uuid]`]));
  if (input.q) {
    // The directory search's match (lower-cased and escaped in SQL, as its keys are) …
    query = query.where(sql<boolean>`lower(p.name) like any(mainstay_search_patterns(${input.q}, 'contains', false))`);
    // … and over a subtree its index too: only the cells holding a match are read.
    // (An index on people cannot serve this: row-level security keeps the planner
    // off any index whose condition is not leakproof, as lower() and LIKE are not.)
    if (input.scope === 'subtree' && input.q.length >= CONTAINS_MIN_LENGTH && searchable(input.q)) {
      query = query.where(sql<boolean>`p.cell_id in (select mainstay_directory_search('members', ${input.q}, 'contains', null, ${unitId}::uuid, null, null))`);
    }
  }
  if (after) query = query.where(sql<boolean>`(p.name, p.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await query.orderBy('p.name').orderBy('p.id').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [r.name, r.id]);
}
