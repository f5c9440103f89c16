import { meets } from '../access/policy.ts';
import type { Actor } from '../context.ts';

export const gatheringPolicy = {
  /** The convening unit's officials and those above it schedule, invite, mark attendance and keep the minutes. */
  manage: (actor: Actor, conveningPath: readonly string[]) => meets(actor, conveningPath),
};
