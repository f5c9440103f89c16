import type { ReadCtx } from '../context.ts';
import { notFound } from '../errors.ts';

export interface PersonView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
  cellId: string;
  cell: { id: string; name: string };
  memberSince: string;
  roles: Array<{ unitId: string; unitName: string; role: string; since: string }>;
}

export async function getPerson(ctx: ReadCtx, personId: string): Promise<PersonView> {
  const person = await ctx.db
    .selectFrom('people as p')
    .innerJoin('units as c', 'c.id', 'p.cell_id')
    .select(['p.id', 'p.name', 'p.email', 'p.phone', 'p.birth_year', 'p.cell_id', 'p.cell_since', 'c.name as cell_name'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const roles = await ctx.db
    .selectFrom('official_terms as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.unit_id', 'u.name', 't.role', 't.started_at'])
    .where('t.person_id', '=', personId)
    .where('t.ended_at', 'is', null)
    .orderBy('t.started_at')
    .execute();
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    phone: person.phone,
    birthYear: person.birth_year,
    cellId: person.cell_id,
    cell: { id: person.cell_id, name: person.cell_name },
    memberSince: person.cell_since.toISOString(),
    roles: roles.map((r) => ({ unitId: r.unit_id, unitName: r.name, role: r.role, since: r.started_at.toISOString() })),
  };
}
