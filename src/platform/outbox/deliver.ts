import { sql, type Kysely } from 'kysely';
import type { DB, OutboxAttachmentRow } from '../../db/schema.ts';
import { asSystem } from './system-scope.ts';
import type { MailTransport } from './transport.ts';

export interface DeliveryOptions {
  /** Messages claimed per transaction. */
  batchSize?: number;
  /** Batches per run at most, so one run ends even while mail keeps arriving. */
  maxBatches?: number;
  /** After this many failed attempts a message is given up ('failed', kept). */
  maxAttempts?: number;
  /** How long a claim lasts: a worker that dies mid-send leaves its messages due again after it. */
  leaseMs?: number;
  /** The wait before the next attempt, after `attempt` failures. */
  backoffMs?: (attempt: number) => number;
}

export interface DeliveryReport { sent: number; retrying: number; failed: number }

/** 30 s, 1 min, 2 min … capped at an hour: 8 attempts span about an hour. */
export const defaultBackoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

// The lease outlasts a batch at its slowest: 10 messages × nodemailer's timeouts
// (10 s connect, 10 s greeting, 30 s silence) ≈ 500 s, under the 600 s lease.
const DEFAULTS = { batchSize: 10, maxBatches: 10, maxAttempts: 8, leaseMs: 10 * 60_000, backoffMs: defaultBackoffMs };

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: OutboxAttachmentRow[];
  attempts: number;
}

/**
 * Sends the messages due at `now`. Each batch is claimed in a short transaction
 * (FOR UPDATE SKIP LOCKED, then status 'sending' with a lease), and sent after that
 * transaction commits: holding a transaction open across SMTP would hold PGlite's
 * only connection, and every request with it, for as long as a mail server dawdles.
 * A claimed row is invisible to other workers until its lease runs out, so two
 * workers never send the same message; each result is recorded right after its
 * send, fenced by the attempt number, so a late worker cannot overwrite a newer claim.
 */
export async function deliverDueMessages(
  db: Kysely<DB>, transport: MailTransport, now: Date, options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const o = { ...DEFAULTS, ...options };
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < o.maxBatches; batch++) {
    const claimed = await claim(db, now, o.batchSize, o.maxAttempts, new Date(now.getTime() + o.leaseMs));
    for (const message of claimed) {
      // Only the send's own failure counts as one: a message sent but not recorded
      // (the database went away) stays claimed, due again only when its lease ends.
      const failure = await transport.send(toMail(message)).then(() => undefined, (error: unknown) => ({ error }));
      if (!failure) {
        await record(db, message, { status: 'sent', sent_at: now, next_attempt_at: null });
        report.sent++;
        continue;
      }
      const giveUp = message.attempts >= o.maxAttempts;
      await record(db, message, {
        status: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? null : new Date(now.getTime() + o.backoffMs(message.attempts)),
        last_error: describe(failure.error),
      });
      if (giveUp) report.failed++;
      else report.retrying++;
    }
    if (claimed.length < o.batchSize) break;
  }
  return report;
}

const toMail = (m: Claimed) => ({
  id: m.id,
  to: m.to_address,
  subject: m.subject,
  text: m.text_body,
  html: m.html_body ?? undefined,
  attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') })),
});

async function claim(db: Kysely<DB>, now: Date, limit: number, maxAttempts: number, leaseUntil: Date): Promise<Claimed[]> {
  return asSystem(db, async (trx) => {
    // A claim whose lease ran out on its last attempt (the worker died mid-send) is given up.
    await sql`update outbox_messages set status = 'failed', next_attempt_at = null,
                     last_error = 'the last attempt was interrupted'
               where status = 'sending' and next_attempt_at <= ${now} and attempts >= ${maxAttempts}`.execute(trx);
    const rows = await sql<Claimed>`
      with due as (
        select id from outbox_messages
         where status in ('pending', 'sending') and (next_attempt_at is null or next_attempt_at <= ${now})
         order by next_attempt_at nulls first, id
         limit ${limit}
         for update skip locked)
      update outbox_messages m
         set status = 'sending', attempts = m.attempts + 1, next_attempt_at = ${leaseUntil}, last_attempt_at = ${now},
             last_error = case when m.status = 'sending' then 'the previous attempt was interrupted' else m.last_error end
        from due where m.id = due.id
      returning m.id, m.to_address, m.subject, m.text_body, m.html_body, m.attachments, m.attempts`.execute(trx);
    return rows.rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  });
}

type Outcome =
  | { status: 'sent'; sent_at: Date; next_attempt_at: null }
  | { status: 'pending' | 'failed'; next_attempt_at: Date | null; last_error: string };

async function record(db: Kysely<DB>, message: Claimed, outcome: Outcome) {
  await asSystem(db, (trx) => trx.updateTable('outbox_messages').set(outcome)
    .where('id', '=', message.id).where('status', '=', 'sending').where('attempts', '=', message.attempts)
    .execute());
}

/** The server's answer when there is one (e.g. `550 5.1.1 no such user`), in one bounded line. */
function describe(error: unknown): string {
  const e = error as { message?: string; response?: string };
  const text = e.response && !String(e.message).includes(e.response) ? `${e.message}: ${e.response}` : String(e.message ?? error);
  return text.replace(/\s+/g, ' ').slice(0, 1000);
}
