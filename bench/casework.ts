/**
 * `npm run bench:cases`: casework at national scale (issue 5, Performance).
 *
 * Takes 6–8 minutes once the data is there. The first run loads the national
 * organization (505,213 units, 10,000,000 members: about 10 minutes, shared with
 * bench:web's database) and seeds 1,000,000 cases (20 % open) set-based: about 25
 * minutes more on 2 cores, most of it in migration 0008's insert trigger (18 min for the
 * cases, 3 min to fold the log). Later runs reuse both; the cases a run adds through
 * intake stay, closed at the start of the next run.
 *
 * On PostgreSQL it starts the real server (`mainstay serve`, with the public intake
 * limit raised so that one loopback address may send a load) and measures: the unit
 * dashboard at the root, a region, a district and a cell; a case page, a cell's queue
 * and the tracking page one request at a time; then public intake under autocannon at
 * several connection counts (closed loop) and at the goal rate (open loop), with the
 * CPU split between the server, PostgreSQL and the load generator — and, when intake
 * misses its goal, where the time goes (every statement of an intake timed, and the
 * server's CPU profile). Then the same pages on PGlite with 5,000 cases, and the
 * escalation sweep (bench/casework-sweep.ts). Writes the casework section of
 * docs/benchmarks.md.
 *
 * BENCH_CASES_DATABASE_URL (default: bench:web's mainstay_bench_web), BENCH_CASES (1000000),
 * BENCH_CASES_RESEED=1 (clear the cases and seed again), BENCH_CASES_SECONDS (30 per load run),
 * BENCH_CASES_CONNECTIONS (10,25,50), BENCH_CASES_REQUESTS (300 per page), BENCH_CASES_PG=0,
 * BENCH_CASES_PGLITE=0, BENCH_CASES_PROFILE=0|1 (default: only when intake misses), BENCH_CASES_SWEEP=0,
 * BENCH_CASES_OUT (default docs/benchmarks.md), BENCH_CASES_RENDER=1 (write the section again from the last
 * run's .bench/casework-results.json, measuring nothing).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { clearCases, foldStats, seedCasework, seededCases, seededTrackingToken, settleEarlierIntake, type SeedReport } from './lib/casework-data.ts';
import { healthLoad, intakeLoad, sequentialIntake, sequentialPages, type IntakeMix, type IntakeRun, type PageRun } from './lib/casework-load.ts';
import { casesTriggerCost, logBloat, profileIntake, summarizeCpuProfile, type IntakeProfile, type LogBloat, type ProfileShare, type TriggerCost } from './lib/casework-profile.ts';
import { renderCasework, type CaseworkResults, type PgCasework, type PgliteCasework } from './lib/casework-report.ts';
import { LEVELS } from './lib/config.ts';
import { json } from './lib/http.ts';
import { ensureNationalOrganization, NATIONAL_DATABASE_URL } from './lib/national.ts';
import { log, mainstay, ROOT, run, startServer, type Server } from './lib/proc.ts';
import { writeSection } from './lib/sections.ts';
import { checkBenchDatabase, query } from './lib/sql.ts';
import { fixed, int, ms } from './lib/stats.ts';

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw.replaceAll('_', '')) : fallback;
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not "${raw}".`);
  return n;
};
const url = process.env.BENCH_CASES_DATABASE_URL || NATIONAL_DATABASE_URL;
const CASES = num('BENCH_CASES', 1_000_000);
const OPEN_SHARE = 0.2;
const SECONDS = num('BENCH_CASES_SECONDS', 30);
const WARMUP_SECONDS = 10;
const CONNECTIONS = (process.env.BENCH_CASES_CONNECTIONS || '10,25,50').split(',').map((c) => num('BENCH_CASES_CONNECTIONS', Number(c)));
const REQUESTS = num('BENCH_CASES_REQUESTS', 300);
const GOAL = { intakePerSecond: 800, intakeP99: 100, dashboardP95: 20, pgliteP95: 50 };
const PGLITE_CASES = 5_000;
const PGLITE_SHAPE = [4, 20, 100, 1_000];
const PGLITE_MEMBERS = 20_000;
// High enough that one loopback address is never limited; the server prints it at start.
const LOAD_LIMIT = 100_000_000;
const limitEnv = { MAINSTAY_PUBLIC_INTAKE_PER_MINUTE: String(LOAD_LIMIT), MAINSTAY_PUBLIC_TRACKING_PER_MINUTE: String(LOAD_LIMIT) };
const started = Date.now();

const password = `Mst-${randomBytes(12).toString('base64url')}`;
const stamp = Date.now();

async function createAdmin(env: NodeJS.ProcessEnv, dataArgs: string[] = []) {
  const email = `cases-bench-${stamp}@example.org`;
  await mainstay(['admin', 'create', '--email', email, '--password', password, ...dataArgs], { env });
  return email;
}

async function signIn(base: string, email: string) {
  return (await json<{ token: string }>('POST', `${base}/api/v1/session`, undefined, { email, password })).token;
}

/** A person of the cell made its secretary (or another role if it has one), with an account: the queue as a cell sees it. */
async function cellOfficial(base: string, adminToken: string, cellId: string, personId: string): Promise<string> {
  for (const role of ['secretary', 'deputy', 'official']) {
    try {
      await json('POST', `${base}/api/v1/units/${cellId}/officials`, adminToken, { personId, role });
      break;
    } catch { /* the role is taken, or the person holds one already */ }
  }
  const email = `cases-bench-cell-${stamp}@example.org`;
  await json('POST', `${base}/api/v1/accounts`, adminToken, { personId, email, password });
  return signIn(base, email);
}

function startLoadServer(env: NodeJS.ProcessEnv, args: string[] = [], nodeArgs: string[] = []): Promise<Server> {
  log(`starting the server with the public limits raised to ${int(LOAD_LIMIT)} a minute per address (MAINSTAY_PUBLIC_INTAKE_PER_MINUTE, MAINSTAY_PUBLIC_TRACKING_PER_MINUTE): the load comes from one loopback address`);
  return startServer(args, { ...env, ...limitEnv }, nodeArgs);
}

const pageLine = (p: PageRun) => `${p.label}: p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)} (${p.count})`;
const runLine = (r: IntakeRun) => `${r.rate ? `open loop ${r.rate}/s` : 'closed loop'}, ${r.connections} connections: ${fixed(r.perSecond, 0)} cases/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, non-2xx ${r.non2xx}, errors ${r.errors}; CPU server ${fixed(r.cpu.server, 2)}, postgres ${fixed(r.cpu.postgres, 2)}, autocannon ${fixed(r.cpu.loadGenerator, 2)} of ${fixed(r.cpu.cores, 1)} cores${r.firstError ? `; first failure: ${r.firstError.slice(0, 160)}` : ''}`;

/** The tree's places the pages are read at, and samples of cases and tokens. */
async function samples(dbUrl: string | undefined, database: Awaited<ReturnType<typeof openDatabase>>, seeded: number) {
  const q = async <R>(text: ReturnType<typeof sql<R>>) => (await text.execute(database.db)).rows;
  const cellDepth = (await q(sql<{ d: number }>`select max(depth)::int as d from levels`))[0]!.d;
  const root = (await q(sql<{ id: string }>`select id from units where parent_id is null`))[0]!.id;
  const region = (await q(sql<{ id: string }>`select id from units where depth = 1 order by name, id limit 1`))[0]!.id;
  const district = (await q(sql<{ id: string }>`select id from units where depth = 2 and ancestor_ids[2] = ${region}::uuid order by name, id limit 1`))[0]!.id;
  // The busiest cell: its queue is the longest a cell has.
  const cell = (await q(sql<{ id: string; n: number }>`
    select owning_unit_id as id, count(*)::int as n from cases where cardinality(owner_path) = ${cellDepth + 1} group by 1 order by 2 desc, 1 limit 1`))[0]!;
  // Someone without an account yet: each run makes its own.
  const person = (await q(sql<{ id: string }>`
    select p.id from people p where p.cell_id = ${cell.id}::uuid and not exists (select 1 from accounts a where a.person_id = p.id) order by p.id limit 1`))[0]?.id;
  const caseIds = (await q(sql<{ id: string }>`select id from cases where reference like 'S-%' order by md5(id::text) limit ${REQUESTS}`)).map((r) => r.id);
  const cellCaseIds = (await q(sql<{ id: string }>`select id from cases where owning_unit_id = ${cell.id}::uuid`)).map((r) => r.id);
  const tokens = Array.from({ length: REQUESTS }, (_, i) => seededTrackingToken(1 + Math.floor(((i * 7919) % REQUESTS) / REQUESTS * seeded)));
  const localities = (await q(sql<{ l: string }>`select localities[1] as l from unit_service_areas where cardinality(localities) > 0 order by unit_id limit 2000`)).map((r) => r.l);
  const cells = (await q(sql<{ n: number }>`select count(*)::int as n from units where depth = ${cellDepth} and closed_at is null`))[0]!.n;
  void dbUrl;
  return { root, region, district, cell: cell.id, cellCases: cell.n, person, caseIds, cellCaseIds, tokens, localities, cells };
}

type Samples = Awaited<ReturnType<typeof samples>>;

/** Every page read one at a time; the dashboard at four levels. */
async function readPages(base: string, adminToken: string, cellToken: string | undefined, s: Samples, count: number): Promise<PageRun[]> {
  const api = `${base}/api/v1`;
  const out: PageRun[] = [];
  const measure = async (p: Promise<PageRun>) => { const r = await p; log(`  ${pageLine(r)}`); out.push(r); };
  await measure(sequentialPages('dashboard at the root', [`${api}/units/${s.root}/case-dashboard`], adminToken, count));
  await measure(sequentialPages('dashboard at a region', [`${api}/units/${s.region}/case-dashboard`], adminToken, count));
  await measure(sequentialPages('dashboard at a district', [`${api}/units/${s.district}/case-dashboard`], adminToken, count));
  await measure(sequentialPages('dashboard at a cell', [`${api}/units/${s.cell}/case-dashboard`], adminToken, count));
  await measure(sequentialPages('case page (administrator, a different case each time)', s.caseIds.map((id) => `${api}/cases/${id}`), adminToken, count));
  if (cellToken) await measure(sequentialPages("case page (the cell's secretary, its own cases)", s.cellCaseIds.map((id) => `${api}/cases/${id}`), cellToken, count));
  if (cellToken) await measure(sequentialPages(`queue at a cell, first page (its secretary; ${s.cellCases} cases)`, [`${api}/units/${s.cell}/cases?scope=own`], cellToken, count));
  await measure(sequentialPages('queue at a cell, first page (administrator)', [`${api}/units/${s.cell}/cases?scope=own`], adminToken, count));
  await measure(sequentialPages('queue at a district, own cases', [`${api}/units/${s.district}/cases?scope=own`], adminToken, count));
  await measure(sequentialPages('queue at a district, whole subtree', [`${api}/units/${s.district}/cases?scope=subtree`], adminToken, Math.min(count, 100), { budgetMs: 30_000 }));
  await measure(sequentialPages('tracking page (no account)', s.tokens.map((t) => `${api}/track/${t}`), undefined, count));
  return out;
}

const dbName = (dbUrl: string | undefined) => (dbUrl ? decodeURIComponent(new URL(dbUrl).pathname.slice(1)) : undefined);

/** Waits until the server's PostgreSQL sessions are idle: requests a load generator gave up on may still be running. */
async function drain(dbUrl: string | undefined, maxMs = 120_000) {
  if (!dbUrl) return;
  const name = new URL(dbUrl).pathname.slice(1);
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const busy = (await query<{ n: number }>(dbUrl, "select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'active' and pid <> pg_backend_pid()", [name]))[0]!.n;
    if (busy === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`  PostgreSQL still busy after ${maxMs / 1000} s`);
}

async function intakeRuns(server: Server, mix: IntakeMix, addressMix: IntakeMix, dbUrl: string | undefined): Promise<{ runs: IntakeRun[]; address: IntakeRun; warmup: IntakeRun; health: { perSecond: number; p99: number } }> {
  log(`intake warm-up: ${WARMUP_SECONDS} s at 25 connections`);
  const warmup = await intakeLoad(server.url, mix, { connections: 25, seconds: WARMUP_SECONDS });
  const runs: IntakeRun[] = [];
  for (const connections of CONNECTIONS) {
    await drain(dbUrl);
    log(`intake, closed loop: ${connections} connections for ${SECONDS} s`);
    const r = await intakeLoad(server.url, mix, { connections, seconds: SECONDS, serverPid: server.pid, database: dbName(dbUrl) });
    log(`  ${runLine(r)}`);
    runs.push(r);
  }
  await drain(dbUrl);
  log(`intake, open loop at the goal rate: ${GOAL.intakePerSecond} requests/s over 100 connections for ${SECONDS} s`);
  const open = await intakeLoad(server.url, mix, { connections: 100, seconds: SECONDS, rate: GOAL.intakePerSecond, serverPid: server.pid, database: dbName(dbUrl) });
  log(`  ${runLine(open)}`);
  runs.push(open);
  await drain(dbUrl);
  log('the same closed loop on GET /api/v1/health (no database work but `select 1`): the ceiling of a bare route');
  const health = await healthLoad(server.url, 25, 10);
  log(`  ${fixed(health.perSecond, 0)} req/s, p99 ${ms(health.p99)}`);
  log(`intake with ${Math.round(addressMix.localityShare * 100)} % of the requests placed by an address only (routing by locality): 25 connections for ${SECONDS} s`);
  const address = await intakeLoad(server.url, addressMix, { connections: 25, seconds: SECONDS, serverPid: server.pid, database: dbName(dbUrl) });
  log(`  ${runLine(address)}`);
  await drain(dbUrl);
  return { runs, address, warmup, health };
}

async function serverProfile(env: NodeJS.ProcessEnv, mix: IntakeMix): Promise<ProfileShare[] | undefined> {
  const dir = mkdtempSync(join(os.tmpdir(), 'cases-bench-prof-'));
  try {
    const server = await startLoadServer(env, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    try {
      await intakeLoad(server.url, mix, { connections: 25, seconds: 5 });
      log('server CPU profile: 15 s of intake at 25 connections');
      await intakeLoad(server.url, mix, { connections: 25, seconds: 15 });
    } finally {
      await server.stop();
    }
    return summarizeCpuProfile(dir)?.shares;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- PostgreSQL --------------------------------------------------------------------------------

async function postgresPhase(): Promise<PgCasework> {
  checkBenchDatabase(url);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, MAINSTAY_LOG: 'off' };
  const organization = await ensureNationalOrganization(url, env);
  const database = await openDatabase({ url });
  let seed: SeedReport;
  let s: Samples;
  let before: { cases: number; open: number };
  let bloat: LogBloat | undefined;
  try {
    if (process.env.BENCH_CASES_RESEED === '1' && (await seededCases(database)) > 0) {
      log('BENCH_CASES_RESEED=1: clearing every case');
      await clearCases(database);
    }
    seed = await seedCasework(database, { cases: CASES, openShare: OPEN_SHARE, seed: 0.42, log });
    const settled = await settleEarlierIntake(database);
    if (settled > 0) {
      log(`closed ${int(settled)} cases earlier runs' intake had left open`);
      await foldStats(database);
      const root = (await sql<{ id: string }>`select id from units where parent_id is null`.execute(database.db)).rows[0]!.id;
      bloat = await logBloat(database, url, root, settled);
      log(`  the rollups' log then held ${int(bloat.deadRows)} dead rows (${fixed(bloat.logMb)} MB): the root's dashboard in process p50 ${ms(bloat.beforeP50)}, after VACUUM of the log ${ms(bloat.afterP50)}`);
      await sql`vacuum analyze cases`.execute(database.db);
    }
    before = (await sql<{ cases: number; open: number }>`
      select count(*)::int as cases, count(*) filter (where status in ('new', 'acknowledged', 'in_progress', 'waiting', 'reopened'))::int as open from cases`
      .execute(database.db)).rows[0]!;
    s = await samples(url, database, seed.cases);
  } finally {
    await database.close();
  }
  const units = (await query<{ n: number }>(url, 'select count(*)::int as n from units'))[0]!.n;
  const members = (await query<{ n: number }>(url, 'select count(*)::int as n from people'))[0]!.n;
  log(`${int(before.cases)} cases (${fixed((before.open / before.cases) * 100)} % open) over ${int(units)} units and ${int(members)} members`);
  // Points and unplaced requests; the address-only share is measured on its own, so that routing by locality shows its own cost.
  const mix: IntakeMix = { cells: s.cells, localities: s.localities, placedShare: 0.9, localityShare: 0 };
  const addressMix: IntakeMix = { ...mix, placedShare: 0.8, localityShare: 0.1 };

  const loadStart = os.loadavg();
  const email = await createAdmin(env);
  const server = await startLoadServer(env);
  let pages: PageRun[];
  let intake: Awaited<ReturnType<typeof intakeRuns>>;
  let after: PageRun;
  let pending: number;
  let createdCheck: { counted: number; answered: number };
  const loadStarted = new Date();
  try {
    const adminToken = await signIn(server.url, email);
    const cellToken = s.person ? await cellOfficial(server.url, adminToken, s.cell, s.person) : undefined;
    log(`pages one at a time (${REQUESTS} requests each), before any load`);
    pages = await readPages(server.url, adminToken, cellToken, s, REQUESTS);
    intake = await intakeRuns(server, mix, addressMix, url);
    const dashboard = await json<{ pendingChanges: number }>('GET', `${server.url}/api/v1/units/${s.root}/case-dashboard`, adminToken);
    pending = dashboard.pendingChanges;
    after = await sequentialPages('dashboard at the root, right after the load', [`${server.url}/api/v1/units/${s.root}/case-dashboard`], adminToken, 100);
    log(`  ${pageLine(after)} (${pending} changes were still to fold)`);
    const counted = (await query<{ n: number }>(url, "select count(*)::int as n from cases where created_at >= $1 and reference not like 'S-%'", [loadStarted]))[0]!.n;
    createdCheck = { counted, answered: intake.runs.reduce((a, r) => a + r.created, 0) + intake.address.created + intake.warmup.created };
  } finally {
    await server.stop();
  }
  const best = Math.max(...intake.runs.filter((r) => !r.rate).map((r) => r.perSecond));
  const missed = best < GOAL.intakePerSecond || [...intake.runs, intake.address].some((r) => (r.rate && (r.p99 > GOAL.intakeP99 || r.perSecond < GOAL.intakePerSecond * 0.98)) || r.non2xx + r.errors > 0);
  let statements: IntakeProfile | undefined;
  let triggers: TriggerCost | undefined;
  let profile: ProfileShare[] | undefined;
  if (process.env.BENCH_CASES_PROFILE === '1' || (missed && process.env.BENCH_CASES_PROFILE !== '0')) {
    log('where the time goes: 500 public intakes in this process, every statement timed');
    statements = await profileIntake(url, mix, 500);
    log(`  ${fixed(statements.msPerCase, 2)} ms a case, ${fixed(statements.statementsPerCase, 1)} statements`);
    triggers = await casesTriggerCost(url);
    log(`  user triggers on cases: ${ms(triggers.withMs)} a single-row insert with them, ${ms(triggers.withoutMs)} without`);
    profile = await serverProfile(env, mix);
  }
  const pgVersion = (await query<{ v: string }>(url, 'select version() as v'))[0]!.v.split(' on ')[0]!;
  const settings = await query<{ name: string; setting: string }>(url,
    "select name, current_setting(name) as setting from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem') order by name");
  return {
    organization, seed, units, members, before, pages, intake: intake.runs, addressIntake: intake.address, health: intake.health, afterLoad: after, pendingAfterLoad: pending,
    createdCheck, statements, triggers, profile, bloat, loadAverage: { start: loadStart, end: os.loadavg() }, postgres: `${pgVersion}; ${settings.map((x) => `${x.name}=${x.setting}`).join(', ')}`,
    cells: s.cells,
  };
}

// ---- PGlite ----------------------------------------------------------------------------------------

async function pglitePhase(): Promise<PgliteCasework> {
  const dir = mkdtempSync(join(os.tmpdir(), 'cases-bench-pglite-'));
  const data = join(dir, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, MAINSTAY_LOG: 'off' };
  delete env.DATABASE_URL;
  const loadStart = os.loadavg();
  try {
    log(`PGlite: an organization of ${int(PGLITE_SHAPE.reduce((a, b) => a + b, 1))} units and ${int(PGLITE_MEMBERS)} members, ${int(PGLITE_CASES)} cases`);
    await mainstay(['levels', '--set', LEVELS.join(','), '--data', data], { env });
    await mainstay(['demo', '--shape', PGLITE_SHAPE.join(','), '--members', String(PGLITE_MEMBERS), '--data', data], { env });
    const database = await openDatabase({ dataDir: data, command: 'bench:cases' });
    let seed: SeedReport;
    let s: Samples;
    try {
      seed = await seedCasework(database, { cases: PGLITE_CASES, openShare: OPEN_SHARE, seed: 0.42, log });
      s = await samples(undefined, database, PGLITE_CASES);
    } finally {
      await database.close();
    }
    const email = await createAdmin(env, ['--data', data]);
    const server = await startLoadServer(env, ['--data', data]);
    try {
      const adminToken = await signIn(server.url, email);
      const cellToken = s.person ? await cellOfficial(server.url, adminToken, s.cell, s.person) : undefined;
      const mix: IntakeMix = { cells: s.cells, localities: s.localities, placedShare: 0.8, localityShare: 0.1 };
      log('PGlite: pages one at a time');
      const pages = await readPages(server.url, adminToken, cellToken, s, 200);
      const intake = await sequentialIntake(server.url, mix, 200);
      log(`  ${pageLine(intake)}`);
      log('PGlite: intake under load, 10 connections for 15 s');
      const load = await intakeLoad(server.url, mix, { connections: 10, seconds: 15, serverPid: server.pid });
      log(`  ${runLine(load)}`);
      return { seed, pages: [intake, ...pages], load, shape: PGLITE_SHAPE, members: PGLITE_MEMBERS, cases: PGLITE_CASES, loadAverage: { start: loadStart, end: os.loadavg() } };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- run -----------------------------------------------------------------------------------------------

async function sweep(): Promise<string | undefined> {
  log('the escalation sweep (bench/casework-sweep.ts)');
  const result = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'casework-sweep.ts')], { allowFail: true });
  const line = result.stdout.split('\n').find((l) => l.startsWith('escalation sweep:'));
  if (!line) log(`  the sweep failed: ${result.stderr.slice(-500)}`);
  else log(`  ${line}`);
  return line;
}

const RESULTS_FILE = join(ROOT, '.bench', 'casework-results.json');
if (process.env.BENCH_CASES_RENDER === '1') {
  const saved = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as CaseworkResults;
  writeSection(resolve(ROOT, process.env.BENCH_CASES_OUT || 'docs/benchmarks.md'), 'casework', renderCasework(saved));
  log(`rendered the casework section again from ${RESULTS_FILE}`);
  process.exit(0);
}

const results: CaseworkResults = {
  date: new Date().toISOString().slice(0, 16) + 'Z',
  commit: (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })(),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  goal: GOAL, seconds: SECONDS, connections: CONNECTIONS, requests: REQUESTS, loadLimit: LOAD_LIMIT,
  pg: process.env.BENCH_CASES_PG === '0' ? undefined : await postgresPhase(),
  pglite: process.env.BENCH_CASES_PGLITE === '0' ? undefined : await pglitePhase(),
  sweep: process.env.BENCH_CASES_SWEEP === '0' ? undefined : await sweep(),
  minutes: 0,
};
results.minutes = (Date.now() - started) / 60_000;
// Kept so the section can be rendered again without measuring (BENCH_CASES_RENDER=1).
mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 1));
const report = renderCasework(results);
writeSection(resolve(ROOT, process.env.BENCH_CASES_OUT || 'docs/benchmarks.md'), 'casework', report);
log('wrote the casework section of docs/benchmarks.md');
console.log(report);
