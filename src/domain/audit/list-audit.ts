import { placePerson, placeUnit } from '../access/guard.ts';
import { inScope, operatorPolicy } from '../access/policy.ts';
import type { ReadCtx } from '../context.ts';
import { AccessDenied } from '../errors.ts';
import { decodeCursor, DEFAULT_LIMIT, pageOf, type Page, type PageRequest } from '../pagination.ts';
import { accountIdsOf, selectAuditPage, selectNames, type NameKind, type NameRefs } from './audit.queries.ts';

/** A name the reader may see, with its id (a person's id for the actor, so a reader can filter by them). */
export interface Named { id: string; name: string }

/** Who and what an event is about, by name; null where there is none or the reader may not see it. */
export interface AuditNames {
  actor: Named | null;
  person: Named | null;
  unit: Named | null;
  subject: Named | null;
  from: Named | null;
  to: Named | null;
}

export interface AuditItem {
  id: number;
  at: string;
  /** The actor as recorded (an e-mail, `cli:…`, `system:…`): shown where the name is not. */
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  unitId: string | null;
  details: unknown;
  before: unknown;
  after: unknown;
  requestId: string | null;
  chained: boolean;
  names: AuditNames;
}

export interface AuditQuery extends PageRequest {
  entity?: string | undefined;
  kind?: string | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const SUBJECT_KIND: Partial<Record<string, NameKind>> = {
  unit: 'units', gathering: 'gatherings', case: 'cases', directive: 'directives', assignment: 'assignments', category: 'categories',
};

type Ref = [NameKind, string] | null;
interface EventRefs { actor: Ref; person: Ref; unit: Ref; subject: Ref; from: Ref; to: Ref }

const str = (v: unknown): string | null => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null);
const field = (o: unknown, key: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);
const ref = (kind: NameKind, id: unknown): Ref => { const s = str(id); return s ? [kind, s] : null; };

/** The ids an event names, by the part they play in its sentence. */
function refsOf(e: { actor_account_id: string | null; action: string; target_type: string; target_id: string | null; unit_id: string | null; details: unknown; before: unknown; after: unknown }): EventRefs {
  const subjectKind = SUBJECT_KIND[e.target_type];
  const person = e.target_type === 'person' ? ref('people', e.target_id)
    : ref('people', field(e.details, 'personId')) ?? ref('people', field(e.after, 'assigneePersonId'));
  let from: Ref = null;
  let to: Ref = null;
  if (e.action === 'person.transfer') { from = ref('units', field(e.before, 'cellId')); to = ref('units', field(e.after, 'cellId')); }
  if (e.action === 'unit.move') { from = ref('units', field(e.before, 'parentId')); to = ref('units', field(e.after, 'parentId')); }
  if (e.action === 'unit.create') to = ref('units', field(e.details, 'parentId'));
  if (e.action.startsWith('case.')) {
    const before = field(e.before, 'owningUnitId');
    const after = field(e.after, 'owningUnitId');
    if (before !== after) { from = ref('units', before); to = ref('units', after); }
  }
  return {
    actor: ref('accounts', e.actor_account_id),
    person,
    unit: ref('units', e.unit_id),
    subject: e.target_type === 'decision' ? ref('gatherings', field(e.details, 'gatheringId')) : subjectKind ? ref(subjectKind, e.target_id) : null,
    from, to,
  };
}

/** A date-time or a calendar date (a whole day: `to` then ends at the end of it). */
function bound(value: string | undefined, end: boolean): Date | undefined {
  if (!value) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (end && /^\d{4}-\d{2}-\d{2}$/.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/**
 * The trail, newest first: of one entity (a unit or a person), or everything the
 * actor may see, filtered by kind, person and date, each event with the names of who
 * and what it is about. Administrators and officials only (an official: the events of
 * units in their scope); to anyone else the trail answers as if it did not exist.
 */
export async function listAudit(ctx: ReadCtx, input: AuditQuery): Promise<Page<AuditItem>> {
  if (!operatorPolicy.read_audit(ctx.actor)) {
    // A member: the same answer as an address with no route (and, like every refusal, audited).
    throw new AccessDenied('route', '', 'read_audit', false, { code: 'route_not_found', message: 'There is no GET /api/v1/audit.' });
  }
  for (const id of [input.entity, input.person]) {
    if (!id) continue;
    const unit = id === input.entity ? await placeUnit(ctx, id) : undefined;
    const person = unit ? undefined : await placePerson(ctx, id);
    const where = unit ?? person?.cell;
    // Out of scope reads like a missing id, whatever the member could read elsewhere.
    if (!where || !inScope(ctx.actor, where)) throw new AccessDenied(id === input.entity ? 'entity' : 'person', id, 'read_audit', false);
  }
  const limit = input.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(input.cursor, 1);
  const rows = await selectAuditPage(ctx, {
    limit, entity: input.entity, kind: input.kind,
    person: input.person ? { id: input.person, accountIds: await accountIdsOf(ctx, input.person) } : undefined,
    from: bound(input.from, false), to: bound(input.to, true),
    beforeId: after ? Number(after[0]) : undefined,
  });
  const page = pageOf(rows, limit, (r) => [String(r.id)]);

  const refs = page.items.map(refsOf);
  const wanted: NameRefs = { accounts: [], people: [], units: [], gatherings: [], cases: [], directives: [], assignments: [], categories: [] };
  for (const r of refs) for (const one of Object.values(r) as Ref[]) if (one && !wanted[one[0]].includes(one[1])) wanted[one[0]].push(one[1]);
  const names = new Map<string, Named>();
  if (page.items.length > 0) {
    for (const row of await selectNames(ctx, wanted)) names.set(`${row.kind}:${row.id}`, { id: row.personId ?? row.id, name: row.name });
  }
  const nameOf = (r: Ref) => (r ? names.get(`${r[0]}:${r[1]}`) ?? null : null);

  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r, i) => {
      const e = refs[i]!;
      return {
        id: r.id, at: r.at.toISOString(), actor: r.actor_label, action: r.action, targetType: r.target_type,
        targetId: r.target_id, unitId: r.unit_id, details: r.details, before: r.before ?? null, after: r.after ?? null,
        requestId: r.request_id, chained: r.chain_seq !== null,
        names: { actor: nameOf(e.actor), person: nameOf(e.person), unit: nameOf(e.unit), subject: nameOf(e.subject), from: nameOf(e.from), to: nameOf(e.to) },
      };
    }),
  };
}
