import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { systemActor, transact } from '../../domain/context.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { fixedClock } from '../clock.ts';
import { deliverDueMessages, defaultBackoffMs } from './deliver.ts';
import { enqueueMessage, type NewMessage } from './enqueue.ts';
import { smtpTransport, type MailTransport } from './transport.ts';

/**
 * Delivery through a real SMTP conversation: an smtp-server on loopback receives
 * what nodemailer sends, and the test reads the message as a mail client would.
 */
let database: Database;
let server: SMTPServer;
let port: number;
let transport: MailTransport;
let rejecting = false;
const received: Array<{ mail: ParsedMail; envelope: SMTPServerEnvelope; user: unknown }> = [];
const T0 = new Date('2026-03-02T08:00:00Z');

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Mainstay//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT',
  'UID:meeting-1@mainstay', 'DTSTAMP:20260302T080000Z', 'DTSTART:20260310T090000Z', 'SUMMARY:Cell meeting', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

async function enqueue(m: Partial<NewMessage> = {}) {
  return transact(database, systemActor('test'), fixedClock(T0), (ctx) => enqueueMessage(ctx.db, {
    to: 'secretary@example.org', subject: 'Cell meeting on 10 March', text: 'The cell meets on 10 March at 9:00.', kind: 'test.invite', ...m,
  }, ctx.clock.now()));
}
const row = async (id: string) => database.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  database = await openTestDatabase();
  server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 's3cret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (rejecting) callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ mail, envelope: session.envelope, user: session.user });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  transport = smtpTransport(`smtp://mailer:s3cret@127.0.0.1:${port}`, 'Mainstay <noreply@mainstay.example>');
});
afterAll(async () => {
  transport?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.close();
});
beforeEach(async () => {
  rejecting = false;
  received.length = 0;
  await sql`delete from outbox_messages`.execute(database.db);
});

describe('delivery over SMTP', () => {
  it('delivers recipient, subject, text, HTML and an iCalendar attachment, signed in with the URL\'s credentials', async () => {
    const id = await enqueue({
      html: '<p>The cell meets on <b>10 March</b>.</p>',
      attachments: [{ filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ICS }],
    });
    expect(await deliverDueMessages(database.db, transport, T0)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const { mail, envelope, user } = received[0]!;
    expect(user).toBe('mailer');
    expect(envelope.rcptTo.map((r) => r.address)).toEqual(['secretary@example.org']);
    expect(envelope.mailFrom && envelope.mailFrom.address).toBe('noreply@mainstay.example');
    expect(mail.messageId).toBe(`<${id}@mainstay.example>`);
    expect(mail.subject).toBe('Cell meeting on 10 March');
    expect(mail.text?.trim()).toBe('The cell meets on 10 March at 9:00.');
    expect(mail.html).toContain('<b>10 March</b>');
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.filename).toBe('meeting.ics');
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.content.toString('utf8')).toBe(ICS);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, sent_at: T0 });
  });

  it('retries a rejected message with backoff, then gives up and keeps it as failed', async () => {
    rejecting = true;
    const id = await enqueue();
    let now = T0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliverDueMessages(database.db, transport, now, { maxAttempts: 3 });
      expect(report).toEqual(attempt < 3 ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
      const r = await row(id);
      expect(r.attempts).toBe(attempt);
      expect(r.last_error).toMatch(/550/);
      expect(r.last_error).toMatch(/Mailbox unavailable/);
      if (attempt < 3) {
        expect(r).toMatchObject({ status: 'pending', next_attempt_at: new Date(now.getTime() + defaultBackoffMs(attempt)) });
        now = r.next_attempt_at!;
      } else {
        expect(r).toMatchObject({ status: 'failed', next_attempt_at: null, sent_at: null });
      }
    }
    expect(received).toEqual([]);
  });

  it('delivers on a later attempt once the server accepts again', async () => {
    rejecting = true;
    const id = await enqueue();
    expect(await deliverDueMessages(database.db, transport, T0)).toMatchObject({ retrying: 1 });
    rejecting = false;
    const retryAt = (await row(id)).next_attempt_at!;
    expect(await deliverDueMessages(database.db, transport, retryAt)).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('counts a server that is not there as a failed attempt', async () => {
    // A port that was just free: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const nowhere = smtpTransport(`smtp://127.0.0.1:${closedPort}`);
    const id = await enqueue();
    expect(await deliverDueMessages(database.db, nowhere, T0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await row(id)).last_error).toMatch(/ECONNREFUSED/);
    nowhere.close();
  });

  it('refuses wrong credentials as an attempt that failed', async () => {
    const wrong = smtpTransport(`smtp://mailer:wrong@127.0.0.1:${port}`);
    const id = await enqueue();
    expect(await deliverDueMessages(database.db, wrong, T0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await row(id)).last_error).toMatch(/535|Invalid username/);
    wrong.close();
  });
});
