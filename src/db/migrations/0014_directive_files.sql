-- Files of directives: attachments the issuer adds (to a draft, or with an amendment)
-- and evidence a unit sends with a report on its assignment. Stored in the database, so a
-- backup holds them and row-level security guards them like the directive or the
-- assignment. What is stored has been checked by the application: the type sniffed from
-- the bytes (photos, PDF, plain UTF-8 text), photos stripped of location and other metadata.
create table directive_files (
  id uuid primary key,
  directive_id uuid not null references directives (id),
  kind text not null check (kind in ('attachment', 'evidence')),
  -- Evidence: the assignment and the report it came with.
  assignment_id uuid references assignments (id),
  report_id bigint references assignment_reports (id),
  -- 1… in the order sent: a directive's attachments together, a report's evidence per
  -- report. The bound and the unique indexes below hold the limit of five even against
  -- a writer that got past the application's count.
  position int not null check (position between 1 and 5),
  -- The sender's name, cleaned, with an extension that matches the sniffed type.
  name text not null check (length(name) between 1 and 200),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain')),
  bytes bytea not null,
  size int not null check (size > 0 and size = octet_length(bytes)),
  -- Photos only: pixel dimensions, so a page can reserve the space.
  width int check (width > 0),
  height int check (height > 0),
  -- Attachments: the directive's version they joined (0 while a draft).
  added_version int,
  created_at timestamptz not null,
  actor_label text not null,
  check ((kind = 'attachment') = (assignment_id is null)),
  check ((kind = 'evidence') = (report_id is not null)),
  check ((width is null) = (height is null) and (width is null) = (media_type not like 'image/%'))
);
create unique index directive_files_attachments on directive_files (directive_id, position) where kind = 'attachment';
create unique index directive_files_evidence on directive_files (report_id, position) where kind = 'evidence';
create index directive_files_assignment on directive_files (assignment_id) where kind = 'evidence';

-- Files are part of the record: added, never changed or deleted.
grant select, insert on directive_files to mainstay_app;

alter table directive_files enable row level security;
alter table directive_files force row level security;
-- An attachment is visible exactly when its directive is, evidence when its assignment
-- is (the policies of 0011 apply inside the subqueries).
create policy directive_files_read on directive_files for select using (
  case when kind = 'attachment'
       then exists (select 1 from directives d where d.id = directive_files.directive_id)
       else exists (select 1 from assignments a where a.id = directive_files.assignment_id) end);
-- Attachments by the issuer's chain; evidence by whoever sees the assignment (its unit's
-- officials and those above).
create policy directive_files_insert on directive_files for insert with check (
  case when kind = 'attachment'
       then exists (select 1 from directives d where d.id = directive_files.directive_id and (mainstay_is_admin() or d.issuer_path && mainstay_scope()))
       else exists (select 1 from assignments a where a.id = directive_files.assignment_id and a.directive_id = directive_files.directive_id) end);
