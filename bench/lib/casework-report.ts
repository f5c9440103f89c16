/** The casework section of docs/benchmarks.md, rendered from what bench:cases measured. */
import type { SeedReport } from './casework-data.ts';
import type { IntakeRun, PageRun } from './casework-load.ts';
import type { IntakeProfile, LogBloat, ProfileShare, TriggerCost } from './casework-profile.ts';
import { fixed, int, ms, seconds } from './stats.ts';

export interface PgCasework {
  organization: string;
  seed: SeedReport;
  units: number;
  members: number;
  cells: number;
  before: { cases: number; open: number };
  pages: PageRun[];
  intake: IntakeRun[];
  /** The same intake with 10 % of the requests placed by an address only. */
  addressIntake: IntakeRun;
  health: { perSecond: number; p99: number };
  afterLoad: PageRun;
  pendingAfterLoad: number;
  createdCheck: { counted: number; answered: number };
  statements: IntakeProfile | undefined;
  triggers: TriggerCost | undefined;
  profile: ProfileShare[] | undefined;
  /** The rollups' log after the burst of closing earlier runs' cases, when there were any. */
  bloat: LogBloat | undefined;
  postgres: string;
  loadAverage: { start: number[]; end: number[] };
}

export interface PgliteCasework { seed: SeedReport; pages: PageRun[]; load: IntakeRun; shape: number[]; members: number; cases: number; loadAverage: { start: number[]; end: number[] } }

export interface CaseworkResults {
  date: string;
  commit: string;
  machine: string;
  goal: { intakePerSecond: number; intakeP99: number; dashboardP95: number; pgliteP95: number };
  seconds: number;
  connections: number[];
  requests: number;
  loadLimit: number;
  pg: PgCasework | undefined;
  pglite: PgliteCasework | undefined;
  sweep: string | undefined;
  minutes: number;
}

const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const cores = (n: number) => fixed(n, 2);
const pageRow = (p: PageRun, goal?: number) => [p.label, int(p.count), ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max), ...(goal === undefined ? [] : [verdict(p.p95 <= goal)])];

function intakeVerdict(r: CaseworkResults, pg: PgCasework) {
  const closed = pg.intake.filter((x) => !x.rate);
  const best = closed.reduce((a, x) => (x.perSecond > a.perSecond ? x : a), closed[0]!);
  const open = pg.intake.find((x) => x.rate);
  const errors = pg.intake.reduce((a, x) => a + x.non2xx + x.errors, 0);
  const openOk = open ? open.perSecond >= r.goal.intakePerSecond * 0.98 && open.p99 <= r.goal.intakeP99 : false;
  const address = pg.addressIntake;
  const addressOk = address.perSecond >= r.goal.intakePerSecond && address.p99 <= r.goal.intakeP99 && address.non2xx + address.errors === 0;
  const ok = best.perSecond >= r.goal.intakePerSecond && best.p99 <= r.goal.intakeP99 && openOk && errors === 0 && addressOk;
  return { best, open, errors, ok, address };
}

function goals(r: CaseworkResults): string {
  const rows: string[][] = [];
  const pg = r.pg;
  if (pg) {
    const { best, open, errors, ok, address } = intakeVerdict(r, pg);
    rows.push(['public intake, sustained, on loopback', `≥ ${r.goal.intakePerSecond} new cases/s with p99 ≤ ${r.goal.intakeP99} ms, no errors`,
      `placed by a point or not at all: best closed loop ${fixed(best.perSecond, 0)} cases/s (p99 ${ms(best.p99)}, ${best.connections} connections)${open ? `; open loop offered ${open.rate}/s: ${fixed(open.perSecond, 0)} cases/s, p99 ${ms(open.p99)}` : ''}; ${errors} non-2xx or failed. `
      + `With 10 % placed by an address only: ${fixed(address.perSecond, 0)} cases/s, p99 ${ms(address.p99)}, ${address.non2xx + address.errors} non-2xx or failed`,
      verdict(ok)]);
    const root = pg.pages.find((p) => p.label === 'dashboard at the root');
    if (root) rows.push(['unit dashboard at the root, p95', `≤ ${r.goal.dashboardP95} ms`, `p95 ${ms(root.p95)} (p50 ${ms(root.p50)}, ${root.count} requests)`, verdict(root.p95 <= r.goal.dashboardP95)]);
  }
  if (r.sweep) {
    const m = /for (\d+) overdue cases in ([\d.]+) s/.exec(r.sweep);
    rows.push(['escalation sweep finding and escalating 10,000 overdue cases', '≤ 5 s', r.sweep.replace(/^escalation sweep: /, ''), verdict(m !== null && Number(m[2]) <= 5)]);
  }
  if (r.pglite) {
    const worst = r.pglite.pages.reduce((a, p) => (p.p95 > a.p95 ? p : a));
    rows.push([`PGlite with ${int(r.pglite.cases)} cases, every page p95`, `≤ ${r.goal.pgliteP95} ms`, `worst: ${worst.label}, p95 ${ms(worst.p95)}`, verdict(worst.p95 <= r.goal.pgliteP95)]);
  }
  return table(['measurement', 'goal', 'measured', 'result'], rows);
}

function intakeSection(r: CaseworkResults, pg: PgCasework): string {
  const rows = [...pg.intake, pg.addressIntake].map((x) => [
    `${x === pg.addressIntake ? '10 % by address: ' : ''}${x.rate ? `open, ${x.rate}/s offered` : 'closed'}`, String(x.connections), fixed(x.perSecond, 0), ms(x.p50), ms(x.p90), ms(x.p99), ms(x.max),
    `${x.non2xx} / ${x.errors}`, `${cores(x.cpu.server)} / ${cores(x.cpu.postgres)} / ${cores(x.cpu.loadGenerator)} / ${cores(x.cpu.other)}`,
    fixed(((x.cpu.server + x.cpu.postgres) * 1000) / Math.max(1, x.perSecond), 2),
  ]);
  const best = intakeVerdict(r, pg).best;
  const perCase = (best.cpu.server + best.cpu.postgres + best.cpu.loadGenerator) / Math.max(1, best.perSecond);
  return `### Public intake under load

\`POST /api/v1/public/cases\` (no account), ${r.seconds} s per run after a 10 s warm-up, from autocannon in the benchmark process.
Bodies vary per request: a random category (by weight) and urgency, 90 % a point in a random cell of the map (routed by
polygon, then up to the category's level), 10 % no place at all (the root's triage queue); 60 % give a name and an e-mail or
phone (an e-mail queues the "received" mail in the outbox). The last run (*10 % by address*) moves a tenth of the points to
an address naming a sub-district (routed by locality), measured on its own so that routing by locality shows its own cost.
*Closed loop*: each connection sends its next request when the answer arrives (the most the server does at that
concurrency). *Open loop*: requests offered at a fixed rate whatever the answers, latency corrected for coordinated omission.
CPU is in cores (CPU-seconds per second) over the run: server process / all PostgreSQL processes / the load generator / anything else on the machine.

${table(['loop', 'connections', 'cases/s', 'p50', 'p90', 'p99', 'max', 'non-2xx / errors', 'CPU: server / PostgreSQL / autocannon / other', 'server + PostgreSQL CPU ms per case'], rows)}

${createdCheck(pg)}
The same closed loop (25 connections, 10 s) on \`GET /api/v1/health\` (no session, one \`select 1\`): ${int(pg.health.perSecond)} req/s, p99 ${ms(pg.health.p99)} —
the ceiling of a bare route on this machine at that moment. At the best closed-loop rate one case cost ${fixed(perCase * 1000, 2)} ms of CPU in all,
so two fully busy cores would allow about ${int(2 / perCase)} cases/s at that cost.
${failures([...pg.intake, pg.addressIntake])}${contention([...pg.intake, pg.addressIntake])}`;
}

function createdCheck(pg: PgCasework): string {
  const { counted, answered } = pg.createdCheck;
  const runs = [...pg.intake, pg.addressIntake];
  // Requests in flight when a run ends, and those the generator gave up on, are completed by the server but never counted.
  const slack = runs.reduce((a, x) => a + x.errors + x.connections, 25);
  const verdictText = counted === answered ? 'every 201 is a case, and every case was answered'
    : counted > answered && counted - answered <= slack ? `no 201 without its case; the ${int(counted - answered)} more are requests still in flight when a run stopped or given up on by the generator (at most ${int(slack)}), which the server completed`
      : '**they do not add up**';
  return `Every answer was checked against the table: ${int(answered)} answers 201 during the runs (warm-up included), ${int(counted)} cases written in that time — ${verdictText}.`;
}

function failures(runs: IntakeRun[]): string {
  const failed = runs.filter((x) => x.non2xx + x.errors > 0);
  return failed.map((x) => `\nIn the ${x === runs.at(-1) ? 'address' : `${x.connections}-connection`} run: ${x.non2xx} answers other than 201 (${Object.entries(x.statusCodes).map(([code, n]) => `${n} × ${code}`).join(', ')}; the first: \`${(x.firstError ?? '').replaceAll('`', "'").slice(0, 200)}\`) and ${x.errors} requests given up after 10 s.\n`).join('');
}

/** Runs where other processes took a noticeable share of the machine. */
function contention(runs: IntakeRun[]): string {
  const busy = runs.filter((x) => x.cpu.other > 0.25);
  if (busy.length === 0) return '';
  const worst = Math.max(...busy.map((x) => x.cpu.other));
  return `\n**The machine was not quiet**: in ${busy.length} of ${runs.length} runs other processes (other work on this shared machine) used up to ${cores(worst)} of the ${cores(runs[0]!.cpu.cores)} cores,
so these rates are what was left for the server and PostgreSQL, not what they do alone. The CPU per case below is the steadier figure.\n`;
}

function whereTimeGoes(pg: PgCasework): string {
  const parts: string[] = ['### Where intake\'s time goes'];
  if (pg.statements) {
    const s = pg.statements;
    parts.push(`${int(s.cases)} public intakes run one at a time in the benchmark process (\`createCase\` in its transaction, as the route runs it) against
the same database, every statement timed from the client (round trip included): ${fixed(s.msPerCase, 2)} ms a case, ${fixed(s.statementsPerCase, 1)} statements
besides begin and commit. CPU per case, one request at a time: ${fixed(s.nodeCpuMsPerCase, 2)} ms in Node.js (the domain code, Kysely, the driver —
without HTTP) and ${fixed(s.postgresCpuMsPerCase, 2)} ms in PostgreSQL (the backends serving it). Under load the server spends less per case (several
answers per wake-up; the load table's last column), so this is the upper figure.

${table(['statement', 'per case', 'mean', 'ms per case'], [
    ...s.statements.map((x) => [`\`${x.statement.replaceAll('|', '\\|')}\``, fixed(x.perCase, 2), ms(x.meanMs), fixed(x.msPerCase, 3)]),
    ['begin, commit and the JavaScript between statements', '', '', fixed(s.otherMsPerCase, 3)],
  ])}`);
  }
  if (pg.triggers) {
    const t = pg.triggers;
    parts.push(`User triggers on \`cases\` (${t.triggers.map((x) => `\`${x}\``).join(', ')}): ${int(t.inserts)} single-row inserts (intake's shape) took
${ms(t.withMs)} each in PostgreSQL with them and ${ms(t.withoutMs)} without — **${ms(t.withMs - t.withoutMs)} of PostgreSQL time per case** is the triggers'.`);
  }
  if (pg.profile) {
    parts.push(`The server's own CPU (\`node --cpu-prof\`, 15 s of intake at 25 connections), self time by package or source folder:

${table(['where', 'share of the busy time'], pg.profile.map((p) => [p.part, `${fixed(p.share * 100)} %`]))}`);
  }
  return parts.join('\n\n');
}

/** What the figures say, each finding only when the measurement shows it. */
function findings(r: CaseworkResults, pg: PgCasework): string {
  const list: string[] = [];
  const st = pg.statements;
  const share = (part: string) => pg.profile?.find((p) => p.part === part)?.share ?? 0;
  const closed = pg.intake.filter((x) => !x.rate);
  const top = closed.reduce((a, x) => (x.perSecond > a.perSecond ? x : a), closed[0]!);
  const serverMs = (top.cpu.server * 1000) / Math.max(1, top.perSecond);
  const postgresMs = (top.cpu.postgres * 1000) / Math.max(1, top.perSecond);
  list.push(`**Node.js is the first wall.** At the best closed-loop rate (${fixed(top.perSecond, 0)} cases/s) the server process spent ${fixed(serverMs, 2)} ms of CPU
per case (HTTP, validation, the domain code, the driver, the background jobs) and PostgreSQL ${fixed(postgresMs, 2)} ms. A Node process runs its
JavaScript on one core, so at that cost one server cannot pass about ${int(1000 / serverMs)} cases/s whatever PostgreSQL does, and the two together
need ${fixed(serverMs + postgresMs, 2)} ms of the machine's 2 cores per case (about ${int(2000 / (serverMs + postgresMs))} cases/s at best). ${r.goal.intakePerSecond}/s on two cores needs at
most 2.5 ms per case for both together — about half of today's — and more than one server process, or far less JavaScript per case.`);
  if (st) {
    list.push(`**Round trips.** ${fixed(st.statementsPerCase + 2, 1)} statements per case with begin and commit, each a round trip${share('writev') > 0.1 ? `; on this machine
sending them is the largest single cost in the server (\`writev\`, ${fixed(share('writev') * 100, 0)} % of its busy time)` : ''}. Writing the case, its requester,
timeline, audit event and mail in one statement (data-modifying CTEs), keeping categories and the root in memory and letting the
unique index catch a repeated reference would leave about seven: begin, scope, routing, calendar, the write, commit.`);
  }
  if (share('mainstay src/domain/calendar') > 0.05) {
    list.push(`**Deadlines in working time** take ${fixed(share('mainstay src/domain/calendar') * 100, 0)} % of the server's CPU: \`addWorkingTime\` walks the
calendar a day at a time, with an \`Intl\` time-zone lookup (\`formatToParts\`) per day — about 110 days for a 720-hour low-urgency deadline
at 9 working hours a day — and its compiled-calendar cache never hits, since each read builds a new calendar object
(\`rowToCalendar\` → \`normalizeCalendar\`, which also makes a new \`Intl.DateTimeFormat\` to canonicalize the zone name on every request).`);
  }
  if (pg.triggers && pg.triggers.withMs - pg.triggers.withoutMs > 0.1) {
    list.push(`**The rollups' insert trigger** costs ${ms(pg.triggers.withMs - pg.triggers.withoutMs)} of PostgreSQL time per case, ${fixed(pg.triggers.withMs / Math.max(0.001, pg.triggers.withoutMs), 0)}× the insert itself.`);
  }
  const bestRate = Math.max(...pg.intake.filter((x) => !x.rate).map((x) => x.perSecond));
  if (pg.addressIntake.perSecond < bestRate / 4) {
    list.push(`**Routing by locality is the slow door**: ${fixed(pg.addressIntake.perSecond, 0)} cases/s when a tenth of the requests name only an address,
against ${fixed(bestRate, 0)} without them — its query holds pool connections (503s when the pool is exhausted) and drags every other request down.`);
  }
  const subtree = pg.pages.find((p) => p.label === 'queue at a district, whole subtree');
  if (subtree && subtree.p50 > 100) {
    list.push(`**A subtree's queue scans every case** (p50 ${ms(subtree.p50)} at a district): \`owner_path @> array[…]\` has no index, and under row-level
security an array operator could not use one anyway (not leakproof, as the search directory found). A cell's and a unit's own queue use
\`cases_owner_queue\` and stay within a few milliseconds.`);
  }
  const root = pg.pages.find((p) => p.label === 'dashboard at the root');
  if (root && root.p95 > r.goal.dashboardP95 && root.p50 < r.goal.dashboardP95 / 2) {
    list.push(`**The root's dashboard** is fast in the middle (p50 ${ms(root.p50)}${pg.bloat ? `, ${ms(pg.bloat.afterP50)} in process` : ''}) but its p95 (${ms(root.p95)}) is the machine's
other load as much as the query: with the machine shared, every page's tail grows alike.`);
  }
  return list.length ? `### Findings\n\n${list.map((x) => `- ${x}`).join('\n')}` : '';
}

export function renderCasework(r: CaseworkResults): string {
  const out: string[] = [`## Casework (\`npm run bench:cases\`)

Run on ${r.date} at commit ${r.commit}: ${r.machine}. The server (\`mainstay serve\`), PostgreSQL and the load generator share the machine.
The benchmark took ${fixed(r.minutes)} min. Command: \`npm run bench:cases\` (settings at the top of \`bench/casework.ts\`).
The server ran with \`MAINSTAY_PUBLIC_INTAKE_PER_MINUTE=${r.loadLimit}\` and \`MAINSTAY_PUBLIC_TRACKING_PER_MINUTE=${r.loadLimit}\` (defaults 10 and 60 per address):
every request of the load comes from one loopback address.

${goals(r)}`];
  const pg = r.pg;
  if (pg) {
    out.push(`### The data (PostgreSQL)

${pg.postgres}, on the same machine over TCP loopback; load average ${pg.loadAverage.start.map((x) => fixed(x, 2)).join(' / ')} at the start of the phase, ${pg.loadAverage.end.map((x) => fixed(x, 2)).join(' / ')} at its end.
The national organization (${int(pg.units)} units, ${int(pg.members)} members; ${pg.organization}) and **${int(pg.before.cases)} cases, ${fixed((pg.before.open / pg.before.cases) * 100)} % open**
when the measurements began (1,000,000 seeded, plus what earlier runs' intake added — closed at the start of each run, so that
the open share stays near the seeded one and none of them escalates during the measurements). Seeding (\`bench/lib/casework-data.ts\`, ${pg.seed.reused ? 'reused from an earlier run' : `${seconds(pg.seed.casesMs)} for the cases, ${seconds(pg.seed.foldMs)} to fold the rollups' log`}):
nine public categories handled at the cell, sub-district, district or region level, a working-time calendar at the root, a square service
area for each of ${int(pg.cells)} cells (a 0.005° grid) and the sub-districts' names as localities; cases inserted set-based
(\`INSERT … SELECT\` over \`generate_series\`, through migration 0008's triggers): spread over random cells, owned at the category's level,
10 % of the open and 3 % of the others one level up (escalated, with their escalation rows), the rest resolved or closed with
acknowledgement and resolution times and 40 % of the closed rated; each with its timeline (5–6 entries) and 60 % with a requester.`);
    out.push(`### Pages one at a time (PostgreSQL)

${r.requests} sequential requests per page over one keep-alive connection, before the intake load, as an administrator unless
said otherwise (the cell's secretary reads through row-level security as a cell would). The dashboard reads the maintained rollups.

${table(['page', 'requests', 'p50', 'p95', 'p99', 'max'], pg.pages.map((p) => pageRow(p)))}

Right after the intake load the root's dashboard answered in p95 ${ms(pg.afterLoad.p95)} (p50 ${ms(pg.afterLoad.p50)}), with ${int(pg.pendingAfterLoad)} changes still in the rollups' log.${pg.bloat ? `
Before the pages were read, closing the ${int(pg.bloat.closed)} cases earlier runs had left open (one statement) and folding the log left
${int(pg.bloat.deadRows)} dead rows in \`case_stat_deltas\` (${fixed(pg.bloat.logMb)} MB): the root's dashboard, read in the benchmark process, took
p50 ${ms(pg.bloat.beforeP50)} then and ${ms(pg.bloat.afterP50)} after a VACUUM of the log — its six reads of pending changes scan the whole table,
dead rows included, so a burst of changes slows every dashboard until autovacuum reaches the log. The pages above were read after that VACUUM.` : ''}`);
    out.push(intakeSection(r, pg));
    if (pg.statements || pg.triggers || pg.profile) out.push(whereTimeGoes(pg));
    const found = findings(r, pg);
    if (found) out.push(found);
  }
  if (r.pglite) {
    const pl = r.pglite;
    out.push(`### PGlite

The embedded database (a temporary data folder, no DATABASE_URL): a demo organization of ${int(pl.shape.reduce((a, b) => a + b, 1))} units
(${pl.shape.join(' / ')} below the root) and ${int(pl.members)} members, ${int(pl.cases)} cases seeded the same way; pages one at a time
(load average ${pl.loadAverage.start.map((x) => fixed(x, 2)).join(' / ')} at the start of the phase, ${pl.loadAverage.end.map((x) => fixed(x, 2)).join(' / ')} at its end).

${table(['page', 'requests', 'p50', 'p95', 'p99', 'max', `p95 ≤ ${r.goal.pgliteP95} ms`], pl.pages.map((p) => pageRow(p, r.goal.pgliteP95)))}

Intake under load on PGlite (closed loop, ${pl.load.connections} connections, ${fixed(pl.load.seconds, 0)} s): ${fixed(pl.load.perSecond, 0)} cases/s, p50 ${ms(pl.load.p50)}, p99 ${ms(pl.load.p99)},
${pl.load.non2xx} non-2xx; the one embedded connection serves a request at a time, so latency under load is queueing.`);
  }
  if (r.sweep) out.push(`### Escalation sweep

\`bench/casework-sweep.ts\` (its own database: one district of 50 cells, 10,000 overdue cases inserted in one statement, one sweep timed): ${r.sweep.replace(/^escalation sweep: /, '')}.`);
  return out.join('\n\n') + '\n';
}
