/**
 * The data-directory lock, between real processes: a second server or a CLI command on a
 * folder a live server holds fails at once and names that server's pid; the lock of a
 * SIGKILLed server is taken over by the next start. PGlite only: a PostgreSQL run has
 * no data folder to lock.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../test-database.ts';
import {
  ADMIN, ROOT, call, expectStatus, killAllChildren, prepareBackend, runCli, signIn, startServer, type Backend, type CliResult, type Running,
} from './harness.ts';

const skipReason = 'the data-directory lock guards the embedded database (PGlite); this run uses a PostgreSQL server (DATABASE_URL), which has no data folder of ours and manages concurrent clients itself';
if (usingPostgres()) console.log(`data-dir-lock tests skipped: ${skipReason}`);

/**
 * Runs a command that should be refused, and beside it `--help`: refused at once means
 * it took little longer than the CLI takes to start at all under the same load (the
 * lock comes before the database is opened), nowhere near waiting for the holder.
 */
async function runRefused(args: string[]): Promise<CliResult & { baselineMs: number }> {
  const [result, help] = await Promise.all([runCli(args, undefined, 20_000), runCli(['--help'], undefined, 20_000)]);
  expect(help.code, help.stderr).toBe(0);
  return { ...result, baselineMs: help.ms };
}

describe.runIf(!usingPostgres())('data-directory lock between processes (PGlite)', () => {
  let backend: Backend;
  let holder: Running;
  let token: string;
  const lockFile = () => join(backend.dataDir, 'mainstay.lock');
  const lockHolderPid = () => (JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number }).pid;

  const expectRefusedBy = (result: CliResult & { baselineMs: number }, pid: number) => {
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.code).not.toBeNull(); // exited by itself, not killed by our timeout
    expect(result.stderr).toContain(`in use by process ${pid}`);
    expect(result.ms, `refused after ${Math.round(result.ms)} ms; --help took ${Math.round(result.baselineMs)} ms`)
      .toBeLessThan(result.baselineMs + 2_500);
  };

  beforeAll(async () => {
    backend = await prepareBackend();
    holder = await startServer(backend);
    token = await signIn(holder.base);
    await expectStatus(call(holder.base, 'POST', '/units', token, { parentId: null, name: 'Centre', level: 'central' }), 201);
  });

  afterAll(async () => {
    await killAllChildren();
    await backend?.cleanup();
  });

  it('the running server holds the lock under its own pid', () => {
    expect(lockHolderPid()).toBe(holder.pid);
  });

  it('a second serve on the same folder exits at once, naming the pid that holds it', async () => {
    const second = await runRefused(['serve', '--port', '0', '--host', '127.0.0.1', '--data', backend.dataDir]);
    expectRefusedBy(second, holder.pid);
    expect(second.stdout).not.toContain('Mainstay is serving');
  });

  it('CLI commands on the same folder are refused the same way', async () => {
    expectRefusedBy(await runRefused(['migrate', '--data', backend.dataDir]), holder.pid);
    expectRefusedBy(
      await runRefused(['admin', 'create', '--email', 'second@example.org', '--password', 'another-password-1', '--data', backend.dataDir]),
      holder.pid,
    );
  });

  it('the refused processes left the holder and its lock alone', async () => {
    expect(holder.alive()).toBe(true);
    expect(lockHolderPid()).toBe(holder.pid);
    expect((await call(holder.base, 'GET', '/health')).status).toBe(200);
    // The admin create that was refused wrote nothing: that address cannot sign in.
    expect((await call(holder.base, 'POST', '/session', undefined, { email: 'second@example.org', password: 'another-password-1' })).status).toBe(401);
  });

  it('after SIGKILL of the holder, the next start takes over the stale lock and finds the data', async () => {
    const killedPid = holder.pid;
    holder.kill9();
    expect((await holder.exited).signal).toBe('SIGKILL');
    // Nothing removed it: the file still names the dead process.
    expect(lockHolderPid()).toBe(killedPid);

    const next = await startServer(backend);
    expect(next.pid).not.toBe(killedPid);
    expect(lockHolderPid()).toBe(next.pid);
    const root = await call(next.base, 'GET', '/units/root', await signIn(next.base));
    expect(root.status).toBe(200);
    expect(root.body.name).toBe('Centre');

    // And the new holder is protected like the first one was.
    expectRefusedBy(await runRefused(['migrate', '--data', backend.dataDir]), next.pid);

    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile())).toBe(false);
  });

  it('with the folder free, a CLI command runs and releases the lock when done', async () => {
    const made = await runCli(['admin', 'create', '--email', 'second@example.org', '--password', 'another-password-1', '--data', backend.dataDir], undefined);
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
    const server = await startServer(backend);
    expect((await call(server.base, 'POST', '/session', undefined, { email: 'second@example.org', password: 'another-password-1' })).status).toBe(200);
    expect((await call(server.base, 'POST', '/session', undefined, ADMIN)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });

  it('two servers started together on a stale lock: exactly one serves, the other names it', async () => {
    const first = await startServer(backend);
    first.kill9();
    await first.exited;
    const racers = await Promise.allSettled([startServer(backend), startServer(backend)]);
    const serving = racers.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = racers.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(serving).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain(`in use by process ${serving[0]!.pid}`);
    expect(lockHolderPid()).toBe(serving[0]!.pid);
    serving[0]!.child.kill('SIGTERM');
    expect((await serving[0]!.exited).code).toBe(0);
  });
});

/**
 * Processes that meet a stale lock at the same instant (each spins to a moment agreed
 * once all are ready, so they collide within a millisecond): exactly one may win.
 * Starting whole servers side by side rarely collides that closely.
 */
describe.runIf(!usingPostgres())('stale lock taken over by racing processes (PGlite)', () => {
  const RACERS = 6;
  const ROUNDS = 10;
  const racer = `
    const { lockDataDir } = await import(process.env.LOCK_MODULE);
    process.stdin.setEncoding('utf8');
    let input = '';
    process.stdin.on('data', (chunk) => {
      input += chunk;
      const go = /go (\\d+)\\n/.exec(input);
      if (!go || input.includes('started')) return;
      input += 'started';
      while (Date.now() < Number(go[1])) { /* spin to the agreed moment */ }
      try {
        lockDataDir(process.env.LOCK_DIR, 'racer');
        process.stdout.write('won\\n');
      } catch (error) {
        process.stdout.write('lost ' + error.message + '\\n');
        process.exit(0);
      }
    });
    process.stdin.on('end', () => process.exit(0)); // the winner holds the lock until then
    process.stdout.write('ready\\n');
  `;

  it(`${RACERS} processes, ${ROUNDS} rounds: one winner each time, the others name it`, async () => {
    const dirs: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const dir = mkdtempSync(join(tmpdir(), 'mainstay-lock-race-'));
        dirs.push(dir);
        // Left by a process that no longer exists.
        writeFileSync(join(dir, 'mainstay.lock'), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), command: 'mainstay serve', since: '2026-01-01T00:00:00.000Z' }));
        const procs = Array.from({ length: RACERS }, () => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', racer], {
            cwd: ROOT,
            env: { ...process.env, LOCK_MODULE: pathToFileURL(join(ROOT, 'src/db/data-dir-lock.ts')).href, LOCK_DIR: dir },
            stdio: ['pipe', 'pipe', 'inherit'],
          });
          let out = '';
          const lines = (wanted: RegExp) => new Promise<string>((done, fail) => {
            const check = () => { const m = wanted.exec(out); if (m) done(m[0]); };
            child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; check(); });
            child.once('exit', () => { check(); fail(new Error(`racer ${child.pid} exited without ${wanted}: ${out}`)); });
            check();
          });
          const ready = lines(/ready\n/);
          const outcome = ready.then(() => lines(/(won|lost [^\n]*)\n/));
          const exited = new Promise((done) => child.once('exit', done));
          return { child, ready, outcome, exited };
        });
        try {
          await Promise.all(procs.map((p) => p.ready));
          const at = Date.now() + 150;
          for (const p of procs) p.child.stdin!.write(`go ${at}\n`);
          const outcomes = await Promise.all(procs.map((p) => p.outcome));
          const winners = procs.filter((_, i) => outcomes[i]!.startsWith('won'));
          expect(winners, `round ${round}: ${outcomes.join(' | ')}`).toHaveLength(1);
          const winner = winners[0]!.child.pid!;
          for (const o of outcomes.filter((o) => o.startsWith('lost'))) expect(o).toContain(`in use by process ${winner}`);
          expect((JSON.parse(readFileSync(join(dir, 'mainstay.lock'), 'utf8')) as { pid: number }).pid).toBe(winner);
        } finally {
          for (const p of procs) p.child.stdin!.end();
          await Promise.all(procs.map((p) => p.exited));
        }
        // The winner released its lock on exit; nothing else was left behind.
        expect(readdirSync(dir)).toEqual([]);
      }
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
