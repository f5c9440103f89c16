/** The CSV formats of import and export: the same columns both ways. */
export const UNIT_COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;
export const MEMBER_COLUMNS = ['name', 'cell_code', 'email', 'phone'] as const;

export type UnitRecord = Record<(typeof UNIT_COLUMNS)[number], string> & { line: number };
export type MemberRecord = Record<(typeof MEMBER_COLUMNS)[number], string> & { line: number };

export interface ImportProblem {
  file: 'units' | 'members';
  line: number;
  column: string;
  reason: string;
}

/** A row as COPY's CSV format wants it: null is an unquoted empty field. */
export function csvRow(values: Array<string | number | null>): string {
  return values
    .map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`))
    .join(',') + '\n';
}

/** A row for people and spreadsheets: a field is quoted only when it has to be. */
export function csvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\r\n]|^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',') + '\n';
}
