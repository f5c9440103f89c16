import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';

export interface Level { depth: number; key: string; name: string }

export interface Levels {
  all: Level[];
  byKey(key: string): Level;
  byDepth(depth: number): Level;
  /** Cells are the deepest configured level: they hold members and no subunits. */
  cellDepth: number;
}

export async function loadLevels(db: Kysely<DB>): Promise<Levels> {
  const all = await db.selectFrom('levels').selectAll().orderBy('depth').execute();
  const cellDepth = all.at(-1)?.depth ?? 0;
  return {
    all,
    cellDepth,
    byKey(key) {
      const level = all.find((l) => l.key === key);
      if (!level) throw invalid('unknown_level', `There is no level "${key}".`, { level: key, known: all.map((l) => l.key) });
      return level;
    },
    byDepth(depth) {
      const level = all.find((l) => l.depth === depth);
      if (!level) throw new Error(`level depth ${depth} is not configured`);
      return level;
    },
  };
}

/**
 * Replaces the configured levels (top first). Only while the organization is empty:
 * re-levelling a live tree would reinterpret every unit.
 */
export async function configureLevels(ctx: Ctx, levels: Array<{ key: string; name: string }>): Promise<void> {
  const { db } = ctx;
  if (levels.length < 2) throw invalid('too_few_levels', 'At least two levels are needed: a top and cells.');
  const keys = new Set(levels.map((l) => l.key));
  if (keys.size !== levels.length) throw invalid('duplicate_level', 'Level keys must be distinct.');
  for (const l of levels) {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(l.key)) throw invalid('bad_level_key', `Level key "${l.key}" must be lower-case letters, digits or dashes.`);
  }
  const anyUnit = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (anyUnit) throw conflict('organization_not_empty', 'Levels can only be configured before the first unit exists.');
  await db.deleteFrom('levels').execute();
  await db.insertInto('levels').values(levels.map((l, depth) => ({ depth, key: l.key, name: l.name }))).execute();
  await recordAudit(ctx, { action: 'levels.configure', targetType: 'organization', details: { levels: levels.map((l) => l.key) } });
}
