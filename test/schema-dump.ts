import type { Database } from '../src/db/database.ts';

/**
 * The schema of the public namespace as sorted lines, read from the catalogs (no
 * pg_dump, so it works on PGlite too): tables and their options, row-level security,
 * columns, constraints, indexes, policies, functions, triggers, sequences, views,
 * types and grants. Two databases with the same lines have the same schema, but for
 * column order and object ids, which no query depends on.
 */
export async function dumpSchema(database: Database): Promise<string[]> {
  const queries: Record<string, string> = {
    relation: `select c.relname || ' ' || c.relkind::text || ' rls=' || c.relrowsecurity::text || ' force=' || c.relforcerowsecurity::text
                 || ' options=' || coalesce(array_to_string(c.reloptions, ','), '') || ' persistence=' || c.relpersistence::text
                 || ' owner=' || (c.relowner = (select nspowner from pg_namespace where nspname = 'public'))
               from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
    column: `select table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable
               || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity || coalesce(' ' || identity_generation, '')
               || ' generated=' || coalesce(generation_expression, '') || ' length=' || coalesce(character_maximum_length::text, '')
               || ' precision=' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '')
             from information_schema.columns where table_schema = 'public'`,
    constraint: `select conrelid::regclass::text || ' ' || conname || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)
                   || ' deferrable=' || condeferrable::text || ',' || condeferred::text
                 from pg_constraint where connamespace = 'public'::regnamespace`,
    index: `select tablename || ' ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'`,
    policy: `select tablename || ' ' || policyname || ' ' || permissive || ' ' || array_to_string(roles, ',') || ' ' || cmd
               || ' using=' || coalesce(qual, '') || ' check=' || coalesce(with_check, '')
             from pg_policies where schemaname = 'public'`,
    function: `select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || p.prokind::text || ' '
                 || case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) else '' end
               from pg_proc p where p.pronamespace = 'public'::regnamespace`,
    trigger: `select tgrelid::regclass::text || ' ' || tgname || ' enabled=' || tgenabled::text || ' ' || pg_get_triggerdef(oid)
              from pg_trigger where not tgisinternal and tgrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)`,
    sequence: `select sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by || ' ' || min_value || ' '
                 || max_value || ' ' || cycle::text || ' ' || cache_size from pg_sequences where schemaname = 'public'`,
    view: `select viewname || ' ' || definition from pg_views where schemaname = 'public'`,
    type: `select t.typname || ' ' || t.typtype::text || ' ' || coalesce((select string_agg(e.enumlabel, ',' order by e.enumsortorder)
                 from pg_enum e where e.enumtypid = t.oid), '') || ' ' || coalesce(pg_catalog.format_type(t.typbasetype, t.typtypmod), '')
           from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'r', 'm')`,
    extension: `select extname || ' ' || extversion from pg_extension`,
    // Grants, one line per grantee and privilege, so the order they were granted in does not count.
    'grant table': `select c.relname || ' ' || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end
                      || ' ' || a.privilege_type || ' grantable=' || a.is_grantable::text
                    from pg_class c cross join lateral aclexplode(c.relacl) a
                   where c.relnamespace = 'public'::regnamespace and c.relacl is not null`,
    'grant column': `select c.relname || '.' || t.attname || ' ' || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end
                       || ' ' || a.privilege_type
                     from pg_attribute t join pg_class c on c.oid = t.attrelid cross join lateral aclexplode(t.attacl) a
                    where c.relnamespace = 'public'::regnamespace and t.attacl is not null`,
    'grant function': `select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
                         || case when a.grantee = 0 then 'public' else a.grantee::regrole::text end || ' ' || a.privilege_type
                       from pg_proc p cross join lateral aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      where p.pronamespace = 'public'::regnamespace`,
    'grant schema': `select case when a.grantee = 0 then 'public' else a.grantee::regrole::text end || ' ' || a.privilege_type
                     from pg_namespace n cross join lateral aclexplode(n.nspacl) a where n.nspname = 'public'`,
  };
  const lines: string[] = [];
  await database.withConnection(async (conn) => {
    for (const [kind, sql] of Object.entries(queries)) {
      // Each query selects one text column; its name does not matter.
      const { rows } = await conn.query(sql);
      for (const row of rows) lines.push(`${kind}: ${String(Object.values(row)[0])}`);
    }
  });
  return lines.sort();
}
