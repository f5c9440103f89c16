import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { systemActor, transact, type Ctx } from '../context.ts';
import { gatheringEvents } from './calendar-feed.ts';
import { renderCalendar } from './icalendar.ts';

const BATCH = 2_000;

/**
 * Queues the invitation mails of sent gatherings, a batch per run and transaction: each
 * invitee with an address (their contact address, else their sign-in one) gets one message with the gathering's iCalendar file; the
 * invitation is marked as notified in the same transaction, so nothing is sent twice
 * and a national conference's mail drains over a few minutes without one huge write.
 */
export async function queueInvitationMail(ctx: Ctx, options: { batch?: number } = {}): Promise<number> {
  const now = ctx.clock.now();
  const rows = (await sql<{ gathering_id: string; person_id: string; email: string | null; name: string }>`
    select i.gathering_id, i.person_id, coalesce(p.email, a.email) as email, p.name
      from invitations i join gatherings g on g.id = i.gathering_id and g.status = 'sent' join people p on p.id = i.person_id
      left join accounts a on a.person_id = p.id and a.disabled_at is null
     where i.notified_at is null
     order by i.gathering_id limit ${options.batch ?? BATCH}
     for update of i skip locked`.execute(ctx.db)).rows;
  const files = new Map<string, { subject: string; text: string; ics: string }>();
  for (const row of rows) {
    if (!files.has(row.gathering_id)) {
      const events = await gatheringEvents(ctx, [row.gathering_id]);
      const first = events[0]!;
      files.set(row.gathering_id, {
        subject: `Invitation: ${first.summary}`.replace(/[\r\n]/g, ' '),
        text: `You are invited to "${first.summary}" on ${first.start.toISOString().slice(0, 16).replace('T', ' ')} UTC`
          + `${first.location ? ` at ${first.location}` : ''}.${first.url ? ` Online: ${first.url}` : ''}\n`
          + 'The attached file adds it to your calendar. Reply from the Mainstay app to say whether you will come.\n',
        ics: renderCalendar(events, { name: first.summary, now, method: 'PUBLISH' }),
      });
    }
    const file = files.get(row.gathering_id)!;
    if (row.email) {
      await enqueueMessage(ctx.db, {
        to: row.email, kind: 'gathering.invitation', refType: 'gathering', refId: row.gathering_id, subject: file.subject, text: file.text,
        attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: file.ics }],
      }, now);
    }
  }
  if (rows.length > 0) {
    await sql`update invitations i set notified_at = ${now}
                from unnest(${rows.map((r) => r.gathering_id)}::uuid[], ${rows.map((r) => r.person_id)}::uuid[]) v (g, p)
               where i.gathering_id = v.g and i.person_id = v.p`.execute(ctx.db);
  }
  return rows.length;
}

export const invitationMailJob = (database: Database): ScheduledJob => ({
  name: 'gatherings.invitations',
  everyMs: 10_000,
  run: (now) => transact(database, systemActor('system:invitations'), { now: () => now }, (ctx) => queueInvitationMail(ctx)),
});
