-- Gatherings can be edited and cancelled after their invitations went out, and every
-- invitee already told must hear of the change once (iTIP REQUEST with a higher
-- SEQUENCE, or CANCEL). The invitation remembers which version its last mail carried;
-- an edit clears `notified_at`, so the fan-out job (and its partial index) picks the
-- invitation up again.

alter table gatherings add column cancelled_at timestamptz;
alter table gatherings add column cancel_reason text;
alter table gatherings add constraint gatherings_cancelled check ((status = 'cancelled') = (cancelled_at is not null and cancel_reason is not null));

-- The SEQUENCE of the calendar file last queued for this invitee; null: never told.
alter table invitations add column notified_sequence int;
update invitations i set notified_sequence = g.sequence from gatherings g where g.id = i.gathering_id and i.notified_at is not null;
