import { sql } from 'kysely';
import type { AttendanceStatus } from '../../db/schema-gatherings.ts';
import { authorize } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { gatheringPolicy, refuseIfCancelled } from './gathering-policy.ts';
import { attendanceRate } from './attendance-rate.ts';
import { adjustMeetingStats, lockGathering } from './gathering.queries.ts';
import { attendanceOpensAt, markHeld } from './held.ts';

export interface MarkInput { personId: string; status: AttendanceStatus; session?: number | undefined }

/** The secretary's tap: one invitee's attendance at one session (default the first), changed as often as needed. */
export async function markAttendance(ctx: Ctx, gatheringId: string, input: MarkInput) {
  const g = await lockGathering(ctx, gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'mark_attendance');
  return record(ctx, g, input.personId, input.status, input.session ?? 0, 'secretary');
}

/** An invitee checks in with the code shown at the gathering. */
export async function checkIn(ctx: Ctx, gatheringId: string, input: { code: string; session?: number | undefined }) {
  const g = await lockGathering(ctx, gatheringId);
  const personId = ctx.actor.personId;
  const invited = personId && await withSystemScope(ctx, () => ctx.db.selectFrom('invitations').select('person_id').where('gathering_id', '=', g.id).where('person_id', '=', personId).executeTakeFirst());
  authorize(Boolean(invited), false, 'gathering', gatheringId, 'check_in');
  refuseIfCancelled(g);
  if (input.code !== g.checkin_code) throw invalid('wrong_code', 'That is not the code of this gathering.', { field: 'code' });
  return record(ctx, g, personId!, 'present', input.session ?? 0, 'self');
}

async function record(ctx: Ctx, g: Awaited<ReturnType<typeof lockGathering>>, personId: string, status: AttendanceStatus, session: number, via: 'secretary' | 'self') {
  refuseIfCancelled(g);
  if (g.status !== 'sent') throw conflict('not_sent', 'Attendance is kept once the invitations are sent.', { status: g.status });
  return withSystemScope(ctx, async () => {
    // The invitation, the session, the earlier mark and the session's counts in one round trip: this runs for every tap.
    const found = (await sql<{ invited: boolean; session_starts: Date | null; before: AttendanceStatus | null; marked: boolean }>`
      select exists (select 1 from invitations where gathering_id = ${g.id}::uuid and person_id = ${personId}::uuid) as invited,
             (select starts_at from gathering_sessions where gathering_id = ${g.id}::uuid and idx = ${session}::int) as session_starts,
             (select status from attendance where gathering_id = ${g.id}::uuid and session_idx = ${session}::int and person_id = ${personId}::uuid) as before,
             exists (select 1 from gathering_attendance_counts where gathering_id = ${g.id}::uuid and session_idx = ${session}::int) as marked`
      .execute(ctx.db)).rows[0]!;
    if (!found.invited) throw invalid('not_invited', 'The person is not among the invitees.', { field: 'personId' });
    if (!found.session_starts) throw invalid('no_such_session', `The gathering has no session ${session}.`, { field: 'session' });
    const now = ctx.clock.now();
    const opensAt = attendanceOpensAt(new Date(found.session_starts), via);
    if (now < opensAt) {
      throw conflict('attendance_not_open', via === 'self'
        ? 'Check-in opens an hour before the gathering starts.'
        : 'Attendance is taken once the gathering has started.', { opensAt: opensAt.toISOString(), session });
    }
    const before = found.before ? { status: found.before } : undefined;
    if (before?.status === status) return { personId, status, session, attendance: await sessionAttendance(ctx, g, session) };
    await sql`insert into attendance (gathering_id, session_idx, person_id, status, via, marked_at)
              values (${g.id}::uuid, ${session}::int, ${personId}::uuid, ${status}, ${via}, ${now})
              on conflict (gathering_id, session_idx, person_id) do update set status = excluded.status, via = excluded.via, marked_at = excluded.marked_at`.execute(ctx.db);
    const delta: Record<string, number> = { [status]: 1 };
    if (before) delta[before.status] = -1;
    const counts = (await sql<{ present: number; excused: number; absent: number }>`
      insert into gathering_attendance_counts (gathering_id, session_idx, present, excused, absent)
              values (${g.id}::uuid, ${session}::int, ${delta.present ?? 0}::int, ${delta.excused ?? 0}::int, ${delta.absent ?? 0}::int)
              on conflict (gathering_id, session_idx) do update set present = gathering_attendance_counts.present + excluded.present,
                excused = gathering_attendance_counts.excused + excluded.excused, absent = gathering_attendance_counts.absent + excluded.absent
      returning present, excused, absent`.execute(ctx.db)).rows[0]!;
    // A session's first mark: its invitees are expected, the rate's denominator in the statistics.
    if (!found.marked) delta.expected = g.invited;
    await adjustMeetingStats(ctx, g.convening_path, delta);
    // Held once started with attendance; a check-in in the hour before waits for the start (held.ts).
    await markHeld(ctx, g);
    await recordAudit(ctx, { action: via === 'self' ? 'gathering.check_in' : 'gathering.attendance', targetType: 'gathering', targetId: g.id, unitId: g.convening_unit_id,
      before: before ? { status: before.status } : {}, after: { status }, details: { personId, session } });
    return { personId, status, session, attendance: { ...counts, expected: g.invited, rate: attendanceRate(counts.present, g.invited) } };
  });
}

/** A session's counts and rate as the meeting's page shows them. */
async function sessionAttendance(ctx: Ctx, g: { id: string; invited: number }, session: number) {
  const c = await ctx.db.selectFrom('gathering_attendance_counts').select(['present', 'excused', 'absent'])
    .where('gathering_id', '=', g.id).where('session_idx', '=', session).executeTakeFirst();
  const counts = { present: c?.present ?? 0, excused: c?.excused ?? 0, absent: c?.absent ?? 0 };
  return { ...counts, expected: g.invited, rate: attendanceRate(counts.present, g.invited) };
}

/** An invitee says whether they will come. */
export async function answerInvitation(ctx: Ctx, gatheringId: string, input: { answer: 'yes' | 'no' | 'maybe' }) {
  const personId = ctx.actor.personId;
  const row = personId ? await ctx.db.selectFrom('invitations').select('rsvp').where('gathering_id', '=', gatheringId).where('person_id', '=', personId).executeTakeFirst() : undefined;
  authorize(Boolean(row), false, 'gathering', gatheringId, 'rsvp');
  const g = await withSystemScope(ctx, () => ctx.db.selectFrom('gatherings').select('status').where('id', '=', gatheringId).executeTakeFirstOrThrow());
  refuseIfCancelled(g);
  await ctx.db.updateTable('invitations').set({ rsvp: input.answer, rsvp_at: ctx.clock.now() })
    .where('gathering_id', '=', gatheringId).where('person_id', '=', personId!).execute();
  await recordAudit(ctx, { action: 'gathering.rsvp', targetType: 'gathering', targetId: gatheringId, before: { rsvp: row!.rsvp }, after: { rsvp: input.answer } });
  return { rsvp: input.answer };
}
