import { sql } from 'kysely';
import { authorize } from '../access/guard.ts';
import { inScope, unitPolicy } from '../access/policy.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { attendanceRate } from './attendance-rate.ts';
import { gatheringPolicy } from './gathering-policy.ts';

/** A unit's rollup; one with no row yet reads as zeros (its columns are null from the outer join). */
type Rollup = Record<'gatherings_held' | 'present' | 'excused' | 'absent' | 'with_cadence' | 'missed' | 'expected' | 'never_met', number | null>;

const figures = (r: Rollup | undefined) => {
  const present = r?.present ?? 0, excused = r?.excused ?? 0, absent = r?.absent ?? 0, expected = r?.expected ?? 0;
  return {
    gatheringsHeld: r?.gatherings_held ?? 0,
    attendance: { present, excused, absent, expected, rate: attendanceRate(present, expected) },
    withCadence: r?.with_cadence ?? 0, missed: r?.missed ?? 0, neverMet: r?.never_met ?? 0,
  };
};

/** Issue 14: whether the cadence is the installation's default, and whether the unit never met. */
const neverMetFlags = (c: { by_default: boolean | null; last_met_at: Date | null }) => ({ byDefault: c.by_default ?? false, neverMet: c.last_met_at === null });

/**
 * A unit's meeting statistics for its whole subtree, and each child's, from the rollups
 * (one read of a few rows at the root as at a cell): meetings held, attendance, units
 * that keep a cadence and those that missed it; plus its own cadence.
 */
export async function meetingStats(ctx: Ctx, unitId: string) {
  // The unit's place, its children, their rollups and cadences in one statement and one widening of
  // the scope (placeUnit would take a second): each round trip counts when the server and PostgreSQL
  // share busy cores (bench:gatherings). Nothing read is returned before the policy has decided.
  return withSystemScope(ctx, async () => {
    const rows = (await sql<Rollup & { unit_id: string; ancestor_ids: string[]; name: string; every_days: number | null; last_met_at: Date | null; missed_since: Date | null; by_default: boolean | null }>`
      select u.id as unit_id, u.ancestor_ids, u.name, s.gatherings_held, s.present, s.excused, s.absent, s.with_cadence, s.missed, s.expected, s.never_met,
             c.every_days, c.last_met_at, c.missed_since, c.by_default
        from units u left join unit_meeting_stats s on s.unit_id = u.id left join unit_cadences c on c.unit_id = u.id
       where u.id = ${unitId}::uuid or (u.parent_id = ${unitId}::uuid and u.closed_at is null)
       order by u.name`.execute(ctx.db)).rows;
    const self = rows.find((r) => r.unit_id === unitId);
    if (!self) throw notFound('unit', unitId);
    const unit = { id: self.unit_id, ancestorIds: self.ancestor_ids };
    authorize(inScope(ctx.actor, unit), unitPolicy.read(ctx.actor, unit), 'unit', unitId, 'read_meeting_stats');
    const cadenceOf = (c: (typeof rows)[number]) =>
      c.every_days != null ? { everyDays: c.every_days, lastMetAt: c.last_met_at?.toISOString() ?? null, missedSince: c.missed_since?.toISOString() ?? null, ...neverMetFlags(c) } : null;
    return {
      unitId, ...figures(self), cadence: cadenceOf(self),
      children: rows.filter((r) => r !== self).map((c) => ({ unitId: c.unit_id, name: c.name, ...figures(c), cadence: cadenceOf(c) })),
    };
  });
}

/**
 * For a conference: the units it covers (where its invitees stood), whether each was
 * represented (an invitee present), its meeting regularity and attendance, and the
 * tasks the conference set (its decisions and their directives) — a page of units at a time.
 */
export async function conferenceReview(ctx: Ctx, gatheringId: string, input: { cursor?: string | undefined; limit?: number | undefined }) {
  const g = await withSystemScope(ctx, () => ctx.db.selectFrom('gatherings').selectAll().where('id', '=', gatheringId).executeTakeFirst());
  if (!g) throw notFound('gathering', gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'review');
  const limit = Math.min(input.limit ?? 100, 500);
  return withSystemScope(ctx, async () => {
    const summary = (await sql<{ units: number; represented: number }>`
      select count(*)::int as units, count(*) filter (where present > 0)::int as represented from (
        select i.unit_id, count(a.person_id) filter (where a.status = 'present') as present
          from invitations i left join attendance a on a.gathering_id = i.gathering_id and a.person_id = i.person_id
         where i.gathering_id = ${g.id}::uuid group by i.unit_id) x`.execute(ctx.db)).rows[0]!;
    const rows = (await sql<{ unit_id: string; name: string; invited: number; present: number; every_days: number | null; last_met_at: Date | null; missed_since: Date | null } & Partial<Record<'gatherings_held' | 'm_present' | 'm_expected', number>>>`
      select i.unit_id, u.name, count(*)::int as invited, count(a.person_id) filter (where a.status = 'present')::int as present,
             c.every_days, c.last_met_at, c.missed_since, s.gatherings_held, s.present as m_present, s.expected as m_expected
        from invitations i join units u on u.id = i.unit_id
        left join attendance a on a.gathering_id = i.gathering_id and a.person_id = i.person_id and a.session_idx = 0
        left join unit_cadences c on c.unit_id = i.unit_id
        left join unit_meeting_stats s on s.unit_id = i.unit_id
       where i.gathering_id = ${g.id}::uuid ${input.cursor ? sql`and i.unit_id > ${input.cursor}::uuid` : sql``}
       group by i.unit_id, u.name, c.every_days, c.last_met_at, c.missed_since, s.gatherings_held, s.present, s.expected
       order by i.unit_id limit ${limit + 1}`.execute(ctx.db)).rows;
    const decisions = await ctx.db.selectFrom('decisions').select(['id', 'text', 'directive_id']).where('gathering_id', '=', g.id).orderBy('created_at').execute();
    const page = rows.slice(0, limit);
    return {
      gatheringId: g.id, unitsCovered: summary.units, unitsRepresented: summary.represented,
      units: page.map((r) => {
        return {
          unitId: r.unit_id, name: r.name, invited: r.invited, present: r.present, represented: r.present > 0,
          cadence: r.every_days === null ? null : { everyDays: r.every_days, lastMetAt: r.last_met_at?.toISOString() ?? null, missedSince: r.missed_since?.toISOString() ?? null },
          meetingsHeld: r.gatherings_held ?? 0, attendanceRate: attendanceRate(r.m_present ?? 0, r.m_expected ?? 0),
        };
      }),
      nextCursor: rows.length > limit ? page.at(-1)!.unit_id : null,
      tasks: decisions.map((d) => ({ decisionId: d.id, text: d.text, directiveId: d.directive_id })),
    };
  });
}
