import { sql } from 'kysely';
import type { Actor, Ctx } from '../context.ts';
import { withSystemScope } from '../context.ts';

export interface AuditFilter {
  /** Exclusive upper bound of the id (the cursor). */
  beforeId?: number | undefined;
  limit: number;
  /** A unit or person id: events about it, or belonging to that unit. */
  entity?: string | undefined;
  /** An action (`gathering.attendance`) or a family of them (`gathering`). */
  kind?: string | undefined;
  /** Events the person did (through any of their accounts) or that were about them. */
  person?: { id: string; accountIds: string[] } | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * A page of the trail, newest first. Row-level security already keeps an official to
 * the events of units in their scope; the same rule is written here as well, so the
 * list stands on its own like `readableUnitIds`.
 */
export async function selectAuditPage(ctx: Ctx, f: AuditFilter) {
  const { actor } = ctx;
  let query = ctx.db.selectFrom('audit_events')
    .select(['id', 'at', 'actor_account_id', 'actor_label', 'action', 'target_type', 'target_id', 'unit_id', 'details', 'before', 'after', 'request_id', 'chain_seq']);
  if (!actor.isAdmin) {
    query = query.where(sql<boolean>`exists (select 1 from units u where u.id = audit_events.unit_id
      and (u.id = any(${actor.officialUnitIds}::uuid[]) or u.ancestor_ids && ${actor.officialUnitIds}::uuid[]))`);
  }
  if (f.entity) query = query.where((eb) => eb.or([eb('target_id', '=', f.entity!), eb('unit_id', '=', f.entity!)]));
  if (f.kind) query = query.where((eb) => eb.or([eb('action', '=', f.kind!), eb('action', 'like', `${f.kind!.replace(/[%_\\]/g, '\\$&')}.%`)]));
  if (f.person) {
    const p = f.person;
    query = query.where(sql<boolean>`(target_id = ${p.id}::uuid or details->>'personId' = ${p.id} or after->>'assigneePersonId' = ${p.id}
      or actor_account_id = any(${p.accountIds}::uuid[]))`);
  }
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<', f.to);
  if (f.beforeId !== undefined) query = query.where('id', '<', f.beforeId);
  return query.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

/** The accounts a person signs in with (read past row-level security: ids only). */
export async function accountIdsOf(ctx: Ctx, personId: string): Promise<string[]> {
  const rows = await withSystemScope(ctx, () => ctx.db.selectFrom('accounts').select('id').where('person_id', '=', personId).execute());
  return rows.map((r) => r.id);
}

export interface NameRefs {
  accounts: string[]; people: string[]; units: string[]; gatherings: string[]; cases: string[];
  directives: string[]; assignments: string[]; categories: string[];
}

export type NameKind = keyof NameRefs;
export interface NameRow { kind: NameKind; id: string; name: string; personId: string | null }

/**
 * The names behind the ids of one page of the trail, in one query. People and units
 * answer only when the reader may see them (the same rule as the policy: an
 * administrator, oneself, one's own cell, or a unit in one's scope); the subjects of
 * the events (gatherings, cases, directives, assignments, categories) answer because
 * the page holds only events the reader may see, and those are about them.
 */
export async function selectNames(ctx: Ctx, refs: NameRefs): Promise<NameRow[]> {
  const a: Actor = ctx.actor;
  const unitVisible = (alias: string) => sql`(${a.isAdmin} or ${sql.ref(`${alias}.id`)} = any(${a.officialUnitIds}::uuid[])
    or ${sql.ref(`${alias}.ancestor_ids`)} && ${a.officialUnitIds}::uuid[] or ${sql.ref(`${alias}.id`)} = ${a.cellId}::uuid)`;
  const personVisible = sql`(p.id = ${a.personId}::uuid or ${unitVisible('c')})`;
  const uuids = (ids: string[]) => sql`${ids}::uuid[]`;
  const result = await withSystemScope(ctx, () => sql<NameRow>`
    select 'accounts' as kind, ac.id, p.name, p.id as "personId" from accounts ac join people p on p.id = ac.person_id join units c on c.id = p.cell_id
     where ac.id = any(${uuids(refs.accounts)}) and ${personVisible}
    union all
    select 'people', p.id, p.name, p.id from people p join units c on c.id = p.cell_id where p.id = any(${uuids(refs.people)}) and ${personVisible}
    union all
    select 'units', u.id, u.name, null from units u where u.id = any(${uuids(refs.units)}) and ${unitVisible('u')}
    union all
    select 'gatherings', g.id, g.title, null from gatherings g where g.id = any(${uuids(refs.gatherings)})
    union all
    select 'cases', k.id, k.reference, null from cases k where k.id = any(${uuids(refs.cases)})
    union all
    select 'directives', d.id, d.title, null from directives d where d.id = any(${uuids(refs.directives)})
    union all
    select 'assignments', s.id, d.title, null from assignments s join directives d on d.id = s.directive_id where s.id = any(${uuids(refs.assignments)})
    union all
    select 'categories', k.id, k.name, null from case_categories k where k.id = any(${uuids(refs.categories)})`.execute(ctx.db));
  return result.rows;
}
