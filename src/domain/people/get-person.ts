import { placePerson } from '../access/guard.ts';
import { personAbilities, personPolicy, type PersonAbilities } from '../access/policy.ts';
import type { ReadCtx } from '../context.ts';
import { AccessDenied } from '../errors.ts';
import { unitNames } from '../org/unit-view.ts';

export interface PersonView {
  id: string;
  name: string;
  /** Contact details: null unless the actor is the person or an official over their cell. */
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  /** The language e-mails to them are written in; null: the installation's. Shown like the contact details. */
  language: 'en' | 'ko' | null;
  cellId: string;
  cell: { id: string; name: string };
  memberSince: string;
  roles: Array<{ unitId: string; unitName: string; role: string; since: string }>;
  anonymised: boolean;
  abilities: PersonAbilities;
}

export async function getPerson(ctx: ReadCtx, personId: string): Promise<PersonView> {
  const placed = await placePerson(ctx, personId);
  if (!placed || !personPolicy.read(ctx.actor, placed)) throw new AccessDenied('person', personId, 'read_person');
  const person = await ctx.db
    .selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.email', 'p.phone', 'p.birth_year', 'p.language', 'p.cell_id', 'p.cell_since', 'p.anonymised_at'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AccessDenied('person', personId, 'read_person');
  const details = personPolicy.readDetails(ctx.actor, placed);
  const roles = await ctx.db
    .selectFrom('official_terms as t')
    .select(['t.unit_id', 't.role', 't.started_at'])
    .where('t.person_id', '=', personId)
    .where('t.ended_at', 'is', null)
    .orderBy('t.started_at')
    .execute();
  const names = await unitNames(ctx, [person.cell_id, ...roles.map((r) => r.unit_id)]);
  return {
    id: person.id,
    name: person.name,
    email: details ? person.email : null,
    phone: details ? person.phone : null,
    birthYear: details ? person.birth_year : null,
    language: details && (person.language === 'en' || person.language === 'ko') ? person.language : null,
    cellId: person.cell_id,
    cell: { id: person.cell_id, name: names.get(person.cell_id)?.name ?? '' },
    memberSince: person.cell_since.toISOString(),
    roles: roles.map((r) => ({ unitId: r.unit_id, unitName: names.get(r.unit_id)?.name ?? '', role: r.role, since: r.started_at.toISOString() })),
    anonymised: person.anonymised_at !== null,
    abilities: personAbilities(ctx.actor, placed),
  };
}
