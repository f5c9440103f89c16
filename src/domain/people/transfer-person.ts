import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { adjustCounts, lockPaths, pathOf } from '../org/unit.queries.ts';
import { assertOpenCell } from './person.queries.ts';

/** Moves a member to another cell; the ended membership goes to their history. */
export async function transferPerson(ctx: Ctx, personId: string, input: { cellId: string }): Promise<void> {
  const person = await ctx.db.selectFrom('people').selectAll().where('id', '=', personId).forNoKeyUpdate().executeTakeFirst();
  if (!person) throw notFound('person', personId);
  if (person.cell_id === input.cellId) {
    throw conflict('already_in_cell', `${person.name} is already a member of this cell.`, { cellId: input.cellId });
  }
  const locked = await lockPaths(ctx.db, [person.cell_id, input.cellId]);
  const from = locked.get(person.cell_id)!;
  const to = locked.get(input.cellId)!;
  await assertOpenCell(ctx.db, to);
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('membership_history')
    .values({ person_id: personId, cell_id: from.id, started_at: person.cell_since, ended_at: now })
    .execute();
  await ctx.db.updateTable('people').set({ cell_id: to.id, cell_since: now }).where('id', '=', personId).execute();
  const fromPath = pathOf(from);
  const toPath = pathOf(to);
  await adjustCounts(ctx.db, [
    { unitIds: fromPath.filter((id) => !toPath.includes(id)), delta: { members: -1 } },
    { unitIds: toPath.filter((id) => !fromPath.includes(id)), delta: { members: 1 } },
  ]);
  await recordAudit(ctx, { action: 'person.transfer', targetType: 'person', targetId: personId, unitId: to.id, details: { fromCellId: from.id, toCellId: to.id } });
}
