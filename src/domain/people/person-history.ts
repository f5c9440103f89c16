import type { ReadCtx } from '../context.ts';
import { notFound } from '../errors.ts';

export type HistoryEntry =
  | { kind: 'membership'; unitId: string; unitName: string; startedAt: string; endedAt: string | null }
  | { kind: 'role'; unitId: string; unitName: string; role: string; startedAt: string; endedAt: string | null };

/** Every cell a person belonged to and every role they held, oldest first. */
export async function personHistory(ctx: ReadCtx, personId: string): Promise<{ items: HistoryEntry[] }> {
  const person = await ctx.db
    .selectFrom('people as p')
    .innerJoin('units as c', 'c.id', 'p.cell_id')
    .select(['p.cell_id', 'p.cell_since', 'c.name'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const past = await ctx.db
    .selectFrom('membership_history as h')
    .innerJoin('units as u', 'u.id', 'h.cell_id')
    .select(['h.cell_id', 'u.name', 'h.started_at', 'h.ended_at'])
    .where('h.person_id', '=', personId)
    .execute();
  const roles = await ctx.db
    .selectFrom('official_terms as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.unit_id', 'u.name', 't.role', 't.started_at', 't.ended_at'])
    .where('t.person_id', '=', personId)
    .execute();
  const items: HistoryEntry[] = [
    ...past.map((h) => ({ kind: 'membership' as const, unitId: h.cell_id, unitName: h.name, startedAt: h.started_at.toISOString(), endedAt: h.ended_at.toISOString() })),
    { kind: 'membership', unitId: person.cell_id, unitName: person.name, startedAt: person.cell_since.toISOString(), endedAt: null },
    ...roles.map((r) => ({
      kind: 'role' as const, unitId: r.unit_id, unitName: r.name, role: r.role,
      startedAt: r.started_at.toISOString(), endedAt: r.ended_at?.toISOString() ?? null,
    })),
  ];
  // ISO timestamps sort as strings; at equal starts an ended entry comes before an open one.
  const order = (e: HistoryEntry) => `${e.startedAt}|${e.endedAt ?? '~'}`;
  items.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { items };
}
