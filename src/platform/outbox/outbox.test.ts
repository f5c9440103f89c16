import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { systemActor, transact, type Actor } from '../../domain/context.ts';
import { openTestDatabase } from '../../../test/test-database.ts';
import { fixedClock } from '../clock.ts';
import { deliverDueMessages, defaultBackoffMs } from './deliver.ts';
import { enqueueMessage, type NewMessage } from './enqueue.ts';
import { countDue, listOutbox } from './list.ts';
import type { MailTransport, OutgoingMail } from './transport.ts';

let database: Database;
const T0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const admin = systemActor('test');
// Signed in, acting somewhere, but no administrator: may enqueue, may not read the queue.
const member: Actor = { accountId: null, personId: null, label: 'member', isAdmin: false, officialUnitIds: [], cellId: null };

const message = (n: number, extra: Partial<NewMessage> = {}): NewMessage => ({
  to: `person${n}@example.org`, subject: `Subject ${n}`, text: `Body ${n}`, kind: 'test.message', ...extra,
});

const enqueue = (...messages: NewMessage[]) => enqueueAt(T0, ...messages);

async function enqueueAt(time: Date, ...messages: NewMessage[]): Promise<string[]> {
  return transact(database, admin, fixedClock(time), async (ctx) => {
    const ids: string[] = [];
    for (const m of messages) ids.push(await enqueueMessage(ctx.db, m, ctx.clock.now()));
    return ids;
  });
}

/** Records what it sends; fails while `failing` says so. */
function recordingTransport(options: { failing?: (mail: OutgoingMail) => boolean; delayMs?: number } = {}) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    async send(mail) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failing?.(mail)) throw Object.assign(new Error('Message failed'), { response: '451 4.3.0 try later' });
      sent.push(mail);
    },
    close() {},
  };
  return { transport, sent };
}

const rows = () => database.db.selectFrom('outbox_messages').selectAll().orderBy('id').execute();

beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());
// The tests' owner connection is not subject to the role's grants: clear between tests.
beforeEach(async () => { await sql`delete from outbox_messages`.execute(database.db); });

describe('enqueueMessage', () => {
  it('queues in the caller\'s transaction: committed with the change, gone with a rollback', async () => {
    const [id] = await enqueue(message(1, { refType: 'case', refId: 'abc', html: '<p>Body 1</p>' }));
    await expect(transact(database, admin, fixedClock(T0), async (ctx) => {
      await enqueueMessage(ctx.db, message(2));
      throw new Error('the business change failed');
    })).rejects.toThrow('the business change failed');
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id, status: 'pending', attempts: 0, to_address: 'person1@example.org', subject: 'Subject 1', text_body: 'Body 1',
      html_body: '<p>Body 1</p>', kind: 'test.message', ref_type: 'case', ref_id: 'abc', next_attempt_at: null, created_at: T0,
    });
  });

  it('stores attachments as base64, from text, bytes or base64', async () => {
    await enqueue(message(1, {
      attachments: [
        { filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
        { filename: 'b.bin', contentType: 'application/octet-stream', content: new Uint8Array([0, 255]) },
        { filename: 'c.txt', contentType: 'text/plain', content: Buffer.from('hello').toString('base64'), encoding: 'base64' },
      ],
    }));
    const [row] = await rows();
    expect(row!.attachments).toEqual([
      { filename: 'a.ics', contentType: 'text/calendar', base64: Buffer.from('BEGIN:VCALENDAR').toString('base64') },
      { filename: 'b.bin', contentType: 'application/octet-stream', base64: 'AP8=' },
      { filename: 'c.txt', contentType: 'text/plain', base64: Buffer.from('hello').toString('base64') },
    ]);
  });

  it('refuses anything but one address, and a subject of more than one line', async () => {
    await expect(enqueue(message(1, { to: 'a@example.org, b@example.org' }))).rejects.toThrow(/single e-mail address/);
    await expect(enqueue(message(1, { subject: 'Hi\r\nBcc: x@example.org' }))).rejects.toThrow(/one line/);
  });

  it('lets any scope enqueue, but only an administrator\'s read or change the queue', async () => {
    await transact(database, member, fixedClock(T0), (ctx) => enqueueMessage(ctx.db, message(1)));
    const seen = await transact(database, member, fixedClock(T0), (ctx) => ctx.db.selectFrom('outbox_messages').select('id').execute());
    expect(seen).toEqual([]);
    const changed = await transact(database, member, fixedClock(T0), (ctx) =>
      ctx.db.updateTable('outbox_messages').set({ status: 'sent', sent_at: T0 }).executeTakeFirst());
    expect(Number(changed.numUpdatedRows)).toBe(0);
    expect(await transact(database, admin, fixedClock(T0), (ctx) => ctx.db.selectFrom('outbox_messages').select('id').execute())).toHaveLength(1);
    // And the role may not delete at all: nothing is deleted.
    await expect(transact(database, admin, fixedClock(T0), (ctx) => ctx.db.deleteFrom('outbox_messages').execute())).rejects.toThrow(/permission denied/);
  });
});

describe('deliverDueMessages', () => {
  it('sends what is due and marks it sent, once', async () => {
    const ids = await enqueue(message(1, { attachments: [{ filename: 'x.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }), message(2));
    const { transport, sent } = recordingTransport();
    expect(await deliverDueMessages(database.db, transport, at(1000))).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(sent.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(sent.find((m) => m.to === 'person1@example.org')!.attachments[0]!.content.toString()).toBe('BEGIN:VCALENDAR');
    expect((await rows()).map((r) => [r.status, r.attempts, r.sent_at])).toEqual([['sent', 1, at(1000)], ['sent', 1, at(1000)]]);
    expect(await deliverDueMessages(database.db, transport, at(60_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(2);
  });

  it('retries with exponential backoff, then gives up and keeps the message', async () => {
    await enqueue(message(1));
    const { transport, sent } = recordingTransport({ failing: () => true });
    let now = at(0);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverDueMessages(database.db, transport, now, { maxAttempts: 3 })).toEqual(attempt < 3
        ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
      const [row] = await rows();
      expect(row).toMatchObject({ attempts: attempt, last_error: 'Message failed: 451 4.3.0 try later', last_attempt_at: now });
      if (attempt < 3) {
        expect(row).toMatchObject({ status: 'pending', next_attempt_at: new Date(now.getTime() + defaultBackoffMs(attempt)) });
        // Not due a moment before the backoff ends.
        expect(await deliverDueMessages(database.db, transport, new Date(now.getTime() + defaultBackoffMs(attempt) - 1))).toEqual({ sent: 0, retrying: 0, failed: 0 });
        now = new Date(now.getTime() + defaultBackoffMs(attempt));
      } else {
        expect(row).toMatchObject({ status: 'failed', next_attempt_at: null, sent_at: null });
      }
    }
    expect(defaultBackoffMs(1)).toBe(30_000);
    expect(defaultBackoffMs(2)).toBe(60_000);
    expect(defaultBackoffMs(20)).toBe(3_600_000);
    expect(await deliverDueMessages(database.db, transport, at(365 * 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toEqual([]);
    expect(await listOutbox(database.db, { status: 'failed' })).toHaveLength(1);
  });

  it('sends again after a worker died mid-send, once its lease has run out', async () => {
    await enqueue(message(1));
    // A worker claims the message and dies before recording anything.
    const dying: MailTransport = { send: () => new Promise(() => {}), close() {} };
    void deliverDueMessages(database.db, dying, at(0), { leaseMs: 60_000 });
    await expect.poll(async () => (await rows())[0]!.status).toBe('sending');
    const { transport, sent } = recordingTransport();
    expect(await deliverDueMessages(database.db, transport, at(59_999), { leaseMs: 60_000 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await countDue(database.db, at(59_999))).toBe(0);
    expect(await deliverDueMessages(database.db, transport, at(60_000), { leaseMs: 60_000 })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: 'the previous attempt was interrupted' });
  });

  it('does not let a worker whose lease ran out overwrite the newer claim', async () => {
    await enqueue(message(1));
    let finishSlowSend!: () => void;
    const slow: MailTransport = { send: () => new Promise((resolve) => { finishSlowSend = resolve; }), close() {} };
    const slowRun = deliverDueMessages(database.db, slow, at(0), { leaseMs: 1_000 });
    await expect.poll(async () => (await rows())[0]!.status).toBe('sending');
    const { transport } = recordingTransport({ failing: () => true });
    expect(await deliverDueMessages(database.db, transport, at(1_000), { leaseMs: 1_000 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    finishSlowSend();
    await slowRun;
    // The second attempt's outcome stands: pending for a retry, not "sent" by the first.
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 2, sent_at: null });
  });

  it('gives up on a message interrupted during its last attempt', async () => {
    await enqueue(message(1));
    const dying: MailTransport = { send: () => new Promise(() => {}), close() {} };
    void deliverDueMessages(database.db, dying, at(0), { leaseMs: 1_000, maxAttempts: 1 });
    await expect.poll(async () => (await rows())[0]!.status).toBe('sending');
    const { transport, sent } = recordingTransport();
    expect(await deliverDueMessages(database.db, transport, at(1_000), { leaseMs: 1_000, maxAttempts: 1 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toEqual([]);
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: 'the last attempt was interrupted' });
  });

  it('never sends a message twice with two workers at once (SKIP LOCKED claims)', async () => {
    const ids = await enqueue(...Array.from({ length: 40 }, (_, i) => message(i)));
    const sends = new Map<string, number>();
    const worker = () => {
      const t: MailTransport = {
        async send(mail) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          sends.set(mail.id, (sends.get(mail.id) ?? 0) + 1);
        },
        close() {},
      };
      return deliverDueMessages(database.db, t, at(0), { batchSize: 3, maxBatches: 100 });
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a.sent + b.sent).toBe(40);
    // Both took part (on PGlite, their transactions interleave on the one connection).
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect([...sends.keys()].sort()).toEqual([...ids].sort());
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('lists the queue newest first, by status, within a limit', async () => {
    await enqueueAt(at(-2000), message(1));
    await enqueueAt(at(-1000), message(2));
    const { transport } = recordingTransport({ failing: (m) => m.to === 'person2@example.org' });
    await deliverDueMessages(database.db, transport, at(0));
    expect((await listOutbox(database.db)).map((m) => [m.to, m.status])).toEqual([['person2@example.org', 'pending'], ['person1@example.org', 'sent']]);
    expect((await listOutbox(database.db, { status: 'sent' })).map((m) => m.to)).toEqual(['person1@example.org']);
    expect(await listOutbox(database.db, { limit: 1 })).toHaveLength(1);
    expect(await countDue(database.db, at(0))).toBe(0);
    expect(await countDue(database.db, at(30_000))).toBe(1);
  });
});
