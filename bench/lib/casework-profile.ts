/**
 * Where an intake's time goes, for bench:cases: (1) public intake run in this process
 * against the benchmark database, one case at a time, with every statement timed
 * (begin and commit included, through Kysely's query log); (2) the server's own CPU profile
 * (`node --cpu-prof`) from a load run, self time grouped by package or source folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import { createCase } from '../../src/domain/cases/create-case.ts';
import { systemActor, transact } from '../../src/domain/context.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { intakeBody, type IntakeMix } from './casework-load.ts';

export interface StatementCost { statement: string; perCase: number; meanMs: number; msPerCase: number }
export interface IntakeProfile {
  cases: number; msPerCase: number; statementsPerCase: number; statements: StatementCost[]; otherMsPerCase: number;
  /** CPU per case: this process (the domain code, Kysely, the driver) and the PostgreSQL backends serving it. */
  nodeCpuMsPerCase: number; postgresCpuMsPerCase: number;
}

/** The first words of a statement, enough to tell them apart in a table. */
function label(sqlText: string): string {
  const text = sqlText.replace(/\s+/g, ' ').trim();
  const m = /^(insert into "?(\w+)"?|update "?(\w+)"?|delete from "?(\w+)"?)/i.exec(text);
  if (m) return m[1]!.replaceAll('"', '');
  if (/^select set_config\('role'/i.test(text)) return "select set_config('role', …) — the transaction's role and scope";
  if (/^(begin|commit)$/i.test(text)) return text.toLowerCase();
  const from = /\bfrom "?(\w+)"?/i.exec(text);
  const what = text.slice(0, 70);
  return from ? `${what.length < text.length ? what + '…' : what} [from ${from[1]}]` : what;
}

/**
 * A Kysely of its own over a pool that prepares every statement, as the server's does
 * (src/db/database.ts), with Kysely's query log on: it times every statement, begin and
 * commit included, from the client.
 */
function timedDatabase(url: string, costs: Map<string, { ms: number; calls: number }>): Database {
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off', application_name: PROFILE_APP });
  const names = new Map<string, string>();
  const preparing = {
    async connect() {
      const client = await pool.connect();
      return {
        query: (text: string, values: unknown[]) => {
          let name = names.get(text);
          if (!name) names.set(text, (name = `k${createHash('sha1').update(text).digest('base64url')}`));
          return client.query({ name, text, values });
        },
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: preparing }),
    log: (event) => {
      const key = label(event.query.sql);
      const c = costs.get(key) ?? { ms: 0, calls: 0 };
      c.ms += event.queryDurationMillis;
      c.calls++;
      costs.set(key, c);
    },
  });
  return {
    kind: 'postgres', db,
    withConnection: () => { throw new Error('not used'); },
    async close() { await db.destroy(); },
  };
}

const PROFILE_APP = 'mainstay-bench-intake-profile';

/** CPU seconds used so far by the PostgreSQL backends of the profile's pool (Linux /proc). */
async function backendCpuSeconds(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pids = (await client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [PROFILE_APP])).rows.map((r) => r.pid);
    return pids.reduce((sum, pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return sum + (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return sum;
      }
    }, 0);
  } finally {
    await client.end();
  }
}

/** `count` public intakes in this process, one at a time, after `warmup` untimed ones. */
export async function profileIntake(url: string, mix: IntakeMix, count: number, warmup = 50): Promise<IntakeProfile> {
  const costs = new Map<string, { ms: number; calls: number }>();
  const database = timedDatabase(url, costs);
  try {
    const intake = (i: number) => transact(database, systemActor('public'), systemClock,
      (ctx) => createCase(ctx, { ...intakeBody(mix, 2_000_000 + i), publicUrl: 'http://127.0.0.1' }, 'web'));
    for (let i = 0; i < warmup; i++) await intake(i);
    costs.clear();
    const pgBefore = await backendCpuSeconds(url);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < count; i++) await intake(warmup + i);
    const msPerCase = (performance.now() - started) / count;
    const cpu = process.cpuUsage(cpuBefore);
    const postgresCpuMsPerCase = ((await backendCpuSeconds(url)) - pgBefore) * 1000 / count;
    const statements = [...costs].map(([statement, c]) => ({ statement, perCase: c.calls / count, meanMs: c.ms / c.calls, msPerCase: c.ms / count }))
      .sort((a, b) => b.msPerCase - a.msPerCase);
    const inStatements = statements.reduce((a, s) => a + s.msPerCase, 0);
    return {
      cases: count, msPerCase, statementsPerCase: statements.reduce((a, s) => a + s.perCase, 0), statements, otherMsPerCase: msPerCase - inStatements,
      nodeCpuMsPerCase: (cpu.user + cpu.system) / 1000 / count, postgresCpuMsPerCase,
    };
  } finally {
    await database.close();
  }
}

// ---- the server's CPU profile ----------------------------------------------------------------------

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare { part: string; share: number }

function partOf(url: string, fn: string): string {
  if (!url) return fn || '(anonymous)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/src\/(.+)$/.exec(url);
  if (src) {
    const parts = src[1]!.split('/');
    return `mainstay src/${parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/')}`;
  }
  if (url.startsWith('node:')) return `node (${url.slice(5).split('/')[0]})`;
  return url.split('/').slice(-2).join('/');
}

/** Self time by package or source folder, as shares of the samples (idle excluded), largest first. */
export function summarizeCpuProfile(dir: string, top = 12): { shares: ProfileShare[]; busyMs: number } | undefined {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const partById = new Map(profile.nodes.map((n) => [n.id, partOf(n.callFrame.url, n.callFrame.functionName)]));
  const time = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const part = partById.get(id) ?? '(unknown)';
    time.set(part, (time.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  time.delete('(idle)');
  const busy = [...time.values()].reduce((a, b) => a + b, 0);
  const shares = [...time].map(([part, us]) => ({ part, share: us / busy })).sort((a, b) => b.share - a.share);
  const head = shares.slice(0, top);
  const rest = shares.slice(top).reduce((a, s) => a + s.share, 0);
  if (rest > 0) head.push({ part: 'everything else', share: rest });
  return { shares: head, busyMs: busy / 1000 };
}

// ---- triggers on cases ------------------------------------------------------------------------------

export interface TriggerCost { triggers: string[]; withMs: number; withoutMs: number; inserts: number }

/**
 * What the user triggers on `cases` (migration 0008's rollup log, and any added since)
 * cost a single-row insert — intake's shape — in PostgreSQL: the same `inserts` rows
 * inserted one statement at a time with the triggers on and off, both rolled back.
 */
export async function casesTriggerCost(url: string, inserts = 1000): Promise<TriggerCost> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const triggers = (await client.query<{ name: string }>(
      "select tgname as name from pg_trigger where tgrelid = 'cases'::regclass and not tgisinternal order by 1")).rows.map((r) => r.name);
    const once = async (disable: boolean) => {
      await client.query('begin');
      try {
        await client.query(`create temp table bench_copies on commit drop as
          select * from cases where reference like 'S-%' order by reference limit ${inserts}`);
        await client.query(`update bench_copies set id = gen_random_uuid(), reference = 'T' || reference, tracking_hash = 't' || tracking_hash`);
        if (disable) await client.query('alter table cases disable trigger user');
        const t = performance.now();
        await client.query('do $$ declare r cases; begin for r in select * from bench_copies loop insert into cases values (r.*); end loop; end $$');
        return (performance.now() - t) / inserts;
      } finally {
        await client.query('rollback');
      }
    };
    await once(false);
    const withMs = Math.min(await once(false), await once(false));
    const withoutMs = Math.min(await once(true), await once(true));
    return { triggers, withMs, withoutMs, inserts };
  } finally {
    await client.end();
  }
}

// ---- the dashboard and its change log -----------------------------------------------------------------

export interface LogBloat { closed: number; deadRows: number; logMb: number; beforeP50: number; afterP50: number }

async function dashboardP50(database: Database, unitId: string, count: number): Promise<number> {
  const { caseDashboard } = await import('../../src/domain/cases/case-stats.ts');
  const times: number[] = [];
  for (let i = 0; i < count + 10; i++) {
    const t = performance.now();
    await transact(database, systemActor('bench'), systemClock, (ctx) => caseDashboard(ctx, unitId));
    if (i >= 10) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * What a burst of changes leaves in the rollups' log: after `closed` cases changed at
 * once and the log was folded, the root's dashboard (read in this process) before and
 * after a VACUUM of the log — its pending-change reads scan the whole table, dead rows included.
 */
export async function logBloat(database: Database, url: string, rootId: string, closed: number): Promise<LogBloat> {
  const stats = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ dead: number; bytes: number }>(
        "select n_dead_tup::int as dead, pg_relation_size('case_stat_deltas')::float8 as bytes from pg_stat_user_tables where relname = 'case_stat_deltas'")).rows[0]!;
    } finally {
      await client.end();
    }
  };
  const before = await stats();
  const beforeP50 = await dashboardP50(database, rootId, 100);
  await sql`vacuum analyze case_stat_deltas`.execute(database.db);
  const afterP50 = await dashboardP50(database, rootId, 100);
  return { closed, deadRows: before.dead, logMb: before.bytes / 2 ** 20, beforeP50, afterP50 };
}
