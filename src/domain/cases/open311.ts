import { withSystemScope, type Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { loadLevels } from '../org/levels.ts';
import type { CaseStatus } from '../../db/schema-cases.ts';

/**
 * The Open311 GeoReport v2 view of casework (http/routes/open311.routes.ts presents it).
 * GeoReport lists are open data: only cases of public categories, and only what the
 * specification names — never the requester (name, contacts, account) nor the
 * tracking token, nor internal timeline notes. It runs as the public at the Open311
 * door; the list reads past row-level security for its one query, every field chosen here.
 *
 * service_request_id is the case's reference (C-XXXX-XXXX): short, unguessable, what a
 * person reads out on the phone, and already what officials see; the internal id stays inside.
 */
export const OPEN311_STATUS: Record<CaseStatus, 'open' | 'closed'> = {
  new: 'open', acknowledged: 'open', in_progress: 'open', waiting: 'open', reopened: 'open',
  resolved: 'closed', closed: 'closed', merged: 'closed',
};

/** The specification's cap on a search window. */
export const MAX_WINDOW_MS = 90 * 24 * 3_600_000;
export const MAX_RESULTS = 1000;

export interface Open311Service {
  service_code: string; service_name: string; description: string; metadata: false; type: 'realtime'; keywords: string; group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** The public categories as GeoReport services: group is the handling level, keywords the name's translations. */
export async function open311Services(ctx: Ctx): Promise<Open311Service[]> {
  const levels = await loadLevels(ctx.db);
  const rows = await ctx.db.selectFrom('case_categories').select(['code', 'name', 'names', 'handling_depth'])
    .where('public', '=', true).where('retired_at', 'is', null).orderBy('code').execute();
  return rows.map((r) => ({
    service_code: r.code, service_name: r.name,
    description: `${r.name}: handled at the ${levels.byDepth(r.handling_depth).name} level.`,
    metadata: false, type: 'realtime', keywords: Object.values(r.names ?? {}).join(','), group: levels.byDepth(r.handling_depth).name,
  }));
}

export async function open311Service(ctx: Ctx, code: string): Promise<Open311Service> {
  const service = (await open311Services(ctx)).find((s) => s.service_code === code);
  if (!service) throw new DomainError('not_found', 'service_not_found', `There is no service "${code}".`, { code });
  return service;
}

export interface RequestFilter {
  /** References; when given, every other filter is ignored (as the specification says). */
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  statuses?: Array<'open' | 'closed'> | undefined;
  start: Date;
  end: Date;
}

const statusesOf = (wanted: Array<'open' | 'closed'>) =>
  (Object.keys(OPEN311_STATUS) as CaseStatus[]).filter((s) => wanted.includes(OPEN311_STATUS[s]));

/** Newest first, at most 1000. */
export async function open311Requests(ctx: Ctx, filter: RequestFilter): Promise<Open311Request[]> {
  const levels = await loadLevels(ctx.db);
  let query = ctx.db.selectFrom('cases as c')
    .innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .innerJoin('units as u', 'u.id', 'c.owning_unit_id')
    .select([
      'c.reference', 'c.status', 'c.description', 'c.created_at', 'c.updated_at', 'c.resolve_due_at', 'c.address', 'c.lat', 'c.long',
      'k.code', 'k.name', 'u.depth',
    ])
    .where('k.public', '=', true);
  if (filter.ids) {
    query = query.where('c.reference', 'in', filter.ids.length ? filter.ids : ['']);
  } else {
    query = query.where('c.created_at', '>=', filter.start).where('c.created_at', '<=', filter.end);
    if (filter.serviceCodes) query = query.where('k.code', 'in', filter.serviceCodes.length ? filter.serviceCodes : ['']);
    if (filter.statuses) query = query.where('c.status', 'in', statusesOf(filter.statuses));
  }
  // Open data across the tree: read past row-level security for this one query, whose
  // columns (above) are exactly what the specification publishes.
  const rows = await withSystemScope(ctx, () => query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(MAX_RESULTS).execute());
  return rows.map((r) => ({
    service_request_id: r.reference,
    status: OPEN311_STATUS[r.status],
    // Public timeline notes are written to the requester and may name them: not published here.
    status_notes: null,
    service_name: r.name,
    service_code: r.code,
    description: r.description,
    // The level that owns it, never a person or a unit's name.
    agency_responsible: levels.byDepth(r.depth).name,
    service_notice: null,
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.resolve_due_at?.toISOString() ?? null,
    address: r.address, address_id: null, zipcode: null, lat: r.lat, long: r.long,
    media_url: null,
  }));
}

export async function open311Request(ctx: Ctx, reference: string): Promise<Open311Request> {
  const [found] = await open311Requests(ctx, { ids: [reference.toUpperCase()], start: new Date(0), end: new Date(0) });
  if (!found) throw new DomainError('not_found', 'request_not_found', `There is no service request "${reference}".`, { id: reference });
  return found;
}

