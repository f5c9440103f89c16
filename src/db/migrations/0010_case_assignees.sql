-- The official a case is assigned to: a person holding a current role at the case's
-- owning unit when assigned (the domain checks it; a term may end later, and the
-- assignment then stays until someone changes it). Cleared whenever the owning unit
-- changes — escalation or referral — since the new unit's officials choose their own.
-- Row-level security needs nothing new: the column rides on the `cases` policies.
alter table cases add column assignee_person_id uuid references people (id);

-- "My cases" and "assigned to X" in a queue: a partial index, since most cases are
-- never assigned; in the queue's own order, so a page of one person's cases is a range scan.
create index cases_assignee on cases (assignee_person_id, created_at desc, id) where assignee_person_id is not null;
