-- Case statistics for every unit's dashboard, maintained as cases change: open,
-- overdue and escalated counts per category, how long acknowledging and resolving
-- took, reopenings, ratings, and cases opened and resolved per week — each for the
-- unit's whole subtree, read in a few rows at the root as at a cell.
--
-- How they stay right without serialising writers: a case's *contribution* (what it
-- adds to the figures of every unit on its owner's path) is a pure function of its row.
-- Statement-level triggers on `cases` append the difference between the old and the new
-- contribution to `case_stat_deltas` — an insert-only log, so concurrent intake never
-- waits on a shared counter row (the root's row would serialise every writer). A
-- scheduled job folds the log into the rollups every second, under the scheduler's job
-- lock; a reader adds what is still in the log for its unit, so figures are exact
-- whatever the lag. Because the contribution follows `owner_path`, a case that rises,
-- is referred, or whose unit moves carries its figures to its new ancestors by itself.

-- Set when a deadline passed and the case could not rise (it is owned by the root);
-- cleared when its status, owner or deadlines change (the sweep marks it again if it is
-- still late). Below the root an overdue case rises at the next sweep instead.
alter table cases add column overdue_since timestamptz;

create function mainstay_clear_overdue() returns trigger language plpgsql as $$
begin
  if new.overdue_since is not distinct from old.overdue_since
     and (new.status, new.owning_unit_id, new.acknowledge_due_at, new.resolve_due_at)
         is distinct from (old.status, old.owning_unit_id, old.acknowledge_due_at, old.resolve_due_at) then
    new.overdue_since := null;
  end if;
  return new;
end $$;
create trigger cases_clear_overdue before update on cases for each row execute function mainstay_clear_overdue();

-- Durations are kept as a histogram: bucket b holds durations of 2^(b/4) − 1 to
-- 2^((b+1)/4) − 1 minutes, so a median read from it is within 10 % (80 buckets reach
-- past a year). An exact median would need every duration at every ancestor.
create function mainstay_duration_bucket(d interval) returns smallint language sql immutable as $$
  select case when d is null then null
    else least(greatest(floor(4 * log(2::numeric, (greatest(extract(epoch from d), 0) / 60 + 1)::numeric)), 0), 32000)::smallint end
$$;

create type case_stat as (
  path uuid[], category_id uuid,
  open smallint, overdue smallint, escalated smallint,
  acknowledge_bucket smallint, resolve_bucket smallint,
  reopens int, stars smallint,
  opened_week date, resolved_week date
);

-- What one case adds to the figures of each unit on its owner's path. A merged case is
-- a duplicate of another and adds nothing (null). Tested as `not (s is null)`: for a
-- row value `is not null` means every field is set.
create function mainstay_case_stat(c cases) returns case_stat language sql immutable as $$
  select case when c.status = 'merged' then null else row(
    c.owner_path, c.category_id,
    (c.status in ('new', 'acknowledged', 'in_progress', 'waiting', 'reopened'))::int,
    (c.status in ('new', 'acknowledged', 'in_progress', 'waiting', 'reopened') and c.overdue_since is not null)::int,
    (c.status in ('new', 'acknowledged', 'in_progress', 'waiting', 'reopened') and c.escalation_level > 0)::int,
    mainstay_duration_bucket(c.acknowledged_at - c.created_at),
    case when c.status in ('resolved', 'closed') then mainstay_duration_bucket(c.resolved_at - c.created_at) end,
    c.reopen_count, c.rating_stars,
    date_trunc('week', c.created_at at time zone 'UTC')::date,
    case when c.status in ('resolved', 'closed') then date_trunc('week', c.resolved_at at time zone 'UTC')::date end
  )::case_stat end
$$;

create table case_stat_deltas (
  id bigint generated always as identity primary key,
  sign smallint not null check (sign in (-1, 1)),
  path uuid[] not null,
  category_id uuid not null,
  open smallint not null,
  overdue smallint not null,
  escalated smallint not null,
  acknowledge_bucket smallint,
  resolve_bucket smallint,
  reopens int not null,
  stars smallint,
  opened_week date not null,
  resolved_week date,
  queued_at timestamptz not null default clock_timestamp()
);

-- The rollups: each row covers the unit's whole subtree.
create table case_stats (
  unit_id uuid not null references units (id),
  category_id uuid not null references case_categories (id),
  open int not null default 0,
  overdue int not null default 0,
  escalated int not null default 0,
  acknowledged int not null default 0,
  resolved int not null default 0,
  reopened int not null default 0,
  rated int not null default 0,
  stars_sum int not null default 0,
  primary key (unit_id, category_id)
);
create table case_stat_durations (
  unit_id uuid not null references units (id),
  kind text not null check (kind in ('acknowledge', 'resolve')),
  bucket smallint not null,
  n int not null,
  primary key (unit_id, kind, bucket)
);
create table case_stat_weeks (
  unit_id uuid not null references units (id),
  week date not null,
  opened int not null default 0,
  resolved int not null default 0,
  primary key (unit_id, week)
);

-- The triggers write the log whoever changes a case (the application role may not).
create function mainstay_case_stats_on_insert() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into case_stat_deltas (sign, path, category_id, open, overdue, escalated, acknowledge_bucket, resolve_bucket, reopens, stars, opened_week, resolved_week)
  select 1, (s).* from (select mainstay_case_stat(n) as s from new_rows n) x where not (s is null);
  return null;
end $$;

create function mainstay_case_stats_on_update() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into case_stat_deltas (sign, path, category_id, open, overdue, escalated, acknowledge_bucket, resolve_bucket, reopens, stars, opened_week, resolved_week)
  with changed as (
    select mainstay_case_stat(o) as a, mainstay_case_stat(n) as b
      from old_rows o join new_rows n on n.id = o.id
  )
  select -1, (a).* from changed where a is distinct from b and not (a is null)
  union all
  select 1, (b).* from changed where a is distinct from b and not (b is null);
  return null;
end $$;

create trigger cases_stats_insert after insert on cases referencing new table as new_rows
  for each statement execute function mainstay_case_stats_on_insert();
create trigger cases_stats_update after update on cases referencing old table as old_rows new table as new_rows
  for each statement execute function mainstay_case_stats_on_update();

-- Folds at most max_rows of the log into the rollups, oldest first; returns how many.
-- Run by one scheduled job at a time (the scheduler's job lock); SKIP LOCKED keeps a
-- second caller (the CLI, a test) from folding the same rows twice.
create function mainstay_apply_case_stats(max_rows int) returns int
language sql security definer set search_path = public as $$
  with batch as (
    delete from case_stat_deltas
     where id in (select id from case_stat_deltas order by id limit max_rows for update skip locked)
    returning *
  ), spread as (
    select u as unit_id, b.* from batch b cross join lateral unnest(b.path) u
  ), counts as (
    insert into case_stats as t (unit_id, category_id, open, overdue, escalated, acknowledged, resolved, reopened, rated, stars_sum)
    select unit_id, category_id, sum(sign * open), sum(sign * overdue), sum(sign * escalated),
           sum(sign * (acknowledge_bucket is not null)::int), sum(sign * (resolve_bucket is not null)::int),
           sum(sign * reopens), sum(sign * (stars is not null)::int), sum(sign * coalesce(stars, 0))
      from spread group by unit_id, category_id
    on conflict (unit_id, category_id) do update set
      open = t.open + excluded.open, overdue = t.overdue + excluded.overdue, escalated = t.escalated + excluded.escalated,
      acknowledged = t.acknowledged + excluded.acknowledged, resolved = t.resolved + excluded.resolved,
      reopened = t.reopened + excluded.reopened, rated = t.rated + excluded.rated, stars_sum = t.stars_sum + excluded.stars_sum
  ), durations as (
    insert into case_stat_durations as t (unit_id, kind, bucket, n)
    select unit_id, kind, bucket, sum(sign) from (
      select unit_id, 'acknowledge' as kind, acknowledge_bucket as bucket, sign from spread where acknowledge_bucket is not null
      union all
      select unit_id, 'resolve', resolve_bucket, sign from spread where resolve_bucket is not null) d
     group by unit_id, kind, bucket
    on conflict (unit_id, kind, bucket) do update set n = t.n + excluded.n
  ), weeks as (
    insert into case_stat_weeks as t (unit_id, week, opened, resolved)
    select unit_id, week, sum(opened), sum(resolved) from (
      select unit_id, opened_week as week, sign as opened, 0 as resolved from spread
      union all
      select unit_id, resolved_week, 0, sign from spread where resolved_week is not null) w
     group by unit_id, week
    on conflict (unit_id, week) do update set opened = t.opened + excluded.opened, resolved = t.resolved + excluded.resolved
  )
  select count(*)::int from batch
$$;

-- Figures are not personal data; a unit's are visible where the unit is (the
-- subquery is filtered by units_read). Only the functions above write them: row-level
-- security is enabled but not forced, so their owner does, and the application role
-- may only read.
grant select on case_stats, case_stat_durations, case_stat_weeks, case_stat_deltas to mainstay_app;
grant execute on function mainstay_apply_case_stats(int) to mainstay_app;
alter table case_stats enable row level security;
create policy case_stats_read on case_stats for select using (exists (select 1 from units u where u.id = case_stats.unit_id));
alter table case_stat_durations enable row level security;
create policy case_stat_durations_read on case_stat_durations for select using (exists (select 1 from units u where u.id = case_stat_durations.unit_id));
alter table case_stat_weeks enable row level security;
create policy case_stat_weeks_read on case_stat_weeks for select using (exists (select 1 from units u where u.id = case_stat_weeks.unit_id));
alter table case_stat_deltas enable row level security;
create policy case_stat_deltas_read on case_stat_deltas for select using (mainstay_is_admin() or path && mainstay_scope());
