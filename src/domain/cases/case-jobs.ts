import type { Database } from '../../db/database.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { systemActor, transact } from '../context.ts';
import { applyCaseStats } from './case-stats.ts';
import { escalateOverdue } from './escalate-overdue.ts';
import { remindOwners } from './remind-owners.ts';

/** How often the server looks for passed deadlines; a case is late by at most this much. */
export const ESCALATION_INTERVAL_MS = 60_000;

/** The scheduled sweep: each run escalates what is due at its `now`, in one transaction. */
export const escalationJob = (database: Database): ScheduledJob => ({
  name: 'cases.escalate',
  everyMs: ESCALATION_INTERVAL_MS,
  run: (now) => transact(database, systemActor('system:escalation'), { now: () => now }, (ctx) => escalateOverdue(ctx)),
});

/** The reminders before deadlines: owners hear of a deadline while there is still time. */
export const reminderJob = (database: Database): ScheduledJob => ({
  name: 'cases.remind',
  everyMs: ESCALATION_INTERVAL_MS,
  run: (now) => transact(database, systemActor('system:reminders'), { now: () => now }, (ctx) => remindOwners(ctx)),
});

/** Folds the dashboards' change log into their rollups every second, so readers add little to them. */
export const caseStatsJob = (database: Database): ScheduledJob => ({
  name: 'cases.stats',
  everyMs: 1_000,
  run: (now) => transact(database, systemActor('system:case-stats'), { now: () => now }, (ctx) => applyCaseStats(ctx)),
});
