import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { authorize, placePerson } from '../access/guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { openDoor, type Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { unitNames } from '../org/unit-view.ts';
import { DEFAULT_FROM } from '../../platform/outbox/transport.ts';
import { addressOf, renderCalendar, type CalendarEvent, type CalendarUser } from './icalendar.ts';

/** The calendar events of gatherings: one per session (a course has several), the agenda as the description. */
export async function gatheringEvents(ctx: Ctx, gatheringIds: string[], options: { from?: string | undefined } = {}): Promise<CalendarEvent[]> {
  if (gatheringIds.length === 0) return [];
  const rows = (await sql<{ id: string; idx: number; title: string; session_title: string | null; starts_at: Date; ends_at: Date; place: string | null; online_url: string | null; sequence: number; status: string; sessions: number; agenda: string[] | null; convening_unit_id: string }>`
    select g.id, s.idx, g.title, s.title as session_title, s.starts_at, s.ends_at, g.place, g.online_url, g.sequence, g.status,
           count(*) over (partition by g.id)::int as sessions,
           (select array_agg(a.title order by a.idx) from agenda_items a where a.gathering_id = g.id) as agenda, g.convening_unit_id
      from gatherings g join gathering_sessions s on s.gathering_id = g.id
     where g.id = any(${gatheringIds}::uuid[]) order by s.starts_at`.execute(ctx.db)).rows;
  // An invitee may stand outside the convening unit (a district's course for its cells'
  // secretaries): its name comes the way breadcrumbs' names do, never its row.
  const units = await unitNames(ctx, [...new Set(rows.map((r) => r.convening_unit_id))]);
  return rows.map((r) => ({
    uid: `${r.id}-${r.idx}@mainstay`, sequence: r.sequence, start: r.starts_at, end: r.ends_at,
    summary: r.sessions > 1 ? `${r.title} — ${r.session_title ?? `session ${r.idx + 1}`}` : r.title,
    description: r.agenda?.length ? `Agenda:\n${r.agenda.map((t, i) => `${i + 1}. ${t}`).join('\n')}` : undefined,
    location: r.place ?? undefined, url: r.online_url ?? undefined, cancelled: r.status === 'cancelled',
    organizer: organizerOf(units.get(r.convening_unit_id)?.name ?? '', options.from),
  }));
}

/**
 * The ORGANIZER of a unit's gatherings: the installation's sending address (SMTP_FROM,
 * else the outbox's default) under the unit's name. Calendar replies go there; answers
 * are read in the app.
 */
export function organizerOf(unitName: string, from: string | undefined): CalendarUser {
  return { email: addressOf(from ?? DEFAULT_FROM), name: unitName };
}

/** The person's secret calendar address (made on first request): only they (and administrators) may see it. */
export async function calendarLink(ctx: Ctx, personId: string, baseUrl: string): Promise<{ url: string }> {
  const person = await placePerson(ctx, personId);
  if (!person) throw notFound('person', personId);
  authorize(ctx.actor.isAdmin || ctx.actor.personId === personId, false, 'person', personId, 'read_calendar_link');
  let row = await ctx.db.selectFrom('calendar_tokens').select('token').where('person_id', '=', personId).executeTakeFirst();
  if (!row) {
    row = { token: randomBytes(24).toString('base64url') };
    await ctx.db.insertInto('calendar_tokens').values({ person_id: personId, token: row.token, created_at: ctx.clock.now() }).execute();
    await recordAudit(ctx, { action: 'calendar.link', targetType: 'person', targetId: personId, unitId: person.cell.id });
  }
  return { url: `${baseUrl}/api/v1/people/${personId}/calendar.ics?token=${row.token}` };
}

/**
 * The feed itself, for calendar clients that carry no session: the token is the key.
 * Lists every gathering the person was invited to, from a year back, cancelled ones
 * included. Runs as the public at the feed door (`publicActor('feed')`): the token opens
 * its own row to row-level security; once it matches, the transaction acts as that
 * person — their name, their invitations and those gatherings — and sees nothing else.
 */
export async function calendarFeed(ctx: Ctx, personId: string, token: string, options: { from?: string | undefined } = {}): Promise<string> {
  await openDoor(ctx, 'feed', token);
  const found = await ctx.db.selectFrom('calendar_tokens').select('token').where('person_id', '=', personId).executeTakeFirst();
  const ok = found && found.token.length === token.length && timingSafeEqual(Buffer.from(found.token), Buffer.from(token));
  if (!found || !ok) throw notFound('calendar', personId);
  await sql`select set_config('mainstay.person', ${personId}, true)`.execute(ctx.db);
  const row = await ctx.db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirstOrThrow();
  const since = new Date(ctx.clock.now().getTime() - 366 * 86_400_000);
  const ids = (await ctx.db.selectFrom('invitations as i').innerJoin('gatherings as g', 'g.id', 'i.gathering_id')
    .select('g.id').where('i.person_id', '=', personId).where('g.ends_at', '>=', since).execute()).map((r) => r.id);
  // PUBLISH: a read-only copy (RFC 5546 §3.2.1, no attendees); a changed or cancelled
  // gathering shows its raised SEQUENCE and STATUS here too.
  return renderCalendar(await gatheringEvents(ctx, ids, options), { name: `Mainstay — ${row.name}`, now: ctx.clock.now(), method: 'PUBLISH' });
}
