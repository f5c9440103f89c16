import { meets } from '../access/policy.ts';
import type { Actor } from '../context.ts';

export const directivePolicy = {
  /** The issuing unit and those above it draft, issue, amend, withdraw and answer. */
  manage: (actor: Actor, issuerPath: readonly string[]) => meets(actor, issuerPath),
};

/** An assignment as the policy sees it: its unit and that unit's ancestors. */
export interface PlacedAssignment { unitId: string; path: readonly string[] }

export const assignmentPolicy = {
  /** The unit's officials and those above it read and act on it; members of the unit do not. */
  act: (actor: Actor, a: PlacedAssignment) => meets(actor, [...a.path, a.unitId]),
};
