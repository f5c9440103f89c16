import { authorize, placePerson } from '../access/guard.ts';
import { personPolicy } from '../access/policy.ts';
import type { ReadCtx } from '../context.ts';
import { AccessDenied } from '../errors.ts';
import { unitNames } from '../org/unit-view.ts';

export type HistoryEntry =
  | { kind: 'membership'; unitId: string; unitName: string; startedAt: string; endedAt: string | null }
  | { kind: 'role'; unitId: string; unitName: string; role: string; startedAt: string; endedAt: string | null };

/** Every cell a person belonged to and every role they held, oldest first. */
export async function personHistory(ctx: ReadCtx, personId: string): Promise<{ items: HistoryEntry[] }> {
  const placed = await placePerson(ctx, personId);
  if (!placed || !personPolicy.read(ctx.actor, placed)) throw new AccessDenied('person', personId, 'read_history');
  authorize(personPolicy.readDetails(ctx.actor, placed), true, 'person', personId, 'read_history');
  const person = await ctx.db.selectFrom('people').select(['cell_id', 'cell_since']).where('id', '=', personId).executeTakeFirstOrThrow();
  const past = await ctx.db.selectFrom('membership_history').select(['cell_id', 'started_at', 'ended_at'])
    .where('person_id', '=', personId).execute();
  const roles = await ctx.db.selectFrom('official_terms').select(['unit_id', 'role', 'started_at', 'ended_at'])
    .where('person_id', '=', personId).execute();
  // Past cells may now lie outside the reader's scope; their names are still history.
  const names = await unitNames(ctx, [person.cell_id, ...past.map((h) => h.cell_id), ...roles.map((r) => r.unit_id)]);
  const name = (id: string) => names.get(id)?.name ?? '';
  const items: HistoryEntry[] = [
    ...past.map((h) => ({ kind: 'membership' as const, unitId: h.cell_id, unitName: name(h.cell_id), startedAt: h.started_at.toISOString(), endedAt: h.ended_at.toISOString() })),
    { kind: 'membership', unitId: person.cell_id, unitName: name(person.cell_id), startedAt: person.cell_since.toISOString(), endedAt: null },
    ...roles.map((r) => ({
      kind: 'role' as const, unitId: r.unit_id, unitName: name(r.unit_id), role: r.role,
      startedAt: r.started_at.toISOString(), endedAt: r.ended_at?.toISOString() ?? null,
    })),
  ];
  // ISO timestamps sort as strings; at equal starts an ended entry comes before an open one.
  const order = (e: HistoryEntry) => `${e.startedAt}|${e.endedAt ?? '~'}`;
  items.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { items };
}
