import type { Transaction } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { conflict, invalid } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';

/** A cell that can take a member now: open and of the cell level. */
export async function assertOpenCell(db: Transaction<DB>, unit: Unit): Promise<void> {
  const levels = await loadLevels(db);
  if (unit.depth !== levels.cellDepth) {
    throw invalid('not_a_cell', `"${unit.name}" is a ${levels.byDepth(unit.depth).key}; members belong to cells.`, { unitId: unit.id });
  }
  if (unit.closed_at) throw conflict('unit_closed', `The cell "${unit.name}" is closed.`, { unitId: unit.id });
}

