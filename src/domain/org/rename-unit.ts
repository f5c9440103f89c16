import { authorize, placeUnit } from '../access/guard.ts';
import { unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, notFound } from '../errors.ts';

export async function renameUnit(ctx: Ctx, unitId: string, input: { name: string }): Promise<void> {
  const placed = await placeUnit(ctx, unitId);
  if (!placed) throw notFound('unit', unitId);
  authorize(unitPolicy.rename(ctx.actor, placed), unitPolicy.read(ctx.actor, placed), 'unit', unitId, 'rename_unit');
  const unit = await ctx.db.selectFrom('units').select(['name', 'closed_at']).where('id', '=', unitId).forNoKeyUpdate().executeTakeFirst();
  if (!unit) throw notFound('unit', unitId);
  if (unit.closed_at) throw conflict('unit_closed', `The unit "${unit.name}" is closed.`, { unitId });
  if (unit.name === input.name) return;
  await ctx.db.updateTable('units').set({ name: input.name }).where('id', '=', unitId).execute();
  await recordAudit(ctx, { action: 'unit.rename', targetType: 'unit', targetId: unitId, unitId, before: { name: unit.name }, after: { name: input.name } });
}
