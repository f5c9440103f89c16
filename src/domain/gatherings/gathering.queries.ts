import { sql } from 'kysely';
import type { AttendanceStatus } from '../../db/schema-gatherings.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';

/** A gathering row, locked, read past row-level security (the policy decides next). */
export async function lockGathering(ctx: Ctx, id: string) {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('gatherings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst());
  if (!row) throw notFound('gathering', id);
  return row;
}

type StatDelta = Partial<Record<'gatherings_held' | AttendanceStatus | 'with_cadence' | 'missed' | 'expected', number>>;

/**
 * Adds to the meeting statistics of every unit on a path, root first (so concurrent
 * writers lock the rows in one order), in the caller's transaction. Meetings and marks
 * come at the pace people meet: updating each ancestor's row directly is cheap here.
 * One statement for the whole path (rows are inserted, and locked, in the order of the
 * sorted select): a tap is several round trips fewer.
 */
export async function adjustMeetingStats(ctx: Ctx, path: readonly string[], delta: StatDelta): Promise<void> {
  const entries = Object.entries(delta).filter(([, n]) => n !== 0) as Array<[keyof StatDelta, number]>;
  if (entries.length === 0 || path.length === 0) return;
  const columns = entries.map(([k]) => k);
  await withSystemScope(ctx, () => sql`
    insert into unit_meeting_stats (unit_id, ${sql.join(columns.map((c) => sql.ref(c)))})
    select p.unit_id, ${sql.join(entries.map(([, n]) => sql`${n}::int`))}
      from unnest(${[...path]}::uuid[]) with ordinality as p (unit_id, ord) order by p.ord
    on conflict (unit_id) do update set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = unit_meeting_stats.${sql.ref(c)} + excluded.${sql.ref(c)}`))}`
    .execute(ctx.db));
}

/** The unit's ancestors and itself. */
export async function pathOfUnit(ctx: Ctx, unitId: string): Promise<string[]> {
  const u = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select(['id', 'ancestor_ids']).where('id', '=', unitId).executeTakeFirst());
  if (!u) throw notFound('unit', unitId);
  return [...u.ancestor_ids, u.id];
}

/**
 * After a change to a sent gathering: every invitee already told is due a mail again
 * (the fan-out job sends the then current version once, however many changes came
 * between); those never told stay due as they are. Returns how many were told before
 * (their mail may still be pending from an earlier change).
 */
export async function requeueNotices(ctx: Ctx, gatheringId: string): Promise<number> {
  return withSystemScope(ctx, async () => {
    await ctx.db.updateTable('invitations').set({ notified_at: null }).where('gathering_id', '=', gatheringId).where('notified_at', 'is not', null).execute();
    const told = await ctx.db.selectFrom('invitations').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('gathering_id', '=', gatheringId).where('notified_sequence', 'is not', null).executeTakeFirstOrThrow();
    return Number(told.n);
  });
}
