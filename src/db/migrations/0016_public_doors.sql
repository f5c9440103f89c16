-- The public doors (intake, tracking, Open311, the calendar feed) run as the public,
-- not as an administrator: an actor with no scope at all (every policy of 0002–0014
-- shows it nothing) plus, per door, the one key it was given. Each key is a
-- transaction-local setting the domain sets once it holds it, and the policies below
-- open exactly the rows that key names:
--   mainstay.door     which door: intake, track, open311 or feed
--   mainstay.track    the SHA-256 of a tracking token: that case (read, and the requester's updates)
--   mainstay.feed     a calendar token: its row (the person and their gatherings then follow mainstay.person)
--   mainstay.api_key  the SHA-256 of an Open311 API key: that key
-- Inserting a case, its requester, photos and timeline, an audit event and an outbox
-- message is open to any actor already (0004, 0006, 0009). Categories, levels and
-- service areas carry no personal data and have no row-level security.

create function mainstay_door() returns text language sql stable
  as $$ select nullif(current_setting('mainstay.door', true), '') $$;
create function mainstay_tracked() returns text language sql stable
  as $$ select case when mainstay_door() = 'track' then nullif(current_setting('mainstay.track', true), '') end $$;
create function mainstay_feed_token() returns text language sql stable
  as $$ select case when mainstay_door() = 'feed' then nullif(current_setting('mainstay.feed', true), '') end $$;
create function mainstay_api_key() returns text language sql stable
  as $$ select case when mainstay_door() = 'open311' then nullif(current_setting('mainstay.api_key', true), '') end $$;

create policy cases_tracked on cases for select using (tracking_hash = mainstay_tracked());
-- Locking the tracked case (FOR UPDATE) needs an update policy; the changes themselves
-- (confirm, reopen, rate, add information) run under the system scope for that step.
create policy cases_tracked_lock on cases for update using (tracking_hash = mainstay_tracked()) with check (tracking_hash = mainstay_tracked());
create policy calendar_tokens_feed on calendar_tokens for select using (token = mainstay_feed_token());
create policy unit_api_keys_by_key on unit_api_keys for select using (key_hash = mainstay_api_key());
