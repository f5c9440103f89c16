-- Issue 14: figures that told people what had not happened.
--
-- 1. A meeting is held only once it has started and has attendance. Attendance marked
--    ahead of a meeting made it "held" on a future date: those gatherings are held no
--    more (their marks stay; the first mark once they have started, or the job
--    `gatherings.held`, makes them held again), the counters lose them, and a unit's
--    "last met" goes back to its last meeting that was held.
-- 2. The attendance rate is present among those expected (the invitees of every session
--    that has marks), on a meeting's page as in the statistics: `expected` sums those
--    invitees per subtree next to the marks.
-- 3. An item of a directive may be reported "not applicable" (with a reason in `text`);
--    such an item is no longer due.

alter table unit_meeting_stats add column expected int not null default 0;
insert into unit_meeting_stats (unit_id, expected)
select p, sum(g.invited)::int
  from gathering_attendance_counts c join gatherings g on g.id = c.gathering_id cross join unnest(g.convening_path) p
 group by p
on conflict (unit_id) do update set expected = excluded.expected;

with undone as (
  update gatherings set held_at = null where held_at is not null and starts_at > now() returning convening_path
), lost as (
  select p, count(*)::int as n from undone cross join unnest(convening_path) p group by p
)
update unit_meeting_stats s set gatherings_held = s.gatherings_held - lost.n from lost where s.unit_id = lost.p;

update unit_cadences c set last_met_at = (
  select max(g.starts_at) from gatherings g
   where g.convening_unit_id = c.unit_id and g.held_at is not null and g.kind in ('meeting', 'enlarged'))
 where c.last_met_at > now();

alter table assignment_reports add column not_applicable boolean not null default false;
alter table assignment_reports add constraint assignment_reports_not_applicable_reason
  check (not not_applicable or (text is not null and percent is null and value is null));

-- As in 0011, and an item whose latest report says "not applicable" is not due either.
create or replace function mainstay_assignment_next_due(assignment_id uuid, directive_id uuid) returns timestamptz
language sql stable as $$
  select min(i.due_at) from directive_items i
    left join assignment_items p on p.assignment_id = $1 and p.idx = i.idx
   where i.directive_id = $2 and not coalesce(p.percent >= 100 or (i.target is not null and p.value >= i.target), false)
     and not coalesce((select r.not_applicable from assignment_reports r where r.assignment_id = $1 and r.idx = i.idx order by r.id desc limit 1), false)
$$;
