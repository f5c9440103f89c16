-- Casework: people bring their difficulties; the responsible unit owns each case until
-- it is resolved, and an overdue case rises to the unit above.

-- Categories are configuration, not personal data: every signed-in reader may list
-- them, and the public form offers the public ones. Administrators change them.
create table case_categories (
  id uuid primary key,
  code text not null unique,
  name text not null,
  -- Translations of the name by language code, e.g. {"ko": "…"}.
  names jsonb not null default '{}',
  handling_depth int not null references levels (depth),
  public boolean not null,
  -- Per urgency (low, normal, urgent, life_threatening): {"acknowledgeHours": n, "resolveHours": n}.
  deadlines jsonb not null,
  created_at timestamptz not null,
  retired_at timestamptz
);

-- Where a unit serves: a GeoJSON Polygon or MultiPolygon and named localities.
-- Routing reads them for anyone (a resident's report places itself), so they carry no
-- row-level security; they hold no personal data. The box is the polygon's bounding
-- box, for a GiST lookup before the exact point-in-polygon test.
create table unit_service_areas (
  unit_id uuid primary key references units (id),
  area jsonb,
  bbox box,
  localities text[] not null default '{}',
  updated_at timestamptz not null
);
create index unit_service_areas_bbox on unit_service_areas using gist (bbox);

create table cases (
  id uuid primary key,
  reference text not null unique,
  -- Only the SHA-256 of the tracking token: the link is the requester's key.
  tracking_hash text not null unique,
  category_id uuid not null references case_categories (id),
  urgency text not null check (urgency in ('low', 'normal', 'urgent', 'life_threatening')),
  description text not null,
  lat double precision,
  long double precision,
  address text,
  -- A member who filed their own request (they follow it signed in); an id, not contact data.
  requester_person_id uuid references people (id),
  channel text not null check (channel in ('web', 'official', 'member', 'open311')),
  received_by_unit_id uuid not null references units (id),
  owning_unit_id uuid not null references units (id),
  -- The owning unit's ancestors and itself: who acts on the case and sees the requester.
  owner_path uuid[] not null,
  -- Every unit that ever owned it, with their ancestors: who sees the case at all.
  involved_path uuid[] not null,
  triage boolean not null default false,
  status text not null check (status in ('new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened', 'merged')),
  escalation_level int not null default 0,
  acknowledge_due_at timestamptz,
  resolve_due_at timestamptz,
  -- While the case waits on the requester its clock stands still.
  paused_at timestamptz,
  -- The deadline the owner was last reminded of: a new deadline re-arms the reminder.
  acknowledge_reminded_for timestamptz,
  resolve_reminded_for timestamptz,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  resolved_by_unit_id uuid references units (id),
  closed_at timestamptz,
  merged_into_id uuid references cases (id),
  reopen_count int not null default 0,
  rating_stars int check (rating_stars between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index cases_owner_queue on cases (owning_unit_id, created_at desc, id);
create index cases_acknowledge_due on cases (acknowledge_due_at) where status = 'new';
create index cases_resolve_due on cases (resolve_due_at) where status in ('acknowledged', 'in_progress', 'reopened');

-- The requester's personal data, apart from the case: visible only along the owning
-- unit's chain of ancestors (not to a unit the case has escalated away from).
create table case_requesters (
  case_id uuid primary key references cases (id),
  name text,
  email text,
  phone text
);

-- The timeline: every change, with who and why. Public entries are what the
-- requester's tracking page shows; the rest are internal notes and actions.
create table case_events (
  -- In insertion order: several entries of one command share a timestamp.
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  at timestamptz not null,
  kind text not null,
  public boolean not null,
  actor_label text not null,
  actor_account_id uuid,
  from_status text,
  to_status text,
  from_unit_id uuid references units (id),
  to_unit_id uuid references units (id),
  note text,
  details jsonb not null default '{}'
);
create index case_events_case on case_events (case_id, id);

-- One row per step up the tree; the key makes a second escalation of the same step impossible.
create table case_escalations (
  case_id uuid not null references cases (id),
  level int not null,
  from_unit_id uuid not null references units (id),
  to_unit_id uuid not null references units (id),
  deadline text not null check (deadline in ('acknowledge', 'resolve')),
  due_at timestamptz not null,
  at timestamptz not null,
  primary key (case_id, level)
);

grant select, insert, update on case_categories, unit_service_areas, cases, case_requesters to mainstay_app;
grant select, insert on case_events, case_escalations to mainstay_app;

-- ---------------------------------------------------------------- row-level security
alter table cases enable row level security;
alter table cases force row level security;
-- Anyone may file a case anywhere (a resident does, through the public form); who sees
-- it follows the units that owned it, and the member who filed their own.
create policy cases_read on cases for select using (
  mainstay_is_admin() or involved_path && mainstay_scope()
  or requester_person_id = mainstay_person());
create policy cases_insert on cases for insert with check (true);
-- The owning chain changes a case; a referral may hand it outside the actor's part of
-- the tree, so the changed row only has to stay one the actor was involved with.
create policy cases_update on cases for update
  using (mainstay_is_admin() or owner_path && mainstay_scope())
  with check (mainstay_is_admin() or involved_path && mainstay_scope());

alter table case_requesters enable row level security;
alter table case_requesters force row level security;
create policy case_requesters_read on case_requesters for select using (
  mainstay_is_admin() or exists (select 1 from cases c where c.id = case_requesters.case_id
    and (c.owner_path && mainstay_scope() or c.requester_person_id = mainstay_person())));
create policy case_requesters_insert on case_requesters for insert with check (true);
create policy case_requesters_update on case_requesters for update
  using (mainstay_is_admin() or exists (select 1 from cases c where c.id = case_requesters.case_id and c.owner_path && mainstay_scope()));

alter table case_events enable row level security;
alter table case_events force row level security;
create policy case_events_read on case_events for select using (exists (select 1 from cases c where c.id = case_events.case_id));
create policy case_events_insert on case_events for insert with check (true);

alter table case_escalations enable row level security;
alter table case_escalations force row level security;
create policy case_escalations_read on case_escalations for select using (exists (select 1 from cases c where c.id = case_escalations.case_id));
create policy case_escalations_insert on case_escalations for insert with check (true);
