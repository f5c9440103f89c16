import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { systemActor, transact, withSystemScope, type Ctx } from '../context.ts';
import { gatheringEvents } from './calendar-feed.ts';
import { renderCalendar, type CalendarEvent } from './icalendar.ts';
import { mailLanguage, mailText, mailTime, type MailKey, type MailLanguage } from '../mail/mail-text.ts';

const BATCH = 2_000;

export interface InvitationMailOptions {
  batch?: number;
  /** The installation's From (SMTP_FROM): its address is the ORGANIZER's, with the convening unit's name. */
  from?: string | undefined;
}

type Notice = 'invitation' | 'update' | 'cancellation';

/**
 * Queues the mails of sent (or since changed or cancelled) gatherings, a batch per run
 * and transaction. Each invitee with an address (their contact address, else their
 * sign-in one) gets one message with an iTIP file made for them (RFC 5546: ORGANIZER,
 * their ATTENDEE): `REQUEST` for the invitation, `REQUEST` with a higher SEQUENCE for
 * an update, `CANCEL` for a cancellation. The invitation records the version it was
 * told in the same transaction, so nothing is sent twice, an invitee never told of a
 * cancelled gathering is not told now, and a national conference's mail drains over a
 * few minutes without one huge write.
 */
export async function queueInvitationMail(ctx: Ctx, options: InvitationMailOptions = {}): Promise<number> {
  const now = ctx.clock.now();
  const rows = (await sql<{ gathering_id: string; person_id: string; email: string | null; name: string; language: string | null; notified_sequence: number | null; status: string }>`
    select i.gathering_id, i.person_id, coalesce(p.email, a.email) as email, p.name, p.language, i.notified_sequence, g.status
      from invitations i join gatherings g on g.id = i.gathering_id and g.status in ('sent', 'cancelled') join people p on p.id = i.person_id
      left join accounts a on a.person_id = p.id and a.disabled_at is null
     where i.notified_at is null
     order by i.gathering_id limit ${options.batch ?? BATCH}
     for update of i skip locked`.execute(ctx.db)).rows;
  const gatherings = new Map<string, { events: CalendarEvent[]; sequence: number; reason: string | null }>();
  const told: Array<{ gathering_id: string; person_id: string; sequence: number }> = [];
  for (const row of rows) {
    let g = gatherings.get(row.gathering_id);
    if (!g) {
      const head = await withSystemScope(ctx, () => ctx.db.selectFrom('gatherings').select(['sequence', 'cancel_reason'])
        .where('id', '=', row.gathering_id).executeTakeFirstOrThrow());
      g = { events: await gatheringEvents(ctx, [row.gathering_id], { from: options.from }), sequence: head.sequence, reason: head.cancel_reason };
      gatherings.set(row.gathering_id, g);
    }
    told.push({ gathering_id: row.gathering_id, person_id: row.person_id, sequence: g.sequence });
    const notice: Notice = row.status === 'cancelled' ? 'cancellation' : row.notified_sequence === null ? 'invitation' : 'update';
    // Never told of it: nothing to take back.
    if (notice === 'cancellation' && row.notified_sequence === null) continue;
    if (!row.email) continue;
    const method = notice === 'cancellation' ? 'CANCEL' : 'REQUEST';
    const first = g.events[0]!;
    const ics = renderCalendar(g.events, {
      name: first.summary, now, method, attendees: [{ email: row.email, name: row.name }],
      ...(notice === 'cancellation' && g.reason ? { comment: g.reason } : {}),
    });
    await enqueueMessage(ctx.db, {
      to: row.email, kind: `gathering.${notice}`, refType: 'gathering', refId: row.gathering_id, ...invitationText(mailLanguage(row.language), notice, first, first.organizer!.name, g.reason),
      attachments: [{ filename: notice === 'cancellation' ? 'cancellation.ics' : 'invitation.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }],
    }, now);
  }
  if (told.length > 0) {
    await sql`update invitations i set notified_at = ${now}, notified_sequence = v.s
                from unnest(${told.map((r) => r.gathering_id)}::uuid[], ${told.map((r) => r.person_id)}::uuid[], ${told.map((r) => r.sequence)}::int[]) v (g, p, s)
               where i.gathering_id = v.g and i.person_id = v.p`.execute(ctx.db);
  }
  return rows.length;
}

/** The invitee's mail in their language (else the installation's); the calendar file is the same for all. */
function invitationText(lang: MailLanguage, notice: Notice, first: CalendarEvent, unit: string, reason: string | null): { subject: string; text: string } {
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const where = `${first.location ? mailText(lang, 'invitationPlace', { place: first.location }) : ''}.${first.url ? mailText(lang, 'invitationOnline', { url: first.url }) : ''}`;
  const values = { title: first.summary, when: mailTime(first.start), where, unit, reason: reason ?? '' };
  const [subject, body]: [MailKey, MailKey] = notice === 'cancellation' ? ['cancellationSubject', 'cancellation']
    : notice === 'update' ? ['invitationUpdateSubject', 'invitationUpdate'] : ['invitationSubject', 'invitation'];
  return { subject: oneLine(mailText(lang, subject, values)), text: `${mailText(lang, body, values)}\n` };
}

export const invitationMailJob = (database: Database, options: { from?: string | undefined } = {}): ScheduledJob => ({
  name: 'gatherings.invitations',
  everyMs: 10_000,
  run: (now) => transact(database, systemActor('system:invitations'), { now: () => now }, (ctx) => queueInvitationMail(ctx, options)),
});
