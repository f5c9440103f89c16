import type { Actor } from '../context.ts';

/**
 * Who may do what, as pure functions of the actor and the target's place in the
 * tree. Every route asks here; row-level security is the second wall behind it.
 *
 * - A central administrator: everything.
 * - An official (secretary, deputy, official) at unit U: reads U's subtree, acts
 *   inside it; structural changes to U itself (rename, move, close, appoint its
 *   officials) belong to the level above.
 * - A member: reads their own cell and their own record, edits their own contact details.
 */
export interface Placed { id: string; ancestorIds: readonly string[] }

/** The unit is one of the actor's official units or below one. */
export function inScope(actor: Actor, unit: Placed): boolean {
  return actor.isAdmin || actor.officialUnitIds.some((u) => u === unit.id || unit.ancestorIds.includes(u));
}

/** The unit is strictly below one of the actor's official units. */
export function below(actor: Actor, unit: Placed): boolean {
  return actor.isAdmin || actor.officialUnitIds.some((u) => unit.ancestorIds.includes(u));
}

/** An official of a unit on the path (the target's unit and its ancestors), or an administrator. */
export function meets(actor: Actor, path: readonly string[]): boolean {
  return actor.isAdmin || actor.officialUnitIds.some((u) => path.includes(u));
}

export const unitPolicy = {
  read: (actor: Actor, unit: Placed) => inScope(actor, unit) || unit.id === actor.cellId,
  createChild: (actor: Actor, parent: Placed) => inScope(actor, parent),
  rename: (actor: Actor, unit: Placed) => below(actor, unit),
  move: (actor: Actor, unit: Placed, newParent: Placed) => below(actor, unit) && inScope(actor, newParent),
  close: (actor: Actor, unit: Placed) => below(actor, unit),
  manageOfficials: (actor: Actor, unit: Placed) => below(actor, unit),
  addMember: (actor: Actor, cell: Placed) => inScope(actor, cell),
  readMembers: (actor: Actor, unit: Placed) => inScope(actor, unit) || unit.id === actor.cellId,
  readAudit: (actor: Actor, unit: Placed) => inScope(actor, unit),
};

/**
 * Working-time calendars (casework deadlines count in them). Read wherever the unit
 * can be read. Set like a rename, by the level above: an official's deadlines run on
 * the calendar of their unit, so they do not get to set its hours or holidays.
 */
export const calendarPolicy = {
  read: (actor: Actor, unit: Placed) => unitPolicy.read(actor, unit),
  set: (actor: Actor, unit: Placed) => below(actor, unit),
};

export type UnitAbilities = { [K in Exclude<keyof typeof unitPolicy, 'move'>]: boolean } & { move: boolean };

/** What the actor may do to a unit, shipped with it so the web app can hide the rest. */
export function unitAbilities(actor: Actor, unit: Placed): UnitAbilities {
  return {
    read: unitPolicy.read(actor, unit),
    createChild: unitPolicy.createChild(actor, unit),
    rename: unitPolicy.rename(actor, unit),
    move: below(actor, unit),
    close: unitPolicy.close(actor, unit),
    manageOfficials: unitPolicy.manageOfficials(actor, unit),
    addMember: unitPolicy.addMember(actor, unit),
    readMembers: unitPolicy.readMembers(actor, unit),
    readAudit: unitPolicy.readAudit(actor, unit),
  };
}

/**
 * Tools and settings of the whole installation — not of a place in the tree — and who
 * may use them. Each refusal is a 403 (`forbidden()`), audited like any other.
 */
export const operatorPolicy = {
  configure_categories: (actor: Actor) => actor.isAdmin,
  import_organization: (actor: Actor) => actor.isAdmin,
  verify_audit: (actor: Actor) => actor.isAdmin,
  move_test_clock: (actor: Actor) => actor.isAdmin,
  /** The trail (each event then filtered by scope): administrators and officials. */
  read_audit: (actor: Actor) => actor.isAdmin || actor.officialUnitIds.length > 0,
};
export type OperatorAction = keyof typeof operatorPolicy;

/** A person, placed by their current cell. */
export interface PlacedPerson { id: string; cell: Placed }

export const personPolicy = {
  read: (actor: Actor, person: PlacedPerson) => person.id === actor.personId || unitPolicy.read(actor, person.cell),
  /** Contact details and history: officials over the cell, and the person themselves. */
  readDetails: (actor: Actor, person: PlacedPerson) => person.id === actor.personId || inScope(actor, person.cell),
  update: (actor: Actor, person: PlacedPerson) => person.id === actor.personId || inScope(actor, person.cell),
  transfer: (actor: Actor, person: PlacedPerson, to: Placed) => inScope(actor, person.cell) && inScope(actor, to),
  export: (actor: Actor, person: PlacedPerson) => person.id === actor.personId || inScope(actor, person.cell),
  createAccount: (actor: Actor, person: PlacedPerson) => inScope(actor, person.cell),
  anonymise: (actor: Actor) => actor.isAdmin,
};

export interface PersonAbilities { update: boolean; transfer: boolean; export: boolean; createAccount: boolean; anonymise: boolean }

export function personAbilities(actor: Actor, person: PlacedPerson): PersonAbilities {
  return {
    update: personPolicy.update(actor, person),
    transfer: inScope(actor, person.cell),
    export: personPolicy.export(actor, person),
    createAccount: personPolicy.createAccount(actor, person),
    anonymise: personPolicy.anonymise(actor),
  };
}
