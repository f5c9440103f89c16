import { sql } from 'kysely';
import { withSystemScope, type Ctx } from '../context.ts';
import { invalid } from '../errors.ts';
import { containsPoint, type Area } from './geo.ts';

export interface RoutingInput {
  lat?: number | undefined;
  long?: number | undefined;
  address?: string | undefined;
  /** The area a resident picked on the public form because the place matched none (an open unit, else 422). */
  pickedUnitId?: string | undefined;
  /** A member filing their own request: their cell. */
  memberCellId?: string | undefined;
  /** Where the case came in (a form's or an API key's unit): the triage queue if nothing else places it. */
  receivedByUnitId: string;
  handlingDepth: number;
}

export interface Routing {
  owningUnitId: string;
  ownerPath: string[];
  triage: boolean;
  /** Why this unit, in words, for the case's timeline. */
  reason: string;
  placedUnitId: string | null;
}

export interface UnitRow { id: string; depth: number; ancestor_ids: string[]; name: string }

/**
 * Chooses the owning unit: the smallest unit whose service area covers the point, or
 * whose locality the address names, or the area the resident picked when neither matched,
 * or the member's cell — then up to the category's handling level. A case that cannot be placed goes to the triage queue of the unit
 * that received it. Reads the whole tree (routing is not the filer's scope).
 */
export async function routeCase(ctx: Ctx, input: RoutingInput): Promise<Routing> {
  return withSystemScope(ctx, async () => {
    // A picked area must be a real, open unit whatever else matches: a bad id is refused, never ignored.
    const picked = input.pickedUnitId ? await openUnitRow(ctx, input.pickedUnitId) : undefined;
    if (input.pickedUnitId && !picked) {
      throw invalid('unknown_area', 'The area you picked is not an open unit; pick your area again.', { field: 'areaUnitId', id: input.pickedUnitId });
    }
    let placed = await placeByPlace(ctx, input);
    if (!placed && picked) {
      // The resident's own word, asked for because the place matched nothing. A pick above
      // the category's handling level cannot say which unit below handles it: it waits in
      // the picked unit's triage queue (never the root's) for someone to pass it down.
      if (picked.depth < input.handlingDepth) {
        return {
          owningUnitId: picked.id, ownerPath: [...picked.ancestor_ids, picked.id], triage: true, placedUnitId: picked.id,
          reason: `the place could not be matched; the requester picked ${picked.name} as their area, which is above the level that handles the category, so the case waits in its triage queue`,
        };
      }
      placed = { unit: picked, reason: `the place could not be matched; the requester picked ${picked.name} as their area` };
    }
    if (!placed && input.memberCellId) {
      const cell = await unitRow(ctx, input.memberCellId);
      if (cell) placed = { unit: cell, reason: `a member's own request goes to their cell, ${cell.name}` };
    }
    if (!placed) {
      const received = (await unitRow(ctx, input.receivedByUnitId))!;
      return {
        owningUnitId: received.id, ownerPath: [...received.ancestor_ids, received.id], triage: true, placedUnitId: null,
        reason: `the place could not be matched to a unit, so the case waits in the triage queue of ${received.name}`,
      };
    }
    const owner = await handlingUnit(ctx, placed.unit, input.handlingDepth);
    const reason = owner.id === placed.unit.id ? placed.reason : `${placed.reason}; the category is handled at ${owner.name}`;
    return { owningUnitId: owner.id, ownerPath: [...owner.ancestor_ids, owner.id], triage: false, reason, placedUnitId: placed.unit.id };
  });
}

export interface Place { lat?: number | undefined; long?: number | undefined; address?: string | undefined }

/**
 * The smallest open unit whose service area holds the point, else whose locality the
 * address names; undefined when neither matches. Reads every service area: call it
 * under the system scope (routing and the public form's check are not the caller's scope).
 */
export async function placeByPlace(ctx: Ctx, input: Place): Promise<{ unit: UnitRow; reason: string } | undefined> {
  if (input.lat !== undefined && input.long !== undefined) {
    // The point as a degenerate box: GiST's box_ops has `box @> box` but not `box @> point`,
    // which scanned every service area (115 ms with 505,000 of them; 0.7 ms through the index).
    const candidates = await sql<UnitRow & { area: Area }>`
      select u.id, u.depth, u.ancestor_ids, u.name, s.area
        from unit_service_areas s join units u on u.id = s.unit_id
       where s.bbox @> box(point(${input.long}, ${input.lat}), point(${input.long}, ${input.lat})) and u.closed_at is null
       order by u.depth desc, u.id`.execute(ctx.db);
    const hit = candidates.rows.find((c) => containsPoint(c.area, input.long!, input.lat!));
    if (hit) return { unit: hit, reason: `the place lies in the service area of ${hit.name}` };
  }
  if (input.address) {
    const phrases = addressPhrases(input.address);
    const hit = (await sql<UnitRow & { locality: string }>`
      select u.id, u.depth, u.ancestor_ids, u.name, l as locality
        from unit_service_areas s join units u on u.id = s.unit_id, unnest(s.localities) l
       where s.localities && ${phrases}::text[] and l = any(${phrases}::text[]) and u.closed_at is null
       order by u.depth desc, length(l) desc, u.id limit 1`.execute(ctx.db)).rows[0];
    if (hit) return { unit: hit, reason: `the address names ${hit.locality}, a locality of ${hit.name}` };
  }
  return undefined;
}

const unitRow = (ctx: Ctx, id: string) =>
  ctx.db.selectFrom('units').select(['id', 'depth', 'ancestor_ids', 'name']).where('id', '=', id).executeTakeFirst();
const openUnitRow = (ctx: Ctx, id: string) =>
  ctx.db.selectFrom('units').select(['id', 'depth', 'ancestor_ids', 'name']).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();

/** The unit itself when it is at or above the handling level; else its deepest ancestor at or above it. */
async function handlingUnit(ctx: Ctx, unit: UnitRow, depth: number): Promise<UnitRow> {
  if (unit.depth <= depth || unit.ancestor_ids.length === 0) return unit;
  const ancestors = await ctx.db.selectFrom('units').select(['id', 'depth', 'ancestor_ids', 'name'])
    .where('id', 'in', unit.ancestor_ids).where('depth', '<=', depth).orderBy('depth', 'desc').limit(1).execute();
  return ancestors[0] ?? unit;
}

/** Longest locality name, in words, that an address can name. */
const MAX_LOCALITY_WORDS = 6;

/**
 * Every run of up to six whole words of an address, lower-cased as localities are stored,
 * with what lies between the words kept ("St. John", "Old Mill"): a locality matches
 * when it equals one of them, which an index on the localities can answer.
 */
export function addressPhrases(address: string): string[] {
  const text = address.toLowerCase();
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const phrases = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < Math.min(words.length, i + MAX_LOCALITY_WORDS); j++) phrases.add(text.slice(words[i]!.start, words[j]!.end));
  }
  return [...phrases];
}
