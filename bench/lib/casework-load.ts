/** Load for bench:cases: the public intake body mix, autocannon runs with a CPU split, and sequential page latency. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Urgency } from '../../src/db/schema-cases.ts';
import type { CreateCaseInput } from '../../src/domain/cases/create-case.ts';
import { CATEGORIES, pointInCell } from './casework-data.ts';
import { request } from './http.ts';
import { summarize, type Summary } from './stats.ts';

export interface IntakeMix { cells: number; localities: string[]; placedShare: number; localityShare: number }

/** The urgencies people pick, by weight. */
const URGENCY_SLOTS: Urgency[] = [...Array<Urgency>(30).fill('low'), ...Array<Urgency>(50).fill('normal'), ...Array<Urgency>(17).fill('urgent'), ...Array<Urgency>(3).fill('life_threatening')];
const CATEGORY_SLOTS = CATEGORIES.flatMap((c) => Array(c.weight).fill(c.code) as string[]);
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

/**
 * One public intake body: most name a point (a random cell of the whole map, so the
 * cases spread over the tree), some only an address naming a sub-district, the rest
 * neither (they wait in the root's triage queue); 60 % give contact details.
 */
export function intakeBody(mix: IntakeMix, n: number): CreateCaseInput {
  const r = Math.random();
  const place = r < mix.placedShare ? pointInCell(Math.floor(Math.random() * mix.cells), mix.cells)
    : r < mix.placedShare + mix.localityShare && mix.localities.length > 0 ? { address: `${(n % 200) + 1} Market Street, ${pick(mix.localities)}` } : {};
  const contact = Math.random();
  return {
    categoryCode: pick(CATEGORY_SLOTS),
    urgency: pick(URGENCY_SLOTS),
    description: `The water has been leaking from the ceiling of the stairwell since Tuesday (load test request ${n}); the neighbours on the second floor are affected too.`,
    ...place,
    ...(contact < 0.6 ? { requester: { name: `Resident ${n}`, ...(contact < 0.45 ? { email: `resident${n}@example.org` } : { phone: '+82 10 5555 0101' }) } } : {}),
  };
}

// ---- CPU time of the processes involved (Linux /proc) -----------------------------------------

const TICKS = (() => {
  try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { return 100; }
})();

function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
  } catch {
    return 0;
  }
}

/**
 * CPU seconds by pid of the PostgreSQL processes that work for `database`: its backends
 * (named in their process title) and the shared background processes (WAL writer,
 * checkpointer, autovacuum…); other databases' backends on a shared server are left out.
 */
function postgresCpu(database: string | undefined): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const backend = /\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]/.test(title);
      if (backend && database && !title.includes(` ${database} `)) continue;
      byPid.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch { /* gone */ }
  }
  return byPid;
}

/** What those processes alive now used since `before` (those started since count in full; those gone are lost). */
function postgresCpuSince(before: Map<number, number>, database: string | undefined): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpu(database)) total += Math.max(0, seconds - (before.get(pid) ?? 0));
  return total;
}

/** Busy and total CPU time of the whole machine, in seconds (from /proc/stat). */
function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (line[3] ?? 0) + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

export interface CpuSplit {
  /** CPU-seconds per second of wall time (1.0 = one core busy); PostgreSQL: the benchmark database's backends and the shared background processes. */
  server: number; postgres: number; loadGenerator: number; machineBusy: number; other: number; cores: number;
}

/** Starts counting; the returned function gives the CPU used since, per second of wall time. */
export function cpuMeter(serverPid: number | undefined, database?: string): () => CpuSplit {
  const start = { t: performance.now(), server: serverPid ? processCpuSeconds(serverPid) : 0, pg: postgresCpu(database), self: process.cpuUsage(), machine: machineCpu() };
  return () => {
    const seconds = (performance.now() - start.t) / 1000;
    const self = process.cpuUsage(start.self);
    const machine = machineCpu();
    const server = serverPid ? (processCpuSeconds(serverPid) - start.server) / seconds : 0;
    const postgres = postgresCpuSince(start.pg, database) / seconds;
    const loadGenerator = (self.user + self.system) / 1e6 / seconds;
    const machineBusy = (machine.busy - start.machine.busy) / seconds;
    return { server, postgres, loadGenerator, machineBusy, other: Math.max(0, machineBusy - server - postgres - loadGenerator), cores: (machine.total - start.machine.total) / seconds };
  };
}

// ---- load -------------------------------------------------------------------------------------------

export interface IntakeRun {
  connections: number;
  /** Open loop at this many requests a second; undefined: closed loop (each connection sends as soon as it has an answer). */
  rate: number | undefined;
  seconds: number;
  created: number;
  perSecond: number;
  p50: number; p90: number; p97_5: number; p99: number; max: number;
  non2xx: number; errors: number;
  statusCodes: Record<string, number>;
  firstError: string | undefined;
  cpu: CpuSplit;
}

/** Public intake under load: `connections` clients posting new cases for `seconds`. */
export async function intakeLoad(base: string, mix: IntakeMix, options: { connections: number; seconds: number; rate?: number | undefined; serverPid?: number | undefined; database?: string | undefined }): Promise<IntakeRun> {
  let n = 0;
  let firstError: string | undefined;
  const meter = cpuMeter(options.serverPid, options.database);
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [{
      method: 'POST', path: '/api/v1/public/cases', headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(intakeBody(mix, n++)) }),
      onResponse: (status, body) => { if (status !== 201 && firstError === undefined) firstError = `${status} ${body.slice(0, 300)}`; },
    }],
  });
  const cpu = meter();
  return {
    connections: options.connections, rate: options.rate, seconds: result.duration, created: result['2xx'],
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max,
    non2xx: result.non2xx, errors: result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    firstError, cpu,
  };
}

/** A bare route under the same load: what the framework, the pool and the machine allow at best. */
export async function healthLoad(base: string, connections: number, seconds: number): Promise<{ perSecond: number; p99: number }> {
  const result = await autocannon({ url: base, connections, duration: seconds, requests: [{ method: 'GET', path: '/api/v1/health' }] });
  return { perSecond: result['2xx'] / result.duration, p99: result.latency.p99 };
}

// ---- pages one at a time --------------------------------------------------------------------------

export interface PageRun extends Summary { label: string; count: number; note?: string }

/**
 * Sequential requests over one keep-alive connection, cycling through `urls` (e.g. a
 * different case each time); every reply must be `expect`. Stops early after `budgetMs`.
 */
export async function sequentialPages(label: string, urls: string[], token: string | undefined, count: number, options: { budgetMs?: number; expect?: number } = {}): Promise<PageRun> {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const url = urls[i % urls.length]!;
    const reply = await request('GET', url, token);
    if (reply.status !== (options.expect ?? 200)) throw new Error(`GET ${url} → ${reply.status}: ${reply.body.slice(0, 300)}`);
    samples.push(reply.ms);
    if (options.budgetMs && performance.now() - started > options.budgetMs) break;
  }
  return { label, count: samples.length, ...summarize(samples) };
}

/** Sequential public intake, one new case at a time (latency of the form's submit). */
export async function sequentialIntake(base: string, mix: IntakeMix, count: number): Promise<PageRun> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await request('POST', `${base}/api/v1/public/cases`, undefined, intakeBody(mix, 1_000_000 + i));
    if (reply.status !== 201) throw new Error(`POST /api/v1/public/cases → ${reply.status}: ${reply.body.slice(0, 300)}`);
    samples.push(reply.ms);
  }
  return { label: 'public intake (POST /api/v1/public/cases)', count, ...summarize(samples) };
}
