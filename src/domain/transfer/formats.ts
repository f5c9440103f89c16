/** The CSV formats of import and export: the same columns both ways. */
export const UNIT_COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;
export const MEMBER_COLUMNS = ['member_code', 'name', 'cell_code', 'email', 'phone'] as const;
/**
 * Columns a file may leave out (read as empty): files written before member codes
 * existed still load. A member's stable key (issue 14): re-importing matches on it.
 */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['member_code']);

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

/**
 * A row for people and spreadsheets — every CSV file the product writes goes through
 * here: RFC 4180 (CRLF line ends, a field quoted only when it has to be), text cells
 * guarded against formulas (guardCell), numbers written as numbers, null as empty.
 */
export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return values.map((v) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const text = guardCell(v);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(',') + '\r\n';
}

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…)).
// Apostrophes before it are counted too, so that a text which itself starts with
// "'=" comes back whole: the guard adds one apostrophe, the importer takes one away.
const GUARDED = /^'*[=+\-@\t\r]/;

/** OWASP's rule for CSV injection: a text cell that a spreadsheet would run gets a leading `'`. */
export const guardCell = (text: string): string => (GUARDED.test(text) ? `'${text}` : text);

/** The importer's inverse of guardCell: drops a leading `'` only where it guards one of those characters. */
export const unguardCell = (text: string): string => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
