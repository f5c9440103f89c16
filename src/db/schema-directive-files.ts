import type { ColumnType } from 'kysely';
import type { PhotoMediaType } from './schema-case-photos.ts';

/** Kysely's view of migration 0014 (files of directives and reports); part of DB in schema.ts. */
export interface DirectiveFileTables {
  directive_files: DirectiveFilesTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Sniffed from the bytes, never taken from the upload's declared type or name. */
export type DirectiveFileType = PhotoMediaType | 'application/pdf' | 'text/plain';
/** An attachment of the directive (the issuer's), or evidence sent with a report (the unit's). */
export type DirectiveFileKind = 'attachment' | 'evidence';

export interface DirectiveFilesTable {
  id: string;
  directive_id: string;
  kind: DirectiveFileKind;
  assignment_id: string | null;
  /** int8 comes back as a number on both backends (database.ts). */
  report_id: number | null;
  /** 1… in the order sent: among a directive's attachments, or a report's evidence. */
  position: number;
  name: string;
  media_type: DirectiveFileType;
  /** A photo is stored cleaned (metadata stripped, pixels untouched); other files as sent. */
  bytes: Buffer;
  size: number;
  width: number | null;
  height: number | null;
  added_version: number | null;
  created_at: Timestamp;
  actor_label: string;
}
