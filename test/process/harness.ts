/**
 * Helpers for tests that run the real CLI as child processes: start `serve`, kill it,
 * run one-shot commands, call the HTTP API, and prepare a backend for a child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabaseUrl, usingPostgres } from '../test-database.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/mainstay.js');
export const ADMIN = { email: 'process-admin@example.org', password: 'process-test-password' };

const children = new Set<ChildProcess>();

/** SIGKILLs every child still running; call it from afterAll. */
export async function killAllChildren(): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      waits.push(new Promise((done) => child.once('exit', done)));
      child.kill('SIGKILL');
    }
  }
  children.clear();
  await Promise.all(waits);
}

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

/** The environment of a child: silent request logs, and the backend chosen by `databaseUrl`. */
export function childEnv(databaseUrl: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MAINSTAY_LOG: 'off', ...extra };
  delete env.DATABASE_URL;
  delete env.MAINSTAY_DATA_DIR;
  delete env.PORT;
  // Mail and the test clock only when a test asks for them.
  for (const name of ['SMTP_URL', 'SMTP_FROM', 'MAINSTAY_TEST_CLOCK']) if (!(name in extra)) delete env[name];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

export interface Running {
  child: ChildProcess;
  pid: number;
  /** e.g. http://127.0.0.1:40123 */
  base: string;
  exited: Promise<Exit>;
  stdout(): string;
  stderr(): string;
  alive(): boolean;
  /** SIGKILL, synchronously: nothing else happens in this process before the signal is sent. */
  kill9(): void;
}

export interface ServeOptions {
  /** The child's DATABASE_URL; absent for the embedded database in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Request logs on (for tests that watch requests arrive). */
  log?: boolean;
  startTimeoutMs?: number;
  /** More environment for the child (e.g. SMTP_URL, MAINSTAY_TEST_CLOCK). */
  env?: Record<string, string>;
}

/** Starts `mainstay serve --port 0` and resolves once it prints that it is serving. */
export function startServer(options: ServeOptions): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', options.dataDir], {
    cwd: ROOT,
    env: childEnv(options.databaseUrl, { ...(options.log ? { MAINSTAY_LOG: 'on' } : {}), ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => { children.delete(child); done({ code, signal }); }));
  const running: Running = {
    child,
    pid: child.pid!,
    base: '',
    exited,
    stdout: () => out,
    stderr: () => err,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill9: () => { child.kill('SIGKILL'); },
  };
  return new Promise<Running>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within ${options.startTimeoutMs ?? 60_000} ms.\nstdout: ${out}\nstderr: ${err}`));
    }, options.startTimeoutMs ?? 60_000);
    const onData = () => {
      const match = /Mainstay is serving on (http:\/\/[^\s]+) with/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolvePromise({ ...running, base: match[1]!.replace('localhost', '127.0.0.1') });
    };
    child.stdout!.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${exit.code ?? exit.signal}) before serving.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  ms: number;
  /** From spawn to its first line on stdout (its result, for the commands here), if any. */
  firstOutputMs: number | undefined;
}

/** Runs one CLI command to its end. */
export function runCli(args: string[], databaseUrl: string | undefined, timeoutMs = 60_000): Promise<CliResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(databaseUrl), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let firstOutputMs: number | undefined;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    firstOutputMs ??= performance.now() - started;
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done) => child.once('exit', (code, signal) => {
    clearTimeout(timer);
    children.delete(child);
    done({ code, signal, stdout, stderr, ms: performance.now() - started, firstOutputMs });
  }));
}

export interface Reply<T = any> { status: number; body: T }

/** One JSON request; rejects only when no HTTP answer came back (connection refused or reset). */
export async function call<T = any>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* keep the text */ }
  return { status: res.status, body: parsed as T };
}

export async function expectStatus<T = any>(reply: Promise<Reply<T>>, status: number): Promise<T> {
  const r = await reply;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function signIn(base: string): Promise<string> {
  return (await expectStatus<{ token: string }>(call(base, 'POST', '/session', undefined, ADMIN), 200)).token;
}

/** A backend for child processes: a temp data folder (PGlite) or a fresh database copied from the template. */
export interface Backend {
  kind: 'pglite' | 'postgres';
  /** Where a child keeps its embedded database (unused on PostgreSQL, but `serve` takes it). */
  dataDir: string;
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
}

/** `adminTimeoutMs`: how long the first `admin create` (which creates the embedded database) may take. */
export async function prepareBackend(adminTimeoutMs = 60_000): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'mainstay-process-'));
  const dataDir = join(dir, 'data');
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (usingPostgres()) {
    const created = await createTestDatabaseUrl();
    databaseUrl = created.url;
    drop = created.drop;
  }
  // Creates the embedded database (or migrates the copy) and the account the tests sign in with.
  const made = await runCli(['admin', 'create', '--email', ADMIN.email, '--password', ADMIN.password, '--data', dataDir], databaseUrl, adminTimeoutMs);
  if (made.code !== 0) throw new Error(`admin create failed (${made.code}): ${made.stderr}`);
  return {
    kind: databaseUrl ? 'postgres' : 'pglite',
    dataDir,
    databaseUrl,
    async cleanup() {
      await killAllChildren();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Tree { root: string; region: string; districts: string[]; cells: string[]; districtOf: Map<string, string> }

/** central → region → 2 districts; 2 cells under the first, 1 under the second. */
export async function createTree(base: string, token: string): Promise<Tree> {
  const unit = async (parentId: string | null, name: string, level: string) =>
    (await expectStatus<{ id: string }>(call(base, 'POST', '/units', token, { parentId, name, level }), 201)).id;
  const root = await unit(null, 'Centre', 'central');
  const region = await unit(root, 'Region', 'region');
  const dA = await unit(region, 'District A', 'district');
  const dB = await unit(region, 'District B', 'district');
  const cells = [await unit(dA, 'Cell A1', 'cell'), await unit(dA, 'Cell A2', 'cell'), await unit(dB, 'Cell B1', 'cell')];
  return { root, region, districts: [dA, dB], cells, districtOf: new Map([[cells[0]!, dA], [cells[1]!, dA], [cells[2]!, dB]]) };
}

/** Every member id of a unit through the API, paging to the end. */
export async function listMembers(base: string, token: string, unitId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: Array<{ id: string }>; nextCursor: string | null } =
      await expectStatus(call(base, 'GET', `/units/${unitId}/members${query}`, token), 200);
    ids.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A small seeded generator, so a failing run can be replayed by its seed. */
export { seededRandom } from '../../src/domain/demo/names.ts';
