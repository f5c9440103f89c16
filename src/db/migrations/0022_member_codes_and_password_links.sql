-- Issue 14, items 8 and 12.
--
-- 8. A stable key for people, so that importing the same members file twice updates
-- instead of duplicating. Existing people keep a null code: the export names a person
-- without a code by their id (as it does units), and the importer matches such an id
-- back to that person, so no rewrite of every row is needed here.
alter table people add column member_code text check (length(member_code) between 1 and 64);
create unique index people_member_code on people (member_code) where member_code is not null;
-- The importer's second key: an e-mail unique in the file and in the organization.
create index people_email_lower on people (lower(email)) where email is not null;

-- 12. One-time links to set one's own password: an invitation (72 h) for an account
-- made without a password, and a reset after "forgot password" (1 h). Only the
-- SHA-256 of the token is stored; a link is used once.
create table password_links (
  token_hash text primary key,
  account_id uuid not null references accounts (id),
  purpose text not null check (purpose in ('invite', 'reset')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_links_account on password_links (account_id);
grant select, insert, update on password_links to mainstay_app;
-- Reached only by the accounts domain under the system scope (the person following a
-- link is not signed in), like sign_in_failures.
alter table password_links enable row level security;
alter table password_links force row level security;
create policy password_links_system on password_links for all
  using (mainstay_is_admin()) with check (mainstay_is_admin());

-- "Forgot password" requests, counted per address and per e-mail for the rate limit.
create table password_reset_requests (
  id bigint generated always as identity primary key,
  email_hash text not null,
  address text not null,
  at timestamptz not null
);
create index password_reset_requests_email on password_reset_requests (email_hash, at);
create index password_reset_requests_address on password_reset_requests (address, at);
grant select, insert on password_reset_requests to mainstay_app;
grant usage on sequence password_reset_requests_id_seq to mainstay_app;
alter table password_reset_requests enable row level security;
alter table password_reset_requests force row level security;
create policy password_reset_requests_system on password_reset_requests for all
  using (mainstay_is_admin()) with check (mainstay_is_admin());
