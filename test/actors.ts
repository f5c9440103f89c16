import type { Database } from '../src/db/database.ts';
import { createAccount } from '../src/domain/accounts/accounts.ts';
import { createAdmin } from '../src/domain/accounts/create-admin.ts';
import type { Actor } from '../src/domain/context.ts';
import { createPerson } from '../src/domain/people/create-person.ts';
import { appointOfficial } from '../src/domain/people/officials.ts';
import { run, type SmallTree } from './factories.ts';

export const ROLES = ['admin', 'regionOfficial', 'districtOfficial', 'cellSecretary', 'member'] as const;
export type Role = (typeof ROLES)[number];

export interface SeededActor { role: Role; email: string; password: string; personId: string | null; actor: Actor }

export const PASSWORD = 'a long test passphrase';

/**
 * One signed-up person per role, all inside region 0 of the small tree: an official
 * of region 0, of district 0 (under it), the secretary of cell 0 (under that), and
 * a plain member of cell 0. Region 1 is "outside" for all but the administrator.
 */
export async function seedActors(database: Database, tree: SmallTree): Promise<Record<Role, SeededActor>> {
  const make = async (role: Role, unitId: string | null, cellId: string): Promise<SeededActor> => {
    const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 7)}@test.example`;
    if (role === 'admin') {
      const { id } = await run(database, (ctx) => createAdmin(ctx, { email, password: PASSWORD }));
      return { role, email, password: PASSWORD, personId: null, actor: { accountId: id, personId: null, label: email, isAdmin: true, officialUnitIds: [], cellId: null } };
    }
    const person = await run(database, (ctx) => createPerson(ctx, { name: `The ${role}`, cellId }));
    if (unitId) await run(database, (ctx) => appointOfficial(ctx, unitId, { personId: person.id, role: role === 'cellSecretary' ? 'secretary' : 'official' }));
    const { id } = await run(database, (ctx) => createAccount(ctx, { personId: person.id, email, password: PASSWORD }));
    return {
      role, email, password: PASSWORD, personId: person.id,
      actor: { accountId: id, personId: person.id, label: email, isAdmin: false, officialUnitIds: unitId ? [unitId] : [], cellId },
    };
  };
  return {
    admin: await make('admin', null, tree.cells[0]!),
    regionOfficial: await make('regionOfficial', tree.regions[0]!, tree.cells[1]!),
    districtOfficial: await make('districtOfficial', tree.districts[0]!, tree.cells[1]!),
    cellSecretary: await make('cellSecretary', tree.cells[0]!, tree.cells[0]!),
    member: await make('member', null, tree.cells[0]!),
  };
}

/** A secretary of `cellId` with an account, beside the seeded actors: a neighbour for scope tests. */
export async function seedSecretary(database: Database, cellId: string, email: string, name = 'Next door'): Promise<SeededActor> {
  const person = await run(database, (ctx) => createPerson(ctx, { name, cellId }));
  await run(database, (ctx) => appointOfficial(ctx, cellId, { personId: person.id, role: 'secretary' }));
  const { id } = await run(database, (ctx) => createAccount(ctx, { personId: person.id, email, password: PASSWORD }));
  return {
    role: 'cellSecretary', email, password: PASSWORD, personId: person.id,
    actor: { accountId: id, personId: person.id, label: email, isAdmin: false, officialUnitIds: [cellId], cellId },
  };
}
