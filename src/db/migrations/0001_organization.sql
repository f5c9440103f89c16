-- The organization tree, its people and the minimal sign-in.
-- Every row of organization or personal data carries the unit that owns it
-- (units: themselves; people: their cell; history and terms: their unit), so the
-- access issue can key row-level security to a subtree without reshaping tables.

create table levels (
  depth int primary key check (depth >= 0),
  key text not null unique check (key ~ '^[a-z][a-z0-9-]{0,39}$'),
  name text not null check (length(name) between 1 and 100)
);

insert into levels (depth, key, name) values
  (0, 'central', 'Central committee'),
  (1, 'region', 'Region'),
  (2, 'district', 'District'),
  (3, 'cell', 'Cell');

create table units (
  id uuid primary key,
  code text unique check (length(code) between 1 and 64),
  name text not null check (length(name) between 1 and 200),
  depth int not null references levels (depth),
  parent_id uuid references units (id),
  -- ancestor ids from the root down to the parent; a subtree is `ancestor_ids @> {id}`
  ancestor_ids uuid[] not null default '{}',
  -- maintained in the same transaction as every change that alters them
  sub_units int not null default 0 check (sub_units >= 0),
  sub_cells int not null default 0 check (sub_cells >= 0),
  sub_members int not null default 0 check (sub_members >= 0),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((parent_id is null) = (cardinality(ancestor_ids) = 0))
);
-- Room on every page so that counter updates (no indexed column changes) stay
-- heap-only: the root's row is updated by every membership change.
alter table units set (fillfactor = 70);
create unique index units_single_root on units ((true)) where parent_id is null;
create index units_parent_name on units (parent_id, name, id);
create index units_ancestors on units using gin (ancestor_ids);
create index units_name_search on units (lower(name) text_pattern_ops);

create table people (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  email text check (length(email) <= 254),
  phone text check (length(phone) <= 40),
  birth_year int check (birth_year between 1900 and 2100),
  -- the current membership lives on the person; ended ones move to membership_history
  cell_id uuid not null references units (id),
  cell_since timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create index people_cell_name on people (cell_id, name, id);

create table membership_history (
  id bigint generated always as identity primary key,
  person_id uuid not null references people (id),
  cell_id uuid not null references units (id),
  started_at timestamptz not null,
  ended_at timestamptz not null,
  check (ended_at >= started_at)
);
create index membership_history_person on membership_history (person_id, started_at);
create index membership_history_cell on membership_history (cell_id);

create table official_terms (
  id uuid primary key,
  unit_id uuid not null references units (id),
  person_id uuid not null references people (id),
  role text not null check (role in ('secretary', 'deputy', 'official')),
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  check (ended_at is null or ended_at >= started_at)
);
create unique index official_terms_one_secretary on official_terms (unit_id)
  where role = 'secretary' and ended_at is null;
create unique index official_terms_one_current_role on official_terms (unit_id, person_id)
  where ended_at is null;
create index official_terms_person on official_terms (person_id);

create table accounts (
  id uuid primary key,
  email text not null check (length(email) between 3 and 254),
  password_hash text not null,
  person_id uuid references people (id),
  is_admin boolean not null default false,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index accounts_email on accounts (lower(email));

create table sessions (
  -- sha-256 of the token: a stolen database does not yield usable tokens
  token_hash text primary key,
  account_id uuid not null references accounts (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_account on sessions (account_id);

create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_account_id uuid references accounts (id),
  actor_label text not null,
  action text not null,
  target_type text not null,
  target_id uuid,
  unit_id uuid references units (id),
  details jsonb not null default '{}'
);
create index audit_events_target on audit_events (target_id, id);
create index audit_events_unit on audit_events (unit_id, id);

create table idempotency_keys (
  account_id uuid not null references accounts (id),
  key text not null,
  request_hash text not null,
  status_code int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);
