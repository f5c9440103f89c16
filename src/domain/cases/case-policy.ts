import { inScope, meets, type Placed } from '../access/policy.ts';
import type { Actor } from '../context.ts';

/** A case as the policy sees it: the path of its owner and of every unit that owned it. */
export interface PlacedCase { ownerPath: readonly string[]; involvedPath: readonly string[]; requesterPersonId: string | null }

export const casePolicy = {
  /** Officials over any unit that owned it (an escalated-from unit still sees it), and the member who filed it. */
  read: (actor: Actor, c: PlacedCase) => meets(actor, c.involvedPath) || (c.requesterPersonId !== null && c.requesterPersonId === actor.personId),
  /** The owning unit and its ancestors act on it. */
  act: (actor: Actor, c: PlacedCase) => meets(actor, c.ownerPath),
  /** The requester's name and contacts: only along the owning unit's chain of ancestors. */
  readRequester: (actor: Actor, c: PlacedCase) => meets(actor, c.ownerPath) || (c.requesterPersonId !== null && c.requesterPersonId === actor.personId),
  /** At the staff door, an official (or administrator) files on someone's behalf; anyone else files their own request. */
  staffChannel: (actor: Actor): 'official' | 'member' => (actor.isAdmin || actor.officialUnitIds.length > 0 ? 'official' : 'member'),
  /** The unit whose triage queue a staff intake names: one the actor acts in (a member: their own cell). */
  receiveIn: (actor: Actor, unit: Placed) => inScope(actor, unit) || unit.id === actor.cellId,
};

export const placedCase = (row: { owner_path: string[]; involved_path: string[]; requester_person_id: string | null }): PlacedCase =>
  ({ ownerPath: row.owner_path, involvedPath: row.involved_path, requesterPersonId: row.requester_person_id });
