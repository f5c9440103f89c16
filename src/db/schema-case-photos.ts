import type { ColumnType } from 'kysely';

/** Kysely's view of migration 0009 (photos sent with a case); part of DB in schema.ts. */
export interface CasePhotoTables {
  case_photos: CasePhotosTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type PhotoMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface CasePhotosTable {
  case_id: string;
  /** 1 to 3, in the order the requester sent them. */
  position: number;
  /** Sniffed from the bytes, never taken from the upload's declared type or name. */
  media_type: PhotoMediaType;
  /** The cleaned image: metadata (location included) stripped, pixels untouched. */
  bytes: Buffer;
  size: number;
  width: number;
  height: number;
  created_at: Timestamp;
}
