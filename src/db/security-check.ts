import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Tables holding organization or personal data: each must force row-level security. */
export const PROTECTED_TABLES = [
  'units', 'people', 'membership_history', 'official_terms', 'accounts', 'sessions',
  'sign_in_failures', 'idempotency_keys', 'audit_events',
  'cases', 'case_requesters', 'case_events', 'case_escalations', 'case_photos',
  'outbox_messages',
  'unit_calendars',
  'unit_api_keys',
  'directive_files',
  'directives', 'directive_items', 'directive_amendments', 'directive_questions',
  'assignments', 'assignment_items', 'assignment_reports', 'assignment_events',
  'gatherings', 'gathering_sessions', 'agenda_items', 'attendance', 'decisions', 'gathering_attendance_counts',
  'calendar_tokens', 'unit_meeting_stats', 'unit_cadences',
] as const;

/**
 * Tables with row-level security enabled but deliberately not forced: their owner's
 * security-definer functions write (or, for invitations, read) them past the policies;
 * the application role is held to the policies all the same.
 */
export const OWNER_WRITTEN_TABLES = [
  'invitations', 'case_stats', 'case_stat_durations', 'case_stat_weeks', 'case_stat_deltas',
  'directive_rollups', 'directive_item_rollups', 'directive_deltas',
] as const;

/**
 * The search directory (migration 0003): names outside row-level security, which the
 * planner could not search by index behind it. The application role must not be
 * able to touch them at all; it searches them through mainstay_directory_search().
 */
export const PRIVATE_TABLES = ['directory_units', 'directory_members'] as const;

export const APP_ROLE = 'mainstay_app';

/**
 * Checks the second wall before serving: the application role exists, is not a
 * superuser, cannot bypass row-level security and owns none of the tables, and
 * every protected table has FORCE ROW LEVEL SECURITY. Returns the problems found.
 */
export async function checkRowLevelSecurity(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const role = (await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
    select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`.execute(database.db)).rows[0];
  if (!role) return [`the role ${APP_ROLE} does not exist`];
  if (role.rolsuper) problems.push(`the role ${APP_ROLE} is a superuser`);
  if (role.rolbypassrls) problems.push(`the role ${APP_ROLE} has BYPASSRLS`);
  const tables = (await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }>`
    select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname = any(${[...PROTECTED_TABLES]}::text[])`.execute(database.db)).rows;
  for (const name of PROTECTED_TABLES) {
    const t = tables.find((r) => r.relname === name);
    if (!t) problems.push(`the table ${name} is missing`);
    else {
      if (!t.relrowsecurity || !t.relforcerowsecurity) problems.push(`the table ${name} does not force row-level security`);
      if (t.owner === APP_ROLE) problems.push(`the table ${name} is owned by ${APP_ROLE}`);
    }
  }
  const enabled = (await sql<{ relname: string; relrowsecurity: boolean }>`
    select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname = any(${[...OWNER_WRITTEN_TABLES]}::text[])`.execute(database.db)).rows;
  for (const name of OWNER_WRITTEN_TABLES) {
    const t = enabled.find((r) => r.relname === name);
    if (!t) problems.push(`the table ${name} is missing`);
    else if (!t.relrowsecurity) problems.push(`the table ${name} has no row-level security`);
  }
  const privileges = (await sql<{ relname: string; granted: boolean }>`
    select c.relname, has_table_privilege(${APP_ROLE}, c.oid, 'select, insert, update, delete, truncate, references, trigger') as granted
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname = any(${[...PRIVATE_TABLES]}::text[])`.execute(database.db)).rows;
  for (const name of PRIVATE_TABLES) {
    const t = privileges.find((r) => r.relname === name);
    if (!t) problems.push(`the table ${name} is missing`);
    else if (t.granted) problems.push(`${APP_ROLE} has privileges on ${name}, which row-level security does not cover`);
  }
  // And the wall holds: as the role, with no scope set, nothing is visible.
  const seen = await database.db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${APP_ROLE}, true)`.execute(trx);
    return (await sql<{ n: number }>`select (select count(*) from units)::int + (select count(*) from people)::int as n`.execute(trx)).rows[0]!.n;
  });
  if (seen > 0) problems.push(`with no scope set, ${APP_ROLE} still sees ${seen} rows`);
  return problems;
}
