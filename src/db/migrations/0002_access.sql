-- Scoped access: the application works through mainstay_app, a role that owns
-- nothing, is not a superuser and cannot bypass row-level security. Each
-- transaction sets the role and the actor's scope (transaction-local settings);
-- with no scope set, every policy below sees nothing.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'mainstay_app') then
    create role mainstay_app nologin nosuperuser nobypassrls noinherit;
  end if;
end $$;
-- The connecting user must be able to SET ROLE to it (a no-op for a superuser).
do $$
begin
  execute format('grant mainstay_app to %I', current_user);
exception when others then null; -- already granted, or the user is the role itself
end $$;

grant usage on schema public to mainstay_app;

-- The scope, read by every policy. Stable SQL functions are inlined by the planner.
create function mainstay_is_admin() returns boolean language sql stable
  as $$ select coalesce(current_setting('mainstay.admin', true), '') = 'true' $$;
create function mainstay_scope() returns uuid[] language sql stable
  as $$ select coalesce(nullif(current_setting('mainstay.units', true), ''), '{}')::uuid[] $$;
create function mainstay_cell() returns uuid language sql stable
  as $$ select nullif(current_setting('mainstay.cell', true), '')::uuid $$;
create function mainstay_person() returns uuid language sql stable
  as $$ select nullif(current_setting('mainstay.person', true), '')::uuid $$;
create function mainstay_account() returns uuid language sql stable
  as $$ select nullif(current_setting('mainstay.account', true), '')::uuid $$;

-- ---------------------------------------------------------------- accounts
alter table accounts add column password_changed_at timestamptz;
create unique index accounts_one_per_person on accounts (person_id) where person_id is not null;
alter table people add column anonymised_at timestamptz;
alter table sessions add column kind text not null default 'session' check (kind in ('session', 'api'));
alter table sessions add column name text check (length(name) <= 100);
alter table sessions add column csrf_token text;
alter table sessions add column id uuid;
alter table sessions add column last_used_at timestamptz;
update sessions set id = gen_random_uuid() where id is null;
alter table sessions alter column id set not null;
create unique index sessions_id on sessions (id);

-- Failed sign-ins per account and per address, for slowdown and lockout.
create table sign_in_failures (
  key text primary key,
  failures int not null default 0,
  first_at timestamptz not null,
  last_at timestamptz not null,
  locked_until timestamptz
);

-- ---------------------------------------------------------------- audit chain
-- Events are written by any transaction without a global lock; a chainer links
-- them in commit order shortly after (chain_seq, prev_hash, hash).
alter table audit_events add column request_id text;
alter table audit_events add column before jsonb;
alter table audit_events add column after jsonb;
alter table audit_events add column chain_seq bigint unique;
alter table audit_events add column prev_hash text;
alter table audit_events add column hash text;
create index audit_events_unchained on audit_events (id) where chain_seq is null;

-- ---------------------------------------------------------------- grants
grant select on levels to mainstay_app;
grant select, insert, update on units, people, official_terms, accounts, sessions, sign_in_failures, idempotency_keys to mainstay_app;
grant select, insert on membership_history to mainstay_app;
grant usage on sequence membership_history_id_seq to mainstay_app;
grant select, insert on audit_events to mainstay_app;
grant update (chain_seq, prev_hash, hash) on audit_events to mainstay_app;
grant usage on sequence audit_events_id_seq to mainstay_app;
grant insert, update, delete on levels to mainstay_app;
grant delete on sign_in_failures, idempotency_keys to mainstay_app;

-- ---------------------------------------------------------------- policies
-- Visible units: everything for an administrator; an official's units and all
-- below them; a member's own cell.
alter table units enable row level security;
alter table units force row level security;
create policy units_read on units for select using (
  mainstay_is_admin() or id = any(mainstay_scope()) or ancestor_ids && mainstay_scope() or id = mainstay_cell());
create policy units_insert on units for insert with check (
  mainstay_is_admin() or ancestor_ids && mainstay_scope());
create policy units_update on units for update
  using (mainstay_is_admin() or id = any(mainstay_scope()) or ancestor_ids && mainstay_scope())
  with check (mainstay_is_admin() or id = any(mainstay_scope()) or ancestor_ids && mainstay_scope());

-- People are visible when their cell is (the subquery is itself filtered by
-- units_read), and to themselves; changed by officials over their cell, or by themselves.
alter table people enable row level security;
alter table people force row level security;
create policy people_read on people for select using (
  mainstay_is_admin() or id = mainstay_person() or exists (select 1 from units c where c.id = people.cell_id));
create policy people_insert on people for insert with check (
  mainstay_is_admin() or exists (select 1 from units c where c.id = people.cell_id
    and (c.id = any(mainstay_scope()) or c.ancestor_ids && mainstay_scope())));
create policy people_update on people for update
  using (mainstay_is_admin() or id = mainstay_person() or exists (select 1 from units c where c.id = people.cell_id
    and (c.id = any(mainstay_scope()) or c.ancestor_ids && mainstay_scope())))
  with check (mainstay_is_admin() or id = mainstay_person() or exists (select 1 from units c where c.id = people.cell_id
    and (c.id = any(mainstay_scope()) or c.ancestor_ids && mainstay_scope())));

alter table membership_history enable row level security;
alter table membership_history force row level security;
create policy membership_history_read on membership_history for select using (
  mainstay_is_admin() or exists (select 1 from people p where p.id = membership_history.person_id));
create policy membership_history_insert on membership_history for insert with check (
  mainstay_is_admin() or exists (select 1 from units c where c.id = membership_history.cell_id
    and (c.id = any(mainstay_scope()) or c.ancestor_ids && mainstay_scope())));

alter table official_terms enable row level security;
alter table official_terms force row level security;
create policy official_terms_read on official_terms for select using (
  mainstay_is_admin() or person_id = mainstay_person() or exists (select 1 from units u where u.id = official_terms.unit_id));
create policy official_terms_write on official_terms for insert with check (
  mainstay_is_admin() or exists (select 1 from units u where u.id = official_terms.unit_id and u.ancestor_ids && mainstay_scope()));
create policy official_terms_update on official_terms for update
  using (mainstay_is_admin() or exists (select 1 from units u where u.id = official_terms.unit_id and u.ancestor_ids && mainstay_scope()))
  with check (true);

-- Accounts and sessions: an account sees itself; sign-in, authentication and the
-- few steps that reach other accounts (creating one for a person in scope,
-- disabling one) run with a system scope after the policy module has decided.
-- Kept free of subqueries: every request reads them, and nested policies cost
-- planning time on each.
alter table accounts enable row level security;
alter table accounts force row level security;
create policy accounts_read on accounts for select using (mainstay_is_admin() or id = mainstay_account());
create policy accounts_insert on accounts for insert with check (mainstay_is_admin());
create policy accounts_update on accounts for update
  using (mainstay_is_admin() or id = mainstay_account()) with check (mainstay_is_admin() or id = mainstay_account());

alter table sessions enable row level security;
alter table sessions force row level security;
create policy sessions_own on sessions for all
  using (mainstay_is_admin() or account_id = mainstay_account())
  with check (mainstay_is_admin() or account_id = mainstay_account());

alter table sign_in_failures enable row level security;
alter table sign_in_failures force row level security;
create policy sign_in_failures_auth on sign_in_failures for all
  using (mainstay_is_admin()) with check (mainstay_is_admin());

alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy idempotency_keys_own on idempotency_keys for all
  using (account_id = mainstay_account()) with check (account_id = mainstay_account());

-- Anyone acting may append to the trail; reading it is for administrators and
-- for officials over the unit the event belongs to.
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_append on audit_events for insert with check (true);
create policy audit_events_read on audit_events for select using (
  mainstay_is_admin() or (mainstay_scope() <> '{}' and exists (select 1 from units u where u.id = audit_events.unit_id
    and (u.id = any(mainstay_scope()) or u.ancestor_ids && mainstay_scope()))));
create policy audit_events_chain on audit_events for update using (mainstay_is_admin()) with check (mainstay_is_admin());

-- The content an event's hash covers, apart from its place in the chain;
-- the chainer and the verifier both read it, so they cannot disagree on format.
create function mainstay_audit_content(e audit_events) returns text language sql stable as $$
  select concat_ws('|', e.id, (extract(epoch from e.at) * 1000000)::bigint,
    coalesce(e.actor_account_id::text, ''), e.actor_label, e.action, e.target_type,
    coalesce(e.target_id::text, ''), coalesce(e.unit_id::text, ''), e.details::text,
    coalesce(e.before::text, ''), coalesce(e.after::text, ''), coalesce(e.request_id, ''))
$$;

-- Names and levels of units by id, whoever may see them: breadcrumbs and histories
-- show the names of units above the reader's scope (names only, never counts or
-- members). One call instead of widening and narrowing the scope around a query.
create function mainstay_unit_names(ids uuid[]) returns table (id uuid, name text, level text)
language plpgsql stable security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
begin
  -- The owner is subject to forced row-level security too (unless a superuser).
  perform set_config('mainstay.admin', 'true', true);
  return query select u.id, u.name, l.key from units u join levels l on l.depth = u.depth where u.id = any(ids);
  perform set_config('mainstay.admin', previous, true);
end $$;
revoke all on function mainstay_unit_names(uuid[]) from public;
grant execute on function mainstay_unit_names(uuid[]) to mainstay_app;
