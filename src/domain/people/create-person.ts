import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { adjustCounts, lockPaths, pathOf } from '../org/unit.queries.ts';
import { assertOpenCell } from './person.queries.ts';

export interface ContactDetails {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  birthYear?: number | null | undefined;
}

export interface CreatePersonInput extends ContactDetails { name: string; cellId: string }

/** Registers a person as a member of one cell. */
export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<{ id: string; name: string; cellId: string }> {
  const cell = (await lockPaths(ctx.db, [input.cellId])).get(input.cellId)!;
  await assertOpenCell(ctx.db, cell);
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('people')
    .values({
      id,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      birth_year: input.birthYear ?? null,
      cell_id: cell.id,
      cell_since: now,
      created_at: now,
    })
    .execute();
  await adjustCounts(ctx.db, [{ unitIds: pathOf(cell), delta: { members: 1 } }]);
  // Personal data stays out of the trail: the name is enough to read it back.
  await recordAudit(ctx, { action: 'person.create', targetType: 'person', targetId: id, unitId: cell.id, details: { name: input.name } });
  return { id, name: input.name, cellId: cell.id };
}
