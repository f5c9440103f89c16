import type { ColumnType } from 'kysely';

/** Kysely's view of migration 0007 (API keys per unit); part of DB in schema.ts. */
export interface ApiKeyTables {
  unit_api_keys: UnitApiKeysTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface UnitApiKeysTable {
  id: string;
  unit_id: string;
  name: string;
  /** SHA-256 (hex) of the key; the key itself is shown once, at issue. */
  key_hash: string;
  created_at: Timestamp;
  created_by_account_id: string | null;
  revoked_at: NullableTimestamp;
}
