-- API keys per unit, for machine clients of the Open311 door (GeoReport v2): a request
-- filed with a key is received by the key's unit (its triage queue takes what cannot
-- be placed). Only the SHA-256 of a key is stored; the key itself is shown once, at
-- issue. Keys are revoked, never deleted: the audit trail names them by id.
create table unit_api_keys (
  id uuid primary key,
  unit_id uuid not null references units (id),
  name text not null check (length(name) between 1 and 100),
  key_hash text not null unique,
  created_at timestamptz not null,
  created_by_account_id uuid references accounts (id),
  revoked_at timestamptz
);
create index unit_api_keys_unit on unit_api_keys (unit_id);

grant select, insert, update on unit_api_keys to mainstay_app;

alter table unit_api_keys enable row level security;
alter table unit_api_keys force row level security;
-- Read: administrators, and officials whose scope holds the unit (as units_read).
-- Issue and revoke: administrators only (the Open311 door looks keys up in a system scope).
create policy unit_api_keys_read on unit_api_keys for select using (
  mainstay_is_admin() or exists (select 1 from units u where u.id = unit_api_keys.unit_id
    and (u.id = any(mainstay_scope()) or u.ancestor_ids && mainstay_scope())));
create policy unit_api_keys_insert on unit_api_keys for insert with check (mainstay_is_admin());
create policy unit_api_keys_update on unit_api_keys for update
  using (mainstay_is_admin()) with check (mainstay_is_admin());
