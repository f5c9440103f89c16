import { sql } from 'kysely';
import type { Ctx } from '../context.ts';

/**
 * The search directory of migration 0003, as the domain sees it: only through
 * mainstay_directory_search(), which applies the actor's scope itself (the tables
 * are outside row-level security, which would keep the planner off their indexes).
 *
 * Tiers, best first: the whole name, the start of a word, anywhere in the name.
 */
export type Tier = 'exact' | 'start' | 'contains';

export interface DirectoryQuery {
  q: string;
  tier: Tier;
  /** Units only: one level. */
  depth?: number | undefined;
  /** Within this unit's subtree (the unit included). */
  within?: string | undefined;
  /** Ids to leave out (units found by a better tier). */
  skip?: string[] | undefined;
  /** Absent: every match. */
  limit?: number | undefined;
}

/** A substring search needs three characters to use the trigram index; shorter ones match word starts. */
export const CONTAINS_MIN_LENGTH = 3;

/** Whether the directory can serve q by index: pg_trgm extracts trigrams from letters and digits only. */
export const searchable = (q: string) => /[\p{L}\p{N}]/u.test(q);

/** Open units whose name matches, within the actor's scope. */
export const findUnitIds = (ctx: Ctx, query: DirectoryQuery) => directorySearch(ctx, 'units', query);

/** Cells holding a member whose name matches, within the actor's scope. */
export const findMemberCellIds = (ctx: Ctx, query: DirectoryQuery) => directorySearch(ctx, 'members', query);

async function directorySearch(ctx: Ctx, kind: 'units' | 'members', query: DirectoryQuery): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select id from mainstay_directory_search(${kind}, ${query.q}, ${query.tier}, ${query.depth ?? null}::int,
      ${query.within ?? null}::uuid, ${query.limit ?? null}::int, ${query.skip ?? []}::uuid[]) as id`.execute(ctx.db);
  return rows.rows.map((r) => r.id);
}
