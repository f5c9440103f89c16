-- Directives: a unit decides something; every targeted unit below receives it as an
-- assignment, acknowledges it, carries it out and reports; the issuer sees progress at
-- any depth from rollups kept as changes happen.

create table directives (
  id uuid primary key,
  issuer_unit_id uuid not null references units (id),
  -- The issuer's ancestors and itself: who may see and manage the directive.
  issuer_path uuid[] not null,
  title text not null,
  body text not null,
  -- Translations by language code, e.g. {"ko": "…"}.
  titles jsonb not null default '{}',
  bodies jsonb not null default '{}',
  target_kind text not null check (target_kind in ('all', 'level', 'subtrees')),
  target_depth int references levels (depth),
  target_unit_ids uuid[] not null default '{}',
  status text not null check (status in ('draft', 'issued', 'withdrawn')),
  -- 1 when issued; every amendment adds one, and receivers acknowledge the new version.
  version int not null default 0,
  -- Where it came from, e.g. a decision of a meeting (issue 7): {"kind": "decision", "id": …}.
  source jsonb,
  created_at timestamptz not null,
  issued_at timestamptz,
  amended_at timestamptz,
  withdrawn_at timestamptz,
  withdraw_reason text,
  check ((target_kind = 'level') = (target_depth is not null)),
  check (target_kind <> 'subtrees' or cardinality(target_unit_ids) > 0)
);
create index directives_issuer on directives (issuer_unit_id, created_at desc);

create table directive_items (
  directive_id uuid not null references directives (id),
  idx int not null,
  title text not null,
  due_at timestamptz not null,
  -- A measurable target per assignment, e.g. houses repaired: 40.
  target numeric,
  unit_label text,
  primary key (directive_id, idx)
);

-- What each amendment changed, for receivers to read before they re-acknowledge.
create table directive_amendments (
  directive_id uuid not null references directives (id),
  version int not null,
  at timestamptz not null,
  actor_label text not null,
  note text,
  changes jsonb not null,
  primary key (directive_id, version)
);

-- One per targeted unit. No foreign key to units or directives: a national issue writes
-- 500,000 of these in one statement and the keys' checks were a third of its time; the
-- issuing command and the unit triggers below are the only writers, and units are never
-- deleted.
create table assignments (
  id uuid primary key,
  directive_id uuid not null,
  unit_id uuid not null,
  -- The unit's ancestors (not itself), kept current when units move: the rollups follow it.
  path uuid[] not null,
  status text not null check (status in ('received', 'acknowledged', 'in_progress', 'done', 'blocked')),
  blocked_reason text,
  acknowledged_version int not null default 0,
  -- The earliest due date among the items this unit has not completed; null when all are.
  next_due_at timestamptz,
  reminded_for timestamptz,
  -- Set by the scheduled job when next_due_at passed with the work not done.
  overdue_since timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (directive_id, unit_id)
) with (fillfactor = 80);
-- A unit's assignments (a few dozen, sorted in memory). On unit_id alone its duplicates
-- share one entry per unit: a fifth of the size with created_at, and a national issue,
-- which inserts into it across its whole width, writes that much less.
create index assignments_unit on assignments (unit_id);
-- No status in the predicate: an update that changes only the status (and the
-- acknowledged version, updated_at) then touches no indexed column and stays on its
-- page (a HOT update, room left by fillfactor 80) instead of adding to all four indexes.
create index assignments_next_due on assignments (next_due_at) where next_due_at is not null;

-- The latest figures per item, and every report as it came.
create table assignment_items (
  assignment_id uuid not null references assignments (id),
  idx int not null,
  percent numeric check (percent between 0 and 100),
  value numeric check (value >= 0),
  updated_at timestamptz not null,
  primary key (assignment_id, idx)
);
create table assignment_reports (
  id bigint generated always as identity primary key,
  assignment_id uuid not null references assignments (id),
  idx int not null,
  percent numeric,
  value numeric,
  text text,
  at timestamptz not null,
  actor_label text not null,
  actor_account_id uuid
);
create index assignment_reports_assignment on assignment_reports (assignment_id, id);

create table assignment_events (
  id bigint generated always as identity primary key,
  assignment_id uuid not null references assignments (id),
  at timestamptz not null,
  from_status text,
  to_status text,
  reason text,
  actor_label text not null,
  actor_account_id uuid
);
create index assignment_events_assignment on assignment_events (assignment_id, id);

-- A receiving unit asks; the issuing unit answers once, for all.
create table directive_questions (
  id uuid primary key,
  directive_id uuid not null references directives (id),
  unit_id uuid not null references units (id),
  text text not null,
  asked_at timestamptz not null,
  asked_by text not null,
  answer text,
  answered_at timestamptz,
  answered_by text
);
create index directive_questions_directive on directive_questions (directive_id, asked_at);

-- The earliest due date among the items an assignment has not completed (an item is
-- complete at 100 %, or when its figure reaches the target); null when all are.
create function mainstay_assignment_next_due(assignment_id uuid, directive_id uuid) returns timestamptz
language sql stable as $$
  select min(i.due_at) from directive_items i
    left join assignment_items p on p.assignment_id = $1 and p.idx = i.idx
   where i.directive_id = $2 and not coalesce(p.percent >= 100 or (i.target is not null and p.value >= i.target), false)
$$;

-- ---------------------------------------------------------------- rollups
-- Per directive and unit, for the unit's descendants (its own assignment is read from
-- its row): assignments per state, overdue, and per item the figures reported.
-- Kept like the case statistics (0008): statement triggers append the difference of
-- each changed row's contribution to a log, a job folds it every second, readers add
-- what is pending for their unit — exact reads, no writer waits on the root's row.
create table directive_rollups (
  directive_id uuid not null,
  unit_id uuid not null,
  received int not null default 0,
  acknowledged int not null default 0,
  in_progress int not null default 0,
  done int not null default 0,
  blocked int not null default 0,
  overdue int not null default 0,
  primary key (directive_id, unit_id)
);
create table directive_item_rollups (
  directive_id uuid not null,
  unit_id uuid not null,
  idx int not null,
  reported int not null default 0,
  value_sum numeric not null default 0,
  percent_sum numeric not null default 0,
  primary key (directive_id, unit_id, idx)
);
create table directive_deltas (
  id bigint generated always as identity primary key,
  directive_id uuid not null,
  path uuid[] not null,
  -- An assignment's state (idx null) or an item's figures (idx set); sign ±1.
  sign smallint not null,
  status text,
  overdue smallint not null default 0,
  idx int,
  value numeric,
  percent numeric,
  queued_at timestamptz not null default clock_timestamp()
-- A queue: rows live a second, so dead ones pile up faster than the default thresholds
-- (a fifth of the table) let autovacuum come, and the progress view scans them.
) with (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);

create function mainstay_assignment_deltas_on_update() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into directive_deltas (directive_id, path, sign, status, overdue)
  select o.directive_id, o.path, -1, o.status, (o.overdue_since is not null and o.status <> 'done')::int
    from old_rows o join new_rows n on n.id = o.id
   where (o.path, o.status, o.overdue_since is not null) is distinct from (n.path, n.status, n.overdue_since is not null) and cardinality(o.path) > 0
  union all
  select n.directive_id, n.path, 1, n.status, (n.overdue_since is not null and n.status <> 'done')::int
    from old_rows o join new_rows n on n.id = o.id
   where (o.path, o.status, o.overdue_since is not null) is distinct from (n.path, n.status, n.overdue_since is not null) and cardinality(n.path) > 0;
  -- A moved unit's reported figures move with it.
  insert into directive_deltas (directive_id, path, sign, idx, value, percent)
  select o.directive_id, o.path, -1, i.idx, i.value, i.percent
    from old_rows o join new_rows n on n.id = o.id join assignment_items i on i.assignment_id = o.id
   where o.path is distinct from n.path and cardinality(o.path) > 0
  union all
  select n.directive_id, n.path, 1, i.idx, i.value, i.percent
    from old_rows o join new_rows n on n.id = o.id join assignment_items i on i.assignment_id = n.id
   where o.path is distinct from n.path and cardinality(n.path) > 0;
  return null;
end $$;

-- No insert trigger: its transition table would hold a national issue's 500,000 new rows
-- only to be ignored (the issue writes its rollups itself), and that capture alone cost
-- more than the rollups. The two writers of new assignments count them themselves:
-- mainstay_issue_assignments() into the rollups, mainstay_directives_reach() into the log.
create trigger assignments_deltas_update after update on assignments referencing old table as old_rows new table as new_rows
  for each statement execute function mainstay_assignment_deltas_on_update();

create function mainstay_assignment_item_deltas() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into directive_deltas (directive_id, path, sign, idx, value, percent)
    select a.directive_id, a.path, -1, o.idx, o.value, o.percent from old_rows o join assignments a on a.id = o.assignment_id where cardinality(a.path) > 0;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into directive_deltas (directive_id, path, sign, idx, value, percent)
    select a.directive_id, a.path, 1, n.idx, n.value, n.percent from new_rows n join assignments a on a.id = n.assignment_id where cardinality(a.path) > 0;
  end if;
  return null;
end $$;
create trigger assignment_items_deltas_insert after insert on assignment_items referencing new table as new_rows
  for each statement execute function mainstay_assignment_item_deltas();
create trigger assignment_items_deltas_update after update on assignment_items referencing old table as old_rows new table as new_rows
  for each statement execute function mainstay_assignment_item_deltas();

-- The overdue mark goes when the work is done or the next due date changes; the job
-- marks it again if still late.
create function mainstay_assignment_clear_overdue() returns trigger language plpgsql as $$
begin
  if new.overdue_since is not distinct from old.overdue_since
     and (new.status = 'done' or new.next_due_at is distinct from old.next_due_at) then
    new.overdue_since := null;
  end if;
  return new;
end $$;
create trigger assignments_clear_overdue before update on assignments for each row execute function mainstay_assignment_clear_overdue();

create function mainstay_apply_directive_deltas(max_rows int) returns int
language sql security definer set search_path = public as $$
  with batch as (
    delete from directive_deltas
     where id in (select id from directive_deltas order by id limit max_rows for update skip locked)
    returning *
  ), spread as (
    select u as unit_id, b.* from batch b cross join lateral unnest(b.path) u
  ), counts as (
    insert into directive_rollups as t (directive_id, unit_id, received, acknowledged, in_progress, done, blocked, overdue)
    select directive_id, unit_id,
           sum(sign * (status = 'received')::int), sum(sign * (status = 'acknowledged')::int), sum(sign * (status = 'in_progress')::int),
           sum(sign * (status = 'done')::int), sum(sign * (status = 'blocked')::int), sum(sign * overdue)
      from spread where idx is null group by directive_id, unit_id
    on conflict (directive_id, unit_id) do update set
      received = t.received + excluded.received, acknowledged = t.acknowledged + excluded.acknowledged,
      in_progress = t.in_progress + excluded.in_progress, done = t.done + excluded.done,
      blocked = t.blocked + excluded.blocked, overdue = t.overdue + excluded.overdue
  ), items as (
    insert into directive_item_rollups as t (directive_id, unit_id, idx, reported, value_sum, percent_sum)
    select directive_id, unit_id, idx, sum(sign), sum(sign * coalesce(value, 0)), sum(sign * coalesce(percent, 0))
      from spread where idx is not null group by directive_id, unit_id, idx
    on conflict (directive_id, unit_id, idx) do update set
      reported = t.reported + excluded.reported, value_sum = t.value_sum + excluded.value_sum, percent_sum = t.percent_sum + excluded.percent_sum
  )
  select count(*)::int from batch
$$;

-- Issues a draft's cascade: an assignment for every open unit in the target, and the
-- rollups of the whole cascade, in one statement whatever the size (no change log: its
-- per-row deltas would be folded into the very same rows). Returns how many units it
-- reached. The caller has checked the draft and the actor's right.
-- The rows go in in unit order with ids that grow in that order (the issue's millisecond,
-- random bits drawn once, then the row's rank: a UUIDv7 layout), so the primary key and
-- (directive_id, unit_id) grow at their right edge and the unit index is walked once
-- from end to end; in the units' physical order with random ids, every insert landed on
-- a random page of three indexes, and a national issue took twice as long. The rollups
-- group the paths first: a few thousand distinct paths to spread over their ancestors
-- instead of every assignment.
-- work_mem: the sort by unit and the returned paths of a national issue (about 100 MB)
-- stay in memory instead of going through temporary files.
create function mainstay_issue_assignments(directive uuid, first_due timestamptz, at timestamptz) returns int
language plpgsql security definer set search_path = public set work_mem = '128MB' as $$
declare
  d directives;
  reached int;
  previous text := coalesce(current_setting('mainstay.admin', true), '');
  stem text := lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
               || substr(replace(gen_random_uuid()::text, '-', ''), 1, 3) || '8' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 7);
begin
  perform set_config('mainstay.admin', 'true', true);
  select * into strict d from directives where id = directive;
  with made as (
    insert into assignments (id, directive_id, unit_id, path, status, next_due_at, created_at, updated_at)
    select (stem || lpad(to_hex(row_number() over (order by u.id)), 8, '0'))::uuid, d.id, u.id, u.ancestor_ids, 'received', first_due, at, at
      from units u
     where u.ancestor_ids @> array[d.issuer_unit_id] and u.closed_at is null
       and case d.target_kind when 'all' then true
                              when 'level' then u.depth = d.target_depth
                              else u.id = any(d.target_unit_ids) or u.ancestor_ids && d.target_unit_ids end
     order by u.id
    returning path
  ), paths as (
    select path, count(*) as n from made group by path
  ), rolled as (
    insert into directive_rollups (directive_id, unit_id, received)
    select d.id, p, sum(paths.n) from paths cross join lateral unnest(paths.path) p group by p
  )
  select coalesce(sum(n), 0)::int into reached from paths;
  perform set_config('mainstay.admin', previous, true);
  return reached;
end $$;

-- ---------------------------------------------------------------- units joining and moving
-- Whether a unit (by its depth and path: its ancestors and itself) falls in a
-- directive's target: below the issuer, then all of it, one level, or chosen subtrees.
create function mainstay_directive_targets(d directives, depth int, path uuid[]) returns boolean
language sql immutable as $$
  select d.issuer_unit_id = any(path[1:cardinality(path) - 1])
     and case d.target_kind
           when 'all' then true
           when 'level' then depth = d.target_depth
           else d.target_unit_ids && path end
$$;

-- A unit created or moved inside the target of a directive in force receives it too; a
-- unit moved out keeps its assignment, whose path follows the unit — and with it the
-- rollups. Called by the insert trigger below and by the move command for the subtree.
create function mainstay_directives_reach(unit_ids uuid[]) returns void
language plpgsql security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
begin
  perform set_config('mainstay.admin', 'true', true);
  if not exists (select 1 from directives where status = 'issued') then
    perform set_config('mainstay.admin', previous, true);
    return;
  end if;
  update assignments a set path = u.ancestor_ids, updated_at = now()
    from unnest(unit_ids) x (id) join units u on u.id = x.id
   where a.unit_id = u.id and a.path is distinct from u.ancestor_ids;
  -- assignments has no insert trigger: the new ones go into the change log here.
  with made as (
    insert into assignments (id, directive_id, unit_id, path, status, next_due_at, created_at, updated_at)
    select gen_random_uuid(), d.id, u.id, u.ancestor_ids, 'received',
           (select min(due_at) from directive_items i where i.directive_id = d.id), now(), now()
      from unnest(unit_ids) x (id) join units u on u.id = x.id
      join directives d on d.status = 'issued' and mainstay_directive_targets(d, u.depth, u.ancestor_ids || u.id)
     where u.closed_at is null
    on conflict (directive_id, unit_id) do nothing
    returning directive_id, path, status
  )
  insert into directive_deltas (directive_id, path, sign, status)
  select directive_id, path, 1, status from made where cardinality(path) > 0;
  perform set_config('mainstay.admin', previous, true);
end $$;

create function mainstay_units_join_directives() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform mainstay_directives_reach(array(select id from new_rows));
  return null;
end $$;
create trigger units_join_directives after insert on units referencing new table as new_rows
  for each statement execute function mainstay_units_join_directives();

-- ---------------------------------------------------------------- access
grant select, insert, update on directives, directive_items, assignments, assignment_items, directive_questions to mainstay_app;
grant select, insert on directive_amendments, assignment_reports, assignment_events to mainstay_app;
grant select on directive_rollups, directive_item_rollups, directive_deltas to mainstay_app;
-- A draft's items are replaced while it is edited; once issued they are only amended.
grant delete on directive_items to mainstay_app;
grant execute on function mainstay_apply_directive_deltas(int), mainstay_directives_reach(uuid[]), mainstay_assignment_next_due(uuid, uuid),
  mainstay_issue_assignments(uuid, timestamptz, timestamptz) to mainstay_app;

-- Assignments: the unit's chain sees and acts on them (a cell its own, the issuer's
-- chain all of theirs); the unit's own members do not.
alter table assignments enable row level security;
alter table assignments force row level security;
create policy assignments_read on assignments for select using (
  mainstay_is_admin() or unit_id = any(mainstay_scope()) or path && mainstay_scope());
create policy assignments_insert on assignments for insert with check (mainstay_is_admin() or path && mainstay_scope());
create policy assignments_update on assignments for update
  using (mainstay_is_admin() or unit_id = any(mainstay_scope()) or path && mainstay_scope())
  with check (mainstay_is_admin() or unit_id = any(mainstay_scope()) or path && mainstay_scope());

-- A directive: the issuer's chain, and every unit it is addressed to.
alter table directives enable row level security;
alter table directives force row level security;
-- Whether a directive is addressed to one of the actor's units or to units below them:
-- their own assignment (by the unique key), or a rollup row with assignments below (by
-- its primary key). Asking assignments for "any row I may see" instead scanned a
-- national directive's 500,000 rows for each directive a cell official read (4.2 s).
create function mainstay_directive_addressed(directive uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from assignments a where a.directive_id = directive and a.unit_id = any(mainstay_scope()))
      or exists (select 1 from directive_rollups r where r.directive_id = directive and r.unit_id = any(mainstay_scope())
                   and r.received + r.acknowledged + r.in_progress + r.done + r.blocked > 0)
$$;
grant execute on function mainstay_directive_addressed(uuid) to mainstay_app;

create policy directives_read on directives for select using (
  mainstay_is_admin() or issuer_path && mainstay_scope()
  or (status <> 'draft' and mainstay_directive_addressed(id)));
create policy directives_insert on directives for insert with check (mainstay_is_admin() or issuer_path && mainstay_scope());
create policy directives_update on directives for update
  using (mainstay_is_admin() or issuer_path && mainstay_scope()) with check (mainstay_is_admin() or issuer_path && mainstay_scope());

alter table directive_items enable row level security;
alter table directive_items force row level security;
create policy directive_items_read on directive_items for select using (exists (select 1 from directives d where d.id = directive_items.directive_id));
create policy directive_items_write on directive_items for insert with check (exists (select 1 from directives d where d.id = directive_items.directive_id));
create policy directive_items_update on directive_items for update using (exists (select 1 from directives d where d.id = directive_items.directive_id));
create policy directive_items_delete on directive_items for delete using (exists (select 1 from directives d where d.id = directive_items.directive_id and d.status = 'draft'));

alter table directive_amendments enable row level security;
alter table directive_amendments force row level security;
create policy directive_amendments_read on directive_amendments for select using (exists (select 1 from directives d where d.id = directive_amendments.directive_id));
create policy directive_amendments_insert on directive_amendments for insert with check (true);

alter table directive_questions enable row level security;
alter table directive_questions force row level security;
-- Questions and answers are for all receivers: readable with the directive.
create policy directive_questions_read on directive_questions for select using (exists (select 1 from directives d where d.id = directive_questions.directive_id));
create policy directive_questions_insert on directive_questions for insert with check (true);
create policy directive_questions_update on directive_questions for update using (exists (select 1 from directives d where d.id = directive_questions.directive_id and (mainstay_is_admin() or d.issuer_path && mainstay_scope())));

alter table assignment_items enable row level security;
alter table assignment_items force row level security;
create policy assignment_items_read on assignment_items for select using (exists (select 1 from assignments a where a.id = assignment_items.assignment_id));
create policy assignment_items_insert on assignment_items for insert with check (exists (select 1 from assignments a where a.id = assignment_items.assignment_id));
create policy assignment_items_update on assignment_items for update using (exists (select 1 from assignments a where a.id = assignment_items.assignment_id));

alter table assignment_reports enable row level security;
alter table assignment_reports force row level security;
create policy assignment_reports_read on assignment_reports for select using (exists (select 1 from assignments a where a.id = assignment_reports.assignment_id));
create policy assignment_reports_insert on assignment_reports for insert with check (true);

alter table assignment_events enable row level security;
alter table assignment_events force row level security;
create policy assignment_events_read on assignment_events for select using (exists (select 1 from assignments a where a.id = assignment_events.assignment_id));
create policy assignment_events_insert on assignment_events for insert with check (true);

-- Rollups are figures, readable where the unit is; only the functions above write them.
alter table directive_rollups enable row level security;
create policy directive_rollups_read on directive_rollups for select using (exists (select 1 from units u where u.id = directive_rollups.unit_id));
alter table directive_item_rollups enable row level security;
create policy directive_item_rollups_read on directive_item_rollups for select using (exists (select 1 from units u where u.id = directive_item_rollups.unit_id));
alter table directive_deltas enable row level security;
create policy directive_deltas_read on directive_deltas for select using (mainstay_is_admin() or path && mainstay_scope());
