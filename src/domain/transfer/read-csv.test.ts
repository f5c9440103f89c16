import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'mainstay-read-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function read(content: string | Buffer) {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  const out: Array<{ line: number; code?: string; name?: string; column?: string; reason?: string }> = [];
  for await (const item of readCsv(path, 'units', ['code', 'name'] as const)) {
    out.push('record' in item ? { line: item.record.line, code: item.record.code, name: item.record.name } : item.problem);
  }
  return out;
}

describe('reading CSV', () => {
  it('numbers each record by the line it starts on, across quoted line breaks, CRLF, blank lines and a BOM', async () => {
    const rows = await read('\uFEFFcode,name\r\na,"two\r\nlines"\r\n\r\nb,B\r\nc,"x\ny\nz"\nd,D');
    expect(rows).toEqual([
      { line: 2, code: 'a', name: 'two\r\nlines' },
      { line: 5, code: 'b', name: 'B' },
      { line: 6, code: 'c', name: 'x\ny\nz' },
      { line: 9, code: 'd', name: 'D' },
    ]);
  });

  it('reports a broken quote on its line and goes on reading the next lines', async () => {
    const rows = await read('code,name\na,ok\nb,say "hi"\nc,"fine"\n');
    expect(rows).toMatchObject([
      { line: 2, code: 'a' },
      { line: 3, column: '*', reason: expect.stringMatching(/quote/) },
      { line: 4, code: 'c', name: 'fine' },
    ]);
  });

  it('reports an unclosed quote on the line where it opens, saying the rest was not read', async () => {
    const rows = await read('code,name\na,ok\n\nb,"never closed\nc,C\nd,D\n');
    expect(rows).toMatchObject([
      { line: 2, code: 'a' },
      { line: 4, column: '*', reason: expect.stringMatching(/never closed.*no line after it was read/) },
    ]);
  });

  it('reports a record with the wrong number of fields, and a header without a needed column', async () => {
    expect(await read('code,name\na\nb,B,extra\nc,C\n')).toMatchObject([
      { line: 2, column: '*', reason: 'expected 2 fields (code,name), found 1' },
      { line: 3, column: '*', reason: 'expected 2 fields (code,name), found 3' },
      { line: 4, code: 'c' },
    ]);
    expect(await read('code,title\na,b\n')).toEqual([
      { file: 'units', line: 1, column: 'name', reason: 'the header lacks the column(s) name; expected code,name' },
    ]);
  });

  it('reads columns by header name in any order, and says when the file is empty', async () => {
    expect(await read('Name , CODE\nN,c\n')).toEqual([{ line: 2, code: 'c', name: 'N' }]);
    expect(await read('')).toMatchObject([{ line: 1, reason: expect.stringMatching(/empty/) }]);
  });

  it('throws (rather than reporting a line) when the file cannot be read at all', async () => {
    await expect(read(Buffer.alloc(0)).then(() => readAll(dir))).rejects.toThrow(/Cannot read .*: it is a directory/);
    await expect(readAll(join(dir, 'missing.csv'))).rejects.toThrow(/Cannot read .*missing\.csv/);
  });
});

async function readAll(path: string) {
  for await (const _ of readCsv(path, 'units', ['code'] as const)) { /* drain */ }
}
