import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of migration 0008 (the rollups behind every unit's case dashboard); part of DB in schema.ts. */
export interface CaseStatTables {
  case_stats: CaseStatsTable;
  case_stat_durations: CaseStatDurationsTable;
  case_stat_weeks: CaseStatWeeksTable;
  case_stat_deltas: CaseStatDeltasTable;
}

type ReadOnly<T> = ColumnType<T, never, never>;

export interface CaseStatsTable {
  unit_id: ReadOnly<string>;
  category_id: ReadOnly<string>;
  open: ReadOnly<number>;
  overdue: ReadOnly<number>;
  escalated: ReadOnly<number>;
  acknowledged: ReadOnly<number>;
  resolved: ReadOnly<number>;
  reopened: ReadOnly<number>;
  rated: ReadOnly<number>;
  stars_sum: ReadOnly<number>;
}

export interface CaseStatDurationsTable {
  unit_id: ReadOnly<string>;
  kind: ReadOnly<'acknowledge' | 'resolve'>;
  bucket: ReadOnly<number>;
  n: ReadOnly<number>;
}

export interface CaseStatWeeksTable {
  unit_id: ReadOnly<string>;
  week: ReadOnly<Date>;
  opened: ReadOnly<number>;
  resolved: ReadOnly<number>;
}

/** Written only by the triggers on `cases`; folded into the tables above by mainstay_apply_case_stats(). */
export interface CaseStatDeltasTable {
  id: Generated<string>;
  sign: ReadOnly<number>;
  path: ReadOnly<string[]>;
  category_id: ReadOnly<string>;
  open: ReadOnly<number>;
  overdue: ReadOnly<number>;
  escalated: ReadOnly<number>;
  acknowledge_bucket: ReadOnly<number | null>;
  resolve_bucket: ReadOnly<number | null>;
  reopens: ReadOnly<number>;
  stars: ReadOnly<number | null>;
  opened_week: ReadOnly<Date>;
  resolved_week: ReadOnly<Date | null>;
  queued_at: ReadOnly<Date>;
}
