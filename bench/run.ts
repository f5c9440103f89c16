/**
 * `npm run bench`: the national-scale benchmark. Generates (or reuses, from .bench/)
 * a five-level organization as CSV, loads it into a PostgreSQL server through
 * `mainstay import` and compares against psql \copy of the same file, measures the
 * HTTP API (latency per level, throughput under 50 clients, moving a district,
 * memory), then finds how far the embedded PGlite goes. Writes docs/benchmarks.md.
 *
 * Settings: see bench/lib/config.ts (BENCH_CELLS, BENCH_MEMBERS, BENCH_RUNS, …).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describeEnv, LEVELS, loadBenchConfig, shapeForCells, type BenchConfig } from './lib/config.ts';
import { getUnit, json, load, request, sequentialLatency, signIn, type UnitCounts } from './lib/http.ts';
import { log, mainstay, ROOT, startServer, type RunResult, type Server } from './lib/proc.ts';
import { renderReport } from './lib/report.ts';
import { keepSections } from './lib/sections.ts';
import type { FirstLoadRun, ImportRun, LatencyRun, Machine, MoveRun, PgliteResults, PgliteStep, PgResults, PopulatedRun, Results } from './lib/results.ts';
import { profileImport } from './lib/import-profile.ts';
import { checkBenchDatabase, psql, query, recountRegions, resetDatabase } from './lib/sql.ts';
import { median } from './lib/stats.ts';

// A fresh account per run (a resumed run finds the last one's), with a password no policy calls easy.
const ADMIN = { email: `operator-${Date.now()}@example.org`, password: `Mst-${randomBytes(12).toString('base64url')}` };
const CACHE = join(ROOT, '.bench');

const config = loadBenchConfig();
checkBenchDatabase(config.databaseUrl);
const pgEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: config.databaseUrl, MAINSTAY_LOG: 'off' };
const pgliteEnv: NodeJS.ProcessEnv = { ...process.env, MAINSTAY_LOG: 'off' };
delete pgliteEnv.DATABASE_URL;

// ---------------------------------------------------------------------------------------------

async function describeMachine(): Promise<Machine> {
  const sh = (cmd: string, args: string[]) => {
    try { return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return ''; }
  };
  const version = (pkg: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const dirty = sh('git', ['status', '--porcelain']).length > 0;
  const settings: Record<string, string> = {};
  let postgres = '(not reached)';
  try {
    postgres = (await query<{ v: string }>(config.databaseUrl.replace(/\/[^/]*$/, '/postgres'), "select current_setting('server_version') as v"))[0]!.v;
    const rows = await query<{ name: string; setting: string; unit: string | null }>(config.databaseUrl.replace(/\/[^/]*$/, '/postgres'),
      `select name, current_setting(name) as setting, unit from pg_settings where name = any($1) order by name`,
      [['shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_wal_size', 'synchronous_commit', 'fsync', 'max_parallel_maintenance_workers', 'max_parallel_workers_per_gather']]);
    for (const r of rows) settings[r.name] = r.setting;
  } catch (error) {
    log(`PostgreSQL: ${(error as Error).message}`);
  }
  const top = sh('ps', ['-eo', 'pcpu,args', '--sort=-pcpu', '--no-headers']).split('\n').map((l) => l.trim().slice(0, 90))
    .filter((l) => l && Number(l.split(/\s+/)[0]) >= 5 && !l.includes('bench/run.ts')).slice(0, 8);
  return {
    date: new Date().toISOString().slice(0, 19) + 'Z',
    commit: (sh('git', ['rev-parse', '--short', 'HEAD']) || 'unknown') + (dirty ? ' (with uncommitted changes)' : ''),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    postgresSettings: settings,
    psql: sh('psql', ['--version']),
    pglite: version('@electric-sql/pglite'),
    autocannon: version('autocannon'),
    loadAverageStart: os.loadavg(),
    otherLoad: top,
    loadSamples: [],
    phases: [],
  };
}

function importRun(result: RunResult, rows: number): ImportRun {
  const reported = /in ([\d.]+) s\./.exec(result.stdout);
  return {
    rows,
    resultMs: result.resultMs ?? result.wallMs,
    wallMs: result.wallMs,
    reportedMs: reported ? Number(reported[1]) * 1000 : undefined,
    peakRssMb: result.peakRssMb,
  };
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/** Notes when a phase began and on which code (the work tree may change between phases of a long run). */
function startPhase(name: string) {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ` + uncommitted changes to ${dirty.split('\n').length} files under src/`;
  } catch { /* not a git checkout */ }
  const phase = { name, startedAt: new Date().toISOString().slice(0, 19) + 'Z', commit };
  results.machine.phases.push(phase);
  return phase;
}

/** Notes the 1-minute load average as a measurement begins: other work on the machine shows here. */
function sampleLoad(phase: string) {
  results.machine.loadSamples.push({ phase, load1: Math.round(os.loadavg()[0]! * 100) / 100 });
}

interface CsvSet { dir: string; units: string; members: string; unitsRows: number; membersRows: number; generatedMs: number | undefined }

/** The demo CSV for a shape, generated by `mainstay demo --csv` (which reads the levels from `dbArgs`' database) or reused. */
async function ensureCsv(shape: number[], members: number, seed: number, env: NodeJS.ProcessEnv, dbArgs: string[]): Promise<CsvSet> {
  const dir = join(CACHE, 'csv', `${shape.join('-')}-m${members}-s${seed}`);
  const set = { dir, units: join(dir, 'units.csv'), members: join(dir, 'members.csv'), unitsRows: 1 + shape.reduce((a, b) => a + b, 0), membersRows: members };
  if (existsSync(join(dir, '.complete'))) {
    log(`reusing ${relative(ROOT, dir)}`);
    return { ...set, generatedMs: undefined };
  }
  mkdirSync(dirname(dir), { recursive: true });
  const scratch = mkdtempSync(join(dirname(dir), '.partial-'));
  log(`generating ${members} members over ${shape.join(',')} into ${relative(ROOT, dir)}`);
  const result = await mainstay(['demo', '--csv', scratch, '--shape', shape.join(','), '--members', String(members), '--seed', String(seed), ...dbArgs], { env });
  writeFileSync(join(scratch, '.complete'), JSON.stringify({ shape, members, seed }));
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  return { ...set, generatedMs: result.wallMs };
}

const resultLine = /^(Imported|Nothing was imported)/;

async function timedImport(args: string[], rows: number, env: NodeJS.ProcessEnv): Promise<ImportRun> {
  const result = await mainstay(['import', ...args], { env, resultLine });
  if (!/^Imported /m.test(result.stdout)) throw new Error(`import failed:\n${result.stdout}\n${result.stderr.slice(0, 3000)}`);
  const written = /Imported (\d+) units and (\d+) members/.exec(result.stdout);
  const count = written ? Number(written[1]) + Number(written[2]) : 0;
  if (count !== rows) throw new Error(`import wrote ${count} rows, expected ${rows}:\n${result.stdout}`);
  return importRun(result, rows);
}

const copyColumns = '(name, cell_code, email, phone)';
const rawTable = (name: string) =>
  `create table ${name} (id bigint generated always as identity, name text not null, cell_code text not null, email text, phone text)`;
const rawConstraints = (name: string) =>
  `alter table ${name} add primary key (id); create index ${name}_cell_name on ${name} (cell_code, name, id); ` +
  `alter table ${name} add foreign key (cell_code) references units (code)`;
const copyCommand = (table: string, file: string) => `\\copy ${table} ${copyColumns} from '${file}' with (format csv, header true)`;

async function timedCopy(table: string, file: string, rows: number) {
  const result = await psql(config.databaseUrl, copyCommand(table, file));
  return { rows, ms: result.wallMs };
}

type ImportPart = Pick<PgResults, 'files' | 'firstLoads' | 'populated' | 'importProfile' | 'commands'>;

/** The import measurements; they leave the loaded organization in the benchmark database for the HTTP phase. */
async function benchImport(cfg: BenchConfig): Promise<ImportPart> {
  const url = cfg.databaseUrl;
  const levels = ['levels', '--set', LEVELS.join(',')];
  const commands: Record<string, string> = {};
  let csv: CsvSet | undefined;
  let extra: CsvSet | undefined;
  const firstLoads: FirstLoadRun[] = [];
  let importProfile: PgResults['importProfile'];

  if (cfg.importProfile) {
    log('import profile: fresh database, units by the CLI, members in-process with every statement timed');
    await resetDatabase(url);
    await mainstay(levels, { env: pgEnv });
    csv = await ensureCsv(cfg.shape, cfg.members, 1, pgEnv, []);
    await timedImport([csv.units], csv.unitsRows, pgEnv);
    sampleLoad('import profile');
    importProfile = await profileImport(url, csv.members, csv.membersRows);
    log(`  ${(importProfile.totalMs / 1000).toFixed(1)} s: ${importProfile.parts.slice(0, 4).map((p) => `${p.part.split(' (')[0]} ${(p.ms / 1000).toFixed(1)} s`).join(', ')}`);
  }

  for (let i = 1; i <= cfg.importRuns; i++) {
    log(`first load ${i}/${cfg.importRuns}: fresh database`);
    await resetDatabase(url);
    await mainstay(levels, { env: pgEnv });
    csv ??= await ensureCsv(cfg.shape, cfg.members, 1, pgEnv, []);
    extra ??= await ensureCsv(cfg.shape, cfg.extraMembers, 2, pgEnv, []);
    const rel = (p: string) => relative(ROOT, p);
    commands.units = `mainstay import ${rel(csv.units)}`;
    commands.members = `mainstay import - ${rel(csv.members)}`;
    commands.extra = `mainstay import - ${rel(extra.members)}`;

    log('  import units');
    const units = await timedImport([csv.units], csv.unitsRows, pgEnv);
    log(`  ${csv.unitsRows} units in ${(units.resultMs / 1000).toFixed(1)} s; import members`);
    sampleLoad(`first load ${i}`);
    const members = await timedImport(['-', csv.members], csv.membersRows, pgEnv);
    log(`  ${csv.membersRows} members in ${(members.resultMs / 1000).toFixed(1)} s (${rate(csv.membersRows, members.resultMs)}/s, exit after ${(members.wallMs / 1000).toFixed(1)} s, peak ${members.peakRssMb?.toFixed(0)} MB)`);
    const root = (await query<{ m: number; u: number }>(url, 'select sub_members as m, sub_units as u from units where parent_id is null'))[0]!;
    const countsOk = root.m === csv.membersRows && root.u === csv.unitsRows - 1;

    sampleLoad(`raw copies ${i}`);
    log('  raw \\copy into a bare table');
    await psql(url, rawTable('raw_bare'));
    commands.rawBare = copyCommand('raw_bare', rel(csv.members));
    const rawBare = await timedCopy('raw_bare', csv.members, csv.membersRows);
    await psql(url, 'drop table raw_bare');

    log('  raw \\copy bare, then primary key, index and foreign key');
    await psql(url, rawTable('raw_built'));
    const rawBuiltCopy = await timedCopy('raw_built', csv.members, csv.membersRows);
    commands.rawBuild = rawConstraints('raw_built');
    const rawBuiltIndexesMs = (await psql(url, rawConstraints('raw_built'))).wallMs;
    await psql(url, 'drop table raw_built');

    log('  raw \\copy into a table with primary key, index and foreign key');
    await psql(url, `${rawTable('raw_indexed')}; ${rawConstraints('raw_indexed')}`);
    commands.rawIndexedTable = `${rawTable('raw_indexed')}; ${rawConstraints('raw_indexed')}`;
    commands.rawIndexed = copyCommand('raw_indexed', rel(csv.members));
    const rawIndexed = await timedCopy('raw_indexed', csv.members, csv.membersRows);
    log(`  raw: bare ${rate(rawBare.rows, rawBare.ms)}/s, bare+build ${rate(rawBuiltCopy.rows, rawBuiltCopy.ms + rawBuiltIndexesMs)}/s, indexed ${rate(rawIndexed.rows, rawIndexed.ms)}/s`);
    await psql(url, 'vacuum analyze');
    firstLoads.push({ units, members, rawBare, rawBuiltCopy, rawBuiltIndexesMs, rawIndexed, countsOk });
  }
  if (!csv || !extra) throw new Error('unreachable');

  const populated: PopulatedRun[] = [];
  for (let i = 1; i <= cfg.runs; i++) {
    const before = (await query<{ n: number }>(url, 'select count(*)::int as n from people'))[0]!.n;
    const rawBefore = (await query<{ n: number }>(url, 'select count(*)::int as n from raw_indexed'))[0]!.n;
    log(`populated import ${i}/${cfg.runs}: ${extra.membersRows} members into an organization of ${before}`);
    sampleLoad(`populated import ${i}`);
    const imp = await timedImport(['-', extra.members], extra.membersRows, pgEnv);
    const raw = await timedCopy('raw_indexed', extra.members, extra.membersRows);
    log(`  import ${rate(imp.rows, imp.resultMs)}/s vs raw ${rate(raw.rows, raw.ms)}/s (${(raw.ms / imp.resultMs).toFixed(2)}), peak ${imp.peakRssMb?.toFixed(0)} MB`);
    populated.push({ before, import: imp, raw, rawBefore });
  }
  await psql(url, 'drop table raw_indexed');
  await psql(url, 'vacuum analyze');
  return {
    files: {
      unitsRows: csv.unitsRows, membersRows: csv.membersRows, extraRows: extra.membersRows,
      unitsBytes: statSync(csv.units).size, membersBytes: statSync(csv.members).size, extraBytes: statSync(extra.members).size,
      generatedMs: csv.generatedMs,
    },
    firstLoads, populated, importProfile, commands,
  };
}

/** The HTTP measurements against the organization benchImport left in the database. */
async function benchHttp(cfg: BenchConfig, part: ImportPart): Promise<PgResults> {
  const url = cfg.databaseUrl;
  const commands = { ...part.commands };
  await mainstay(['admin', 'create', '--email', ADMIN.email, '--password', ADMIN.password], { env: pgEnv });
  log('HTTP: starting the server');
  const server = await startServer([], pgEnv);
  const ids = async (depth: number, limit: number) =>
    (await query<{ id: string }>(url, 'select id from units where depth = $1 order by code limit $2', [depth, limit])).map((r) => r.id);
  const [rootId] = await ids(0, 1);
  const [regionId] = await ids(1, 1);
  const [districtId] = await ids(2, 1);
  const targets = { root: rootId!, region: regionId!, district: districtId! };
  const mix = [...await ids(0, 1), ...await ids(1, 12), ...await ids(2, 20), ...await ids(3, 20), ...await ids(4, 20)];
  let serverIdleRssMb: number | undefined;
  let serverPeakRssMb: number | undefined;
  const latency: LatencyRun[][] = [];
  const throughput = [];
  let moves: MoveRun[];
  let healthThroughput: PgResults['healthThroughput'];
  try {
    const token = await signIn(server.url, ADMIN.email, ADMIN.password);
    await warmUp(server, token, Object.values(targets));
    serverIdleRssMb = server.rssMb();
    for (let r = 1; r <= cfg.runs; r++) {
      sampleLoad(`latency ${r}`);
      latency.push(await latencyRun(server.url, token, targets, cfg.latencyRequests));
      log(`latency run ${r}: ${latency.at(-1)!.map((l) => `${l.level} p95 ${l.summary.p95.toFixed(2)} ms`).join(', ')}`);
    }
    for (let r = 1; r <= cfg.runs; r++) {
      sampleLoad(`throughput ${r}`);
      const result = await load(server.url, token, mix.map((id) => `/api/v1/units/${id}`), cfg.connections, cfg.throughputSeconds);
      throughput.push(result);
      log(`throughput run ${r}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
    }
    sampleLoad('health throughput');
    healthThroughput = await load(server.url, token, ['/api/v1/health'], cfg.connections, cfg.throughputSeconds);
    log(`reference, GET /api/v1/health: ${healthThroughput.rps.toFixed(0)} req/s, p99 ${healthThroughput.p99} ms`);
    serverPeakRssMb = server.peakRssMb();
    sampleLoad('moves');
    moves = await moveRuns(server.url, token, districtId!, cfg.runs, url);
    serverPeakRssMb = server.peakRssMb();
  } finally {
    await server.stop();
  }
  commands.serve = 'MAINSTAY_LOG=off mainstay serve';
  return { ...part, latency, throughput, healthThroughput, serverIdleRssMb, serverPeakRssMb, moves, commands };
}

async function warmUp(server: Server, token: string, ids: string[]) {
  for (let i = 0; i < 50; i++) for (const id of ids) await request('GET', `${server.url}/api/v1/units/${id}`, token);
}

async function latencyRun(base: string, token: string, targets: Record<string, string>, n: number): Promise<LatencyRun[]> {
  const out: LatencyRun[] = [];
  for (const [level, id] of Object.entries(targets)) {
    const { samples: _samples, ...summary } = await sequentialLatency(`${base}/api/v1/units/${id}`, token, n);
    out.push({ level, summary });
  }
  return out;
}

/**
 * Moves a district to another region and back, `runs` times each way, timing the
 * POST. After each move the API's counts of the root and both regions must show the
 * subtree leaving one region and joining the other, and (on PostgreSQL, where the
 * benchmark can read the database beside the server) equal a recount from the rows.
 */
async function moveRuns(base: string, token: string, districtId: string, runs: number, recountUrl: string | undefined): Promise<MoveRun[]> {
  const district = await json<UnitCounts & { parentId: string }>('GET', `${base}/api/v1/units/${districtId}`, token);
  const root = await json<UnitCounts>('GET', `${base}/api/v1/units/root`, token);
  const regions = await json<{ items: UnitCounts[] }>('GET', `${base}/api/v1/units/${root.id}/children?limit=200`, token);
  const home = district.parentId;
  const away = regions.items.find((r) => r.id !== home)?.id;
  if (!away) return [];
  const moves: MoveRun[] = [];
  for (let r = 1; r <= runs; r++) {
    for (const [from, to] of [[home, away], [away, home]] as const) {
      const before = await Promise.all([root.id, from, to].map((id) => getUnit(base, token, id)));
      const moved = await getUnit(base, token, districtId);
      const reply = await request('POST', `${base}/api/v1/units/${districtId}/move`, token, { parentId: to });
      const after = await Promise.all([root.id, from, to].map((id) => getUnit(base, token, id)));
      const carried = { units: moved.counts.units + 1, cells: moved.counts.cells, members: moved.counts.members };
      const same = (a: UnitCounts['counts'], b: UnitCounts['counts']) => a.units === b.units && a.cells === b.cells && a.members === b.members;
      const shift = (c: UnitCounts['counts'], sign: number) => ({ units: c.units + sign * carried.units, cells: c.cells + sign * carried.cells, members: c.members + sign * carried.members });
      const apiConsistent = reply.status === 200 && same(after[0]!.counts, before[0]!.counts)
        && same(after[1]!.counts, shift(before[1]!.counts, -1)) && same(after[2]!.counts, shift(before[2]!.counts, +1));
      let recountOk: boolean | undefined;
      let detail = '';
      if (recountUrl) {
        const recount = await recountRegions(recountUrl);
        const expect = [recount.root, recount.regions.get(from), recount.regions.get(to)];
        recountOk = after.every((a, k) => expect[k] !== undefined && same(a.counts, expect[k]!));
        if (!recountOk) detail = `api ${JSON.stringify(after.map((a) => a.counts))} vs recount ${JSON.stringify(expect)}`;
      }
      const movedRows = reply.status === 200 ? (JSON.parse(reply.body) as { moved: number }).moved : 0;
      moves.push({ ms: reply.ms, status: reply.status, moved: movedRows, apiConsistent, recountOk, detail: detail || (reply.status === 200 ? '' : reply.body.slice(0, 300)) });
      log(`move ${moves.length}: ${reply.ms.toFixed(0)} ms, ${movedRows} units, counts ${apiConsistent ? 'consistent' : 'INCONSISTENT'}${recountOk === undefined ? '' : recountOk ? ', recount equal' : ', recount DIFFERS'}`);
    }
  }
  return moves;
}

function dirBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

async function benchPglite(cfg: BenchConfig): Promise<PgliteResults> {
  const phaseStart = performance.now();
  const budgetMs = cfg.pgliteBudgetSeconds * 1000;
  const steps: PgliteStep[] = [];
  let stoppedBecause = `every size in BENCH_PGLITE_CELLS (${cfg.pgliteCells.join(', ')}) was measured`;
  for (let k = 0; k < cfg.pgliteCells.length; k++) {
    const cells = cfg.pgliteCells[k]!;
    const shape = shapeForCells(cells);
    const members = cells * cfg.pgliteMembersPerCell;
    const stepStart = performance.now();
    const dir = mkdtempSync(join(os.tmpdir(), 'mainstay-bench-pglite-'));
    const data = ['--data', dir];
    log(`PGlite: ${cells} cells, ${members} members in ${dir}`);
    try {
      await mainstay(['levels', '--set', LEVELS.join(','), ...data], { env: pgliteEnv });
      const generateStart = performance.now();
      const csv = await ensureCsv(shape, members, 1, pgliteEnv, data);
      const generateMs = performance.now() - generateStart;
      sampleLoad(`PGlite ${cells} cells`);
      const unitsImport = await timedImport([csv.units, ...data], csv.unitsRows, pgliteEnv);
      const membersImport = await timedImport(['-', csv.members, ...data], csv.membersRows, pgliteEnv);
      log(`  import: units ${(unitsImport.resultMs / 1000).toFixed(1)} s, members ${(membersImport.resultMs / 1000).toFixed(1)} s (${rate(members, membersImport.resultMs)}/s), peak ${membersImport.peakRssMb?.toFixed(0)} MB`);
      await mainstay(['admin', 'create', '--email', ADMIN.email, '--password', ADMIN.password, ...data], { env: pgliteEnv });
      const server = await startServer(data, pgliteEnv);
      let step: PgliteStep;
      try {
        const token = await signIn(server.url, ADMIN.email, ADMIN.password);
        const root = await json<UnitCounts>('GET', `${server.url}/api/v1/units/root`, token);
        const regions = (await json<{ items: UnitCounts[] }>('GET', `${server.url}/api/v1/units/${root.id}/children?limit=200`, token)).items;
        const districts = (await json<{ items: UnitCounts[] }>('GET', `${server.url}/api/v1/units/${regions[0]!.id}/children?limit=200`, token)).items;
        const targets = { root: root.id, region: regions[0]!.id, district: districts[0]!.id };
        await warmUp(server, token, Object.values(targets));
        const latency: LatencyRun[][] = [];
        for (let r = 1; r <= cfg.runs; r++) latency.push(await latencyRun(server.url, token, targets, cfg.pgliteLatencyRequests));
        const mix = [root.id, ...regions.map((r) => r.id), ...districts.map((d) => d.id)];
        const throughput = await load(server.url, token, mix.map((id) => `/api/v1/units/${id}`), cfg.connections, Math.min(10, cfg.throughputSeconds));
        const moves = await moveRuns(server.url, token, districts[0]!.id, 1, undefined);
        const worstP95 = Math.max(...['root', 'region', 'district'].map((level) => median(latency.map((run) => run.find((l) => l.level === level)!.summary.p95))));
        const withinGoal = worstP95 <= 50 && moves.every((m) => m.status === 200 && m.apiConsistent);
        step = {
          cells, shape, members, unitsImport, membersImport, latency, throughput, moves,
          serverPeakRssMb: server.peakRssMb(), withinGoal, dataDirBytes: 0,
        };
        log(`  worst level p95 ${worstP95.toFixed(2)} ms; ${throughput.rps.toFixed(0)} req/s p99 ${throughput.p99} ms; move ${moves.map((m) => m.ms.toFixed(0)).join('/')} ms; server peak ${step.serverPeakRssMb?.toFixed(0)} MB`);
      } finally {
        await server.stop();
      }
      step.dataDirBytes = dirBytes(dir);
      steps.push(step);
      if (!step.withinGoal) { stoppedBecause = `at ${cells} cells a call's p95 went over 50 ms (or a move failed)`; break; }
      const elapsed = performance.now() - phaseStart;
      const next = cfg.pgliteCells[k + 1];
      if (next !== undefined) {
        // What grows with the size (generating the files, importing them) scales by the
        // size ratio; the rest of the step (start-ups, latency, load test, moves) stays.
        const scaled = generateMs + membersImport.wallMs + unitsImport.wallMs;
        const fixedPart = performance.now() - stepStart - scaled;
        const predicted = scaled * (next / cells) * 1.2 + fixedPart;
        if (elapsed + predicted > budgetMs) {
          stoppedBecause = `the next size (${next} cells) would take about ${(predicted / 60_000).toFixed(0)} min, past the ${cfg.pgliteBudgetSeconds / 60}-minute budget of the PGlite phase`;
          break;
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { steps, stoppedBecause, elapsedMs: performance.now() - phaseStart };
}

// Last, so that every declaration above is initialised.
if (process.env.BENCH_RENDER) {
  // Re-renders a report from the raw results of an earlier run, measuring nothing.
  const saved = JSON.parse(readFileSync(resolve(process.env.BENCH_RENDER), 'utf8')) as Results;
  writeFileSync(resolve(ROOT, config.out), keepSections(resolve(ROOT, config.out), renderReport(saved)));
  log(`rendered ${config.out} from ${process.env.BENCH_RENDER}`);
  process.exit(0);
}
const started = performance.now();
const results: Results = {
  machine: await describeMachine(),
  config: {
    shape: config.shape, members: config.members, extraMembers: config.extraMembers, runs: config.runs, importRuns: config.importRuns,
    latencyRequests: config.latencyRequests, connections: config.connections, throughputSeconds: config.throughputSeconds,
    pgliteMembersPerCell: config.pgliteMembersPerCell, pgliteBudgetSeconds: config.pgliteBudgetSeconds, command: describeEnv(config),
  },
  totalMs: 0,
};
log(`shape ${config.shape.join(',')} with ${config.members} members; ${config.runs} runs, ${config.importRuns} first-load runs`);

if (process.env.BENCH_POSTGRES !== '0') {
  // The import phase is long (about 30 min at the national size): its results are kept in
  // .bench/, and BENCH_RESUME=1 reuses them (with the organization it left in the database)
  // when a later phase failed, instead of loading ten million members again.
  const partialPath = join(CACHE, 'import-phase.json');
  const key = JSON.stringify({ url: config.databaseUrl, shape: config.shape, members: config.members, extra: config.extraMembers, runs: config.runs, importRuns: config.importRuns, profile: config.importProfile });
  let part: ImportPart | undefined;
  if (process.env.BENCH_RESUME === '1' && existsSync(partialPath)) {
    const saved = JSON.parse(readFileSync(partialPath, 'utf8')) as { key: string; part: ImportPart; phase: Machine['phases'][number]; loadSamples: Machine['loadSamples'] };
    if (saved.key === key) {
      log(`resuming: the import phase of ${saved.phase.startedAt} is reused`);
      part = saved.part;
      results.machine.phases.push({ ...saved.phase, name: `${saved.phase.name} (reused by BENCH_RESUME=1)` });
      results.machine.loadSamples.push(...saved.loadSamples);
    } else {
      log('BENCH_RESUME=1, but the saved import phase was measured with other settings: measuring it again');
    }
  }
  if (!part) {
    const phase = startPhase('PostgreSQL import');
    const samplesBefore = results.machine.loadSamples.length;
    part = await benchImport(config);
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(partialPath, JSON.stringify({ key, part, phase, loadSamples: results.machine.loadSamples.slice(samplesBefore) }));
  }
  startPhase('PostgreSQL HTTP');
  results.pg = await benchHttp(config, part);
}
if (config.pglite) {
  startPhase('PGlite');
  results.pglite = await benchPglite(config);
}

results.machine.loadAverageEnd = os.loadavg();
results.totalMs = performance.now() - started;
const out = resolve(ROOT, config.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, keepSections(out, renderReport(results)));
mkdirSync(CACHE, { recursive: true });
writeFileSync(join(CACHE, `results-${results.machine.date.replaceAll(':', '-')}.json`), JSON.stringify(results, null, 2));
log(`wrote ${relative(ROOT, out)} in ${(results.totalMs / 60_000).toFixed(1)} min`);
