import { meets } from '../access/policy.ts';
import type { Actor } from '../context.ts';
import { conflict } from '../errors.ts';

export const gatheringPolicy = {
  /** The convening unit's officials and those above it schedule, invite, edit, cancel, mark attendance and keep the minutes. */
  manage: (actor: Actor, conveningPath: readonly string[]) => meets(actor, conveningPath),
};

/**
 * A cancelled gathering is closed: no edit, invitation, answer, attendance, minutes or
 * decision. Checked after access (a stranger learns nothing of its state). Reading it,
 * and turning an earlier decision into a directive, remain.
 */
export function refuseIfCancelled(g: { status: string }): void {
  if (g.status === 'cancelled') throw conflict('cancelled', 'The gathering was cancelled.', { status: g.status });
}
