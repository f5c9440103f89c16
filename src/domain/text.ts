/**
 * What text the product stores, one rule for every door (the API's schemas, the CSV
 * importer): normalised to NFC, and no control characters (C0, DEL, C1) nor the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a
 * name read differently from what it is. Single-line text (names, titles, codes) takes
 * no line break at all, U+2028/U+2029 included; multi-line text (descriptions, minutes,
 * bodies, notes) keeps newlines and tabs, its CRLF and CR read as newlines.
 */
export const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
export const MULTI_LINE = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

export const SINGLE_LINE_RULE = 'one line without control characters or bidirectional overrides (U+202A–U+202E, U+2066–U+2069)';
export const MULTI_LINE_RULE = 'no control characters but tab and newline, and no bidirectional overrides (U+202A–U+202E, U+2066–U+2069)';

export type TextKind = 'single' | 'multi';

/** NFC, with CRLF and CR as newlines in multi-line text. */
export const normalizeText = (value: string, kind: TextKind): string => {
  const nfc = value.normalize('NFC');
  return kind === 'multi' ? nfc.replace(/\r\n?/g, '\n') : nfc;
};

const code = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the (normalised) text is refused, naming the first character at fault; undefined when it is fine. */
export function textFault(value: string, kind: TextKind): string | undefined {
  const rule = kind === 'single' ? SINGLE_LINE : MULTI_LINE;
  if (rule.test(value)) return undefined;
  const bad = [...value].find((c) => !rule.test(c))!;
  const what = /[\u202a-\u202e\u2066-\u2069]/.test(bad) ? 'a bidirectional override'
    : /[\n\r\u2028\u2029]/.test(bad) ? 'a line break' : 'a control character';
  return `contains ${what} (${code(bad)})`;
}
