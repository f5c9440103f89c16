import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of migration 0011 (directives); part of DB in schema.ts. */
export interface DirectiveTables {
  directives: DirectivesTable;
  directive_items: DirectiveItemsTable;
  directive_amendments: DirectiveAmendmentsTable;
  assignments: AssignmentsTable;
  assignment_items: AssignmentItemsTable;
  assignment_reports: AssignmentReportsTable;
  assignment_events: AssignmentEventsTable;
  directive_questions: DirectiveQuestionsTable;
  directive_rollups: DirectiveRollupsTable;
  directive_item_rollups: DirectiveItemRollupsTable;
  directive_deltas: DirectiveDeltasTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type Uuids = ColumnType<string[], string[], string[]>;
/** numeric comes back as a string from both drivers; writes take numbers. */
type Numeric = ColumnType<string | null, number | null | undefined, number | null>;
type ReadOnly<T> = ColumnType<T, never, never>;

export type DirectiveStatus = 'draft' | 'issued' | 'withdrawn';
export type AssignmentStatus = 'received' | 'acknowledged' | 'in_progress' | 'done' | 'blocked';
export type TargetKind = 'all' | 'level' | 'subtrees';

export interface DirectivesTable {
  id: string;
  issuer_unit_id: string;
  issuer_path: Uuids;
  title: string;
  body: string;
  titles: Json<Record<string, string>>;
  bodies: Json<Record<string, string>>;
  target_kind: TargetKind;
  target_depth: number | null;
  target_unit_ids: Uuids;
  status: DirectiveStatus;
  version: Generated<number>;
  source: Json<Record<string, unknown> | null> | null;
  created_at: Timestamp;
  issued_at: NullableTimestamp;
  amended_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  withdraw_reason: string | null;
}

export interface DirectiveItemsTable { directive_id: string; idx: number; title: string; due_at: Timestamp; target: Numeric; unit_label: string | null }

export interface DirectiveAmendmentsTable {
  directive_id: string; version: number; at: Timestamp; actor_label: string; note: string | null; changes: Json<Record<string, unknown>>;
}

export interface AssignmentsTable {
  id: string;
  directive_id: string;
  unit_id: string;
  path: Uuids;
  status: AssignmentStatus;
  blocked_reason: string | null;
  acknowledged_version: Generated<number>;
  next_due_at: NullableTimestamp;
  reminded_for: NullableTimestamp;
  overdue_since: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssignmentItemsTable { assignment_id: string; idx: number; percent: Numeric; value: Numeric; updated_at: Timestamp }

export interface AssignmentReportsTable {
  id: Generated<string>; assignment_id: string; idx: number; percent: Numeric; value: Numeric; text: string | null;
  at: Timestamp; actor_label: string; actor_account_id: string | null;
  /** The item does not apply to this unit; `text` says why (migration 0018). */
  not_applicable: Generated<boolean>;
}

export interface AssignmentEventsTable {
  id: Generated<string>; assignment_id: string; at: Timestamp; from_status: string | null; to_status: string | null;
  reason: string | null; actor_label: string; actor_account_id: string | null;
}

export interface DirectiveQuestionsTable {
  id: string; directive_id: string; unit_id: string; text: string; asked_at: Timestamp; asked_by: string;
  answer: string | null; answered_at: NullableTimestamp; answered_by: string | null;
}

export interface DirectiveRollupsTable {
  directive_id: ReadOnly<string>; unit_id: ReadOnly<string>; received: ReadOnly<number>; acknowledged: ReadOnly<number>;
  in_progress: ReadOnly<number>; done: ReadOnly<number>; blocked: ReadOnly<number>; overdue: ReadOnly<number>;
}

export interface DirectiveItemRollupsTable {
  directive_id: ReadOnly<string>; unit_id: ReadOnly<string>; idx: ReadOnly<number>; reported: ReadOnly<number>;
  value_sum: ReadOnly<string>; percent_sum: ReadOnly<string>;
}

export interface DirectiveDeltasTable {
  id: Generated<string>; directive_id: ReadOnly<string>; path: ReadOnly<string[]>; sign: ReadOnly<number>; status: ReadOnly<string | null>;
  overdue: ReadOnly<number>; idx: ReadOnly<number | null>; value: ReadOnly<string | null>; percent: ReadOnly<string | null>; queued_at: ReadOnly<Date>;
}
