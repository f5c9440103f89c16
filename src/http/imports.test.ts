import type { InjectOptions } from 'fastify';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { directoryDrift } from '../../test/directory.ts';
import { run } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/http-app.ts';
import { multipartBody, ndjson } from '../../test/multipart.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { createAccount } from '../domain/accounts/accounts.ts';
import { IMPORT_FILE_LIMIT } from './routes/imports.routes.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await startTestApp(database);
});
afterAll(async () => {
  await t?.app.close();
  await database?.close();
});

const cells = Array.from({ length: 10 }, (_, i) => `X${i},Cell ${i},cell,D1`);
const UNITS = ['code,name,level,parent_code', 'C,Centre,central,', 'R1,North Region,region,C', 'D1,Ashdale District,district,R1', ...cells].join('\n') + '\n';
const MEMBERS = 'name,cell_code,email,phone\nAda Lovelace,X1,ada@example.org,\nGrace Hopper,X2,,+1 555 0100\n';

/** Posts the files (members first: the order they arrive in must not matter) and parses the stream. */
async function post(files: { units?: string; members?: string }, query = '', extra: InjectOptions = {}) {
  const parts = [
    ...(files.members !== undefined ? [{ name: 'members', file: files.members }] : []),
    ...(files.units !== undefined ? [{ name: 'units', file: files.units }] : []),
  ];
  const body = multipartBody(parts);
  const response = await t.app.inject({
    method: 'POST', url: `/api/v1/imports${query}`, payload: body.payload,
    ...extra, headers: { authorization: `Bearer ${t.token}`, ...body.headers, ...(extra.headers ?? {}) },
  });
  const streamed = String(response.headers['content-type']).startsWith('application/x-ndjson');
  const lines = streamed ? ndjson(response.body) : [];
  return { status: response.statusCode, streamed, lines, report: lines.at(-1)?.report, json: streamed ? undefined : response.json() };
}

/** Reads past row-level security, as the tables' owner with the administrator's scope (the owner is subject to it too). */
const asOwner = <T>(fn: (db: Transaction<DB>) => Promise<T>) => database.db.transaction().execute(async (trx) => {
  await sql`select set_config('mainstay.admin', 'true', true)`.execute(trx);
  return fn(trx);
});
const count = (table: 'units' | 'people') =>
  asOwner(async (db) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));

describe('POST /api/v1/imports', () => {
  it('dry run: streams progress, then the report, and writes nothing', async () => {
    const { status, streamed, lines, report } = await post({ units: UNITS, members: MEMBERS }, '?dryRun=true');
    expect(status).toBe(200);
    expect(streamed).toBe(true);
    expect(lines.filter((l) => l.type === 'progress').map((l) => l.file)).toEqual(['units', 'members']);
    expect(lines.at(-1)!.type).toBe('report');
    expect(report).toEqual({ units: { read: 13, written: 0 }, members: { read: 2, written: 0, added: 2, updated: 0, unchanged: 0 }, problems: [], problemCount: 0, committed: false });
    expect(await count('units')).toBe(0);
  });

  it('bad rows: reports line, column and reason, and writes nothing', async () => {
    const units = `${UNITS}X9b,Cell Nine B,planet,D1\n`;
    const members = 'name,cell_code,email,phone\nNobody,NOPE,,\nBad Mail,X1,not-an-email,\nAda Lovelace,X1,,\n';
    const { status, report } = await post({ units, members });
    expect(status).toBe(200);
    expect(report.committed).toBe(false);
    expect(report.problemCount).toBe(3);
    expect(report.problems).toEqual([
      { file: 'units', line: 15, column: 'level', reason: expect.stringContaining('unknown level "planet"') },
      { file: 'members', line: 2, column: 'cell_code', reason: 'cell_code "NOPE" is not a unit of the organization' },
      { file: 'members', line: 3, column: 'email', reason: '"not-an-email" is not an e-mail address' },
    ]);
    expect(report.units.written + report.members.written).toBe(0);
    expect(await count('units')).toBe(0);
    expect(await count('people')).toBe(0);
  });

  it('writes, audits the import, and makes it searchable at once', async () => {
    const { status, report } = await post({ units: UNITS, members: MEMBERS });
    expect(status).toBe(200);
    expect(report).toMatchObject({ units: { read: 13, written: 13 }, members: { read: 2, written: 2 }, problemCount: 0, committed: true });
    expect(await count('people')).toBe(2);
    const event = await asOwner((db) => db.selectFrom('audit_events').select(['actor_label', 'details', 'request_id'])
      .where('action', '=', 'organization.import').executeTakeFirstOrThrow());
    expect(event.details).toEqual({ units: 13, members: 2, membersAdded: 2, membersUpdated: 0, membersUnchanged: 0, problems: 0 });
    expect(event.actor_label).toMatch(/^admin-.*@test\.example$/);
    expect(event.request_id).toEqual(expect.any(String));
    const found = await t.call({ method: 'GET', url: '/api/v1/search?q=lovelace' });
    expect(found.json.people).toMatchObject([{ name: 'Ada Lovelace', cellName: 'Cell 1', cellPath: 'North Region › Ashdale District' }]);
    expect(await directoryDrift(database)).toEqual([]);
  });

  it('skipBad: writes the good rows and reports the bad ones', async () => {
    const units = 'code,name,level,parent_code\nX20,Cell Twenty,cell,D1\nX21,Cell Twenty-one,planet,D1\n';
    const members = 'name,cell_code,email,phone\nAlan Turing,X20,,\nLost Soul,NOPE,,\n';
    const { report } = await post({ units, members }, '?skipBad=true');
    expect(report).toMatchObject({ units: { read: 2, written: 1 }, members: { read: 2, written: 1 }, problemCount: 2, committed: true });
    expect(report.problems.map((p: { file: string; line: number }) => `${p.file}:${p.line}`)).toEqual(['units:3', 'members:3']);
    expect((await t.call({ method: 'GET', url: '/api/v1/search?q=turing' })).json.people).toMatchObject([{ name: 'Alan Turing', cellName: 'Cell Twenty' }]);
    expect(await directoryDrift(database)).toEqual([]);
  });

  it('is for administrators only: anyone else gets 403 before the upload is read', async () => {
    const person = (await asOwner((db) => db.selectFrom('people').select('id').where('name', '=', 'Ada Lovelace').executeTakeFirstOrThrow())).id;
    await run(database, (ctx) => createAccount(ctx, { personId: person, email: 'ada@example.org', password: 'a long test passphrase' }));
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ada@example.org', password: 'a long test passphrase' } })).json().token;
    const { status, json } = await post({ units: UNITS }, '?dryRun=true', { headers: { authorization: `Bearer ${token}` } });
    expect(status).toBe(403);
    expect(json.error).toMatchObject({ code: 'forbidden', message: expect.any(String), details: expect.any(Object) });
    const anonymous = await t.call({ method: 'POST', url: '/api/v1/imports', token: null, ...multipartBody([{ name: 'units', file: UNITS }]) });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a request without a file, with other fields, or that is not multipart', async () => {
    const none = await post({});
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe('validation_failed');
    const field = await t.call({ method: 'POST', url: '/api/v1/imports', ...multipartBody([{ name: 'dryRun', value: 'true' }, { name: 'units', file: UNITS }]) });
    expect(field.status).toBe(400);
    expect(field.json.error.details.issues).toEqual([{ in: 'body', path: 'dryRun', message: expect.stringContaining('unexpected field') }]);
    const unknown = await t.call({ method: 'POST', url: '/api/v1/imports', ...multipartBody([{ name: 'people', file: MEMBERS }]) });
    expect(unknown.status).toBe(400);
    const twice = await t.call({ method: 'POST', url: '/api/v1/imports', ...multipartBody([{ name: 'units', file: UNITS }, { name: 'units', file: UNITS }]) });
    expect(twice.status).toBe(400);
    const json = await t.call({ method: 'POST', url: '/api/v1/imports', payload: { units: UNITS } });
    expect(json.status).toBe(415);
    expect(json.json.error.code).toBe('unsupported_media_type');
    expect((await t.call({ method: 'POST', url: '/api/v1/imports?dryRun=yes', ...multipartBody([{ name: 'units', file: UNITS }]) })).status).toBe(400);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = `code,name,level,parent_code\n${'x'.repeat(IMPORT_FILE_LIMIT)}\n`;
    const { status, json } = await post({ units: big }, '?dryRun=true');
    expect(status).toBe(413);
    expect(json.error.code).toBe('file_too_large');
  });

  it('with the session cookie, needs the CSRF header like every other write', async () => {
    const body = multipartBody([{ name: 'units', file: UNITS }]);
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/imports?dryRun=true', payload: body.payload,
      headers: { ...body.headers, cookie: `mainstay_session=${t.token}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('is described in the OpenAPI document: multipart in, NDJSON out', async () => {
    const doc = (await t.call({ method: 'GET', url: '/api/v1/openapi.json' })).json;
    const operation = doc.paths['/api/v1/imports'].post;
    expect(operation.tags).toEqual(['imports']);
    expect(Object.keys(operation.requestBody.content)).toEqual(['multipart/form-data']);
    expect(operation.requestBody.content['multipart/form-data'].schema.properties.units).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(operation.responses['200'].content)).toEqual(['application/x-ndjson']);
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['dryRun', 'skipBad']);
  });
});
