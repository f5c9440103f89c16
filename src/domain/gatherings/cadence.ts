import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { authorize, placeUnit } from '../access/guard.ts';
import { inScope, unitPolicy } from '../access/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { systemActor, transact, withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { adoptDefaultCadences, DEFAULT_CADENCE_DAYS } from './default-cadence.ts';
import { adjustMeetingStats } from './gathering.queries.ts';

/** Sets (or with null, removes) how often a unit is expected to meet: the unit's officials or those above. */
export async function setCadence(ctx: Ctx, unitId: string, input: { everyDays: number | null }) {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(inScope(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'set_cadence');
  const path = [...unit.ancestorIds, unit.id];
  const before = await withSystemScope(ctx, () => ctx.db.selectFrom('unit_cadences').selectAll().where('unit_id', '=', unitId).executeTakeFirst());
  const now = ctx.clock.now();
  await withSystemScope(ctx, async () => {
    if (input.everyDays === null) {
      if (!before) return;
      await ctx.db.deleteFrom('unit_cadences').where('unit_id', '=', unitId).execute();
      await adjustMeetingStats(ctx, path, { with_cadence: -1, missed: before.missed_since ? -1 : 0 });
    } else if (before) {
      await ctx.db.updateTable('unit_cadences').set({ every_days: input.everyDays, by_default: false }).where('unit_id', '=', unitId).execute();
    } else {
      // Counted from now: a rhythm set today is not already broken.
      const last = await ctx.db.selectFrom('gatherings').select((eb) => eb.fn.max('starts_at').as('at'))
        .where('convening_unit_id', '=', unitId).where('held_at', 'is not', null).where('kind', 'in', ['meeting', 'enlarged']).executeTakeFirst();
      await ctx.db.insertInto('unit_cadences').values({ unit_id: unitId, every_days: input.everyDays, last_met_at: last?.at ?? null, set_at: now }).execute();
      await adjustMeetingStats(ctx, path, { with_cadence: 1 });
    }
  });
  await recordAudit(ctx, { action: 'unit.cadence', targetType: 'unit', targetId: unitId, unitId, before: { everyDays: before?.every_days ?? null }, after: { everyDays: input.everyDays } });
  return { unitId, everyDays: input.everyDays };
}

/**
 * Marks the units whose rhythm broke — no meeting held within their cadence since the
 * last one (or since the cadence was set) — and counts them on every ancestor, set-based.
 * Idempotent: a mark is set once; the next meeting held clears it.
 */
export async function markMissedMeetings(ctx: Ctx, options: { batch?: number } = {}): Promise<number> {
  const now = ctx.clock.now();
  return (await sql<{ n: number }>`
    with missed as (
      update unit_cadences c set missed_since = coalesce(c.last_met_at, c.set_at) + c.every_days * interval '1 day'
       where c.unit_id in (select c2.unit_id from unit_cadences c2
                            where c2.missed_since is null and coalesce(c2.last_met_at, c2.set_at) + c2.every_days * interval '1 day' < ${now}
                            limit ${options.batch ?? 1_000_000_000} for update skip locked)
      returning c.unit_id
    ), counted as (
      insert into unit_meeting_stats (unit_id, missed)
      select p, count(*) from missed m join units u on u.id = m.unit_id cross join lateral unnest(u.ancestor_ids || u.id) p group by p
      on conflict (unit_id) do update set missed = unit_meeting_stats.missed + excluded.missed
    )
    select count(*)::int as n from missed`.execute(ctx.db)).rows[0]!.n;
}

/** Units marked per transaction by the scheduled job (national scale: 500,000 in 62 s as one transaction, taps waiting up to 31 s). */
const MISSED_BATCH = 5_000;

export const missedMeetingsJob = (database: Database, options: { defaultCadenceDays?: number } = {}): ScheduledJob => ({
  name: 'gatherings.cadence',
  everyMs: 10 * 60_000,
  // Small transactions: each holds the rollup rows of every ancestor (the root's among them)
  // until it commits, and attendance taps everywhere wait on those rows meanwhile.
  run: async (now) => {
    const everyDays = options.defaultCadenceDays ?? DEFAULT_CADENCE_DAYS;
    for (;;) {
      const adopted = await transact(database, systemActor('system:cadence'), { now: () => now }, (ctx) => adoptDefaultCadences(ctx, everyDays, { batch: MISSED_BATCH }));
      if (adopted < MISSED_BATCH) break;
    }
    for (;;) {
      const marked = await transact(database, systemActor('system:cadence'), { now: () => now }, (ctx) => markMissedMeetings(ctx, { batch: MISSED_BATCH }));
      if (marked < MISSED_BATCH) return;
    }
  },
});

