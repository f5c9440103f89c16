import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Clock } from './clock.ts';
import { Mutex } from './mutex.ts';

/**
 * A job decides from the database what is due at `now` and does it; it keeps no
 * memory of its own between runs, so a restart (or a run that never happened while
 * the server was down) loses nothing: the next run catches up.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs every job at once (catching up after a restart), then every `everyMs`. */
  start(): void;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
  /**
   * Runs every job once, in order, at `now` — waiting for a run in progress instead of
   * skipping it, so when this resolves everything due at `now` has been handled.
   * For tests and the test-clock route. Throws the jobs' errors after all have run.
   */
  runDueJobs(now?: Date): Promise<void>;
}

export interface SchedulerOptions {
  database: Database;
  clock: Clock;
  jobs: ScheduledJob[];
  onError: (job: string, error: unknown) => void;
  /** What calls a job every `everyMs` (default: an unref'd `setInterval`); tests tick it by hand instead of waiting. */
  timer?: Timer;
}

/** Calls `fn` every `ms` until the returned function cancels it. */
export interface Timer { every(ms: number, fn: () => void): () => void }

const realTimer: Timer = {
  every(ms, fn) {
    const interval = setInterval(fn, ms);
    interval.unref();
    return () => clearInterval(interval);
  },
};

// Advisory locks in two-key form: this namespace, and a key per job name. The
// single-key locks of migrations and the audit chainer live in another key space.
const LOCK_NAMESPACE = 72_317_003;
const lockKey = (name: string) => createHash('sha1').update(name).digest().readInt32BE(0);

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { database, clock, jobs, onError } = options;
  const names = new Set(jobs.map((j) => j.name));
  if (names.size !== jobs.length) throw new Error('Scheduled jobs need distinct names.');
  // In this process, one run of a job at a time; `busy` lets a timer tick skip
  // instead of queueing behind a slow run.
  const local = new Map(jobs.map((j) => [j.name, { mutex: new Mutex(), busy: false }]));
  const timer = options.timer ?? realTimer;
  const cancels: Array<() => void> = [];
  let stopped = false;

  const runOne = (job: ScheduledJob, now: Date, wait: boolean) => {
    const state = local.get(job.name)!;
    if (!wait && state.busy) return Promise.resolve();
    state.busy = true;
    return state.mutex.run(async () => {
      try {
        await underJobLock(database, job.name, wait, () => job.run(now));
      } finally {
        state.busy = false;
      }
    });
  };
  const tick = (job: ScheduledJob) => {
    if (stopped) return;
    runOne(job, clock.now(), false).catch((error: unknown) => onError(job.name, error));
  };

  return {
    start() {
      for (const job of jobs) {
        tick(job);
        cancels.push(timer.every(job.everyMs, () => tick(job)));
      }
    },
    async stop() {
      stopped = true;
      for (const cancel of cancels) cancel();
      await Promise.all([...local.values()].map((s) => s.mutex.run(async () => {})));
    },
    async runDueJobs(now = clock.now()) {
      const errors: unknown[] = [];
      for (const job of jobs) await runOne(job, now, true).catch((error: unknown) => { errors.push(error); });
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) throw new AggregateError(errors, `${errors.length} scheduled jobs failed.`);
    },
  };
}

/**
 * On a PostgreSQL server, holds a transaction-scoped advisory lock on a connection of
 * its own while the job runs (the job uses other connections), so two server
 * processes never run one job at once; a process that dies releases it with its
 * connection. `wait` blocks for the lock, otherwise a busy job is skipped this time.
 *
 * On PGlite there is nothing to exclude: the data-directory lock admits one process,
 * whose single session would re-enter any advisory lock it holds (and the job needs
 * that one connection itself), so the in-process mutex above is the whole guard.
 */
async function underJobLock(database: Database, name: string, wait: boolean, run: () => Promise<unknown>): Promise<void> {
  if (database.kind === 'pglite') {
    await run();
    return;
  }
  await database.withConnection(async (conn) => {
    await conn.exec('begin');
    try {
      const key = [LOCK_NAMESPACE, lockKey(name)];
      const got = wait
        ? (await conn.query('select pg_advisory_xact_lock($1, $2)', key), true)
        : (await conn.query<{ got: boolean }>('select pg_try_advisory_xact_lock($1, $2) as got', key)).rows[0]!.got;
      if (got) await run();
    } finally {
      // Nothing was written on this connection: ending it only releases the lock.
      await conn.exec('rollback');
    }
  });
}
