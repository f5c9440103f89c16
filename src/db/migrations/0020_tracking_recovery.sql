-- The recovery door: a resident who lost their tracking link gives the case's reference
-- and the e-mail address or phone number they gave with it; if the pair matches, a new
-- link is sent to that contact (never shown). The public at this door holds no key, so
-- row-level security shows it nothing; this one function looks the pair up past it and
-- answers only to that door, only for a matching pair, only what the message needs.
--
-- The tracking token is stored only as its SHA-256, so the old link cannot be sent
-- again: a matching e-mail replaces the hash with the new link's (the old link stops
-- working). A matching phone number changes nothing, since no text-message gateway
-- exists yet; the caller is told it matched so the trail can say so.
create function mainstay_recover_tracking(p_reference text, p_email text, p_phone_digits text, p_new_hash text)
returns table (case_id uuid, email text, name text, replaced boolean)
language plpgsql volatile security definer set search_path = public as $$
declare
  previous text := coalesce(current_setting('mainstay.admin', true), '');
  found_case uuid;
  found_email text;
  found_name text;
  by_email boolean;
begin
  if mainstay_door() is distinct from 'recover' then return; end if;
  -- The owner is subject to forced row-level security too (unless a superuser).
  perform set_config('mainstay.admin', 'true', true);
  select c.id, r.email, r.name,
         (p_email is not null and r.email is not null and lower(btrim(r.email)) = lower(btrim(p_email)))
    into found_case, found_email, found_name, by_email
    from cases c join case_requesters r on r.case_id = c.id
   where c.reference = upper(btrim(p_reference))
     and ((p_email is not null and r.email is not null and lower(btrim(r.email)) = lower(btrim(p_email)))
       or (p_phone_digits is not null and length(p_phone_digits) >= 3 and r.phone is not null
           and regexp_replace(r.phone, '[^0-9]', '', 'g') = p_phone_digits));
  if found_case is not null and by_email then
    update cases set tracking_hash = p_new_hash where id = found_case;
  end if;
  perform set_config('mainstay.admin', previous, true);
  if found_case is not null then
    case_id := found_case; email := case when by_email then found_email end; name := found_name; replaced := by_email;
    return next;
  end if;
end $$;
revoke all on function mainstay_recover_tracking(text, text, text, text) from public;
grant execute on function mainstay_recover_tracking(text, text, text, text) to mainstay_app;
