import type { Actor } from '../context.ts';

const meets = (actor: Actor, path: readonly string[]) => actor.isAdmin || actor.officialUnitIds.some((u) => path.includes(u));

export const gatheringPolicy = {
  /** The convening unit's officials and those above it schedule, invite, mark attendance and keep the minutes. */
  manage: (actor: Actor, conveningPath: readonly string[]) => meets(actor, conveningPath),
};
