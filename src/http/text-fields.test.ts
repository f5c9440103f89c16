import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { MULTI_LINE, SINGLE_LINE } from '../domain/text.ts';
import { useTestApp } from '../../test/http-app.ts';
import type { SmallTree } from '../../test/factories.ts';
import { multiLine, singleLine } from './schemas.ts';

/** One character of each class no text field takes (single-line fields refuse line breaks and tabs besides). */
const REFUSED_EVERYWHERE: Array<[string, string]> = [
  ['C0 control', '\u0007'], ['NUL', '\u0000'], ['escape', '\u001b'], ['DEL', '\u007f'], ['C1 control', '\u0085'], ['C1 CSI', '\u009b'],
  ['LRE', '\u202a'], ['RLE', '\u202b'], ['PDF', '\u202c'], ['LRO', '\u202d'], ['RLO', '\u202e'],
  ['LRI', '\u2066'], ['RLI', '\u2067'], ['FSI', '\u2068'], ['PDI', '\u2069'],
];
const LINE_BREAKS: Array<[string, string]> = [['newline', '\n'], ['carriage return', '\r'], ['CRLF', '\r\n'], ['tab', '\t'], ['line separator', '\u2028'], ['paragraph separator', '\u2029']];
// "e" and a combining acute accent: "é" in NFD; NFC makes it one character.
const NFD = 'Cafe\u0301';
const NFC = 'Caf\u00e9';

describe('the shared text schemas', () => {
  it('singleLine refuses every control character, line break, tab and bidirectional override', () => {
    for (const [what, c] of [...REFUSED_EVERYWHERE, ...LINE_BREAKS]) {
      expect(singleLine(100).safeParse(`a${c}b`).success, what).toBe(false);
    }
    // Right-to-left text itself, and the marks that only hint direction, are text.
    for (const fine of ['שלום עולם', 'مرحبا', 'a\u200fb', '한국어 이름', 'Zoë O\u2019Brien']) expect(singleLine(100).parse(fine)).toBe(fine);
  });

  it('multiLine keeps newlines and tabs (CRLF and CR read as newlines) and refuses the rest', () => {
    for (const [what, c] of REFUSED_EVERYWHERE) expect(multiLine(100).safeParse(`a${c}b`).success, what).toBe(false);
    expect(multiLine(100).parse('one\r\ntwo\rthree\n\tfour')).toBe('one\ntwo\nthree\n\tfour');
  });

  it('normalises to NFC before counting and trimming', () => {
    expect(singleLine(100).parse(` ${NFD} `)).toBe(NFC);
    expect(multiLine(100).parse(`${NFD}\n${NFD}`)).toBe(`${NFC}\n${NFC}`);
    expect(singleLine(4).safeParse(NFD).success).toBe(true); // 5 code points as sent, 4 once composed
  });
});

let database: Database;
let tree: SmallTree;
const t = useTestApp();
beforeAll(() => {
  ({ database, tree } = t);
});

const directive = (over: { title?: string; body?: string; itemTitle?: string }) => ({
  issuerUnitId: tree.root, title: over.title ?? 'Repair the wells', body: over.body ?? 'Every cell checks its well.',
  items: [{ title: over.itemTitle ?? 'Report', dueAt: '2026-06-01T00:00:00Z' }], target: { kind: 'all' },
});

function expectRefused(response: { status: number; json: any }, field: string, what: string) {
  expect(response.status, `${field} with ${what}: ${JSON.stringify(response.json)}`).toBe(400);
  expect(response.json.error.code).toBe('validation_failed');
  expect(response.json.error.details.issues.map((i: { path: string }) => i.path), what).toContain(field);
  expect(response.json.error.message).toContain(field);
}

describe('every text field of the API', () => {
  it('refuses control characters, line breaks and bidirectional overrides in single-line fields, naming the field', async () => {
    for (const [what, c] of [...REFUSED_EVERYWHERE, ...LINE_BREAKS]) {
      const text = `Bad${c}name`;
      expectRefused(await t.call({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.districts[0], name: text, level: 'cell' } }), 'name', what);
      expectRefused(await t.call({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.districts[0], name: 'Fine', code: text, level: 'cell' } }), 'code', what);
      expectRefused(await t.call({ method: 'PATCH', url: `/api/v1/units/${tree.cells[0]}`, payload: { name: text } }), 'name', what);
      expectRefused(await t.call({ method: 'POST', url: '/api/v1/directives', payload: directive({ title: text }) }), 'title', what);
      expectRefused(await t.call({ method: 'POST', url: '/api/v1/directives', payload: directive({ itemTitle: text }) }), 'items.0.title', what);
      expectRefused(await t.call({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(text)}` }), 'q', what);
    }
  });

  it('keeps newlines and tabs in multi-line fields and refuses the other control characters and the overrides', async () => {
    for (const [what, c] of REFUSED_EVERYWHERE) {
      expectRefused(await t.call({ method: 'POST', url: '/api/v1/directives', payload: directive({ body: `Bad${c}body` }) }), 'body', what);
    }
    const created = await t.call({ method: 'POST', url: '/api/v1/directives', payload: directive({ title: ` ${NFD} wells `, body: `${NFD}:\r\n\tcheck\rthe wells` }) });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const read = await t.call({ method: 'GET', url: `/api/v1/directives/${created.json.id}` });
    expect(read.json).toMatchObject({ title: `${NFC} wells`, body: `${NFC}:\n\tcheck\nthe wells` });
  });

  it('stores names in NFC, so that one name has one spelling', async () => {
    const created = await t.call({ method: 'POST', url: '/api/v1/units', payload: { parentId: tree.districts[0], name: `${NFD} cell`, level: 'cell' } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const row = await database.db.selectFrom('units').select('name').where('id', '=', created.json.id).executeTakeFirstOrThrow();
    expect(row.name).toBe(`${NFC} cell`);
    const found = await t.call({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(NFD)}&kind=unit` });
    expect(found.json.units.map((u: { id: string }) => u.id)).toContain(created.json.id);
  });

  it('are all one of the two kinds: every free-text string of every request body and query has their pattern', async () => {
    const doc = (await t.call({ method: 'GET', url: '/api/v1/openapi.json', token: null })).json;
    const kinds = new Set([SINGLE_LINE.source, MULTI_LINE.source]);
    // Strings that are not text a person reads: secrets and opaque cursors.
    const opaque = new Set(['password', 'currentPassword', 'newPassword', 'cursor', 'token']);
    const loose: string[] = [];
    const visit = (schema: any, where: string, name: string) => {
      if (!schema || typeof schema !== 'object') return;
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const s of schema[key] ?? []) visit(s, where, name);
      if (schema.properties) for (const [k, s] of Object.entries(schema.properties)) visit(s, `${where}.${k}`, k);
      if (schema.items) visit(schema.items, `${where}[]`, name);
      if (schema.additionalProperties) visit(schema.additionalProperties, `${where}{}`, name);
      const types = [schema.type].flat();
      if (!types.includes('string') || schema.enum || schema.const !== undefined || schema.format || opaque.has(name)) return;
      const patterns = [schema.pattern, ...(schema.allOf ?? []).map((s: { pattern?: string }) => s.pattern)].filter(Boolean);
      if (patterns.length === 0 || !patterns.some((p: string) => kinds.has(p) || !p.startsWith('^[^'))) loose.push(where);
    };
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const p of op.parameters ?? []) if (p.in === 'query') visit(p.schema, `${method.toUpperCase()} ${path} ?${p.name}`, p.name);
        for (const [type, content] of Object.entries<any>(op.requestBody?.content ?? {})) {
          if (type === 'application/json') visit(content.schema, `${method.toUpperCase()} ${path} body`, '');
        }
      }
    }
    expect(loose).toEqual([]);
  });
});
