import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { DEFAULT_PUBLIC_LIMITS, isLoopbackHost, loadConfig } from '../../config.ts';
import { adjustableClock, systemClock } from '../../platform/clock.ts';
import { buildServer } from '../../http/server.ts';
import { describeDatabase, openMigrated } from '../open.ts';
import { seedDemoIfEmpty } from '../../domain/demo/seed-demo.ts';
import { demoAccountsOnPublishedPassword } from '../../domain/demo/demo-passwords.ts';
import { AUDIT_CHAIN_INTERVAL_MS, chainPendingEvents } from '../../domain/audit/audit-chain.ts';
import { checkRowLevelSecurity } from '../../db/security-check.ts';
import { every } from '../../platform/periodic.ts';
import { createScheduler } from '../../platform/scheduler.ts';
import { outboxJob } from '../../platform/outbox/job.ts';
import { caseStatsJob, escalationJob, reminderJob } from '../../domain/cases/case-jobs.ts';
import { directiveDeadlinesJob, directiveRollupsJob } from '../../domain/directives/directive-deadlines.ts';
import { missedMeetingsJob } from '../../domain/gatherings/cadence.ts';
import { heldGatheringsJob } from '../../domain/gatherings/held.ts';
import { invitationMailJob } from '../../domain/gatherings/invitation-mail.ts';
import { smtpTransport } from '../../platform/outbox/transport.ts';
import { CliError } from '../cli-error.ts';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Serve the API (and, on first run with --demo-if-empty, create a demo organization)')
    .option('--port <port>', 'port to listen on (default $PORT or 3000)')
    .option('--data <dir>', 'embedded database folder (default $MAINSTAY_DATA_DIR or ./data)')
    .option('--host <host>', 'address to listen on (default $HOST or 127.0.0.1, this machine only; 0.0.0.0 exposes it to the network)')
    .option('--trust-proxy <proxies>', 'behind a reverse proxy: its addresses (comma-separated, CIDR allowed) or hop count (default $TRUST_PROXY, none)')
    .option('--demo-if-empty', 'on an empty embedded database, create a small demo organization and its sign-in')
    .action(async (options: { port?: string; data?: string; host?: string; trustProxy?: string; demoIfEmpty?: boolean }) => {
      const config = loadConfig(options);
      const database = await openMigrated(config, 'serve');
      if (options.demoIfEmpty && database.kind === 'pglite') {
        const demo = await seedDemoIfEmpty(database, systemClock);
        if (demo) {
          console.log(`Created a demo organization (${demo.units} units, ${demo.members} members).`);
          console.log(`Demo sign-in: ${demo.email} / ${demo.password}`);
          if (demo.scoped.length > 0) console.log(`Scoped demo sign-ins (same password): ${demo.scoped.join(', ')}`);
        }
      }
      if (!isLoopbackHost(config.host)) {
        // The README publishes the demo password: never serve it to a network.
        const published = await demoAccountsOnPublishedPassword(database.db);
        if (published.length > 0) {
          await database.close();
          throw new CliError(`Refusing to serve on ${config.host}: ${published.length} demo account(s) (${published.join(', ')}) still have the published demo password. Run \`mainstay demo reset-passwords\` first, or serve on 127.0.0.1.`);
        }
      }
      const problems = await checkRowLevelSecurity(database);
      if (problems.length > 0) {
        await database.close();
        throw new CliError(`Refusing to serve: row-level security is not in place (${problems.join('; ')}). Run \`mainstay migrate\` as the tables' owner.`);
      }
      // A test server's clock can be moved forward (POST /api/v1/test/clock); a real one's cannot.
      const testClock = config.testClock ? adjustableClock() : undefined;
      const clock = testClock ?? systemClock;
      const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.smtpFrom) : undefined;
      // Jobs log through the app, which needs the scheduler for its test-clock route.
      const log = { info: (m: string) => app.log.info(m), warn: (m: string) => app.log.warn(m) };
      const scheduler = createScheduler({
        database, clock,
        jobs: [reminderJob(database), escalationJob(database), caseStatsJob(database), directiveDeadlinesJob(database), directiveRollupsJob(database), invitationMailJob(database, { from: config.smtpFrom }), missedMeetingsJob(database, { defaultCadenceDays: config.defaultCadenceDays }), heldGatheringsJob(database), outboxJob(database, transport, log)],
        onError: (job, error) => app.log.error({ err: error }, `scheduled job ${job} failed`),
      });
      const app = await buildServer({
        database, clock, logger: process.env.MAINSTAY_LOG !== 'off', publicLimits: config.publicLimits, trustProxy: config.trustProxy, mailFrom: config.smtpFrom, mapTiles: config.mapTiles,
        testClock: testClock ? { clock: testClock, runDueJobs: (now) => scheduler.runDueJobs(now) } : undefined,
      });
      if (testClock) console.warn('MAINSTAY_TEST_CLOCK=1: the clock can be moved with POST /api/v1/test/clock. Never in production.');
      const limits = config.publicLimits;
      if (limits.intakePerMinute !== DEFAULT_PUBLIC_LIMITS.intakePerMinute || limits.trackingPerMinute !== DEFAULT_PUBLIC_LIMITS.trackingPerMinute) {
        console.warn(`Public doors limited to ${limits.intakePerMinute} new cases and ${limits.trackingPerMinute} tracking calls a minute per address (defaults ${DEFAULT_PUBLIC_LIMITS.intakePerMinute} and ${DEFAULT_PUBLIC_LIMITS.trackingPerMinute}).`);
      }
      scheduler.start();
      // Links new audit events into the hash chain shortly after they commit.
      const chainer = every(AUDIT_CHAIN_INTERVAL_MS, () => chainPendingEvents(database.db), (error) => app.log.error({ err: error }, 'audit chaining failed'));
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.log.info(`${signal}: finishing in-flight requests, then closing the database`);
        await app.close();
        await scheduler.stop();
        await chainer.stop();
        transport?.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGTERM', () => void stop('SIGTERM'));
      process.on('SIGINT', () => void stop('SIGINT'));
      await app.listen({ port: config.port, host: config.host });
      // What the socket is really bound to, not what was asked for (a port of 0, a name).
      const address = boundUrl(app.server.address());
      console.log(`Mainstay is serving on ${address} with ${describeDatabase(config)}.`);
      console.log(isLoopbackHost(config.host) ? 'Only this machine can connect (--host or HOST exposes it).' : `Listening on ${config.host}: other machines can connect.`);
      console.log(`API docs: ${address}/api/v1/docs`);
    });
}

function boundUrl(address: string | AddressInfo | null): string {
  if (!address || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
