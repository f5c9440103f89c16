-- The public report form asks a resident whose address matches no service area to pick
-- their area: by name, down the tree. The public actor sees no unit (0016), and the
-- whole system scope would hand the door every column of every unit. So one narrow
-- function answers exactly what the form shows — open units' id, name, level and the
-- names of their ancestors (to tell two "Riverside"s apart), and whether open units lie
-- below — and nothing else: no counters, codes, dates, closed units or people.
--
--   q null:      the open units directly below `within` (below the root when null)
--   q not null:  open units whose name contains q, within `within`'s subtree (or all),
--                a whole-name match first, then the upper levels, then by name
-- At most 50 rows. The name search uses directory_units (0003) and its trigram index.

create function mainstay_public_areas(q text, within uuid, lim int)
returns table (id uuid, name text, depth int, level_key text, level_name text, ancestor_names text[], has_children boolean)
language plpgsql security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
  n int := least(greatest(coalesce(lim, 20), 1), 50);
  parent uuid := within;
begin
  -- units forces row-level security on its owner too: read it as the system for this
  -- statement only, and narrow again before returning.
  perform set_config('mainstay.admin', 'true', true);
  if q is null and parent is null then
    select u.id into parent from units u where u.parent_id is null;
  end if;
  if parent is not null and not exists (select 1 from units u where u.id = parent and u.closed_at is null) then
    perform set_config('mainstay.admin', previous, true);
    return;
  end if;
  if q is null then
    return query
      select u.id, u.name, u.depth, l.key, l.name,
             array(select a.name from units a where a.id = any(u.ancestor_ids) order by a.depth),
             exists (select 1 from units c where c.parent_id = u.id and c.closed_at is null)
        from units u join levels l on l.depth = u.depth
       where u.parent_id = parent and u.closed_at is null
       order by u.name, u.id
       limit n;
  else
    return query
      select u.id, u.name, u.depth, l.key, l.name,
             array(select a.name from units a where a.id = any(u.ancestor_ids) order by a.depth),
             exists (select 1 from units c where c.parent_id = u.id and c.closed_at is null)
        from (select d.unit_id, d.key, d.depth from directory_units d
               where d.open and d.key like any(mainstay_search_patterns(q, 'contains', false))
                 and (parent is null or d.path @> array[parent])
               order by (d.key = lower(q)) desc, d.depth, d.key, d.unit_id
               limit n) m
        join units u on u.id = m.unit_id
        join levels l on l.depth = u.depth
       where u.closed_at is null
       order by (m.key = lower(q)) desc, m.depth, m.key, u.id;
  end if;
  perform set_config('mainstay.admin', previous, true);
end $$;
revoke all on function mainstay_public_areas(text, uuid, int) from public;
grant execute on function mainstay_public_areas(text, uuid, int) to mainstay_app;
