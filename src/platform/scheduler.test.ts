import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { systemActor, transact } from '../domain/context.ts';
import { createTestDatabaseUrl, openTestDatabase, skipUnless } from '../../test/test-database.ts';
import { fixedClock } from './clock.ts';
import { enqueueMessage } from './outbox/enqueue.ts';
import { outboxJob } from './outbox/job.ts';
import type { MailTransport, OutgoingMail } from './outbox/transport.ts';
import { createScheduler, type ScheduledJob, type Timer } from './scheduler.ts';

let database: Database;
const T0 = new Date('2026-03-02T08:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const noErrors = (job: string, error: unknown) => { throw new Error(`${job}: ${String(error)}`); };

/** A timer the test ticks by hand: the scheduler's periodic runs happen when the test says, not after real time. */
function manualTimer() {
  const callbacks = new Set<() => void>();
  const timer: Timer = {
    every(_ms, fn) {
      callbacks.add(fn);
      return () => callbacks.delete(fn);
    },
  };
  return { timer, tick: () => { for (const fn of callbacks) fn(); }, count: () => callbacks.size };
}

/** A promise the test resolves: a job "takes time" until the test releases it. */
function gate() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  return { held, release };
}

/** A job that records the times it ran at, and how many of its runs overlapped; `holds` keeps each run going until released. */
function recordingJob(name: string, options: { everyMs?: number; holds?: Promise<void> } = {}) {
  const runs: Date[] = [];
  let active = 0;
  let maxActive = 0;
  const job: ScheduledJob = {
    name,
    everyMs: options.everyMs ?? 1_000,
    async run(now) {
      active++;
      maxActive = Math.max(maxActive, active);
      runs.push(now);
      if (options.holds) await options.holds;
      active--;
    },
  };
  return { job, runs, maxActive: () => maxActive };
}

beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database?.close());

describe('the scheduler', () => {
  it('runDueJobs runs every job once, in order, at the time given', async () => {
    const order: string[] = [];
    const jobs = ['a', 'b'].map((name): ScheduledJob => ({ name, everyMs: 1_000, run: async (now) => { order.push(`${name}@${now.toISOString()}`); } }));
    const scheduler = createScheduler({ database, clock: fixedClock(T0), jobs, onError: noErrors });
    await scheduler.runDueJobs(new Date('2026-03-03T00:00:00Z'));
    await scheduler.runDueJobs();
    expect(order).toEqual(['a@2026-03-03T00:00:00.000Z', 'b@2026-03-03T00:00:00.000Z', `a@${T0.toISOString()}`, `b@${T0.toISOString()}`]);
  });

  it('refuses two jobs of one name', () => {
    const { job } = recordingJob('twice');
    expect(() => createScheduler({ database, clock: fixedClock(T0), jobs: [job, job], onError: noErrors })).toThrow(/distinct names/);
  });

  it('runs each job at start (catching up) and then periodically at the clock\'s time, never overlapping itself', async () => {
    const clock = fixedClock(T0);
    const { timer, tick, count } = manualTimer();
    const slowRun = gate();
    const quick = recordingJob('quick', { everyMs: 20 });
    const slow = recordingJob('slow', { everyMs: 10, holds: slowRun.held });
    const scheduler = createScheduler({ database, clock, jobs: [quick.job, slow.job], onError: noErrors, timer });
    scheduler.start();
    expect(count()).toBe(2);
    await expect.poll(() => quick.runs.length).toBeGreaterThanOrEqual(1);
    clock.advance(5_000);
    // Each tick waits for the quick run it started (a run in progress would skip the tick).
    for (let ticks = 0; ticks < 4; ticks++) {
      const before = quick.runs.length;
      tick();
      await expect.poll(() => quick.runs.length).toBe(before + 1);
    }
    slowRun.release();
    await scheduler.stop();
    const counted = quick.runs.length;
    expect(counted).toBeGreaterThanOrEqual(4);
    expect(quick.runs[0]).toEqual(T0);
    expect(quick.runs.at(-1)).toEqual(new Date(T0.getTime() + 5_000));
    // Ticks that came while the slow job ran were skipped, not queued or overlapped.
    expect(slow.maxActive()).toBe(1);
    expect(slow.runs.length).toBeLessThanOrEqual(6);
    expect(slow.runs).toHaveLength(1);
    // Stopped: the timer is cancelled and a late tick runs nothing.
    expect(count()).toBe(0);
    tick();
    expect(quick.runs).toHaveLength(counted);
  });

  it('stop() waits for a run in progress', async () => {
    const { timer } = manualTimer();
    const run = gate();
    const slow = recordingJob('slow', { everyMs: 1_000, holds: run.held });
    let finished = false;
    const job: ScheduledJob = { ...slow.job, run: async (now) => { await slow.job.run(now); finished = true; } };
    const scheduler = createScheduler({ database, clock: fixedClock(T0), jobs: [job], onError: noErrors, timer });
    scheduler.start();
    const stopping = scheduler.stop();
    await expect.poll(() => slow.runs.length).toBe(1);
    expect(finished).toBe(false);
    run.release();
    await stopping;
    expect(finished).toBe(true);
  });

  it('runDueJobs waits for a run in progress and then runs again, at its own time', async () => {
    const { timer } = manualTimer();
    const run = gate();
    const slow = recordingJob('slow', { everyMs: 60_000, holds: run.held });
    const scheduler = createScheduler({ database, clock: fixedClock(T0), jobs: [slow.job], onError: noErrors, timer });
    scheduler.start();
    const later = new Date(T0.getTime() + 3_600_000);
    const due = scheduler.runDueJobs(later);
    await expect.poll(() => slow.runs.length).toBe(1);
    run.release();
    await due;
    expect(slow.runs).toEqual([T0, later]);
    expect(slow.maxActive()).toBe(1);
    await scheduler.stop();
  });

  it('reports a failing job and goes on with the others', async () => {
    const errors: string[] = [];
    const ok = recordingJob('ok');
    const failing: ScheduledJob = { name: 'failing', everyMs: 1_000, run: async () => { throw new Error('boom'); } };
    const scheduler = createScheduler({ database, clock: fixedClock(T0), jobs: [failing, ok.job], onError: (job, error) => errors.push(`${job}: ${(error as Error).message}`) });
    await expect(scheduler.runDueJobs()).rejects.toThrow('boom');
    expect(ok.runs).toHaveLength(1);
    scheduler.start();
    // start() runs each job once at once; no timer tick is needed.
    await expect.poll(() => errors).toEqual(['failing: boom']);
    await scheduler.stop();
  });

  it.skipIf(skipUnless('postgres', 'one job in two server processes'))('never runs one job in two server processes at once (advisory lock)', async () => {
    const created = await createTestDatabaseUrl();
    const [one, two] = [await openDatabase({ url: created.url }), await openDatabase({ url: created.url })];
    try {
      let active = 0;
      let maxActive = 0;
      let runs = 0;
      let release!: () => void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      const job = (hold: boolean): ScheduledJob => ({
        name: 'exclusive', everyMs: 20,
        async run() {
          active++;
          runs++;
          maxActive = Math.max(maxActive, active);
          if (hold) await held;
          else await sleep(30);
          active--;
        },
      });
      const first = createScheduler({ database: one, clock: fixedClock(T0), jobs: [job(true)], onError: noErrors });
      // Proving that nothing runs needs a wait: two real database sessions contend for one advisory
      // lock here, with no event to await when a tick finds the lock taken (PostgreSQL runs only).
      const second = createScheduler({ database: two, clock: fixedClock(T0), jobs: [job(false)], onError: noErrors });
      const firstRun = first.runDueJobs();
      await expect.poll(() => runs).toBe(1);
      // The second process's ticks find the lock taken and skip.
      second.start();
      await sleep(150);
      expect(runs).toBe(1);
      // Its runDueJobs waits for the lock instead.
      const secondRun = second.runDueJobs();
      await sleep(50);
      expect(runs).toBe(1);
      release();
      await firstRun;
      await secondRun;
      await second.stop();
      expect(runs).toBeGreaterThanOrEqual(2);
      expect(maxActive).toBe(1);
    } finally {
      await one.close();
      await two.close();
      await created.drop();
    }
  });
});

describe('the outbox job', () => {
  const enqueue = (to: string) => transact(database, systemActor('test'), fixedClock(T0), (ctx) =>
    enqueueMessage(ctx.db, { to, subject: 'Hello', text: 'Hello.', kind: 'test.job' }, ctx.clock.now()));
  const statusOf = async (id: string) => (await database.db.selectFrom('outbox_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('without a transport keeps mail queued and says so once', async () => {
    await sql`delete from outbox_messages`.execute(database.db);
    const warnings: string[] = [];
    const scheduler = createScheduler({
      database, clock: fixedClock(T0), onError: noErrors,
      jobs: [outboxJob(database, undefined, { info: () => {}, warn: (m) => warnings.push(m) })],
    });
    await scheduler.runDueJobs();
    expect(warnings).toEqual([]);
    const id = await enqueue('a@example.org');
    await scheduler.runDueJobs();
    await scheduler.runDueJobs();
    expect(warnings).toEqual(['Mail is not configured (set SMTP_URL): 1 message(s) stay queued until it is.']);
    expect(await statusOf(id)).toBe('pending');
  });

  it('with a transport sends what is due when the scheduler runs it', async () => {
    const sent: OutgoingMail[] = [];
    const transport: MailTransport = { send: async (mail) => { sent.push(mail); }, close() {} };
    const infos: string[] = [];
    const id = await enqueue('b@example.org');
    const scheduler = createScheduler({
      database, clock: fixedClock(T0), onError: noErrors,
      jobs: [outboxJob(database, transport, { info: (m) => infos.push(m), warn: () => {} })],
    });
    await scheduler.runDueJobs();
    expect(sent.map((m) => m.id)).toContain(id);
    expect(await statusOf(id)).toBe('sent');
    expect(infos.at(-1)).toMatch(/sent/);
  });
});
