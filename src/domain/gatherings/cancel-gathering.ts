import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { gatheringPolicy, refuseIfCancelled } from './gathering-policy.ts';
import { lockGathering, requeueNotices } from './gathering.queries.ts';

/**
 * Calls a gathering off, with the reason invitees are told. Every invitee already told
 * gets one cancellation (iTIP CANCEL, STATUS:CANCELLED, SEQUENCE raised) and their feed
 * shows it cancelled; those never told are not told now. A draft is cancelled quietly.
 * A gathering that was held (attendance recorded) cannot be cancelled.
 */
export async function cancelGathering(ctx: Ctx, gatheringId: string, input: { reason: string }) {
  const g = await lockGathering(ctx, gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'cancel');
  refuseIfCancelled(g);
  if (g.held_at) throw conflict('already_held', 'The gathering took place (attendance was recorded): it cannot be cancelled.', { heldAt: g.held_at.toISOString() });
  const now = ctx.clock.now();
  const sequence = g.status === 'draft' ? g.sequence : g.sequence + 1;
  await ctx.db.updateTable('gatherings').set({ status: 'cancelled', cancelled_at: now, cancel_reason: input.reason, sequence, updated_at: now })
    .where('id', '=', g.id).execute();
  const cancellationsQueued = g.status === 'sent' ? await requeueNotices(ctx, g.id) : 0;
  await recordAudit(ctx, { action: 'gathering.cancel', targetType: 'gathering', targetId: g.id, unitId: g.convening_unit_id,
    before: { status: g.status }, after: { status: 'cancelled' }, details: { reason: input.reason, sequence, cancellationsQueued } });
  return { id: g.id, status: 'cancelled' as const, cancelledAt: now.toISOString(), sequence, cancellationsQueued };
}
