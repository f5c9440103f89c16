import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse';
import { OPTIONAL_COLUMNS, unguardCell, type ImportProblem } from './formats.ts';

export type CsvItem<R> = { record: R } | { problem: ImportProblem };

/**
 * Streams a CSV file as records keyed by its header, one at a time (flat memory).
 * Structural faults — a missing column in the header, a row with the wrong number
 * of fields, a broken or unclosed quote — come out as problems with the line on
 * which the faulty record starts; the rows after a broken one are still read.
 * A file that cannot be read at all (missing, a directory, no permission) throws.
 */
export async function* readCsv<C extends string>(
  path: string,
  file: ImportProblem['file'],
  columns: readonly C[],
): AsyncGenerator<CsvItem<Record<C, string> & { line: number }>> {
  const lines = new LineIndex();
  // Records and skipped (broken) records are seen by the parser in file order; a
  // broken one is reported just before the next good record, so order is kept.
  let skipped: ImportProblem[] = [];
  let lastLine = 0;
  let lastSkipRaw: string | undefined;
  type Parsed = { fields: string[]; line: number; before: ImportProblem[] };
  const options: Options<Parsed, unknown> = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    trim: false,
    // Files edited on several systems mix line endings; accept both in one file.
    record_delimiter: ['\r\n', '\n'],
    on_record: (item: unknown, info: InfoRecord) => {
      const record = item as { record: string[]; raw: string };
      // csv-parse's own line count drifts on CRLF line breaks inside quoted fields,
      // so lines are counted here from the bytes: the record ends where the parser
      // stands, and starts as many line breaks earlier as its fields contain.
      const end = lines.lineAt(info.bytes - 1);
      const inner = record.record.reduce((n, field) => n + count(field, '\n'), 0);
      lastLine = end;
      lastSkipRaw = undefined;
      const before = skipped;
      skipped = [];
      return { fields: record.record, line: end - inner, before };
    },
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      const text = raw ?? '';
      const previous = skipped.at(-1);
      if (previous && lastSkipRaw && text.startsWith(lastSkipRaw)) {
        // The same broken record, read on: after a stray quote the parser takes the
        // rest of the file as one quoted field. Say so on the line where it began.
        previous.reason += error?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? '; from there the rest of the file reads as one unclosed quoted field, so no line after it was read'
          : `; ${describeCsvError(error)}`;
        lastSkipRaw = text;
        return undefined;
      }
      // The broken record starts after the previous one and the blank lines its raw
      // text begins with (one \r or \n each: the parser keeps one byte per break).
      const blank = /^[\r\n]*/.exec(text)![0].length;
      const line = lastLine + 1 + blank;
      lastLine = line + count(text.slice(blank).replace(/\r?\n$/, ''), '\n');
      lastSkipRaw = text;
      skipped.push({ file, line, column: '*', reason: describeCsvError(error) });
      return undefined;
    },
  };
  // The typings only allow a changed record type together with `columns`.
  const parser = parse(options as unknown as Options);
  const done = pipeline(createReadStream(path), lines.counter(), parser);
  done.catch(() => {}); // the same error reaches the loop below through the parser

  let header: string[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      for (const problem of item.before) yield { problem };
      const { fields, line } = item;
      if (!header && item.before.length > 0) return; // the header itself is broken
      if (!header) {
        header = fields.map((h) => h.trim().toLowerCase());
        const missing = columns.filter((c) => !header!.includes(c) && !OPTIONAL_COLUMNS.has(c));
        if (missing.length > 0) {
          const optional = columns.filter((c) => OPTIONAL_COLUMNS.has(c));
          const note = optional.length > 0 ? ` (${optional.join(', ')} may be left out)` : '';
          yield { problem: { file, line, column: missing.join(','), reason: `the header lacks the column(s) ${missing.join(', ')}; expected ${columns.join(',')}${note}` } };
          parser.destroy();
          return;
        }
        continue;
      }
      if (fields.length !== header.length) {
        yield { problem: { file, line, column: '*', reason: `expected ${header.length} fields (${header.join(',')}), found ${fields.length}` } };
        continue;
      }
      const out = { line } as Record<C, string> & { line: number };
      // NFC like all stored text; a `'` that guarded a formula on export is taken off.
      for (const c of columns) {
        const at = header.indexOf(c);
        (out as Record<string, string>)[c] = at === -1 ? '' : unguardCell(fields[at]!.normalize('NFC').trim());
      }
      yield { record: out };
    }
    await done;
  } catch (error) {
    if (!(error instanceof CsvError)) {
      const e = error as NodeJS.ErrnoException;
      throw new Error(`Cannot read ${path}: ${e.code === 'EISDIR' ? 'it is a directory' : e.message}`, { cause: error });
    }
    for (const problem of skipped) yield { problem };
    skipped = [];
    yield { problem: { file, line: lastLine + 1, column: '*', reason: `${describeCsvError(error)}; the rest of the file was not read` } };
    return;
  }
  for (const problem of skipped) yield { problem };
  if (!header && lastLine === 0) yield { problem: { file, line: 1, column: '*', reason: `the file is empty; expected the header ${columns.join(',')}` } };
}

/** The parser's messages name its internals; these say what is wrong with the line. */
function describeCsvError(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (a " is missing), so the rest of the file was read as its text and no line after it was read';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote (") inside a field that does not start with one; quote the whole field and double the inner quotes ("")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'characters after the closing quote of a field; double a quote that belongs to the text ("")';
    default:
      return `broken CSV: ${error?.message ?? 'unknown error'}`;
  }
}

const count = (text: string, char: string) => {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
};

/**
 * Where the line breaks (\n) of a stream fall, so that a byte offset turns into a
 * line number. Offsets are asked for in increasing order, so the breaks before the
 * last one asked are dropped: memory holds only the window the parser works in.
 */
class LineIndex {
  private breaks: number[] = [];
  private head = 0;
  private dropped = 0;
  private seen = 0;

  counter(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.breaks.push(this.seen + i);
        this.seen += chunk.length;
        callback(null, chunk);
      },
    });
  }

  /** The 1-based line of the byte at `offset`. */
  lineAt(offset: number): number {
    while (this.head < this.breaks.length && this.breaks[this.head]! < offset) {
      this.head++;
      this.dropped++;
    }
    if (this.head > 4096) {
      this.breaks = this.breaks.slice(this.head);
      this.head = 0;
    }
    return this.dropped + 1;
  }
}
