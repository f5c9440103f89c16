import { authorize, placePerson } from '../access/guard.ts';
import { inScope, personPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { AccessDenied, conflict, notFound } from '../errors.ts';
import { adjustCounts, lockPaths, pathOf } from '../org/unit.queries.ts';
import { assertOpenCell } from './person.queries.ts';

/** Moves a member to another cell; the ended membership goes to their history. */
export async function transferPerson(ctx: Ctx, personId: string, input: { cellId: string }): Promise<void> {
  const placed = await placePerson(ctx, personId);
  if (!placed || !personPolicy.read(ctx.actor, placed)) throw new AccessDenied('person', personId, 'transfer');
  // The person's side first: whoever may not move this person at all learns nothing
  // about the target cell (a 403 for a real one and a 404 for none was an oracle).
  authorize(inScope(ctx.actor, placed.cell), true, 'person', personId, 'transfer');
  const person = await ctx.db.selectFrom('people').selectAll().where('id', '=', personId).forNoKeyUpdate().executeTakeFirst();
  if (!person) throw notFound('person', personId);
  if (person.cell_id === input.cellId) {
    throw conflict('already_in_cell', `${person.name} is already a member of this cell.`, { cellId: input.cellId });
  }
  const locked = await lockPaths(ctx, [person.cell_id, input.cellId]);
  const from = locked.get(person.cell_id)!;
  const to = locked.get(input.cellId)!;
  const target = { id: to.id, ancestorIds: to.ancestor_ids };
  const current = { id: personId, cell: { id: from.id, ancestorIds: from.ancestor_ids } };
  // Both ends must be in the actor's scope: the person's current cell, and the target.
  authorize(inScope(ctx.actor, current.cell), personPolicy.read(ctx.actor, current), 'person', personId, 'transfer');
  // A target outside the scope reads as a missing one, as lockPaths answers for none.
  authorize(personPolicy.transfer(ctx.actor, current, target), false, 'unit', to.id, 'transfer');
  await assertOpenCell(ctx.db, to);
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('membership_history')
    .values({ person_id: personId, cell_id: from.id, started_at: person.cell_since, ended_at: now })
    .execute();
  await ctx.db.updateTable('people').set({ cell_id: to.id, cell_since: now }).where('id', '=', personId).execute();
  const fromPath = pathOf(from);
  const toPath = pathOf(to);
  await adjustCounts(ctx, [
    { unitIds: fromPath.filter((id) => !toPath.includes(id)), delta: { members: -1 } },
    { unitIds: toPath.filter((id) => !fromPath.includes(id)), delta: { members: 1 } },
  ]);
  await recordAudit(ctx, { action: 'person.transfer', targetType: 'person', targetId: personId, unitId: to.id, before: { cellId: from.id }, after: { cellId: to.id } });
}
