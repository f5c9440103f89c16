import { sql } from 'kysely';
import { authorize, placePerson, placeUnit } from '../access/guard.ts';
import { inScope, unitPolicy } from '../access/policy.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type PageRequest } from '../pagination.ts';
import { attendanceRate } from './attendance-rate.ts';
import { gatheringPolicy } from './gathering-policy.ts';
import { attendanceOpensAt, isHeld } from './held.ts';

/** Invitees listed on the gathering's page; the rest page through GET …/invitees. */
const INVITEES_SHOWN = 500;

/** A gathering: sessions, agenda and minutes, decisions, attendance counts; invitees to its conveners; your own invitation to you. */
export async function getGathering(ctx: Ctx, gatheringId: string) {
  const g = await ctx.db.selectFrom('gatherings').selectAll().where('id', '=', gatheringId).executeTakeFirst();
  if (!g) throw notFound('gathering', gatheringId);
  const manage = gatheringPolicy.manage(ctx.actor, g.convening_path);
  const [sessions, agenda, decisions, counts] = await Promise.all([
    ctx.db.selectFrom('gathering_sessions').selectAll().where('gathering_id', '=', g.id).orderBy('idx').execute(),
    ctx.db.selectFrom('agenda_items').selectAll().where('gathering_id', '=', g.id).orderBy('idx').execute(),
    ctx.db.selectFrom('decisions').selectAll().where('gathering_id', '=', g.id).orderBy('created_at').execute(),
    ctx.db.selectFrom('gathering_attendance_counts').selectAll().where('gathering_id', '=', g.id).execute(),
  ]);
  const unit = await withSystemScope(ctx, () => ctx.db.selectFrom('units').select('name').where('id', '=', g.convening_unit_id).executeTakeFirstOrThrow());
  const invitees = manage ? await inviteePage(ctx, g.id, { limit: INVITEES_SHOWN }) : { items: [], nextCursor: null };
  const mine = ctx.actor.personId
    ? await ctx.db.selectFrom('invitations').select(['rsvp']).where('gathering_id', '=', g.id).where('person_id', '=', ctx.actor.personId).executeTakeFirst()
    : undefined;
  const mineAttendance = mine ? await ctx.db.selectFrom('attendance').select(['session_idx', 'status']).where('gathering_id', '=', g.id).where('person_id', '=', ctx.actor.personId!).execute() : [];
  return {
    id: g.id, kind: g.kind, status: g.status, conveningUnitId: g.convening_unit_id, conveningUnitName: unit.name, title: g.title,
    startsAt: g.starts_at.toISOString(), endsAt: g.ends_at.toISOString(), place: g.place, onlineUrl: g.online_url,
    inviteeRule: { rule: g.invitee_rule, unitId: g.invitee_unit_id, depth: g.invitee_depth },
    invited: g.invited, sentAt: g.sent_at?.toISOString() ?? null, heldAt: isHeld(g, ctx.clock.now()) ? g.held_at!.toISOString() : null,
    cancelledAt: g.cancelled_at?.toISOString() ?? null, cancelReason: g.cancel_reason,
    checkinCode: manage ? g.checkin_code : null,
    sessions: sessions.map((s) => {
      const c = counts.find((x) => x.session_idx === s.idx);
      const present = c?.present ?? 0;
      return { index: s.idx, title: s.title, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(),
        attendanceOpensAt: attendanceOpensAt(s.starts_at, 'secretary').toISOString(), checkInOpensAt: attendanceOpensAt(s.starts_at, 'self').toISOString(),
        attendanceOpen: ctx.clock.now() >= attendanceOpensAt(s.starts_at, 'secretary'),
        attendance: { present, excused: c?.excused ?? 0, absent: c?.absent ?? 0, expected: g.invited, rate: attendanceRate(present, g.invited) } };
    }),
    agenda: agenda.map((a) => ({ index: a.idx, title: a.title, minutes: a.minutes })),
    decisions: decisions.map((d) => ({
      id: d.id, agendaIndex: d.agenda_idx, text: d.text, directiveId: d.directive_id, createdAt: d.created_at.toISOString(),
      votes: d.votes_for === null ? null : { for: d.votes_for, against: d.votes_against!, abstain: d.votes_abstain! },
    })),
    invitees: invitees.items, moreInvitees: invitees.nextCursor,
    attendance: invitees.items.flatMap((i) => i.attendance.map((a) => ({ personId: i.personId, session: a.session, status: a.status }))),
    myInvitation: mine ? { rsvp: mine.rsvp, attendance: mineAttendance.map((a) => ({ session: a.session_idx, status: a.status })) } : null,
    abilities: {
      manage, send: manage && g.status === 'draft', markAttendance: manage && g.status === 'sent', checkIn: Boolean(mine) && g.status === 'sent',
      edit: manage && g.status !== 'cancelled', cancel: manage && g.status !== 'cancelled' && !g.held_at,
      keepMinutes: manage && g.status !== 'cancelled', answer: Boolean(mine) && g.status !== 'cancelled',
    },
  };
}

/** Invitees by name, a page at a time, each with their unit, answer and attendance. */
export async function inviteePage(ctx: Ctx, gatheringId: string, input: PageRequest) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 2);
  return withSystemScope(ctx, async () => {
    let q = ctx.db.selectFrom('invitations as i').innerJoin('people as p', 'p.id', 'i.person_id').innerJoin('units as u', 'u.id', 'i.unit_id')
      .select(['i.person_id', 'p.name', 'i.unit_id', 'u.name as unit_name', 'i.rsvp']).where('i.gathering_id', '=', gatheringId);
    if (after) q = q.where(sql<boolean>`(p.name, i.person_id) > (${after[0]}, ${after[1]}::uuid)`);
    const rows = await q.orderBy('p.name').orderBy('i.person_id').limit(limit + 1).execute();
    const marks = rows.length === 0 ? [] : await ctx.db.selectFrom('attendance').select(['person_id', 'session_idx', 'status'])
      .where('gathering_id', '=', gatheringId).where('person_id', 'in', rows.map((r) => r.person_id)).execute();
    const items = rows.map((r) => ({
      personId: r.person_id, name: r.name, unitId: r.unit_id, unitName: r.unit_name, rsvp: r.rsvp,
      attendance: marks.filter((m) => m.person_id === r.person_id).map((m) => ({ session: m.session_idx, status: m.status })),
    }));
    return pageOf(items, limit, (r) => [r.name, r.personId]);
  });
}

export async function listInvitees(ctx: Ctx, gatheringId: string, input: PageRequest) {
  const g = await withSystemScope(ctx, () => ctx.db.selectFrom('gatherings').select(['convening_path']).where('id', '=', gatheringId).executeTakeFirst());
  if (!g) throw notFound('gathering', gatheringId);
  authorize(gatheringPolicy.manage(ctx.actor, g.convening_path), false, 'gathering', gatheringId, 'read_invitees');
  return inviteePage(ctx, gatheringId, input);
}

/** Gatherings a unit convened (or, with `invited`, a person was invited to), soonest last. */
export async function listUnitGatherings(ctx: Ctx, unitId: string, input: PageRequest & { from?: string | undefined; to?: string | undefined }) {
  const unit = await placeUnit(ctx, unitId);
  if (!unit) throw notFound('unit', unitId);
  authorize(unitPolicy.read(ctx.actor, unit), false, 'unit', unitId, 'read_gatherings');
  return withSystemScope(ctx, () => gatheringList(ctx, sql`g.convening_unit_id = ${unitId}::uuid`, input));
}

export async function listPersonGatherings(ctx: Ctx, personId: string, input: PageRequest & { from?: string | undefined; to?: string | undefined }) {
  const person = await placePerson(ctx, personId);
  if (!person) throw notFound('person', personId);
  authorize(personId === ctx.actor.personId || inScope(ctx.actor, person.cell), false, 'person', personId, 'read_gatherings');
  return withSystemScope(ctx, () => gatheringList(ctx, sql`exists (select 1 from invitations i where i.gathering_id = g.id and i.person_id = ${personId}::uuid)`, input));
}

async function gatheringList(ctx: Ctx, where: ReturnType<typeof sql<boolean>>, input: PageRequest & { from?: string | undefined; to?: string | undefined }) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 2);
  const rows = (await sql<{ id: string; kind: string; title: string; status: string; starts_at: Date; ends_at: Date; place: string | null; invited: number; held_at: Date | null; convening_unit_id: string }>`
    select g.id, g.kind, g.title, g.status, g.starts_at, g.ends_at, g.place, g.invited, g.held_at, g.convening_unit_id from gatherings g
     where ${where}
       ${input.from ? sql`and g.ends_at >= ${input.from}::timestamptz` : sql``}
       ${input.to ? sql`and g.starts_at < ${input.to}::timestamptz` : sql``}
       ${after ? sql`and (g.starts_at, g.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
     order by g.starts_at desc, g.id desc limit ${limit + 1}`.execute(ctx.db)).rows;
  return pageOf(rows.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, status: r.status, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(),
    place: r.place, invited: r.invited, held: r.held_at !== null, conveningUnitId: r.convening_unit_id,
  })), limit, (r) => [r.startsAt, r.id]);
}

/** A person's attendance over time: every mark, newest first, and the share present. */
export async function personAttendance(ctx: Ctx, personId: string) {
  const person = await placePerson(ctx, personId);
  if (!person) throw notFound('person', personId);
  authorize(personId === ctx.actor.personId || inScope(ctx.actor, person.cell), false, 'person', personId, 'read_attendance');
  return withSystemScope(ctx, async () => {
    const rows = await ctx.db.selectFrom('attendance as a').innerJoin('gatherings as g', 'g.id', 'a.gathering_id')
      .select(['a.gathering_id', 'g.title', 'g.starts_at', 'a.session_idx', 'a.status']).where('a.person_id', '=', personId)
      .orderBy('g.starts_at', 'desc').limit(200).execute();
    const present = rows.filter((r) => r.status === 'present').length;
    return {
      personId, rate: rows.length ? Math.round((present / rows.length) * 1000) / 10 : null,
      items: rows.map((r) => ({ gatheringId: r.gathering_id, title: r.title, startsAt: r.starts_at.toISOString(), session: r.session_idx, status: r.status })),
    };
  });
}
