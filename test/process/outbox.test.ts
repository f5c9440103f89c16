/**
 * The outbox as an operator runs it: `mainstay serve` with SMTP_URL delivers mail
 * queued while it was down (catching up at start) to a real SMTP server on loopback;
 * with MAINSTAY_TEST_CLOCK=1 the test clock drives retries to the final 'failed';
 * without it the route does not exist; `mainstay outbox` lists what happened.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { systemActor, transact } from '../../src/domain/context.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { enqueueMessage } from '../../src/platform/outbox/enqueue.ts';
import { call, prepareBackend, runCli, signIn, startServer, type Backend, type Running } from './harness.ts';

let backend: Backend;
let smtp: SMTPServer;
let smtpUrl: string;
const delivered: string[] = [];
let rejections = 0;

async function stop(server: Running) {
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
}

beforeAll(async () => {
  backend = await prepareBackend();
  // Queued while no server runs: the first run of the outbox job must find it.
  const database = await openDatabase({ url: backend.databaseUrl, dataDir: backend.dataDir, command: 'outbox test' });
  await transact(database, systemActor('test'), systemClock, async (ctx) => {
    await enqueueMessage(ctx.db, { to: 'welcome@example.org', subject: 'Welcome', text: 'Welcome aboard.', kind: 'test.welcome' });
    await enqueueMessage(ctx.db, { to: 'nobody@example.org', subject: 'Lost', text: 'Never arrives.', kind: 'test.lost' });
  });
  await database.close();
  smtp = new SMTPServer({
    logger: false, authOptional: true, disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address !== 'nobody@example.org') return callback();
      rejections++;
      callback(Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        delivered.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await backend?.cleanup();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('mainstay serve and mainstay outbox', () => {
  it('delivers queued mail at start, and the test clock drives retries until the message is given up', async () => {
    const server = await startServer({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir, env: { SMTP_URL: smtpUrl, MAINSTAY_TEST_CLOCK: '1' } });
    await expect.poll(() => delivered, { timeout: 20_000 }).toEqual(['welcome@example.org']);
    expect(server.stderr()).toContain('MAINSTAY_TEST_CLOCK=1');
    const token = await signIn(server.base);
    // Each call moves an hour, past any backoff, and runs the jobs: one attempt each.
    for (let i = 0; i < 12 && rejections < 8; i++) {
      const moved = await call(server.base, 'POST', '/test/clock', token, { advanceSeconds: 3600 });
      expect(moved.status).toBe(200);
      expect(Date.parse(moved.body.now)).toBeGreaterThan(Date.now() + i * 3600_000);
    }
    expect(rejections).toBe(8);
    // (Sessions expire by the same clock: 12 hours, so a moderate last step.)
    expect((await call(server.base, 'POST', '/test/clock', token, { advanceSeconds: 3600 })).status).toBe(200);
    expect(rejections).toBe(8);
    expect(delivered).toEqual(['welcome@example.org']);
    await stop(server);
  });

  it('has no test clock without MAINSTAY_TEST_CLOCK=1', async () => {
    const server = await startServer({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir });
    const token = await signIn(server.base);
    const response = await call(server.base, 'POST', '/test/clock', token, { advanceSeconds: 3600 });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('route_not_found');
    await stop(server);
  });

  it('lists the outbox, by status and within a limit', async () => {
    const all = await runCli(['outbox', '--data', backend.dataDir], backend.databaseUrl);
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines[0]).toBe('created\tstatus\tattempts\tto\tsubject\tlast error');
    const rows = lines.slice(1).map((l) => l.split('\t'));
    expect(rows.map((r) => [r[1], r[2], r[3], r[4]]).sort()).toEqual([
      ['failed', '8', 'nobody@example.org', 'Lost'],
      ['sent', '1', 'welcome@example.org', 'Welcome'],
    ]);
    expect(rows.find((r) => r[1] === 'failed')![5]).toMatch(/550.*No such user/);

    const failed = await runCli(['outbox', '--status', 'failed', '--limit', '1', '--data', backend.dataDir], backend.databaseUrl);
    expect(failed.stdout.trim().split('\n').slice(1).map((l) => l.split('\t')[3])).toEqual(['nobody@example.org']);

    const wrong = await runCli(['outbox', '--status', 'lost'], backend.databaseUrl);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/pending, sending, sent, failed/);
  });
});
