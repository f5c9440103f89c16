import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { loadConfig } from '../config.ts';
import { systemActor, transact } from '../domain/context.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { startTestApp, type TestApp } from '../../test/http-app.ts';
import { buildSmallTree } from '../../test/factories.ts';
import { PASSWORD, seedActors } from '../../test/actors.ts';
import { adjustableClock, fixedClock, systemClock } from '../platform/clock.ts';
import { enqueueMessage } from '../platform/outbox/enqueue.ts';
import { outboxJob } from '../platform/outbox/job.ts';
import type { MailTransport } from '../platform/outbox/transport.ts';
import { createScheduler } from '../platform/scheduler.ts';
import { buildServer } from './server.ts';

let database: Database;
let plain: TestApp;
let testing: TestApp;
let memberToken: string;
const clock = fixedClock('2026-03-02T08:00:00Z');
const attempts: Date[] = [];
// Refuses the first attempt, accepts the next: the route must drive the retry.
const transport: MailTransport = {
  async send() {
    attempts.push(clock.now());
    if (attempts.length === 1) throw new Error('451 try later');
  },
  close() {},
};
const scheduler = () => createScheduler({
  database, clock, jobs: [outboxJob(database, transport, { info() {}, warn() {} })],
  onError: (job, error) => { throw new Error(`${job}: ${String(error)}`); },
});

beforeAll(async () => {
  database = await openTestDatabase();
  plain = await startTestApp(database);
  const jobs = scheduler();
  testing = await startTestApp(database, { clock, testClock: { clock, runDueJobs: (now) => jobs.runDueJobs(now) } });
  const actors = await seedActors(database, await buildSmallTree(database));
  const signIn = await testing.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: actors.member.email, password: PASSWORD } });
  memberToken = signIn.json().token;
});
afterAll(async () => {
  await plain?.app.close();
  await testing?.app.close();
  await database?.close();
});

describe('POST /api/v1/test/clock', () => {
  it('does not exist on a server built without a test clock', async () => {
    const response = await plain.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 60 } });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('route_not_found');
    expect(plain.app.routeTable.some((r) => r.url.includes('/test/clock'))).toBe(false);
  });

  it('moves the clock forward and runs the scheduled jobs before answering', async () => {
    const id = await transact(database, systemActor('test'), clock, (ctx) =>
      enqueueMessage(ctx.db, { to: 'a@example.org', subject: 'Reminder', text: 'Due.', kind: 'test.clock' }, ctx.clock.now()));
    const start = clock.now().getTime();
    const first = await testing.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 0 } });
    expect(first).toMatchObject({ status: 200, json: { now: new Date(start).toISOString() } });
    expect(attempts).toHaveLength(1);
    // The retry is due 30 s later: not after 29 s, but after 30.
    await testing.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 29 } });
    expect(attempts).toHaveLength(1);
    const later = await testing.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 1 } });
    expect(later.json.now).toBe(new Date(start + 30_000).toISOString());
    expect(attempts.map((d) => d.getTime() - start)).toEqual([0, 30_000]);
    const row = await database.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, sent_at: new Date(start + 30_000) });
  });

  it('is for administrators, signed in, with a forward move', async () => {
    const before = clock.now();
    expect((await testing.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 5 }, token: memberToken })).status).toBe(403);
    expect((await testing.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: 5 }, token: null })).status).toBe(401);
    const backwards = await testing.call({ method: 'POST', url: '/api/v1/test/clock', payload: { advanceSeconds: -5 } });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.code).toBe('validation_failed');
    expect(clock.now()).toEqual(before);
  });

  it('needs the server\'s own clock', async () => {
    await expect(buildServer({ database, clock: systemClock, testClock: { clock: adjustableClock(), runDueJobs: async () => {} } })).rejects.toThrow(/server's clock/);
  });
});

describe('configuration and clocks', () => {
  it('MAINSTAY_TEST_CLOCK=1, and only that, asks for a test clock', () => {
    const saved = process.env.MAINSTAY_TEST_CLOCK;
    try {
      delete process.env.MAINSTAY_TEST_CLOCK;
      expect(loadConfig().testClock).toBe(false);
      process.env.MAINSTAY_TEST_CLOCK = 'yes';
      expect(loadConfig().testClock).toBe(false);
      process.env.MAINSTAY_TEST_CLOCK = '1';
      expect(loadConfig().testClock).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.MAINSTAY_TEST_CLOCK;
      else process.env.MAINSTAY_TEST_CLOCK = saved;
    }
  });

  it('takes SMTP_URL only as an smtp:// or smtps:// address', () => {
    const saved = process.env.SMTP_URL;
    try {
      process.env.SMTP_URL = 'smtps://mailer:pw@mail.example.org:465';
      expect(loadConfig().smtpUrl).toBe('smtps://mailer:pw@mail.example.org:465');
      process.env.SMTP_URL = 'mail.example.org';
      expect(() => loadConfig()).toThrow(/SMTP_URL must look like/);
      delete process.env.SMTP_URL;
      expect(loadConfig().smtpUrl).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
    }
  });

  it('an adjustable clock follows real time plus what it was moved, and only forward', () => {
    let real = 1_000;
    const adjustable = adjustableClock({ now: () => new Date(real) });
    adjustable.advance(500);
    real += 10;
    expect(adjustable.now().getTime()).toBe(1_510);
    expect(() => adjustable.advance(-1)).toThrow(/forward/);
  });
});
