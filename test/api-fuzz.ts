import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { newId } from '../src/platform/ids.ts';

/**
 * A request fuzzer driven by the served OpenAPI document: it picks an operation, fills
 * its path, query and body from the schemas (often with real ids of objects from any
 * scope, sometimes with the wrong type, a missing field or garbage), and checks the
 * answer against what the document says that operation answers.
 */

type Json = Record<string, any>;
export interface Operation { method: string; path: string; op: Json }

/** A small seeded PRNG (mulberry32): the same seed makes the same requests. */
export class Rng {
  private state: number;
  constructor(seed: number) { this.state = seed >>> 0; }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number { return Math.floor(this.next() * max); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[this.int(items.length)]!; }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** What kind of object a path segment names (the segment before an id, or what a list holds). */
const KIND_OF_SEGMENT: Record<string, string> = {
  units: 'units', children: 'units', root: 'units', members: 'people', people: 'people', officials: 'people', cases: 'cases',
  directives: 'directives', gatherings: 'gatherings', assignments: 'assignments', 'api-keys': 'api-keys', tokens: 'tokens',
  accounts: 'accounts', questions: 'questions', decisions: 'decisions', 'directive-files': 'directive-files', attachments: 'directive-files',
  invitees: 'people', track: 'tracking',
};
/** What kind of object a field holds, by its name (`receivedByUnitId` → units, `caseIds` → cases). */
function kindOfField(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.replace(/Ids?$/, '').toLowerCase();
  if (/unit|parent|cell|district|region/.test(n)) return 'units';
  if (/person|assignee|official|invitee|requester/.test(n)) return 'people';
  for (const kind of ['case', 'directive', 'gathering', 'assignment', 'account', 'question', 'decision', 'key', 'token']) {
    if (n.endsWith(kind)) return kind === 'key' ? 'api-keys' : `${kind}s`;
  }
  return undefined;
}
/** The kind of the objects an operation answers with, from its path's last literal segment. */
export function kindOfPath(path: string): string | undefined {
  const literal = path.split('/').filter((s) => s && !s.startsWith('{'));
  return KIND_OF_SEGMENT[literal.at(-1) ?? ''] ?? KIND_OF_SEGMENT[literal.at(-2) ?? ''];
}
const STRANGE_STRINGS = ['', ' ', 'null', '0', '-1', '1e309', 'true', '../../etc/passwd', "'; drop table units; --", '<script>x</script>',
  '\u0000', '\u202e', '😀', 'ÅÄÖ 한국어', 'x'.repeat(300), '%00', '{}', '[]', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
const strangeValue = (rng: Rng): unknown => rng.pick<unknown>([
  ...STRANGE_STRINGS, 0, -1, 1.5, 2 ** 53, -1e308, true, false, null, [], {}, [1, 'a'], { nested: { deep: [null] } },
]);

export class ApiFuzzer {
  readonly operations: Operation[];
  /** Ids of real objects seen so far (from every actor's answers): reused in every actor's requests. */
  readonly ids = new Set<string>();
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly patterns = new Map<string, fc.Arbitrary<string>>();
  private writing = false;
  /** The kind of object the value being generated names, when known. */
  private kind: string | undefined;

  constructor(readonly document: Json, private readonly options: { exclude?: (op: Operation) => boolean; protectedIds?: Set<string> } = {}) {
    this.operations = Object.entries(document.paths as Record<string, Json>)
      .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as Json })))
      .filter((o) => !options.exclude?.(o));
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
  }

  /** Ids by the kind of object they name, as far as field names and paths tell. */
  readonly kinds = new Map<string, Set<string>>();

  /** Adds every UUID found in a value to the pool of known ids (`kind`: what a bare `id` names). */
  harvest(value: unknown, kind?: string): void {
    if (typeof value === 'string') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
        this.ids.add(value);
        if (kind) (this.kinds.get(kind) ?? this.kinds.set(kind, new Set()).get(kind)!).add(value);
      }
    } else if (Array.isArray(value)) for (const v of value) this.harvest(v, kind);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) this.harvest(v, key === 'id' ? kind : kindOfField(key) ?? (typeof v === 'object' ? KIND_OF_SEGMENT[key] ?? kind : undefined));
    }
  }

  /** One request: an operation with typed, mistyped or reused values. */
  request(rng: Rng): { operation: Operation; inject: InjectOptions } {
    const operation = rng.pick(this.operations);
    // Writes leave the fuzzing actors themselves (their accounts, persons, units) alone, so both stay signed in and in scope.
    this.writing = operation.method !== 'get';
    const { op } = operation;
    const params = (op.parameters ?? []) as Json[];
    const path = operation.path.replace(/\{([^}]+)\}/g, (_m, name: string, offset: number) => {
      const schema = params.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' };
      this.kind = kindOfField(name === 'id' ? undefined : name) ?? KIND_OF_SEGMENT[operation.path.slice(0, offset).split('/').filter(Boolean).at(-1) ?? ''];
      const roll = rng.next();
      let value: unknown;
      if (roll < 0.08) value = strangeValue(rng);
      else if (roll < 0.1) value = 'x'.repeat(101 + rng.int(300)); // over maxParamLength
      else value = this.value(schema, rng, 0);
      const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      return encodeURIComponent(text === '' ? 'empty' : text);
    });
    const query = new URLSearchParams();
    for (const p of params.filter((x) => x.in === 'query')) {
      if (!(p.required || rng.chance(0.5))) continue;
      this.kind = kindOfField(p.name);
      const value = rng.chance(0.1) ? strangeValue(rng) : this.value(p.schema ?? {}, rng, 0);
      if (value !== undefined) query.append(p.name, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
    }
    if (rng.chance(0.05)) query.append(rng.pick(['unknown', 'cursor', 'limit', '__proto__']), String(strangeValue(rng)));
    const qs = query.toString();
    const inject: InjectOptions = { method: operation.method.toUpperCase() as InjectOptions['method'], url: `${path}${qs ? `?${qs}` : ''}` };
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    this.kind = undefined;
    const roll = rng.next();
    if (bodySchema) {
      if (roll < 0.6) inject.payload = this.value(bodySchema, rng, 0) as never;
      else if (roll < 0.85) inject.payload = this.mutate(this.value(bodySchema, rng, 0), rng) as never;
      else if (roll < 0.92) { inject.payload = rng.pick(['{"a":', 'not json', '[', '"', '']); inject.headers = { 'content-type': 'application/json' }; }
      else if (roll < 0.96) { inject.payload = 'a=b'; inject.headers = { 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) }; }
      else inject.payload = strangeValue(rng) as never;
    } else if (operation.method !== 'get' && roll < 0.1) {
      inject.payload = { unexpected: strangeValue(rng) };
    }
    if (inject.payload !== undefined && typeof inject.payload !== 'string' && (inject.payload === null || typeof inject.payload !== 'object')) {
      inject.payload = JSON.stringify(inject.payload);
      inject.headers = { 'content-type': 'application/json' };
    }
    return { operation, inject };
  }

  /** A value for a schema: valid most of the time (real ids for uuids), with a little noise. */
  value(schema: Json, rng: Rng, depth: number): unknown {
    if (schema.$ref) return this.value(this.resolve(schema.$ref), rng, depth);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return this.value(rng.pick(choices as Json[]), rng, depth);
    if (schema.allOf) return Object.assign({}, ...(schema.allOf as Json[]).map((s) => this.value(s, rng, depth)));
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum)) return rng.pick(schema.enum);
    let type = schema.type;
    if (Array.isArray(type)) type = type.includes('null') && rng.chance(0.15) ? 'null' : rng.pick(type.filter((t: string) => t !== 'null'));
    switch (type) {
      case 'null': return null;
      case 'boolean': return rng.chance(0.5);
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
        const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Math.max(min + 100, 100));
        const n = min + rng.next() * Math.min(max - min, 1e6);
        return type === 'integer' ? Math.round(n) : n;
      }
      case 'string': return this.string(schema, rng);
      case 'array': {
        if (depth > 5) return [];
        const prefix = (schema.prefixItems ?? []) as Json[];
        if (prefix.length) return prefix.map((s) => this.value(s, rng, depth + 1));
        const min = schema.minItems ?? 0;
        const max = Math.min(schema.maxItems ?? min + 3, min + 3);
        const length = min + rng.int(max - min + 1);
        return Array.from({ length }, () => this.value(schema.items ?? {}, rng, depth + 1));
      }
      case 'object': {
        if (depth > 6) return {};
        const out: Json = {};
        const required = new Set<string>(schema.required ?? []);
        for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
          if (!(required.has(name) || rng.chance(0.5))) continue;
          const outer = this.kind;
          this.kind = kindOfField(name) ?? outer;
          out[name] = this.value(sub, rng, depth + 1);
          this.kind = outer;
        }
        return out;
      }
      default: return rng.chance(0.5) ? this.string({}, rng) : rng.int(100);
    }
  }

  private string(schema: Json, rng: Rng): string {
    if (schema.format === 'uuid' || /uuid|\bid\b/i.test(schema.description ?? '')) {
      const usable = (ids: Iterable<string>) => [...ids].filter((id) => !(this.writing && this.options.protectedIds?.has(id)));
      const ofKind = usable(this.kinds.get(this.kind ?? '') ?? []);
      if (ofKind.length && rng.chance(0.8)) return rng.pick(ofKind);
      const pool = usable(this.ids);
      if (pool.length && rng.chance(0.75)) return rng.pick(pool);
      return newId();
    }
    if (schema.format === 'date-time') return new Date(Date.UTC(2026, rng.int(24), 1 + rng.int(28), rng.int(24))).toISOString();
    if (schema.format === 'date') return `2026-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`;
    if (schema.format === 'email') return `fuzz${rng.int(1e6)}@example.org`;
    if (schema.pattern) {
      let arbitrary = this.patterns.get(schema.pattern);
      if (!arbitrary) {
        try { arbitrary = fc.stringMatching(new RegExp(schema.pattern)); } catch { arbitrary = fc.string(); }
        this.patterns.set(schema.pattern, arbitrary);
      }
      const [sample] = fc.sample(arbitrary, { seed: rng.int(2 ** 31), numRuns: 1 });
      if (sample !== undefined && (schema.maxLength === undefined || sample.length <= schema.maxLength)) return sample;
    }
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 40, min + 40);
    const length = Math.max(min, Math.min(max, 1 + rng.int(max + 1)));
    const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.가나다';
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[rng.int(alphabet.length)];
    return text.trim().padEnd(min, 'a') || 'a'.repeat(Math.max(min, 1));
  }

  /** A value one step off the schema: a field dropped, retyped, nulled or added. */
  mutate(value: unknown, rng: Rng): unknown {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const out = { ...(value as Json) };
      const keys = Object.keys(out);
      const roll = rng.next();
      if (keys.length && roll < 0.3) delete out[rng.pick(keys)];
      else if (keys.length && roll < 0.8) { const k = rng.pick(keys); out[k] = rng.chance(0.5) ? strangeValue(rng) : this.mutate(out[k], rng); }
      else out[`extra${rng.int(10)}`] = strangeValue(rng);
      return out;
    }
    if (Array.isArray(value)) return rng.chance(0.5) ? [...value, strangeValue(rng)] : strangeValue(rng);
    return strangeValue(rng);
  }

  private resolve(ref: string): Json {
    const path = ref.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: any = this.document;
    for (const segment of path) node = node?.[segment];
    if (!node) throw new Error(`Unresolvable $ref ${ref}`);
    return node;
  }

  /** What is wrong with an answer, by the document: undefined when nothing is. */
  check(operation: Operation, status: number, contentType: string, body: string): string | undefined {
    if (status >= 500) return `answered ${status}`;
    let response = operation.op.responses[String(status)] as Json | undefined;
    if (!response) return `answered ${status}, which is not documented (documented: ${Object.keys(operation.op.responses).join(', ')})`;
    if (response.$ref) response = this.resolve(response.$ref);
    if (status === 204) return body === '' ? undefined : 'a 204 with a body';
    const mediaType = contentType.split(';')[0]!.trim();
    if (response.content && body !== '' && !(mediaType in response.content)) {
      return `answered ${status} as ${mediaType}, which is not documented (documented: ${Object.keys(response.content).join(', ')})`;
    }
    const schema = response.content?.['application/json']?.schema;
    const isJson = mediaType === 'application/json';
    if (status >= 400 && !isJson) return `a ${status} that is not JSON (${contentType})`;
    if (!schema || !isJson) return undefined;
    let parsed: unknown;
    try { parsed = JSON.parse(body); } catch { return 'a JSON answer that does not parse'; }
    const key = `${operation.method} ${operation.path} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as Json);
      this.validators.set(key, validate);
    }
    if (!validate(parsed)) return `the body does not match the documented ${status} schema: ${this.ajv.errorsText(validate.errors)}`;
    return undefined;
  }
}

/** Refs into the document's components, as refs into the schema registered as `doc`. */
function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `doc${v}` : rewriteRefs(v);
  return out;
}
