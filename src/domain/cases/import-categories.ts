import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { createCategory, URGENCIES, type CategoryInput } from './categories.ts';

/** The spreadsheet an administrator keeps: one category a row; name_<lang> columns translate the name. */
export const CATEGORY_COLUMNS = ['code', 'name', 'handling_level', 'public',
  ...URGENCIES.flatMap((u) => [`${u}_acknowledge_hours`, `${u}_resolve_hours`])] as const;

const hours = z.coerce.number().positive().max(24 * 365);
const Row = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _'),
  name: z.string().trim().min(1).max(200),
  handling_level: z.string().trim().min(1),
  public: z.enum(['true', 'false', 'yes', 'no'], 'true or false'),
  ...Object.fromEntries(URGENCIES.flatMap((u) => [[`${u}_acknowledge_hours`, hours], [`${u}_resolve_hours`, hours]])),
});

export interface CategoryProblem { line: number; column: string; reason: string }

/**
 * Loads categories from CSV in one transaction: every row is checked first, and one bad
 * row (with its line and column) means nothing is written.
 */
export async function importCategories(ctx: Ctx, csv: string): Promise<{ created: number }> {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw problems([{ line, column: '*', reason: (error as Error).message }]);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = CATEGORY_COLUMNS.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) throw problems([{ line: 1, column: missing.join(','), reason: 'missing column' }]);
  const found: CategoryProblem[] = [];
  const inputs: Array<{ line: number; input: CategoryInput }> = [];
  for (const { record, info } of records) {
    const parsed = Row.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) found.push({ line: info.lines, column: String(issue.path[0] ?? '*'), reason: issue.message });
      continue;
    }
    const row = parsed.data as Record<string, string | number>;
    const names = Object.fromEntries(Object.entries(record).filter(([k, v]) => k.startsWith('name_') && v).map(([k, v]) => [k.slice(5), v]));
    inputs.push({
      line: info.lines,
      input: {
        code: String(row.code), name: String(row.name), names, handlingLevel: String(row.handling_level), public: ['true', 'yes'].includes(String(row.public)),
        deadlines: Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: Number(row[`${u}_acknowledge_hours`]), resolveHours: Number(row[`${u}_resolve_hours`]) }])) as CategoryInput['deadlines'],
      },
    });
  }
  if (found.length > 0) throw problems(found);
  for (const { line, input } of inputs) {
    try {
      await createCategory(ctx, input);
    } catch (error) {
      if (error instanceof DomainError) throw problems([{ line, column: typeof error.details.field === 'string' ? error.details.field : error.code.includes('code') ? 'code' : error.code.includes('level') ? 'handling_level' : '*', reason: error.message }]);
      throw error;
    }
  }
  return { created: inputs.length };
}

const problems = (list: CategoryProblem[]) =>
  new DomainError('invalid', 'bad_categories', list.map((p) => `line ${p.line}: ${p.column}: ${p.reason}`).join('\n'), { problems: list });
