import type { Ctx } from '../context.ts';
import { readCellSummaries, readRootId, readTodayRows, type CellSummaryRow, type TodayRow } from './today.queries.ts';

/** What a Today line can be about (later capabilities add theirs). */
export const TODAY_KINDS = [
  'case_acknowledge', 'case_overdue', 'case_due_soon', 'assignment_acknowledge', 'assignment_due', 'gathering_upcoming',
  'attendance_unrecorded', 'question_unanswered', 'cells_not_met', 'cells_overdue_cases', 'cells_unacknowledged', 'own_request',
] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

export interface TodayItem {
  kind: TodayKind;
  targetId: string;
  unitId: string;
  /** The object's own words: a case's reference and category, a directive's or gathering's title, a question, a unit's name. */
  title: string;
  dueAt: string | null;
  /** The web app's address where it is acted on. */
  href: string;
  urgency: 'low' | 'normal' | 'urgent' | 'life_threatening' | null;
  rsvp: 'yes' | 'no' | 'maybe' | null;
  /** For the kinds about cells below: how many cells. */
  count: number | null;
}

export const TODAY_LIMIT = 50;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The horizons of "soon": a case due within 2 days, an assignment within 7, gatherings within 14, unrecorded meetings of the last 30. */
export const TODAY_HORIZONS = { casesSoonMs: 2 * DAY, assignmentsSoonMs: 7 * DAY, gatheringsMs: 14 * DAY, unrecordedMs: 30 * DAY };

const HREF: Record<TodayKind, (row: { link_id: string }) => string> = {
  case_acknowledge: (r) => `/cases/${r.link_id}`,
  case_overdue: (r) => `/cases/${r.link_id}`,
  case_due_soon: (r) => `/cases/${r.link_id}`,
  own_request: (r) => `/cases/${r.link_id}`,
  assignment_acknowledge: (r) => `/assignments/${r.link_id}`,
  assignment_due: (r) => `/assignments/${r.link_id}`,
  gathering_upcoming: (r) => `/gatherings/${r.link_id}`,
  attendance_unrecorded: (r) => `/gatherings/${r.link_id}`,
  question_unanswered: (r) => `/directives/${r.link_id}`,
  // The closest lists that exist: the subtree's meeting figures, its case queue, the directives it issued.
  cells_not_met: (r) => `/units/${r.link_id}/meetings`,
  cells_overdue_cases: (r) => `/units/${r.link_id}/cases?scope=subtree&overdue=true`,
  cells_unacknowledged: (r) => `/units/${r.link_id}/directives`,
};

const SUMMARY: Array<[TodayKind, keyof Pick<CellSummaryRow, 'not_met' | 'overdue_cases' | 'unacknowledged'>]> =
  [['cells_not_met', 'not_met'], ['cells_overdue_cases', 'overdue_cases'], ['cells_unacknowledged', 'unacknowledged']];

/**
 * Today: what needs the signed-in person now, across every unit where they hold a term,
 * most urgent first — the cells below that need attention (as counts), then what is past
 * due (longest first), then what is due (soonest first), then the rest — at most 50
 * lines; `counts` counts every line of each kind (for the cells kinds, the cells).
 * Reads only the person's own units, person and cell, under their scope.
 */
export async function readToday(ctx: Ctx): Promise<{ items: TodayItem[]; counts: Record<TodayKind, number> }> {
  const now = ctx.clock.now();
  const { actor } = ctx;
  const rows = await readTodayRows(ctx, {
    units: actor.officialUnitIds, personId: actor.personId, now, perKind: TODAY_LIMIT,
    casesSoon: new Date(now.getTime() + TODAY_HORIZONS.casesSoonMs), assignmentsSoon: new Date(now.getTime() + TODAY_HORIZONS.assignmentsSoonMs),
    gatheringsUntil: new Date(now.getTime() + TODAY_HORIZONS.gatheringsMs), unrecordedSince: new Date(now.getTime() - TODAY_HORIZONS.unrecordedMs),
  });
  // Administrators hold no term; the whole organization is theirs to watch from the root.
  const summaryUnits = actor.isAdmin ? [await readRootId(ctx)].filter((id): id is string => Boolean(id)) : actor.officialUnitIds;
  const summaries = await readCellSummaries(ctx, summaryUnits, now);
  return assembleToday(rows, summaries, now);
}

/** Orders, caps and counts (pure: the ordering rule in one place). */
export function assembleToday(rows: TodayRow[], summaries: CellSummaryRow[], now: Date) {
  const counts = Object.fromEntries(TODAY_KINDS.map((k) => [k, 0])) as Record<TodayKind, number>;
  const summaryItems: TodayItem[] = [];
  for (const s of summaries) {
    for (const [kind, column] of SUMMARY) {
      const n = s[column];
      counts[kind] += n;
      if (n > 0) summaryItems.push({ kind, targetId: s.unit_id, unitId: s.unit_id, title: s.name, dueAt: null, href: HREF[kind]({ link_id: s.unit_id }), urgency: null, rsvp: null, count: n });
    }
  }
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.kind)) continue;
    seen.add(r.kind);
    counts[r.kind as TodayKind] = r.total;
  }
  const t = now.getTime();
  const bucket = (due: Date | null) => (due === null ? 2 : due.getTime() < t ? 0 : 1);
  const order = (kind: string) => TODAY_KINDS.indexOf(kind as TodayKind);
  const sorted = [...rows].sort((a, b) => bucket(a.due_at) - bucket(b.due_at)
    || (a.due_at && b.due_at ? a.due_at.getTime() - b.due_at.getTime() : 0)
    || order(a.kind) - order(b.kind) || (a.target_id < b.target_id ? -1 : a.target_id > b.target_id ? 1 : 0));
  const items = [...summaryItems, ...sorted.map((r): TodayItem => ({
    kind: r.kind as TodayKind, targetId: r.target_id, unitId: r.unit_id, title: r.title, dueAt: r.due_at?.toISOString() ?? null,
    href: HREF[r.kind as TodayKind](r), urgency: r.urgency as TodayItem['urgency'], rsvp: r.rsvp as TodayItem['rsvp'], count: null,
  }))].slice(0, TODAY_LIMIT);
  return { items, counts };
}
