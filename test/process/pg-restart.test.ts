/**
 * "A restart of PostgreSQL under load must not crash Mainstay: requests fail with a 503
 * while it is down and succeed again after." Runs against a private, throwaway
 * PostgreSQL 15 instance (initdb in a temp folder, its own port), never the shared
 * server other test files use. PostgreSQL runs only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../test-database.ts';
import {
  ADMIN, call, expectStatus, killAllChildren, runCli, signIn, sleep, startServer, type Running,
} from './harness.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const haveBinaries = ['initdb', 'pg_ctl'].every((b) => existsSync(join(PG_BIN, b)));
const skipReason = !usingPostgres()
  ? 'it restarts a PostgreSQL server under a running Mainstay; this run uses PGlite (no DATABASE_URL)'
  : !haveBinaries ? `the PostgreSQL 15 binaries (${PG_BIN}/initdb, pg_ctl) are not installed` : undefined;
if (skipReason) console.log(`pg-restart tests skipped: ${skipReason}`);

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
function pgCommand(binary: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const asRoot = process.getuid?.() === 0;
  const child = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(join(PG_BIN, binary), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => { output += c; });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { output += c; });
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** How long PostgreSQL stays down, at least. */
const DOWN_MS = 2_000;

interface Outcome { at: number; status: number | 'no answer'; code?: string }

describe.runIf(!skipReason)('PostgreSQL restarting under load (private instance)', () => {
  let dir: string;
  let pgData: string;
  let port: number;
  let url: string;
  let server: Running;
  let pgRunning = false;

  const pgCtl = async (...args: string[]) => {
    const result = await pgCommand('pg_ctl', ['-D', pgData, ...args]);
    if (result.code !== 0) {
      const log = existsSync(join(dir, 'postgres.log')) ? readFileSync(join(dir, 'postgres.log'), 'utf8').slice(-2000) : '';
      throw new Error(`pg_ctl ${args.join(' ')} failed (${result.code}): ${result.output}\n${log}`);
    }
  };
  const startPg = async () => {
    await pgCtl('-l', join(dir, 'postgres.log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`, 'start');
    pgRunning = true;
  };
  const stopPg = async () => {
    await pgCtl('-m', 'fast', '-w', '-t', '60', 'stop');
    pgRunning = false;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mainstay-pg-restart-'));
    pgData = join(dir, 'data');
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const init = await pgCommand('initdb', ['-D', pgData, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    if (init.code !== 0) throw new Error(`initdb failed: ${init.output}`);
    port = await freePort();
    await startPg();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database mainstay');
    await admin.end();
    url = `postgres://postgres@127.0.0.1:${port}/mainstay`;
    const made = await runCli(['admin', 'create', '--email', ADMIN.email, '--password', ADMIN.password], url);
    if (made.code !== 0) throw new Error(`admin create failed: ${made.stderr}`);
    server = await startServer({ databaseUrl: url, dataDir: join(dir, 'unused') });
  });

  afterAll(async () => {
    await killAllChildren();
    if (pgRunning) await pgCommand('pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 database_unavailable while it is down, stays up, and serves again after', async () => {
    const token = await signIn(server.base);
    const unit = async (parentId: string | null, name: string, level: string) =>
      (await expectStatus<{ id: string }>(call(server.base, 'POST', '/units', token, { parentId, name, level }), 201)).id;
    const root = await unit(null, 'Centre', 'central');
    const cell = await unit(await unit(await unit(root, 'Region', 'region'), 'District', 'district'), 'Cell', 'cell');

    // Load: readers of units and a writer of people, until told to stop.
    const outcomes: Outcome[] = [];
    const written: string[] = [];
    let loading = true;
    const t0 = performance.now();
    const record = async (request: () => Promise<{ status: number; body: any }>, onOk?: (body: any) => void) => {
      try {
        const r = await request();
        outcomes.push({ at: performance.now() - t0, status: r.status, code: r.body?.error?.code });
        if (r.status < 300) onOk?.(r.body);
      } catch {
        outcomes.push({ at: performance.now() - t0, status: 'no answer' });
      }
    };
    const reader = async () => {
      while (loading) {
        await record(() => call(server.base, 'GET', '/units/root', token));
        await record(() => call(server.base, 'GET', `/units/${cell}`, token));
        await sleep(5);
      }
    };
    let n = 0;
    let writesNotAcknowledged = 0;
    const writer = async () => {
      while (loading) {
        const before = written.length;
        await record(() => call(server.base, 'POST', '/people', token, { name: `Under load ${n++}`, cellId: cell }), (b) => written.push(b.id));
        if (written.length === before) writesNotAcknowledged++;
        await sleep(10);
      }
    };
    const load = Promise.all([reader(), reader(), reader(), writer()]);
    const since = (t: number) => outcomes.filter((o) => o.at >= t);
    const waitFor = async (what: string, ok: () => boolean, timeoutMs = 30_000) => {
      for (const deadline = Date.now() + timeoutMs; !ok();) {
        if (!server.alive()) throw new Error(`Mainstay died (${JSON.stringify(await server.exited)}): ${server.stderr().slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last outcomes ${JSON.stringify(outcomes.slice(-5))}`);
        await sleep(20);
      }
    };

    try {
      // Up: everything succeeds.
      await sleep(1_000);
      const up = since(0);
      expect(up.length).toBeGreaterThan(20);
      expect(up.filter((o) => o.status !== 200 && o.status !== 201)).toEqual([]);

      // Down: 503 with the error body, and the process stays up.
      const downAt = performance.now() - t0;
      await stopPg();
      const stoppedAt = performance.now() - t0;
      await waitFor('503s while PostgreSQL is down', () => since(stoppedAt).filter((o) => o.status === 503).length >= 20);
      await sleep(Math.max(0, DOWN_MS - (performance.now() - t0 - stoppedAt)));
      const health = await call(server.base, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ error: { code: 'database_unavailable', message: expect.any(String), details: {} } });
      // (Answers produced just before it stopped may be read a moment after.)
      const whileDown = since(stoppedAt + 100);
      expect(whileDown.filter((o) => o.status !== 503), 'answers after PostgreSQL stopped').toEqual([]);
      expect(server.alive()).toBe(true);

      // Back: requests succeed again.
      await startPg();
      const restartedAt = performance.now() - t0;
      await waitFor('success after the restart', () => since(restartedAt).some((o) => o.status === 200));
      const recoveredAt = since(restartedAt).find((o) => o.status === 200)!.at;
      await sleep(1_000);
      const after = outcomes.filter((o) => o.at > recoveredAt + 200);
      expect(after.length).toBeGreaterThan(20);
      expect(after.filter((o) => o.status !== 200 && o.status !== 201), 'answers once it is back').toEqual([]);
      expect(after.some((o) => o.status === 201), 'writes succeed again').toBe(true);

      // Over the whole run: every request got an answer, and every failure was a 503
      // with the database_unavailable body; never a 500, never a dropped connection.
      loading = false;
      await load;
      const failures = outcomes.filter((o) => o.status !== 200 && o.status !== 201);
      expect(failures.filter((o) => o.status !== 503 || o.code !== 'database_unavailable')).toEqual([]);
      expect(failures.every((o) => o.at >= downAt)).toBe(true);
      console.log(`pg restart: ${outcomes.length} requests, ${failures.length} answered 503 while PostgreSQL was down `
        + `(${Math.round(restartedAt - stoppedAt)} ms), serving again ${Math.round(recoveredAt - restartedAt)} ms after it was back`);
    } finally {
      loading = false;
      await load;
    }

    // Everything acknowledged under load is stored; the process is healthy and stops cleanly.
    expect(written.length).toBeGreaterThan(0);
    for (const id of written) expect((await call(server.base, 'GET', `/people/${id}`, token)).status, id).toBe(200);
    // A write answered 503 may still have committed (the answer lost with the connection).
    const members = (await call(server.base, 'GET', `/units/${root}`, token)).body.counts.members as number;
    expect(members).toBeGreaterThanOrEqual(written.length);
    expect(members).toBeLessThanOrEqual(written.length + writesNotAcknowledged);
    expect((await call(server.base, 'GET', '/health')).status).toBe(200);
    expect(server.alive()).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited, server.stderr()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
