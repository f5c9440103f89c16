-- Restates the edits made to migrations after they had landed (0001, 0004, 0009, 0011,
-- 0012; see test/fixtures/migrations-as-landed/ for the files as they first landed).
-- A database migrated before an edit kept the old schema, since migrate compared names
-- only; a fresh one has the edited files. Every statement here is idempotent, so both
-- end with the same schema (test/migrations-upgrade.test.ts compares them). From now on
-- migrate records each file's sha256 and refuses a changed one.

-- 0001: room on every page of units so counter updates stay heap-only.
alter table units set (fillfactor = 70);

-- 0004: the deadline the owner was last reminded of (a new deadline re-arms the
-- reminder); a referral may hand a case outside the actor's part of the tree.
alter table cases add column if not exists acknowledge_reminded_for timestamptz;
alter table cases add column if not exists resolve_reminded_for timestamptz;
drop policy if exists cases_update on cases;
create policy cases_update on cases for update
  using (mainstay_is_admin() or owner_path && mainstay_scope())
  with check (mainstay_is_admin() or involved_path && mainstay_scope());

-- 0009: only a comment changed.

-- 0011: a unit's assignments by unit_id alone, the due index without status, the change
-- log's autovacuum thresholds, no insert trigger on assignments (its writers log new
-- rows themselves), ordered ids in the issue, drafts' items deletable, a directive's
-- readers found by key.
do $$
begin
  if pg_get_indexdef('assignments_unit'::regclass) like '%created_at%' then
    drop index assignments_unit;
    create index assignments_unit on assignments (unit_id);
  end if;
  if (select pg_get_expr(indpred, indrelid) from pg_index where indexrelid = 'assignments_next_due'::regclass) like '%status%' then
    drop index assignments_next_due;
    create index assignments_next_due on assignments (next_due_at) where next_due_at is not null;
  end if;
end $$;
-- An index that one intermediate version of 0011 had and the next removed.
drop index if exists directive_deltas_directive;
alter table directive_deltas set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
drop trigger if exists assignments_deltas_insert on assignments;
drop function if exists mainstay_assignment_deltas_on_insert();

-- Which units a target reaches is decided by mainstay_directive_targets() alone (it was
-- also written out here, and in the preview): the issue now calls it, keeping
-- `ancestor_ids @> {issuer}` only so the GIN index narrows the units first.
create or replace function mainstay_issue_assignments(directive uuid, first_due timestamptz, at timestamptz) returns int
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
       and mainstay_directive_targets(d, u.depth, u.ancestor_ids || u.id)
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

create or replace function mainstay_directives_reach(unit_ids uuid[]) returns void
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

create or replace function mainstay_directive_addressed(directive uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from assignments a where a.directive_id = directive and a.unit_id = any(mainstay_scope()))
      or exists (select 1 from directive_rollups r where r.directive_id = directive and r.unit_id = any(mainstay_scope())
                   and r.received + r.acknowledged + r.in_progress + r.done + r.blocked > 0)
$$;
grant execute on function mainstay_directive_addressed(uuid) to mainstay_app;

grant delete on directive_items to mainstay_app;
drop policy if exists directives_read on directives;
create policy directives_read on directives for select using (
  mainstay_is_admin() or issuer_path && mainstay_scope()
  or (status <> 'draft' and mainstay_directive_addressed(id)));
drop policy if exists directive_items_delete on directive_items;
create policy directive_items_delete on directive_items for delete using (exists (select 1 from directives d where d.id = directive_items.directive_id and d.status = 'draft'));

-- 0012: the cadence policies admit the unit's own officials, as the domain does.
drop policy if exists unit_cadences_write on unit_cadences;
drop policy if exists unit_cadences_update on unit_cadences;
drop policy if exists unit_cadences_delete on unit_cadences;
create policy unit_cadences_write on unit_cadences for insert with check (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_cadences.unit_id and (u.ancestor_ids || u.id) && mainstay_scope()));
create policy unit_cadences_update on unit_cadences for update using (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_cadences.unit_id and (u.ancestor_ids || u.id) && mainstay_scope()));
create policy unit_cadences_delete on unit_cadences for delete using (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_cadences.unit_id and (u.ancestor_ids || u.id) && mainstay_scope()));
