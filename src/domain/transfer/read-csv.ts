import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ImportProblem } from './formats.ts';

export type CsvItem<R> = { record: R } | { problem: ImportProblem };

/**
 * Streams a CSV file as records keyed by its header, one at a time (flat memory).
 * Structural faults — a missing column in the header, a row with the wrong number
 * of fields, an unclosed quote — come out as problems with their line number.
 */
export async function* readCsv<C extends string>(
  path: string,
  file: ImportProblem['file'],
  columns: readonly C[],
): AsyncGenerator<CsvItem<Record<C, string> & { line: number }>> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = columns.filter((c) => !header!.includes(c));
        if (missing.length > 0) {
          yield { problem: { file, line, column: missing.join(','), reason: `the header lacks the column(s) ${missing.join(', ')}; expected ${columns.join(',')}` } };
          return;
        }
        continue;
      }
      if (record.length !== header.length) {
        yield { problem: { file, line, column: '*', reason: `expected ${header.length} fields, found ${record.length}` } };
        continue;
      }
      const out = { line } as Record<C, string> & { line: number };
      for (const c of columns) (out as Record<string, string>)[c] = record[header.indexOf(c)]!.trim();
      yield { record: out };
    }
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number };
    if (e.code === 'ENOENT') throw error;
    yield { problem: { file, line: e.lines ?? 0, column: '*', reason: `unreadable CSV: ${e.message ?? String(error)}` } };
  }
  if (!header) yield { problem: { file, line: 1, column: '*', reason: `the file is empty; expected the header ${columns.join(',')}` } };
}
