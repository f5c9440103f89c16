import { newId } from '../../platform/ids.ts';
import { authorize } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
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
  const cell = (await lockPaths(ctx, [input.cellId])).get(input.cellId)!;
  const placed = { id: cell.id, ancestorIds: cell.ancestor_ids };
  authorize(unitPolicy.addMember(ctx.actor, placed), unitPolicy.read(ctx.actor, placed), 'unit', cell.id, 'add_member');
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
  await adjustCounts(ctx, [{ unitIds: pathOf(cell), delta: { members: 1 } }]);
  // Personal data stays out of the trail (it can never be edited, so never anonymised): ids only.
  await recordAudit(ctx, { action: 'person.create', targetType: 'person', targetId: id, unitId: cell.id });
  return { id, name: input.name, cellId: cell.id };
}
