/**
 * Casework data for bench:cases, on either backend: public categories, a national
 * working-time calendar, service areas that tile the map (one square per cell, the
 * sub-districts' names as localities), and N cases inserted set-based — their owners
 * at the category's level (some one level up, escalated), 20 % open, the rest resolved
 * or closed with acknowledgement and resolution times and ratings, each with its
 * requester, timeline and escalation rows. The 0008 triggers on `cases` log every
 * insert for the rollups; the log is folded before anything is measured.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';
import type { Deadlines } from '../../src/db/schema-cases.ts';
import { createCategory } from '../../src/domain/cases/categories.ts';
import { setUnitCalendar } from '../../src/domain/calendar/set-calendar.ts';
import { systemActor, transact } from '../../src/domain/context.ts';
import { systemClock } from '../../src/platform/clock.ts';

export interface BenchCategory { code: string; name: string; level: string; weight: number }

/** What people bring, where it is handled, and how often (weights sum to 100). */
export const CATEGORIES: BenchCategory[] = [
  { code: 'water-leak', name: 'Leaking water', level: 'cell', weight: 20 },
  { code: 'street-light', name: 'Street light out', level: 'cell', weight: 15 },
  { code: 'waste', name: 'Waste not collected', level: 'cell', weight: 15 },
  { code: 'food', name: 'Food assistance', level: 'cell', weight: 10 },
  { code: 'heating', name: 'No heating', level: 'sub-district', weight: 10 },
  { code: 'storm-damage', name: 'Damage after a storm', level: 'sub-district', weight: 7 },
  { code: 'housing', name: 'Housing', level: 'district', weight: 10 },
  { code: 'health', name: 'Health care access', level: 'district', weight: 8 },
  { code: 'work', name: 'Work and wages', level: 'region', weight: 5 },
];

const DEADLINES: Deadlines = {
  low: { acknowledgeHours: 72, resolveHours: 720 },
  normal: { acknowledgeHours: 48, resolveHours: 240 },
  urgent: { acknowledgeHours: 8, resolveHours: 72 },
  life_threatening: { acknowledgeHours: 1, resolveHours: 12 },
};

/** The map: cells are squares of CELL_SIZE degrees, laid out row by row from the origin in tree order. */
export const GRID = { originLong: 125, originLat: 34, cellSize: 0.005 };
export const gridColumns = (cells: number) => Math.ceil(Math.sqrt(2 * cells));

/** A point well inside the square of the cell with this ordinal. */
export function pointInCell(ordinal: number, cells: number, random: () => number = Math.random): { lat: number; long: number } {
  const columns = gridColumns(cells);
  const x = (ordinal % columns) + 0.1 + 0.8 * random();
  const y = Math.floor(ordinal / columns) + 0.1 + 0.8 * random();
  return { long: round6(GRID.originLong + x * GRID.cellSize), lat: round6(GRID.originLat + y * GRID.cellSize) };
}
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The token whose SHA-256 is the tracking hash of seeded case `i` (1-based). */
export const seededTrackingToken = (i: number) => `bench-tracking-token-${i}`;
export const SEED_REFERENCE_PREFIX = 'S-';

export interface SeedOptions { cases: number; openShare: number; seed: number; log: (message: string) => void }
export interface SeedReport { categoriesMs: number; areasMs: number; casesMs: number; foldMs: number; analyzeMs: number; cells: number; cases: number; reused: boolean }

const asSystem = <T>(database: Database, fn: Parameters<typeof transact<T>>[3]) => transact(database, systemActor('bench'), systemClock, fn);

async function scalar(database: Database, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(database.db)).rows[0]!.n);
}

/** Categories, the calendar and service areas (each only if missing). */
async function ensureConfiguration(database: Database, log: SeedOptions['log']): Promise<{ categoriesMs: number; areasMs: number; cells: number }> {
  let t = performance.now();
  const existing = new Set((await sql<{ code: string }>`select code from case_categories`.execute(database.db)).rows.map((r) => r.code));
  for (const c of CATEGORIES) {
    if (existing.has(c.code)) continue;
    await asSystem(database, (ctx) => createCategory(ctx, { code: c.code, name: c.name, handlingLevel: c.level, public: true, deadlines: DEADLINES }));
  }
  const root = (await sql<{ id: string }>`select id from units where parent_id is null`.execute(database.db)).rows[0]!.id;
  // Working hours set once at the root and inherited by every unit, as a national office would.
  if (await scalar(database, sql<{ n: number }>`select count(*)::int as n from unit_calendars where unit_id = ${root}::uuid`) === 0) {
    const day: Array<[string, string]> = [['09:00', '18:00']];
    await asSystem(database, (ctx) => setUnitCalendar(ctx, root, {
      timeZone: 'Asia/Seoul',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
      holidays: [{ date: '2027-01-01', name: 'New Year' }, { date: '2027-03-01', name: 'Independence Movement Day' }, { date: '2026-12-25', name: 'Christmas' }],
    }));
  }
  const categoriesMs = performance.now() - t;

  t = performance.now();
  const cellDepth = await scalar(database, sql<{ n: number }>`select max(depth)::int as n from levels`);
  const cells = await scalar(database, sql<{ n: number }>`select count(*)::int as n from units where depth = ${cellDepth} and closed_at is null`);
  const mapped = await scalar(database, sql<{ n: number }>`select count(*)::int as n from unit_service_areas s join units u on u.id = s.unit_id where u.depth = ${cellDepth}`);
  if (mapped === 0) {
    log(`service areas: a square for each of ${cells.toLocaleString('en-US')} cells, the sub-districts' names as localities`);
    await database.db.transaction().execute(async (db) => {
      await benchCells(db, cellDepth);
      const { originLong: x0, originLat: y0, cellSize: size } = GRID;
      const columns = gridColumns(cells);
      await sql`
        insert into unit_service_areas (unit_id, area, bbox, localities, updated_at)
        select id, jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
                 jsonb_build_array(x, y), jsonb_build_array(x + ${size}::float8, y), jsonb_build_array(x + ${size}::float8, y + ${size}::float8),
                 jsonb_build_array(x, y + ${size}::float8), jsonb_build_array(x, y)))),
               box(point(x, y), point(x + ${size}::float8, y + ${size}::float8)), '{}', now()
          from (select id, ${x0}::float8 + (ord % ${columns}) * ${size}::float8 as x, ${y0}::float8 + (ord / ${columns}) * ${size}::float8 as y from bench_cells) g
        on conflict (unit_id) do nothing`.execute(db);
      await sql`
        insert into unit_service_areas (unit_id, area, bbox, localities, updated_at)
        select id, null, null, array[lower(name)], now() from units where depth = ${cellDepth - 1} and closed_at is null
        on conflict (unit_id) do nothing`.execute(db);
    });
  }
  return { categoriesMs, areasMs: performance.now() - t, cells };
}

/** The open cells in tree order, numbered from 0: the grid's order. */
async function benchCells(db: Transaction<DB>, cellDepth: number) {
  await sql`drop table if exists bench_cells`.execute(db);
  await sql`create temp table bench_cells on commit drop as
    select (row_number() over (order by ancestor_ids, id) - 1)::int as ord, id, ancestor_ids || id as path
      from units where depth = ${cellDepth} and closed_at is null`.execute(db);
  await sql`alter table bench_cells add primary key (ord)`.execute(db);
}

/** Seeded cases already there, by their reference prefix. */
export const seededCases = (database: Database) =>
  scalar(database, sql<{ n: number }>`select count(*)::int as n from cases where reference like ${SEED_REFERENCE_PREFIX + '%'}`);

/**
 * Closes the cases earlier runs' intake left open, as if handled within a day, so the
 * share of open cases stays near the seeded one and none of them rises (an escalation
 * sweep of thousands of fresh overdue cases) in the middle of a measurement. Answers how many.
 */
export async function settleEarlierIntake(database: Database): Promise<number> {
  const { numUpdatedRows } = await database.db.updateTable('cases')
    .set({
      status: 'closed',
      acknowledged_at: sql`created_at + interval '2 hours'`, resolved_at: sql`created_at + interval '20 hours'`,
      resolved_by_unit_id: sql`owning_unit_id`, closed_at: sql`created_at + interval '1 day'`, updated_at: sql`created_at + interval '1 day'`,
    })
    .where('reference', 'not like', `${SEED_REFERENCE_PREFIX}%`).where('status', '<>', 'closed')
    .executeTakeFirst();
  return Number(numUpdatedRows);
}

/** Empties every casework table (cases, their rows, the rollups and the log), for a fresh seed. */
export async function clearCases(database: Database): Promise<void> {
  await sql`truncate cases, case_requesters, case_events, case_escalations, case_stat_deltas, case_stats, case_stat_durations, case_stat_weeks cascade`.execute(database.db);
  await sql`delete from outbox_messages where ref_type = 'case'`.execute(database.db);
}

/** Categories, calendar, areas and `cases` seeded cases (skipped when exactly that many are there). */
export async function seedCasework(database: Database, options: SeedOptions): Promise<SeedReport> {
  const { categoriesMs, areasMs, cells } = await ensureConfiguration(database, options.log);
  const present = await seededCases(database);
  if (present === options.cases) {
    options.log(`reusing ${present.toLocaleString('en-US')} seeded cases`);
    return { categoriesMs, areasMs, casesMs: 0, foldMs: await foldStats(database), analyzeMs: 0, cells, cases: present, reused: true };
  }
  if (present > 0) throw new Error(`The database holds ${present} seeded cases, not ${options.cases}: run with BENCH_CASES_RESEED=1 to clear them and seed again.`);
  options.log(`inserting ${options.cases.toLocaleString('en-US')} cases set-based (${Math.round(options.openShare * 100)} % open), with requesters, timelines and escalations`);
  let t = performance.now();
  const cellDepth = await scalar(database, sql<{ n: number }>`select max(depth)::int as n from levels`);
  await database.db.transaction().execute(async (db) => {
    await benchCells(db, cellDepth);
    await insertCases(db, options, cells);
  });
  const casesMs = performance.now() - t;
  options.log(`  ${Math.round(casesMs / 1000)} s; folding the rollups' log`);
  const foldMs = await foldStats(database);
  options.log(`  folded in ${Math.round(foldMs / 1000)} s; vacuum and analyze`);
  t = performance.now();
  // As autovacuum would, but now rather than in the middle of a measurement.
  for (const table of ['cases', 'case_events', 'case_requesters', 'case_escalations', 'case_stat_deltas', 'case_stats', 'case_stat_durations', 'case_stat_weeks', 'unit_service_areas']) {
    await sql`vacuum analyze ${sql.table(table)}`.execute(database.db);
  }
  return { categoriesMs, areasMs, casesMs, foldMs, analyzeMs: performance.now() - t, cells, cases: options.cases, reused: false };
}

/** Folds the rollups' whole log (what the server's job does every second), as the tables' owner. */
export async function foldStats(database: Database): Promise<number> {
  const t = performance.now();
  for (;;) {
    const n = await scalar(database, sql<{ n: number }>`select mainstay_apply_case_stats(50000) as n`);
    if (n < 50000) return performance.now() - t;
  }
}

async function timed<T>(options: SeedOptions, step: number, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try { return await fn(); } finally { if (process.env.BENCH_CASES_TRACE) options.log(`    seed step ${step}: ${Math.round(performance.now() - t)} ms`); }
}

// Everything random comes from random() after setseed(): the same seed, the same cases.
async function insertCases(db: Transaction<DB>, options: SeedOptions, cells: number) {
  const slots = CATEGORIES.flatMap((c) => Array.from({ length: c.weight }, () => c.code));
  const { originLong: x0, originLat: y0, cellSize: size } = GRID;
  const columns = gridColumns(cells);
  await timed(options, 1, () => sql`select setseed(${options.seed}::float8)`.execute(db));
  await timed(options, 2, () => sql`create temp table bench_slots on commit drop as
    select s.n - 1 as slot, k.id as category_id, k.handling_depth
      from unnest(${slots}::text[]) with ordinality s(code, n) join case_categories k on k.code = s.code`.execute(db));
  await timed(options, 3, () => sql`create temp table bench_draw on commit drop as
    select i, floor(random() * ${cells})::int as cell_ord, floor(random() * ${slots.length})::int as slot,
           random() as r_open, random() as r_status, random() as r_esc, random() as r_urg, random() as r_age, random() as r_ack,
           random() as r_res, random() as r_rate, random() as r_req, random() as r_chan, random() as r_x, random() as r_y,
           random() as r_addr, random() as r_reopen
      from generate_series(1, ${options.cases}) i`.execute(db));
  // One row per case with everything worked out; the inserts below read from it.
  await timed(options, 4, () => sql`create temp table bench_cases on commit drop as
    select d.i, k.category_id, c.path[1 : k.handling_depth + 1] as first_path, o.status, o.open, e.escalated,
           case when e.escalated then c.path[1 : k.handling_depth] else c.path[1 : k.handling_depth + 1] end as owner_path,
           case when d.r_urg < 0.3 then 'low' when d.r_urg < 0.8 then 'normal' when d.r_urg < 0.97 then 'urgent' else 'life_threatening' end as urgency,
           ${x0}::float8 + ((c.ord % ${columns}) + 0.1 + 0.8 * d.r_x) * ${size}::float8 as long,
           ${y0}::float8 + ((c.ord / ${columns}) + 0.1 + 0.8 * d.r_y) * ${size}::float8 as lat,
           case when d.r_addr < 0.3 then (d.i % 200 + 1) || ' Market Street' end as address,
           case when d.r_chan < 0.6 then 'web' when d.r_chan < 0.85 then 'official' else 'open311' end as channel,
           c.path[1] as root_id, t.created_at,
           -- Exponential durations: acknowledged after 8 hours on average, resolved 4 days after that.
           t.created_at + make_interval(secs => 3600 * (0.05 + -ln(1 - d.r_ack) * 8)) as ack_at,
           t.created_at + make_interval(secs => 3600 * (1 + -ln(1 - d.r_ack) * 8 + -ln(1 - d.r_res) * 96)) as res_at,
           d.r_ack, d.r_res, d.r_rate, d.r_req, d.r_reopen
      from bench_draw d
      join bench_cells c on c.ord = d.cell_ord
      join bench_slots k on k.slot = d.slot
      cross join lateral (select d.r_open < ${options.openShare}::float8 as open) p
      cross join lateral (select p.open,
             case when p.open then case when d.r_status < 0.30 then 'new' when d.r_status < 0.55 then 'acknowledged'
                                        when d.r_status < 0.85 then 'in_progress' when d.r_status < 0.95 then 'waiting' else 'reopened' end
                  else case when d.r_status < 0.15 then 'resolved' else 'closed' end end as status) o
      cross join lateral (select k.handling_depth > 0 and ((p.open and d.r_esc < 0.10) or (not p.open and d.r_esc < 0.03)) as escalated) e
      cross join lateral (select case when p.open then now() - make_interval(secs => d.r_age * 60 * 86400)
                                      else now() - make_interval(secs => (3 + d.r_age * 727) * 86400) end as created_at) t`.execute(db));
  await timed(options, 5, () => sql`update bench_cases set ack_at = least(ack_at, now() - interval '1 minute'), res_at = least(res_at, now() - interval '1 minute')`.execute(db));

  // Ids are UUIDv7-shaped from the creation time, as the application makes them: time-ordered in the index.
  await timed(options, 6, () => sql`
    insert into cases (id, reference, tracking_hash, category_id, urgency, description, lat, long, address, channel,
                       received_by_unit_id, owning_unit_id, owner_path, involved_path, triage, status, escalation_level,
                       acknowledge_due_at, resolve_due_at, paused_at, acknowledged_at, resolved_at, resolved_by_unit_id, closed_at,
                       reopen_count, rating_stars, rating_comment, rated_at, created_at, updated_at)
    select v.id, ${SEED_REFERENCE_PREFIX} || lpad(b.i::text, 7, '0'),
           encode(sha256(convert_to('bench-tracking-token-' || b.i, 'UTF8')), 'hex'),
           b.category_id, b.urgency, 'Reported through the benchmark: the difficulty of household ' || b.i || ', described in a few sentences as people do.',
           b.lat, b.long, b.address, b.channel,
           case when b.channel = 'official' then b.owner_path[cardinality(b.owner_path)] else b.root_id end,
           b.owner_path[cardinality(b.owner_path)], b.owner_path, b.first_path, false, b.status, b.escalated::int,
           case when b.open then now() + make_interval(secs => (1 + b.r_ack * 29) * 86400) else b.created_at + interval '48 hours' end,
           case when b.open then now() + make_interval(secs => (2 + b.r_res * 58) * 86400) else b.created_at + interval '240 hours' end,
           case when b.status = 'waiting' then now() - make_interval(secs => b.r_ack * 5 * 86400) end,
           case when b.status <> 'new' then b.ack_at end,
           case when b.status in ('resolved', 'closed') then b.res_at end,
           case when b.status in ('resolved', 'closed') then b.owner_path[cardinality(b.owner_path)] end,
           case when b.status = 'closed' then least(b.res_at + interval '2 days', now()) end,
           case when b.status = 'reopened' or (not b.open and b.r_reopen < 0.03) then 1 else 0 end,
           s.stars, case when s.stars is not null and b.r_rate < 0.1 then 'Thank you for the quick help.' end,
           case when s.stars is not null then least(b.res_at + interval '2 days', now()) end,
           b.created_at,
           case when b.open then greatest(b.created_at, coalesce(case when b.status <> 'new' then b.ack_at end, b.created_at)) else least(b.res_at + interval '2 days', now()) end
      from bench_cases b
      cross join lateral (select case when b.status = 'closed' and b.r_rate < 0.4 then
             case when b.r_rate < 0.01 then 1 when b.r_rate < 0.03 then 2 when b.r_rate < 0.07 then 3 when b.r_rate < 0.17 then 4 else 5 end end as stars) s
      cross join lateral (select (lpad(to_hex((extract(epoch from b.created_at) * 1000)::bigint), 12, '0') || '7' || substr(md5(b.i::text), 1, 3)
             || '8' || substr(md5(b.i::text), 4, 15))::uuid as id) v
     order by b.created_at`.execute(db));
  await timed(options, 7, () => sql`create temp table bench_ids on commit drop as
    select b.*, c.id as case_id, c.owning_unit_id, c.acknowledged_at, c.resolved_at, c.closed_at, c.rating_stars, c.rated_at
      from bench_cases b join cases c on c.reference = ${SEED_REFERENCE_PREFIX} || lpad(b.i::text, 7, '0')`.execute(db));
  await timed(options, 8, () => sql`
    insert into case_requesters (case_id, name, email, phone)
    select case_id, 'Requester ' || i, case when r_req < 0.45 then 'requester' || i || '@example.org' end,
           case when r_req >= 0.3 then '+82 10 ' || lpad((i % 10000)::text, 4, '0') || ' ' || lpad((i % 7919)::text, 4, '0') end
      from bench_ids where r_req < 0.6`.execute(db));
  await timed(options, 9, () => sql`
    insert into case_escalations (case_id, level, from_unit_id, to_unit_id, deadline, due_at, at)
    select case_id, 1, first_path[cardinality(first_path)], owning_unit_id, case when status = 'new' then 'acknowledge' else 'resolve' end,
           created_at + interval '48 hours', least(created_at + interval '49 hours', now())
      from bench_ids where escalated`.execute(db));
  // The timeline as the commands write it: received, routed (internal), then each step.
  await timed(options, 10, () => sql`
    insert into case_events (case_id, at, kind, public, actor_label, from_status, to_status, from_unit_id, to_unit_id, note, details)
    select case_id, at, kind, public, actor, from_status, to_status, from_unit, to_unit, note, details::jsonb from (
      select case_id, created_at as at, 'created' as kind, true as public, 'public' as actor, null as from_status, 'new' as to_status,
             null::uuid as from_unit, first_path[cardinality(first_path)] as to_unit, null as note, json_build_object('channel', channel)::text as details, 1 as step from bench_ids
      union all
      select case_id, created_at, 'routed', false, 'public', null, null, null, first_path[cardinality(first_path)],
             'the place lies in the service area of its cell', '{}', 2 from bench_ids
      union all
      select case_id, acknowledged_at, 'acknowledged', true, 'secretary@example.org', 'new', 'acknowledged', null, null, null, '{}', 3
        from bench_ids where acknowledged_at is not null
      union all
      select case_id, least(created_at + interval '49 hours', now()), 'escalated', true, 'system:escalation', status, status,
             first_path[cardinality(first_path)], owning_unit_id, null, '{}', 4 from bench_ids where escalated
      union all
      select case_id, acknowledged_at + interval '10 minutes', 'in_progress', true, 'secretary@example.org', 'acknowledged', 'in_progress', null, null, null, '{}', 5
        from bench_ids where acknowledged_at is not null and status <> 'acknowledged'
      union all
      select case_id, resolved_at, 'resolved', true, 'secretary@example.org', 'in_progress', 'resolved', null, null, 'Fixed on site.', '{}', 6
        from bench_ids where resolved_at is not null
      union all
      select case_id, closed_at, 'confirmed', true, 'public', 'resolved', 'closed', null, null, null, '{}', 7 from bench_ids where closed_at is not null
      union all
      select case_id, rated_at, 'rated', true, 'public', null, null, null, null, null, json_build_object('stars', rating_stars)::text, 8
        from bench_ids where rating_stars is not null
    ) e order by at, case_id, step`.execute(db));
}
