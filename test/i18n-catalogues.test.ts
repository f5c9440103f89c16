import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requesterMessage } from '../src/domain/cases/notify-requester.ts';
import { mailEn } from '../src/domain/mail/mail-en.ts';
import { mailKo } from '../src/domain/mail/mail-ko.ts';
import { mailLanguage } from '../src/domain/mail/mail-text.ts';

/**
 * Korean is complete (issue 14, item 10): every entry of every English catalogue of the
 * web app (web/src/i18n/en.ts and each en-<area>.ts, found by name so catalogues added
 * later are covered too) has a Korean entry in the matching ko file, and it is not the
 * English text left in place. Proper nouns and brand names may read the same; they are
 * listed below. Text made only of placeholders, numbers and punctuation may too.
 *
 * Plurals (i18next suffixes _zero, _one, _two, _few, _many, _other): Korean has a single
 * plural category, `other`, so an English group `x_one`/`x_other` needs `x_other` in
 * Korean and nothing more (a Korean `x_one` is allowed, not required). Nested objects are
 * compared key by key.
 */
const SAME_IN_BOTH = new Set([
  'Mainstay', 'English', '한국어', 'API', 'Open311', 'GeoJSON', 'CSV', 'iCalendar', 'ICS', 'UTC', 'OK', 'Markdown',
  'Leaflet', 'OpenStreetMap', 'E-mail', 'URL', 'JSON', 'PDF', 'ID',
]);
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** The catalogue a module exports (its one object export, e.g. `enAudit`). */
async function catalogue(file: string): Promise<Tree> {
  const module = (await import(file)) as Record<string, unknown>;
  const objects = Object.values(module).filter((v): v is Tree => typeof v === 'object' && v !== null);
  expect(objects.length, `${file} exports one catalogue object`).toBe(1);
  return objects[0]!;
}

/** The missing and the untranslated entries of `ko` against `en`. */
export function compare(en: Map<string, string>, ko: Map<string, string>, same = SAME_IN_BOTH) {
  const missing: string[] = [];
  const untranslated: string[] = [];
  const stale: string[] = [];
  for (const [key, english] of en) {
    const wanted = PLURAL.test(key) ? key.replace(PLURAL, '_other') : key;
    const korean = ko.get(key) ?? ko.get(wanted);
    if (korean === undefined) { missing.push(wanted); continue; }
    const words = english.replace(/\{\{[^}]*\}\}/g, '').replace(/[\p{P}\p{S}\p{N}\s]/gu, '');
    if (korean === english && words !== '' && !same.has(english)) untranslated.push(`${key}: ${english}`);
  }
  const base = (key: string) => key.replace(PLURAL, '');
  const enBases = new Set([...en.keys()].map(base));
  for (const key of ko.keys()) if (!en.has(key) && !enBases.has(base(key))) stale.push(key);
  return { missing: [...new Set(missing)], untranslated, stale };
}

const dir = join(import.meta.dirname, '..', 'web', 'src', 'i18n');
const english = readdirSync(dir).filter((f) => /^en(-[a-z0-9-]+)?\.ts$/.test(f)).sort();

describe('every web catalogue has a complete Korean counterpart', () => {
  it('finds the catalogues', () => {
    expect(english).toEqual(expect.arrayContaining(['en.ts', 'en-audit.ts', 'en-directives.ts', 'en-gatherings.ts']));
  });

  for (const file of english) {
    const korean = file.replace(/^en/, 'ko');
    it(`${korean} translates ${file}`, async () => {
      expect(readdirSync(dir), `${korean} exists`).toContain(korean);
      const result = compare(flatten(await catalogue(join(dir, file))), flatten(await catalogue(join(dir, korean))));
      expect(result).toEqual({ missing: [], untranslated: [], stale: [] });
    });
  }

  it('the rule itself: a missing entry, English left in place, a Korean plural with only _other', () => {
    const en = new Map([['a', 'Save'], ['b', 'Close'], ['n_one', '{{count}} item'], ['n_other', '{{count}} items'], ['brand', 'Open311'], ['p', '{{a}} · {{b}}']]);
    const ko = new Map([['a', '저장'], ['b', 'Close'], ['n_other', '{{count}}개 항목'], ['brand', 'Open311'], ['p', '{{a}} · {{b}}'], ['old', '옛']]);
    expect(compare(en, ko)).toEqual({ missing: [], untranslated: ['b: Close'], stale: ['old'] });
    expect(compare(en, new Map([['a', '저장']])).missing).toEqual(['b', 'n_other', 'brand', 'p']);
  });
});

describe('the web declares fonts that have Hangul', () => {
  it('styles.css names Noto Sans KR, Apple SD Gothic Neo and Malgun Gothic in its font stack', () => {
    const css = readFileSync(join(import.meta.dirname, '..', 'web', 'src', 'styles.css'), 'utf8');
    const stack = /font-family:([^;]+);/.exec(css)?.[1] ?? '';
    for (const font of ['Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic']) expect(stack).toContain(`"${font}"`);
  });
});

/**
 * Every error code the server sends, found in its source the way it is thrown
 * (`invalid('code'`, `conflict('code'`, `new DomainError(kind, 'code'`, `new RequestRefused(status, 'code'`,
 * `forbidden(…, 'code')`, `notFound('what'` and `new AccessDenied('what'` → `what_not_found`,
 * and the codes of src/http/errors.ts).
 */
export function serverErrorCodes(root = join(import.meta.dirname, '..', 'src')): Map<string, string> {
  const codes = new Map<string, string>([['forbidden', 'src/domain/errors.ts']]);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    const patterns = [
      /\b(?:invalid|conflict)\(\s*[`']([a-z_]+)[`']/g, /new DomainError\(\s*'[a-z_]+',\s*[`']([a-z_]+)[`']/g,
      /new RequestRefused\(\s*\d+,\s*'([a-z_]+)'/g, /\bforbidden\([^;]*?,\s*'([a-z_]+)'\)/g,
      ...(file.endsWith(join('http', 'errors.ts')) ? [/code: '([a-z_]+)'/g] : []),
    ];
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (!codes.has(m[1]!)) codes.set(m[1]!, file);
    for (const m of source.matchAll(/(?:notFound|new AccessDenied)\(\s*'([a-z_]+)'/g)) if (!codes.has(`${m[1]}_not_found`)) codes.set(`${m[1]}_not_found`, file);
  }
  return codes;
}

describe('every error code of the server has a message in each language', () => {
  it('finds the codes', () => {
    const codes = serverErrorCodes();
    expect(codes.size).toBeGreaterThan(100);
    for (const code of ['validation_failed', 'transition_not_allowed', 'case_not_found', 'route_not_found', 'forbidden', 'too_many_attempts']) expect(codes.has(code), code).toBe(true);
  });

  for (const language of ['en', 'ko']) {
    it(`${language}: errors.<code> for each`, async () => {
      const module = (await import(join(dir, `${language}.ts`))) as Record<string, { errors: Record<string, string> }>;
      const errors = Object.values(module)[0]!.errors;
      const missing = [...serverErrorCodes()].filter(([code]) => !(code in errors)).map(([code, file]) => `${code} (${file})`);
      expect(missing).toEqual([]);
    });
  }
});

describe("e-mails are written in the recipient's language", () => {
  it("the server's mail catalogue has every template in Korean", () => {
    expect(compare(flatten(mailEn), flatten(mailKo))).toEqual({ missing: [], untranslated: [], stale: [] });
  });

  it("a requester who reads Korean gets Korean; one who chose nothing gets the installation's language", () => {
    const row = { id: 'c', reference: 'C-1', email: 'r@example.org', name: 'Cael' };
    const korean = requesterMessage({ ...row, language: 'ko' }, { kind: 'received', trackingUrl: 'https://x/track/t' })!;
    expect(korean.subject).toBe('요청이 접수되었습니다 (C-1)');
    expect(korean.text).toContain('https://x/track/t');
    expect(korean.text.startsWith('Cael님께,')).toBe(true);
    const saved = process.env.MAINSTAY_LANGUAGE;
    try {
      delete process.env.MAINSTAY_LANGUAGE;
      expect(requesterMessage(row, { kind: 'resolved' })!.subject).toBe('Your request is resolved — please confirm (C-1)');
      process.env.MAINSTAY_LANGUAGE = 'ko';
      expect(mailLanguage(null)).toBe('ko');
      expect(requesterMessage(row, { kind: 'resolved' })!.subject).toContain('해결');
      expect(requesterMessage({ ...row, language: 'en' }, { kind: 'resolved' })!.subject).toContain('resolved');
    } finally {
      if (saved === undefined) delete process.env.MAINSTAY_LANGUAGE; else process.env.MAINSTAY_LANGUAGE = saved;
    }
  });
});
