import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { transact, type Actor } from '../domain/context.ts';
import { fixedClock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';
import { PASSWORD, seedSecretary, type Role, type SeededActor } from '../../test/actors.ts';
import type { SmallTree } from '../../test/factories.ts';
import { multipartForm } from '../../test/multipart.ts';
import { hasMetadata, JPEG, jpegWithMetadata, png } from '../../test/photos.ts';
import { useTestApp } from '../../test/http-app.ts';

let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const clock = fixedClock('2026-05-04T08:00:00Z');
type Who = Role | 'otherSecretary';

const signIn = async (email: string) =>
  (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } })).json().token as string;
const call = (who: Who | null, options: InjectOptions) =>
  app.inject({ ...options, headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...options.headers } });

type Upload = { filename: string; type: string; bytes: Buffer };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), Buffer.from('payload')]);
const HTML = Buffer.from('<!DOCTYPE html><html><script>fetch("/api/v1/session")</script></html>');
const photo = (filename = 'site.jpg', bytes = jpegWithMetadata()): Upload => ({ filename, type: 'image/jpeg', bytes });
const pdf = (filename = 'plan.pdf'): Upload => ({ filename, type: 'application/pdf', bytes: PDF });
const csv = (filename = 'houses.csv'): Upload => ({ filename, type: 'text/csv', bytes: Buffer.from('\uFEFFname,houses\n김,3\nLee,4\n') });

const DUE = '2026-06-01T00:00:00Z';
const DIRECTIVE = { title: 'Repair the roofs', body: 'Every cell repairs its roofs before the rains.', items: [{ title: 'Roofs', dueAt: DUE, target: 10 }], target: { kind: 'level', level: 'cell' } };
const form = (field: string, json: unknown, files: Upload[], more: Array<{ name: string; value: string }> = []) =>
  multipartForm([{ name: field, value: JSON.stringify(json) }, ...more, ...files.map((file) => ({ name: 'files', file }))]);
const draftWith = (files: Upload[], who: Who = 'districtOfficial') =>
  call(who, { method: 'POST', url: '/api/v1/directives', ...form('directive', { ...DIRECTIVE, issuerUnitId: tree.districts[0] }, files) });
const attach = (id: string, files: Upload[], note?: string, who: Who = 'districtOfficial') =>
  call(who, { method: 'POST', url: `/api/v1/directives/${id}/attachments`, ...multipartForm([...(note ? [{ name: 'note', value: note }] : []), ...files.map((file) => ({ name: 'files', file }))]) });
const report = (assignmentId: string, body: unknown, files: Upload[], who: Who = 'cellSecretary', headers: Record<string, string> = {}) => {
  const sent = form('report', body, files);
  return call(who, { method: 'POST', url: `/api/v1/assignments/${assignmentId}/reports`, payload: sent.payload, headers: { ...sent.headers, ...headers } });
};
const getFile = (who: Who | null, id: string) => call(who, { method: 'GET', url: `/api/v1/directive-files/${id}` });
const getJson = async (who: Who, url: string) => {
  const response = await call(who, { method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** A district 0 directive to its two cells, issued, and cell 0's assignment. */
async function issued(files: Upload[] = []) {
  const made = await draftWith(files);
  expect(made.statusCode, made.body).toBe(201);
  const { id } = made.json();
  expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${id}/issue` })).json().assignments).toBe(2);
  const inbox = await getJson('cellSecretary', `/api/v1/units/${tree.cells[0]}/assignments`);
  return { id, assignmentId: inbox.items.find((a: { directiveId: string }) => a.directiveId === id).id as string };
}

const count = async (table: 'directives' | 'directive_files' | 'assignment_reports' | 'assignment_items' | 'audit_events') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]!.n);
const counts = async () => ({
  directives: await count('directives'), files: await count('directive_files'), reports: await count('assignment_reports'),
  figures: await count('assignment_items'), audit: await count('audit_events'),
});

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  // The secretary of cell 0.0.1, next to cell 0.0.0 of the seeded secretary: both receive district 0.0's directives.
  const neighbour = await seedSecretary(database, tree.cells[1]!, 'neighbour@test.example');
  for (const [who, { email }] of [...Object.entries(actors), ['otherSecretary', neighbour] as const]) tokens[who] = await signIn(email);
});

describe('attachments', () => {
  let directiveId: string;
  let files: Array<{ id: string; name: string; mediaType: string; size: number; kind: string; width: number | null }>;

  it('come with a draft in one multipart request, by their sniffed type; the JSON body still works', async () => {
    const made = await draftWith([photo(), pdf('보고서.pdf'), csv(), { filename: 'run.exe', type: 'application/octet-stream', bytes: Buffer.from('#!/bin/sh\necho done\n') }]);
    expect(made.statusCode, made.body).toBe(201);
    directiveId = made.json().id;
    const view = await getJson('districtOfficial', `/api/v1/directives/${directiveId}`);
    files = view.files;
    expect(files.map((f) => [f.name, f.mediaType, f.kind, f.width])).toEqual([
      ['site.jpg', 'image/jpeg', 'attachment', 8], ['보고서.pdf', 'application/pdf', 'attachment', null],
      ['houses.csv', 'text/plain', 'attachment', null], ['run.exe.txt', 'text/plain', 'attachment', null],
    ]);
    expect(view.abilities.attach).toBe(true);
    const audit = await database.db.selectFrom('audit_events').select('after').where('action', '=', 'directive.create').where('target_id', '=', directiveId).executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ attachments: 4 });

    const plain = await call('districtOfficial', { method: 'POST', url: '/api/v1/directives', payload: { ...DIRECTIVE, issuerUnitId: tree.districts[0] } });
    expect(plain.statusCode, plain.body).toBe(201);
    expect((await getJson('districtOfficial', `/api/v1/directives/${plain.json().id}`)).files).toEqual([]);
  });

  it('are served so that they never run as a page: photos inline and stripped, the rest as downloads', async () => {
    const jpeg = await getFile('districtOfficial', files[0]!.id);
    expect(jpeg.statusCode).toBe(200);
    expect(jpeg.headers['content-type']).toBe('image/jpeg');
    expect(jpeg.headers['content-disposition']).toBe('inline; filename="site.jpg"; filename*=UTF-8\'\'site.jpg');
    expect(hasMetadata(jpeg.rawPayload)).toBe(false);
    expect(jpeg.rawPayload.length).toBe(files[0]!.size);
    expect(jpeg.rawPayload.length).toBe(JPEG.length + 36); // the original image and its orientation, nothing else

    const document = await getFile('districtOfficial', files[1]!.id);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect(document.headers['content-disposition']).toBe("attachment; filename=\"___.pdf\"; filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C.pdf");
    expect(document.rawPayload.equals(PDF)).toBe(true);
    const text = await getFile('districtOfficial', files[2]!.id);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.headers['content-disposition']).toMatch(/^attachment; filename="houses.csv"/);
    for (const response of [jpeg, document, text]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it("are read by the issuer's chain only while a draft, then by every unit it reached", async () => {
    const id = files[1]!.id;
    for (const who of ['districtOfficial', 'regionOfficial', 'admin'] as const) expect((await getFile(who, id)).statusCode, who).toBe(200);
    for (const who of ['cellSecretary', 'otherSecretary', 'member'] as const) {
      const refused = await getFile(who, id);
      expect(refused.statusCode, who).toBe(404);
      expect(refused.json().error.code).toBe('directive_file_not_found');
    }
    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${directiveId}/issue` })).statusCode).toBe(200);
    for (const who of ['cellSecretary', 'otherSecretary'] as const) {
      expect((await getFile(who, id)).statusCode, who).toBe(200);
      const inbox = await getJson(who, `/api/v1/units/${who === 'cellSecretary' ? tree.cells[0] : tree.cells[1]}/assignments`);
      const assignment = await getJson(who, `/api/v1/assignments/${inbox.items.find((a: { directiveId: string }) => a.directiveId === directiveId).id}`);
      expect(assignment.directive.files.map((f: { id: string }) => f.id)).toEqual(files.map((f) => f.id));
    }
    expect((await getFile('member', id)).statusCode).toBe(404);
    expect((await getFile(null, id)).statusCode).toBe(401);
    expect((await getFile('admin', newId())).json().error.code).toBe('directive_file_not_found');
  });

  it('join a draft freely, and an issued directive only with a note, as an amendment receivers acknowledge again', async () => {
    const draft = (await call('districtOfficial', { method: 'POST', url: '/api/v1/directives', payload: { ...DIRECTIVE, issuerUnitId: tree.districts[0] } })).json();
    const first = await attach(draft.id, [pdf()]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 0, files: [{ name: 'plan.pdf', kind: 'attachment' }] });

    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${draft.id}/issue` })).statusCode).toBe(200);
    const inbox = await getJson('cellSecretary', `/api/v1/units/${tree.cells[0]}/assignments`);
    const assignmentId = inbox.items.find((a: { directiveId: string }) => a.directiveId === draft.id).id;
    expect((await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/transition`, payload: { to: 'acknowledged' } })).statusCode).toBe(200);

    const before = await counts();
    const silent = await attach(draft.id, [csv()]);
    expect(silent.statusCode).toBe(422);
    expect(silent.json().error.code).toBe('note_required');
    // A receiver may read the directive but not add to it: like any outside refusal, a 404.
    expect((await attach(draft.id, [csv()], 'From below', 'cellSecretary')).statusCode).toBe(404);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 }); // the refusal above is audited

    const amended = await attach(draft.id, [csv()], 'The list of houses, by cell');
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json().version).toBe(2);
    const seen = await getJson('cellSecretary', `/api/v1/assignments/${assignmentId}`);
    expect(seen.needsAcknowledgement).toBe(true);
    expect(seen.directive.version).toBe(2);
    expect(seen.directive.files.map((f: { name: string }) => f.name)).toEqual(['plan.pdf', 'houses.csv']);
    expect(seen.directive.amendments).toEqual([expect.objectContaining({
      version: 2, note: 'The list of houses, by cell',
      changes: { attachments: [{ id: amended.json().files[0].id, name: 'houses.csv', mediaType: 'text/plain', size: expect.any(Number) }] },
    })]);

    // Five a directive: two are there, four more are too many, and none of them is written.
    const full = await counts();
    const tooMany = await attach(draft.id, [pdf(), pdf(), pdf(), pdf()], 'More');
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error).toMatchObject({ code: 'too_many_files', details: { already: 2, limit: 5 } });
    expect(await counts()).toEqual(full);

    expect((await call('districtOfficial', { method: 'POST', url: `/api/v1/directives/${draft.id}/withdraw`, payload: { reason: 'Done elsewhere' } })).statusCode).toBe(200);
    const late = await attach(draft.id, [pdf()], 'Too late');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('directive_withdrawn');
    expect((await getJson('districtOfficial', `/api/v1/directives/${draft.id}`)).abilities.attach).toBe(false);
  });
});

describe('refused files', () => {
  it('an executable or a web page named .pdf, too many files, one too large, a damaged photo: refused, naming the file, with nothing written', async () => {
    const before = await counts();
    const executable = await draftWith([photo(), { filename: 'report.pdf', type: 'application/pdf', bytes: ELF }]);
    expect(executable.statusCode).toBe(422);
    expect(executable.json().error).toMatchObject({ code: 'file_type', details: { file: 'report.pdf', index: 1 } });
    expect(executable.json().error.message).toContain('"report.pdf"');
    const page = await draftWith([{ filename: 'minutes.pdf', type: 'application/pdf', bytes: HTML }]);
    expect(page.json().error).toMatchObject({ code: 'file_type', details: { file: 'minutes.pdf' } });
    const svg = await draftWith([{ filename: 'map.txt', type: 'text/plain', bytes: Buffer.from('  \n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }]);
    expect(svg.json().error.code).toBe('file_type');
    const empty = await draftWith([{ filename: 'empty.txt', type: 'text/plain', bytes: Buffer.alloc(0) }]);
    expect(empty.json().error.code).toBe('file_type');

    const six = await draftWith([pdf(), pdf(), pdf(), pdf(), pdf(), pdf()]);
    expect(six.statusCode).toBe(422);
    expect(six.json().error.code).toBe('too_many_files');
    const huge = await draftWith([pdf(), { filename: 'scan.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }]);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'file_too_large', details: { file: 'scan.pdf', index: 1 } });
    const damaged = await draftWith([pdf(), photo('cut.png', png().subarray(0, 60))]);
    expect(damaged.statusCode).toBe(422);
    expect(damaged.json().error).toMatchObject({ code: 'photo_damaged', details: { file: 'cut.png', index: 1 } });
    expect(await counts()).toEqual(before);
  });

  it('a report whose last file is bad writes neither the report, its figures, nor its good files', async () => {
    const { assignmentId } = await issued();
    const before = await counts();
    const bad = await report(assignmentId, { itemIndex: 0, percent: 40, text: 'Half the roofs' }, [photo(), pdf(), { filename: 'notes.pdf', type: 'application/pdf', bytes: HTML }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'file_type', details: { file: 'notes.pdf', index: 2 } });
    const malformed = await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/reports`, ...multipartForm([{ name: 'report', value: '{"itemIndex":' }]) });
    expect(malformed.json().error.code).toBe('malformed_json');
    const invalidJson = await report(assignmentId, { itemIndex: -1 }, [pdf()]);
    expect(invalidJson.statusCode).toBe(400);
    expect(invalidJson.json().error.details.issues[0].path).toBe('report.itemIndex');
    const wrongField = await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/reports`, ...multipartForm([{ name: 'report', value: '{"itemIndex":0}' }, { name: 'photos', file: pdf() }]) });
    expect(wrongField.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const view = await getJson('cellSecretary', `/api/v1/assignments/${assignmentId}`);
    expect(view.reports).toEqual([]);
    expect(view.status).toBe('received');
  });
});

describe('evidence', () => {
  let assignmentId: string;
  let evidence: Array<{ id: string; name: string; size: number; kind: string }>;

  it('comes with a report, is stripped of its GPS position, and is listed with that report', async () => {
    ({ assignmentId } = await issued([pdf()]));
    const sent = await report(assignmentId, { itemIndex: 0, percent: 50, value: 5, text: 'Five roofs done' }, [photo('roof.jpg'), pdf('invoice.pdf')], 'cellSecretary', { 'idempotency-key': 'evidence-once' });
    expect(sent.statusCode, sent.body).toBe(201);
    const view = sent.json();
    expect(view.status).toBe('in_progress');
    expect(view.items[0]).toMatchObject({ percent: 50, value: 5 });
    evidence = view.reports[0].files;
    expect(evidence.map((f) => [f.name, f.kind])).toEqual([['roof.jpg', 'evidence'], ['invoice.pdf', 'evidence']]);
    const again = await report(assignmentId, { itemIndex: 0, percent: 50, value: 5, text: 'Five roofs done' }, [photo('roof.jpg'), pdf('invoice.pdf')], 'cellSecretary', { 'idempotency-key': 'evidence-once' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await getJson('cellSecretary', `/api/v1/assignments/${assignmentId}`)).reports).toHaveLength(1);

    const served = await getFile('cellSecretary', evidence[0]!.id);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(hasMetadata(jpegWithMetadata())).toBe(true);
    expect(hasMetadata(served.rawPayload)).toBe(false);
    const stored = await database.db.selectFrom('directive_files').select('bytes').where('id', '=', evidence[0]!.id).executeTakeFirstOrThrow();
    expect(hasMetadata(stored.bytes)).toBe(false);
  });

  it('alone is a report too; JSON reports work as before, and an empty one is still refused', async () => {
    const alone = await report(assignmentId, { itemIndex: 0 }, [photo('after.jpg', JPEG)]);
    expect(alone.statusCode, alone.body).toBe(201);
    expect(alone.json().reports[1]).toMatchObject({ percent: null, value: null, text: null, files: [{ name: 'after.jpg' }] });
    const json = await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/reports`, payload: { itemIndex: 0, percent: 80 } });
    expect(json.statusCode).toBe(201);
    expect(json.json().reports[2]).toMatchObject({ percent: 80, files: [] });
    const empty = await call('cellSecretary', { method: 'POST', url: `/api/v1/assignments/${assignmentId}/reports`, payload: { itemIndex: 0 } });
    expect(empty.json().error.code).toBe('empty_report');
  });

  it("is read by the unit and those above it; a neighbouring cell's secretary gets a 404, as for a missing file", async () => {
    const id = evidence[1]!.id;
    for (const who of ['cellSecretary', 'districtOfficial', 'regionOfficial', 'admin'] as const) expect((await getFile(who, id)).statusCode, who).toBe(200);
    for (const who of ['otherSecretary', 'member'] as const) {
      const refused = await getFile(who, id);
      expect(refused.statusCode, who).toBe(404);
      expect(refused.json().error.code).toBe('directive_file_not_found');
      expect((await getFile(who, newId())).json().error.code).toBe(refused.json().error.code);
    }
    // Nor can the neighbour add evidence to it.
    expect((await report(assignmentId, { itemIndex: 0 }, [pdf()], 'otherSecretary')).statusCode).toBe(404);
  });

  it('is guarded by row-level security alone and can never be changed', async () => {
    const seen = (actor: Actor) => transact(database, actor, clock, async (ctx) =>
      (await sql<{ id: string }>`select id from directive_files`.execute(ctx.db)).rows.map((r) => r.id));
    const official = (unit: string): Actor => ({ accountId: null, personId: null, label: 'raw', isAdmin: false, officialUnitIds: [unit], cellId: null });
    const attachment = (await getJson('cellSecretary', `/api/v1/assignments/${assignmentId}`)).directive.files[0].id;
    expect(await seen(official(tree.cells[0]!))).toEqual(expect.arrayContaining([evidence[0]!.id, attachment]));
    expect(await seen(official(tree.districts[0]!))).toContain(evidence[0]!.id);
    const neighbour = await seen(official(tree.cells[1]!));
    expect(neighbour).toContain(attachment);
    expect(neighbour).not.toContain(evidence[0]!.id);
    expect(await seen(official(tree.cells[2]!))).toEqual([]);
    expect(await seen({ ...official(tree.cells[0]!), officialUnitIds: [] })).toEqual([]);
    const change = transact(database, actors.admin.actor, clock, (ctx) => sql`update directive_files set name = 'x' where id = ${evidence[0]!.id}`.execute(ctx.db));
    await expect(change).rejects.toThrow(/permission denied/);
    // A neighbour cannot slip evidence onto another cell's assignment past the application either.
    const real = await database.db.selectFrom('directive_files').select(['directive_id', 'assignment_id', 'report_id']).where('id', '=', evidence[0]!.id).executeTakeFirstOrThrow();
    const forge = (unit: string) => transact(database, official(unit), clock, (ctx) => sql`
      insert into directive_files (id, directive_id, kind, assignment_id, report_id, position, name, media_type, bytes, size, created_at, actor_label)
      values (${newId()}::uuid, ${real.directive_id}::uuid, 'evidence', ${real.assignment_id}::uuid, ${real.report_id}, 5, 'forged.txt', 'text/plain', '\\x41', 1, now(), 'raw')`.execute(ctx.db));
    await expect(forge(tree.cells[1]!)).rejects.toThrow(/row-level security/);
    // Nor the receivers add attachments to the directive.
    const forgedAttachment = transact(database, official(tree.cells[0]!), clock, (ctx) => sql`
      insert into directive_files (id, directive_id, kind, position, name, media_type, bytes, size, added_version, created_at, actor_label)
      values (${newId()}::uuid, ${real.directive_id}::uuid, 'attachment', 5, 'forged.txt', 'text/plain', '\\x41', 1, 1, now(), 'raw')`.execute(ctx.db));
    await expect(forgedAttachment).rejects.toThrow(/row-level security/);
  });
});

describe('the routes', () => {
  it('are in the OpenAPI document: JSON or multipart bodies, files by their types', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const [path, field] of [['/api/v1/directives', 'directive'], ['/api/v1/assignments/{id}/reports', 'report']] as const) {
      const content = doc.paths[path].post.requestBody.content;
      expect(Object.keys(content)).toEqual(['application/json', 'multipart/form-data']);
      expect(Object.keys(content['multipart/form-data'].schema.properties)).toEqual([field, 'files']);
      expect(content['multipart/form-data'].schema.properties.files.maxItems).toBe(5);
    }
    expect(Object.keys(doc.paths['/api/v1/directives/{id}/attachments'].post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(doc.paths['/api/v1/directive-files/{id}'].get.responses['200'].content))
      .toEqual(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain']);
  });
});
