import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of migration 0004 (casework); part of DB in schema.ts. */
export interface CaseTables {
  case_categories: CaseCategoriesTable;
  unit_service_areas: UnitServiceAreasTable;
  cases: CasesTable;
  case_requesters: CaseRequestersTable;
  case_events: CaseEventsTable;
  case_escalations: CaseEscalationsTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type Urgency = 'low' | 'normal' | 'urgent' | 'life_threatening';
export type CaseStatus = 'new' | 'acknowledged' | 'in_progress' | 'waiting' | 'resolved' | 'closed' | 'reopened' | 'merged';
export type Deadlines = Record<Urgency, { acknowledgeHours: number; resolveHours: number }>;

export interface CaseCategoriesTable {
  id: string;
  code: string;
  name: string;
  names: Json<Record<string, string>>;
  handling_depth: number;
  public: boolean;
  deadlines: Json<Deadlines>;
  created_at: Timestamp;
  retired_at: NullableTimestamp;
}

export interface UnitServiceAreasTable {
  unit_id: string;
  area: ColumnType<unknown, string | null, string | null>;
  bbox: ColumnType<string | null, string | null, string | null>;
  localities: ColumnType<string[], string[], string[]>;
  updated_at: Timestamp;
}

export interface CasesTable {
  id: string;
  reference: string;
  tracking_hash: string;
  category_id: string;
  urgency: Urgency;
  description: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  requester_person_id: string | null;
  channel: 'web' | 'official' | 'member' | 'open311';
  received_by_unit_id: string;
  owning_unit_id: string;
  owner_path: ColumnType<string[], string[], string[]>;
  involved_path: ColumnType<string[], string[], string[]>;
  triage: boolean;
  status: CaseStatus;
  escalation_level: Generated<number>;
  acknowledge_due_at: NullableTimestamp;
  resolve_due_at: NullableTimestamp;
  paused_at: NullableTimestamp;
  acknowledge_reminded_for: NullableTimestamp;
  resolve_reminded_for: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  resolved_by_unit_id: string | null;
  closed_at: NullableTimestamp;
  merged_into_id: string | null;
  /** Migration 0010: the official of the owning unit the case is assigned to. */
  assignee_person_id: ColumnType<string | null, string | null | undefined, string | null>;
  reopen_count: Generated<number>;
  /** Migration 0008: a deadline passed and the case, owned by the root, could not rise. */
  overdue_since: NullableTimestamp;
  rating_stars: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseRequestersTable { case_id: string; name: string | null; email: string | null; phone: string | null; language: Generated<string | null> }

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: Timestamp;
  kind: string;
  public: boolean;
  actor_label: string;
  actor_account_id: string | null;
  from_status: string | null;
  to_status: string | null;
  from_unit_id: string | null;
  to_unit_id: string | null;
  note: string | null;
  details: Json<Record<string, unknown>>;
}

export interface CaseEscalationsTable {
  case_id: string;
  level: number;
  from_unit_id: string;
  to_unit_id: string;
  deadline: 'acknowledge' | 'resolve';
  due_at: Timestamp;
  at: Timestamp;
}
