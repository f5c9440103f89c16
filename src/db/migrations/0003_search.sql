-- Directory search: units and people by part of their name, anywhere in scope, at
-- national scale (500,000 cells, 10 million people).
--
-- Why the searchable text lives in tables of its own instead of an index on
-- units.name and people.name: under row-level security the planner uses a query's
-- condition in an index only if every function in it is leakproof, and lower() and
-- LIKE are not (only a superuser may declare a function leakproof). A trigram index
-- on people sits unused while every search by the application role reads all ten
-- million rows (seen: 3.9 s as mainstay_app against 0.07 ms as a superuser, same
-- index, same query). So the two tables below have no row-level security and the
-- application role may not read them at all: one security-definer function searches
-- them, always within the actor's scope (read from the same settings the policies
-- read), and returns ids, which the application then reads through row-level
-- security like any other row.
--
-- Triggers keep them current in the transaction of every change, whoever makes it.
-- The importer turns the insert triggers off for its bulk load (mainstay.bulk_load)
-- and refreshes or rebuilds what it touched in one statement.

create extension if not exists pg_trgm;

-- Every unit: its lower-cased name, its path (its ancestors and itself, so that the
-- scope test and the subtree filter are one array test), its depth, whether it is open.
create table directory_units (
  unit_id uuid primary key,
  depth int not null,
  open boolean not null,
  key text not null,
  path uuid[] not null
);

-- Every cell with members: their lower-cased names (anonymised ones too, as member
-- lists show them), each between two U+0001 characters (which no name may contain),
-- so that one trigram index over half a million cells finds people among ten
-- million; the matching people are then read from those cells. One row per cell,
-- not per person: twenty times fewer rows, and a move rewrites a row per cell. The
-- price: trigrams of different names in one cell meet, so a short query whose
-- trigrams are common but whose text is rare is rechecked in many cells. The cell's
-- path is here too, so that scope and name are tested in one index scan (tested one
-- after the other, a district official's search for a common name read 2,400 cells
-- of other districts for each one of theirs: 300 ms).
create table directory_members (
  cell_id uuid primary key,
  keys text not null,
  path uuid[] not null
);

revoke all on directory_units, directory_members from public;

-- The LIKE patterns of a search, best tier first: the whole name ('exact'), the
-- start of a word ('start': of the name, or after a space), anywhere ('contains').
-- `listed`: for directory_members, where every name sits between two U+0001.
-- q is matched literally (% _ and \ are escaped) and lower-cased here, by the same
-- lower() that made the keys.
create function mainstay_search_patterns(q text, tier text, listed boolean) returns text[]
language sql immutable as $$
  select case tier
    when 'exact' then array[case when listed then '%' || chr(1) || e || chr(1) || '%' else e end]
    when 'start' then array[case when listed then '%' || chr(1) || e || '%' else e || '%' end, '% ' || e || '%']
    else array['%' || e || '%'] end
  from (select lower(replace(replace(replace(q, '\', '\\'), '%', '\%'), '_', '\_')) as e) s
$$;
grant execute on function mainstay_search_patterns(text, text, boolean) to mainstay_app;

-- ---------------------------------------------------------------- upkeep
-- These read units and people past row-level security (the owner is subject to it
-- too, unless a superuser): a cell's row holds all its members, whoever's change it is.

create function mainstay_directory_refresh_units(ids uuid[]) returns void
language plpgsql security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
begin
  perform set_config('mainstay.admin', 'true', true);
  insert into directory_units (unit_id, depth, open, key, path)
  select id, depth, closed_at is null, lower(name), ancestor_ids || id from units where id = any(ids)
  on conflict (unit_id) do update set depth = excluded.depth, open = excluded.open, key = excluded.key, path = excluded.path;
  perform set_config('mainstay.admin', previous, true);
end $$;

create function mainstay_directory_refresh_cells(cells uuid[]) returns void
language plpgsql security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
begin
  perform set_config('mainstay.admin', 'true', true);
  -- Two changes in one cell at once (two renames) would each write the names as they
  -- saw them, the second losing the first's. Lock the row first: the second waits,
  -- and its next statement reads the first's committed change.
  perform 1 from directory_members where cell_id = any(cells) order by cell_id for update;
  insert into directory_members (cell_id, keys, path)
  select u.id, coalesce(chr(1) || string_agg(lower(p.name), chr(1)) || chr(1), ''), u.ancestor_ids || u.id
    from units u
    left join people p on p.cell_id = u.id
   where u.id = any(cells)
   group by u.id
  on conflict (cell_id) do update set keys = excluded.keys, path = excluded.path;
  perform set_config('mainstay.admin', previous, true);
end $$;

-- After a move: the new paths of every unit and cell of the moved subtree, in two
-- statements (a trigger per moved row cost 0.4 ms a row, a second per district).
create function mainstay_directory_refresh_subtree(top uuid) returns void
language plpgsql security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
begin
  perform set_config('mainstay.admin', 'true', true);
  update directory_units d set path = u.ancestor_ids || u.id
    from units u where d.path @> array[top] and u.id = d.unit_id and d.path <> u.ancestor_ids || u.id;
  update directory_members d set path = u.ancestor_ids || u.id
    from units u where d.path @> array[top] and u.id = d.cell_id and d.path <> u.ancestor_ids || u.id;
  perform set_config('mainstay.admin', previous, true);
end $$;

-- Everything from scratch, indexes built once at the end: at this migration, and by
-- the importer after a load that touches a large part of the organization (updating
-- hundreds of thousands of rows one index entry at a time is several times slower).
create function mainstay_directory_rebuild() returns void
language plpgsql security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
begin
  perform set_config('mainstay.admin', 'true', true);
  drop index if exists directory_units_search;
  drop index if exists directory_members_search;
  truncate directory_units, directory_members;
  insert into directory_units (unit_id, depth, open, key, path)
    select id, depth, closed_at is null, lower(name), ancestor_ids || id from units;
  insert into directory_members (cell_id, keys, path)
    select u.id, m.keys, u.ancestor_ids || u.id
      from (select cell_id, chr(1) || string_agg(lower(name), chr(1)) || chr(1) as keys
              from people group by cell_id) m
      join units u on u.id = m.cell_id;
  create index directory_units_search on directory_units using gin (key gin_trgm_ops, path);
  create index directory_members_search on directory_members using gin (keys gin_trgm_ops, path);
  analyze directory_units;
  analyze directory_members;
  perform set_config('mainstay.admin', previous, true);
end $$;

revoke all on function mainstay_directory_refresh_units(uuid[]) from public;
revoke all on function mainstay_directory_refresh_cells(uuid[]) from public;
revoke all on function mainstay_directory_refresh_subtree(uuid) from public;
revoke all on function mainstay_directory_rebuild() from public;

-- ---------------------------------------------------------------- triggers
-- Inserts: per statement (the importer adds half a million units in one).
-- Updates: per row, and only when a searched column is set — counter updates, which
-- touch every ancestor on every change, do not fire them; a move fires the function
-- once, for the unit whose parent changed, which then refreshes its whole subtree.

create function mainstay_directory_units_added() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  if current_setting('mainstay.bulk_load', true) = 'on' then return null; end if;
  insert into directory_units (unit_id, depth, open, key, path)
  select id, depth, closed_at is null, lower(name), ancestor_ids || id from added;
  return null;
end $$;
create trigger directory_units_added after insert on units
  referencing new table as added for each statement execute function mainstay_directory_units_added();

create function mainstay_directory_unit_changed() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update directory_units set depth = new.depth, open = new.closed_at is null, key = lower(new.name)
   where unit_id = new.id;
  if old.parent_id is distinct from new.parent_id then perform mainstay_directory_refresh_subtree(new.id); end if;
  return null;
end $$;
create trigger directory_unit_changed after update of name, depth, closed_at, parent_id on units
  for each row when (old.name is distinct from new.name or old.depth is distinct from new.depth
    or old.closed_at is distinct from new.closed_at or old.parent_id is distinct from new.parent_id)
  execute function mainstay_directory_unit_changed();

create function mainstay_directory_people_added() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  if current_setting('mainstay.bulk_load', true) = 'on' then return null; end if;
  perform mainstay_directory_refresh_cells(array(select distinct cell_id from added));
  return null;
end $$;
create trigger directory_people_added after insert on people
  referencing new table as added for each statement execute function mainstay_directory_people_added();

create function mainstay_directory_person_changed() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform mainstay_directory_refresh_cells(array[old.cell_id, new.cell_id]);
  return null;
end $$;
create trigger directory_person_changed after update of name, cell_id on people
  for each row when (old.name is distinct from new.name or old.cell_id is distinct from new.cell_id)
  execute function mainstay_directory_person_changed();

-- ---------------------------------------------------------------- search
-- Ids of open units (kind 'units') or of cells holding a matching member (kind
-- 'members') whose text matches q at the given tier, within the actor's scope: all
-- of it for an administrator; otherwise what lies on a path through one of the
-- actor's official units or their own cell (cells have no subunits, so this is
-- unitPolicy.read). Optional: one depth (units), a subtree (within), ids to leave
-- out, a limit (null: no limit). Dynamic SQL, so that each call is planned with its
-- own values and only the filters it uses: both tests then run in one index scan.
create function mainstay_directory_search(kind text, q text, tier text, only_depth int, within uuid, lim int, skip uuid[])
returns setof uuid
language plpgsql stable security definer set search_path = public as $$
declare
  scope uuid[];
  query text;
  id_column text := case kind when 'units' then 'unit_id' when 'members' then 'cell_id' end;
  seqscan text := current_setting('enable_seqscan');
begin
  if id_column is null then raise exception 'unknown kind %', kind; end if;
  if not mainstay_is_admin() then
    scope := array_remove(mainstay_scope() || mainstay_cell(), null);
    if cardinality(scope) = 0 then return; end if;
  end if;
  query := format('select d.%I from %I d where d.%I like any($1)', id_column,
    case kind when 'units' then 'directory_units' else 'directory_members' end,
    case kind when 'units' then 'key' else 'keys' end);
  if kind = 'units' then query := query || ' and d.open'; end if;
  if scope is not null then query := query || ' and d.path && $2'; end if;
  if within is not null then query := query || ' and d.path @> array[$3]'; end if;
  if only_depth is not null and kind = 'units' then query := query || ' and d.depth = $4'; end if;
  if cardinality(skip) > 0 then query := query || format(' and d.%I <> all($5)', id_column); end if;
  query := query || ' limit $6';
  -- Units: always by index. A word-start pattern ('so%') is estimated common enough
  -- that the planner reads the whole table (136 ms) hoping to stop early; by index the
  -- worst seen was 8 ms. Members: the planner's choice, which is right both ways there
  -- (a common name is found in the first pages read; a rare one by index).
  if kind = 'units' then perform set_config('enable_seqscan', 'off', true); end if;
  return query execute query using mainstay_search_patterns(q, tier, kind = 'members'), scope, within, only_depth, skip, lim;
  if kind = 'units' then perform set_config('enable_seqscan', seqscan, true); end if;
end $$;
revoke all on function mainstay_directory_search(text, text, text, int, uuid, int, uuid[]) from public;
grant execute on function mainstay_directory_search(text, text, text, int, uuid, int, uuid[]) to mainstay_app;

-- ---------------------------------------------------------------- existing rows
select mainstay_directory_rebuild();
