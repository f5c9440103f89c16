import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ApiKeyTables } from './schema-api-keys.ts';
import type { CalendarTables } from './schema-calendars.ts';
import type { CasePhotoTables } from './schema-case-photos.ts';
import type { CaseStatTables } from './schema-case-stats.ts';
import type { CaseTables } from './schema-cases.ts';
import type { DirectiveFileTables } from './schema-directive-files.ts';
import type { DirectiveTables } from './schema-directives.ts';
import type { GatheringTables } from './schema-gatherings.ts';

/** Kysely's view of the tables in migrations/*.sql; keep the two in step. */
export interface DB extends GatheringTables, DirectiveTables, DirectiveFileTables, CaseTables, CaseStatTables, CalendarTables, ApiKeyTables, CasePhotoTables {
  levels: LevelsTable;
  units: UnitsTable;
  people: PeopleTable;
  membership_history: MembershipHistoryTable;
  official_terms: OfficialTermsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  sign_in_failures: SignInFailuresTable;
  password_links: PasswordLinksTable;
  password_reset_requests: PasswordResetRequestsTable;
  schema_migrations: SchemaMigrationsTable;
  outbox_messages: OutboxMessagesTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface LevelsTable { depth: number; key: string; name: string }

export interface UnitsTable {
  id: string;
  code: string | null;
  name: string;
  depth: number;
  parent_id: string | null;
  ancestor_ids: ColumnType<string[], string[] | undefined, string[]>;
  sub_units: Generated<number>;
  sub_cells: Generated<number>;
  sub_members: Generated<number>;
  created_at: Timestamp;
  closed_at: NullableTimestamp;
}

export interface PeopleTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  birth_year: number | null;
  cell_id: string;
  cell_since: Timestamp;
  created_at: Timestamp;
  anonymised_at: NullableTimestamp;
  /** 'en' | 'ko'; null: the installation's default (migration 0023). */
  language: Generated<string | null>;
  /** A stable key from the organization's own records (import matching); null until one is given. */
  member_code: Generated<string | null>;
}

export interface MembershipHistoryTable {
  id: Generated<number>;
  person_id: string;
  cell_id: string;
  started_at: Timestamp;
  ended_at: Timestamp;
}

export interface OfficialTermsTable {
  id: string;
  unit_id: string;
  person_id: string;
  role: 'secretary' | 'deputy' | 'official';
  started_at: Timestamp;
  ended_at: NullableTimestamp;
}

export interface AccountsTable {
  id: string;
  email: string;
  password_hash: string;
  person_id: string | null;
  is_admin: Generated<boolean>;
  created_at: Timestamp;
  disabled_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  kind: Generated<'session' | 'api'>;
  name: string | null;
  csrf_token: string | null;
  last_used_at: NullableTimestamp;
  token_hash: string;
  account_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_account_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  unit_id: string | null;
  details: ColumnType<unknown, string, string>;
  request_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

/** One-time links to set one's own password (migration 0022): only the token's SHA-256. */
export interface PasswordLinksTable {
  token_hash: string;
  account_id: string;
  purpose: 'invite' | 'reset';
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface PasswordResetRequestsTable {
  id: Generated<number>;
  email_hash: string;
  address: string;
  at: Timestamp;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  first_at: Timestamp;
  last_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable { name: string; applied_at: Timestamp; sha256: string | null }

export type Unit = Selectable<UnitsTable>;
export type Person = Selectable<PeopleTable>;
export type NewUnit = Insertable<UnitsTable>;

/** Migration 0006: mail to send, written in the transaction of the change it reports. */
export interface OutboxMessagesTable {
  id: string;
  kind: string;
  ref_type: string | null;
  ref_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: ColumnType<OutboxAttachmentRow[], string | undefined, string>;
  status: ColumnType<'pending' | 'sending' | 'sent' | 'failed', 'pending' | undefined, 'pending' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface OutboxAttachmentRow { filename: string; contentType: string; base64: string }
