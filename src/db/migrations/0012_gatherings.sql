-- Gatherings: unit meetings, enlarged meetings, conferences and courses — who was
-- invited (resolved once, at sending), who came, minutes, and decisions that can become
-- directives. Plus each unit's expected cadence of meetings and the rollups that show
-- which units meet and how many come, at any level.

create table gatherings (
  id uuid primary key,
  kind text not null check (kind in ('meeting', 'enlarged', 'conference', 'course')),
  convening_unit_id uuid not null references units (id),
  -- The convening unit's ancestors and itself: who manages it.
  convening_path uuid[] not null,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text,
  online_url text,
  -- The rule the invitees are resolved from when the invitations are sent.
  invitee_rule text not null check (invitee_rule in ('unit-members', 'officials-below', 'secretaries-at-level')),
  invitee_unit_id uuid not null references units (id),
  invitee_depth int references levels (depth),
  status text not null default 'draft' check (status in ('draft', 'sent', 'cancelled')),
  -- For calendars: every change a client must pick up raises it (RFC 5545 SEQUENCE).
  sequence int not null default 0,
  -- Attendees check themselves in with this short code (shown to the convening officials).
  checkin_code text not null,
  invited int not null default 0,
  sent_at timestamptz,
  -- When attendance was first recorded: the gathering was held (and the unit met).
  held_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (ends_at > starts_at),
  check ((invitee_rule = 'secretaries-at-level') = (invitee_depth is not null))
);
create index gatherings_unit on gatherings (convening_unit_id, starts_at desc);

-- A course has several sessions; every other gathering has one (index 0), its own time.
create table gathering_sessions (
  gathering_id uuid not null references gatherings (id),
  idx int not null,
  title text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  primary key (gathering_id, idx),
  check (ends_at > starts_at)
);

create table agenda_items (
  gathering_id uuid not null references gatherings (id),
  idx int not null,
  title text not null,
  minutes text,
  primary key (gathering_id, idx)
);

-- Who was invited, as resolved at sending: later transfers do not rewrite it. The unit
-- is where the person stood for the rule (their cell, or the unit they are an official of).
create table invitations (
  gathering_id uuid not null,
  person_id uuid not null,
  unit_id uuid not null,
  rsvp text check (rsvp in ('yes', 'no', 'maybe')),
  rsvp_at timestamptz,
  -- When the invitation mail was queued (the fan-out job works through the rest).
  notified_at timestamptz,
  primary key (gathering_id, person_id)
);
create index invitations_person on invitations (person_id);
create index invitations_to_notify on invitations (gathering_id) where notified_at is null;

create table attendance (
  gathering_id uuid not null,
  session_idx int not null,
  person_id uuid not null,
  status text not null check (status in ('present', 'excused', 'absent')),
  via text not null check (via in ('secretary', 'self')),
  marked_at timestamptz not null,
  primary key (gathering_id, session_idx, person_id)
);
create index attendance_person on attendance (person_id, marked_at desc);

create table decisions (
  id uuid primary key,
  gathering_id uuid not null references gatherings (id),
  agenda_idx int,
  text text not null,
  votes_for int check (votes_for >= 0),
  votes_against int check (votes_against >= 0),
  votes_abstain int check (votes_abstain >= 0),
  directive_id uuid references directives (id),
  created_at timestamptz not null,
  check ((votes_for is null) = (votes_against is null) and (votes_for is null) = (votes_abstain is null))
);
create index decisions_gathering on decisions (gathering_id, created_at);

-- A unit's expected rhythm of meetings, and when it last met; `missed_since` is set by
-- the scheduled job when the rhythm was broken, cleared by the next meeting held.
create table unit_cadences (
  unit_id uuid primary key references units (id),
  every_days int not null check (every_days between 1 and 366),
  last_met_at timestamptz,
  missed_since timestamptz,
  set_at timestamptz not null
);

-- A person's secret calendar address: the token is the key (like a share link), readable
-- only by the person and administrators.
create table calendar_tokens (
  person_id uuid primary key references people (id),
  token text not null unique,
  created_at timestamptz not null
);

-- Rollups per unit for its whole subtree (itself included): meetings held, attendance
-- marks, units that keep a cadence and those that missed it. Updated in the transaction
-- of each change along the unit's path (root first, so concurrent writers lock in one
-- order); these change at the pace of meetings, not of intake.
create table unit_meeting_stats (
  unit_id uuid primary key references units (id),
  gatherings_held int not null default 0,
  present int not null default 0,
  excused int not null default 0,
  absent int not null default 0,
  with_cadence int not null default 0,
  missed int not null default 0
);

-- Attendance counts per gathering and session, kept with each mark.
create table gathering_attendance_counts (
  gathering_id uuid not null,
  session_idx int not null,
  present int not null default 0,
  excused int not null default 0,
  absent int not null default 0,
  primary key (gathering_id, session_idx)
);

-- ---------------------------------------------------------------- access
grant select, insert, update on gatherings, gathering_sessions, agenda_items, invitations, attendance, decisions,
  unit_cadences, calendar_tokens, unit_meeting_stats, gathering_attendance_counts to mainstay_app;
grant delete on agenda_items, gathering_sessions, unit_cadences to mainstay_app;

-- Whether the current person was invited. Read past the invitations' own policy (which
-- looks at gatherings: the two policies would recurse): invitations have row-level
-- security enabled but not forced, so this function's owner reads them.
create function mainstay_invited(gathering uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from invitations where gathering_id = gathering and person_id = mainstay_person())
$$;
grant execute on function mainstay_invited(uuid) to mainstay_app;

alter table gatherings enable row level security;
alter table gatherings force row level security;
-- The convening chain, and every invitee.
create policy gatherings_read on gatherings for select using (
  mainstay_is_admin() or convening_path && mainstay_scope() or mainstay_invited(id));
create policy gatherings_insert on gatherings for insert with check (mainstay_is_admin() or convening_path && mainstay_scope());
create policy gatherings_update on gatherings for update
  using (mainstay_is_admin() or convening_path && mainstay_scope()) with check (mainstay_is_admin() or convening_path && mainstay_scope());

alter table invitations enable row level security;
create policy invitations_read on invitations for select using (
  mainstay_is_admin() or person_id = mainstay_person()
  or exists (select 1 from gatherings g where g.id = invitations.gathering_id and g.convening_path && mainstay_scope()));
create policy invitations_insert on invitations for insert with check (
  mainstay_is_admin() or exists (select 1 from gatherings g where g.id = invitations.gathering_id and g.convening_path && mainstay_scope()));
-- RSVP by the invitee; notification marks by the convening chain (and the system).
create policy invitations_update on invitations for update using (
  mainstay_is_admin() or person_id = mainstay_person()
  or exists (select 1 from gatherings g where g.id = invitations.gathering_id and g.convening_path && mainstay_scope()));

alter table attendance enable row level security;
alter table attendance force row level security;
create policy attendance_read on attendance for select using (
  mainstay_is_admin() or person_id = mainstay_person()
  or exists (select 1 from gatherings g where g.id = attendance.gathering_id and g.convening_path && mainstay_scope()));
create policy attendance_insert on attendance for insert with check (
  mainstay_is_admin() or person_id = mainstay_person()
  or exists (select 1 from gatherings g where g.id = attendance.gathering_id and g.convening_path && mainstay_scope()));
create policy attendance_update on attendance for update using (
  mainstay_is_admin() or exists (select 1 from gatherings g where g.id = attendance.gathering_id and g.convening_path && mainstay_scope()));

-- Sessions, agenda, minutes and decisions go with the gathering.
alter table gathering_sessions enable row level security;
alter table gathering_sessions force row level security;
create policy gathering_sessions_all on gathering_sessions for all using (exists (select 1 from gatherings g where g.id = gathering_sessions.gathering_id));
alter table agenda_items enable row level security;
alter table agenda_items force row level security;
create policy agenda_items_all on agenda_items for all using (exists (select 1 from gatherings g where g.id = agenda_items.gathering_id));
alter table decisions enable row level security;
alter table decisions force row level security;
create policy decisions_all on decisions for all using (exists (select 1 from gatherings g where g.id = decisions.gathering_id));
alter table gathering_attendance_counts enable row level security;
alter table gathering_attendance_counts force row level security;
create policy gathering_attendance_counts_all on gathering_attendance_counts for all using (exists (select 1 from gatherings g where g.id = gathering_attendance_counts.gathering_id));

alter table calendar_tokens enable row level security;
alter table calendar_tokens force row level security;
create policy calendar_tokens_own on calendar_tokens for all using (mainstay_is_admin() or person_id = mainstay_person())
  with check (mainstay_is_admin() or person_id = mainstay_person());

-- Figures, visible where the unit is; cadences likewise, set by the unit's officials or those above.
alter table unit_meeting_stats enable row level security;
alter table unit_meeting_stats force row level security;
create policy unit_meeting_stats_read on unit_meeting_stats for select using (exists (select 1 from units u where u.id = unit_meeting_stats.unit_id));
-- Written only under the system scope, along a path the actor's own change reaches.
create policy unit_meeting_stats_write on unit_meeting_stats for insert with check (mainstay_is_admin());
create policy unit_meeting_stats_update on unit_meeting_stats for update using (mainstay_is_admin());
alter table unit_cadences enable row level security;
alter table unit_cadences force row level security;
create policy unit_cadences_read on unit_cadences for select using (exists (select 1 from units u where u.id = unit_cadences.unit_id));
create policy unit_cadences_write on unit_cadences for insert with check (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_cadences.unit_id and (u.ancestor_ids || u.id) && mainstay_scope()));
create policy unit_cadences_update on unit_cadences for update using (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_cadences.unit_id and (u.ancestor_ids || u.id) && mainstay_scope()));
create policy unit_cadences_delete on unit_cadences for delete using (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_cadences.unit_id and (u.ancestor_ids || u.id) && mainstay_scope()));
