-- Photos a requester sends with a case (up to three). They are stored in the database,
-- with the case, so a backup holds them and row-level security guards them like the
-- case itself. What is stored has already been checked and cleaned by the application:
-- the type sniffed from the bytes, location and other metadata stripped.
create table case_photos (
  case_id uuid not null references cases (id),
  position int not null check (position between 1 and 3),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea not null,
  size int not null check (size > 0 and size = octet_length(bytes)),
  -- Pixel dimensions, so a page can reserve the space before the image arrives.
  width int not null check (width > 0),
  height int not null check (height > 0),
  created_at timestamptz not null,
  primary key (case_id, position)
);
-- The images are compressed already: storing them out of line without another round of
-- compression saves the work of trying.
alter table case_photos alter column bytes set storage external;

-- Photos are evidence: added with the case, never changed or deleted.
grant select, insert on case_photos to mainstay_app;

alter table case_photos enable row level security;
alter table case_photos force row level security;
-- Visible exactly when the case is (the cases policy applies inside the subquery).
create policy case_photos_read on case_photos for select using (exists (select 1 from cases c where c.id = case_photos.case_id));
-- Added only with a new case, by whoever files it (like its timeline entries): the filer
-- need not be able to see the unit the case was routed to.
create policy case_photos_insert on case_photos for insert with check (true);
