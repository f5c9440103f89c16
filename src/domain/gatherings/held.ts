import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GatheringKind } from '../../db/schema-gatherings.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { systemActor, transact, withSystemScope, type Ctx } from '../context.ts';
import { adjustMeetingStats, pathOfUnit } from './gathering.queries.ts';

/** How long before its start a gathering takes self check-ins with its code. */
export const CHECK_IN_EARLY_MS = 60 * 60_000;

/** When marks may be taken for a session: the secretary's from its start, a check-in with the code an hour before. */
export const attendanceOpensAt = (sessionStart: Date, via: 'secretary' | 'self') =>
  new Date(sessionStart.getTime() - (via === 'self' ? CHECK_IN_EARLY_MS : 0));

/** A gathering counts as held once it has started and has attendance; never before its start. */
export const isHeld = (g: { starts_at: Date; held_at: Date | null }, now: Date) => g.held_at !== null && g.starts_at <= now;

interface HeldCandidate { id: string; kind: GatheringKind; convening_unit_id: string; convening_path: string[]; starts_at: Date; held_at: Date | null }

/**
 * Makes a gathering held if it has started and is not yet (the caller knows it has
 * attendance): counted once on every ancestor, and a meeting of a unit with a cadence
 * moves its "last met" and clears a missed mark. Returns whether it became held now.
 */
export async function markHeld(ctx: Ctx, g: HeldCandidate): Promise<boolean> {
  const now = ctx.clock.now();
  if (g.held_at || g.starts_at > now) return false;
  await withSystemScope(ctx, async () => {
    await ctx.db.updateTable('gatherings').set({ held_at: now }).where('id', '=', g.id).execute();
    await adjustMeetingStats(ctx, g.convening_path, { gatherings_held: 1 });
    if (g.kind === 'meeting' || g.kind === 'enlarged') await unitMet(ctx, g.convening_unit_id, g.starts_at);
  });
  return true;
}

/** A unit's meeting took place: its last meeting moves on, and a missed rhythm is kept again. */
async function unitMet(ctx: Ctx, unitId: string, at: Date) {
  const cadence = await ctx.db.selectFrom('unit_cadences').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
  if (!cadence) return;
  const last = cadence.last_met_at && cadence.last_met_at > at ? cadence.last_met_at : at;
  await ctx.db.updateTable('unit_cadences').set({ last_met_at: last, missed_since: null }).where('unit_id', '=', unitId).execute();
  if (cadence.missed_since) await adjustMeetingStats(ctx, await pathOfUnit(ctx, unitId), { missed: -1 });
}

/**
 * The gatherings whose attendance all came before their start (check-ins with the code
 * in the hour before) become held once they start, a batch at a time.
 */
export async function settleHeldGatherings(ctx: Ctx, options: { batch?: number } = {}): Promise<number> {
  const now = ctx.clock.now();
  const due = (await sql<HeldCandidate>`
    select g.id, g.kind, g.convening_unit_id, g.convening_path, g.starts_at, g.held_at from gatherings g
     where g.held_at is null and g.status = 'sent' and g.starts_at <= ${now}
       and exists (select 1 from attendance a where a.gathering_id = g.id)
     order by g.starts_at limit ${options.batch ?? 500} for update skip locked`.execute(ctx.db)).rows;
  for (const g of due) await markHeld(ctx, g);
  return due.length;
}

export const heldGatheringsJob = (database: Database): ScheduledJob => ({
  name: 'gatherings.held',
  everyMs: 60_000,
  run: async (now) => {
    while ((await transact(database, systemActor('system:held'), { now: () => now }, (ctx) => settleHeldGatherings(ctx))) === 500);
  },
});
