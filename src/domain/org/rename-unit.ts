import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict, notFound } from '../errors.ts';

export async function renameUnit(ctx: Ctx, unitId: string, input: { name: string }): Promise<void> {
  const unit = await ctx.db.selectFrom('units').select(['name', 'closed_at']).where('id', '=', unitId).forNoKeyUpdate().executeTakeFirst();
  if (!unit) throw notFound('unit', unitId);
  if (unit.closed_at) throw conflict('unit_closed', `The unit "${unit.name}" is closed.`, { unitId });
  if (unit.name === input.name) return;
  await ctx.db.updateTable('units').set({ name: input.name }).where('id', '=', unitId).execute();
  await recordAudit(ctx, { action: 'unit.rename', targetType: 'unit', targetId: unitId, unitId, details: { from: unit.name, to: input.name } });
}
