-- Issue 14. Cells that never met were invisible: a cell without a cadence of its own was in
-- no figure. The scheduled job gatherings.cadence now gives every open cell without one the
-- installation's default cadence (MAINSTAY_DEFAULT_CADENCE_DAYS, 31 days), marked by_default,
-- so it is counted, and missed, like any other; setting a cadence replaces the default.
alter table unit_cadences add column by_default boolean not null default false;

-- "Never met" is its own figure: units with a cadence and no meeting held yet, per subtree.
alter table unit_meeting_stats add column never_met int not null default 0;

-- Kept by a trigger on unit_cadences, so every writer (setting a cadence, the job adopting
-- the default, a meeting held) keeps it without knowing of it. Those writers work under the
-- system scope; the path is written root first, the one lock order of these rows.
create function mainstay_count_never_met() returns trigger
language plpgsql set search_path = public as $$
declare
  delta int := 0;
  unit uuid;
begin
  if tg_op in ('INSERT', 'UPDATE') and new.last_met_at is null then delta := delta + 1; end if;
  if tg_op in ('DELETE', 'UPDATE') and old.last_met_at is null then delta := delta - 1; end if;
  if delta = 0 then return null; end if;
  unit := case when tg_op = 'DELETE' then old.unit_id else new.unit_id end;
  insert into unit_meeting_stats (unit_id, never_met)
  select p.unit_id, delta
    from units u cross join lateral unnest(u.ancestor_ids || u.id) with ordinality as p (unit_id, ord)
   where u.id = unit order by p.ord
  on conflict (unit_id) do update set never_met = unit_meeting_stats.never_met + excluded.never_met;
  return null;
end $$;

create trigger unit_cadences_never_met after insert or update of last_met_at or delete on unit_cadences
  for each row execute function mainstay_count_never_met();

-- The figures of cadences that exist already.
insert into unit_meeting_stats (unit_id, never_met)
select p, count(*) from unit_cadences c join units u on u.id = c.unit_id cross join lateral unnest(u.ancestor_ids || u.id) p
 where c.last_met_at is null group by p
on conflict (unit_id) do update set never_met = unit_meeting_stats.never_met + excluded.never_met;

-- Today: a member's own requests are read by requester.
create index cases_requester on cases (requester_person_id) where requester_person_id is not null;
