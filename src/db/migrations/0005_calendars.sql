-- Working-time calendars for casework deadlines: weekly hours in a time zone, and
-- holidays, set at a unit and inherited by everything below it that has none of
-- its own. No row is inserted here: a unit with no calendar on its path counts
-- wall-clock time (the domain's default), so no working hours are assumed anywhere.
--
-- One row per unit. The calendar is always written and read whole (PUT replaces it,
-- a deadline needs all of it), so the hours and holidays are JSON checked by the
-- domain (src/domain/calendar/calendar.ts) rather than rows to reassemble.
--   week:     {"mon": [["09:00","12:00"],["13:00","18:00"]], …, "sun": []}
--   holidays: [{"date": "2026-12-25", "name": "Christmas Day"}, …] (local dates)
create table unit_calendars (
  unit_id uuid primary key references units (id),
  time_zone text not null check (length(time_zone) between 1 and 64),
  week jsonb not null check (jsonb_typeof(week) = 'object'),
  holidays jsonb not null default '[]' check (jsonb_typeof(holidays) = 'array'),
  updated_at timestamptz not null default now()
);

-- Deleting a row means "inherit again"; what it held stays in the audit event.
grant select, insert, update, delete on unit_calendars to mainstay_app;

alter table unit_calendars enable row level security;
alter table unit_calendars force row level security;
-- Read: calendars of units the actor can see, and of the units above them, since
-- a unit's effective calendar may come from an ancestor outside the actor's scope.
-- (Hours and holidays only: no personal data.)
create policy unit_calendars_read on unit_calendars for select using (
  mainstay_is_admin()
  or exists (select 1 from units u where u.id = unit_calendars.unit_id)
  or exists (select 1 from units s where (s.id = any(mainstay_scope()) or s.id = mainstay_cell())
               and unit_calendars.unit_id = any(s.ancestor_ids)));
-- Write: like renaming, by the level above (see calendarPolicy in policy.ts).
create policy unit_calendars_insert on unit_calendars for insert with check (
  mainstay_is_admin() or exists (select 1 from units u where u.id = unit_calendars.unit_id and u.ancestor_ids && mainstay_scope()));
create policy unit_calendars_update on unit_calendars for update
  using (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_calendars.unit_id and u.ancestor_ids && mainstay_scope()))
  with check (mainstay_is_admin() or exists (select 1 from units u where u.id = unit_calendars.unit_id and u.ancestor_ids && mainstay_scope()));
create policy unit_calendars_delete on unit_calendars for delete using (
  mainstay_is_admin() or exists (select 1 from units u where u.id = unit_calendars.unit_id and u.ancestor_ids && mainstay_scope()));
