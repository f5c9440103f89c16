import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of migration 0012 (gatherings); part of DB in schema.ts. */
export interface GatheringTables {
  gatherings: GatheringsTable;
  gathering_sessions: GatheringSessionsTable;
  agenda_items: AgendaItemsTable;
  invitations: InvitationsTable;
  attendance: AttendanceTable;
  decisions: DecisionsTable;
  unit_cadences: UnitCadencesTable;
  calendar_tokens: CalendarTokensTable;
  unit_meeting_stats: UnitMeetingStatsTable;
  gathering_attendance_counts: GatheringAttendanceCountsTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Uuids = ColumnType<string[], string[], string[]>;

export type GatheringKind = 'meeting' | 'enlarged' | 'conference' | 'course';
export type InviteeRule = 'unit-members' | 'officials-below' | 'secretaries-at-level';
export type AttendanceStatus = 'present' | 'excused' | 'absent';

export interface GatheringsTable {
  id: string; kind: GatheringKind; convening_unit_id: string; convening_path: Uuids; title: string;
  starts_at: Timestamp; ends_at: Timestamp; place: string | null; online_url: string | null;
  invitee_rule: InviteeRule; invitee_unit_id: string; invitee_depth: number | null;
  status: Generated<'draft' | 'sent' | 'cancelled'>; sequence: Generated<number>; checkin_code: string; invited: Generated<number>;
  sent_at: NullableTimestamp; held_at: NullableTimestamp; created_at: Timestamp; updated_at: Timestamp;
  cancelled_at: NullableTimestamp; cancel_reason: string | null;
}
export interface GatheringSessionsTable { gathering_id: string; idx: number; title: string | null; starts_at: Timestamp; ends_at: Timestamp }
export interface AgendaItemsTable { gathering_id: string; idx: number; title: string; minutes: string | null }
export interface InvitationsTable {
  gathering_id: string; person_id: string; unit_id: string; rsvp: 'yes' | 'no' | 'maybe' | null; rsvp_at: NullableTimestamp; notified_at: NullableTimestamp;
  /** The SEQUENCE of the calendar file last queued for the invitee (migration 0017). */
  notified_sequence: number | null;
}
export interface AttendanceTable { gathering_id: string; session_idx: number; person_id: string; status: AttendanceStatus; via: 'secretary' | 'self'; marked_at: Timestamp }
export interface DecisionsTable {
  id: string; gathering_id: string; agenda_idx: number | null; text: string;
  votes_for: number | null; votes_against: number | null; votes_abstain: number | null; directive_id: string | null; created_at: Timestamp;
}
export interface UnitCadencesTable {
  unit_id: string; every_days: number; last_met_at: NullableTimestamp; missed_since: NullableTimestamp; set_at: Timestamp;
  /** Migration 0019: the installation's default, given to a cell without a cadence of its own. */
  by_default: Generated<boolean>;
}
export interface CalendarTokensTable { person_id: string; token: string; created_at: Timestamp }
export interface UnitMeetingStatsTable {
  unit_id: string; gatherings_held: Generated<number>; present: Generated<number>; excused: Generated<number>; absent: Generated<number>;
  with_cadence: Generated<number>; missed: Generated<number>;
  /** The invitees of every session with marks: the attendance rate's denominator (migration 0018). */
  expected: Generated<number>;
  /** Migration 0019: units with a cadence and no meeting held yet (kept by a trigger on unit_cadences). */
  never_met: Generated<number>;
}
export interface GatheringAttendanceCountsTable { gathering_id: string; session_idx: number; present: Generated<number>; excused: Generated<number>; absent: Generated<number> }
