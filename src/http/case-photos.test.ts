import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { createCategory, URGENCIES } from '../domain/cases/categories.ts';
import { setServiceArea } from '../domain/cases/service-area.ts';
import { transact, type Actor } from '../domain/context.ts';
import type { Deadlines } from '../db/schema-cases.ts';
import { fixedClock } from '../platform/clock.ts';
import { PASSWORD, seedSecretary, type Role, type SeededActor } from '../../test/actors.ts';
import { run, type SmallTree } from '../../test/factories.ts';
import { multipartForm } from '../../test/multipart.ts';
import { hasMetadata, JPEG, jpegWithMetadata, png, PNG_METADATA, WEBP_LOSSY, webpWithMetadata } from '../../test/photos.ts';
import { useTestApp } from '../../test/http-app.ts';

let database: Database;
let tree: SmallTree;
let actors: Record<Role, SeededActor>;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const clock = fixedClock('2026-03-02T08:00:00Z');
type Who = Role | 'otherSecretary' | null;

const signIn = async (email: string) =>
  (await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } })).json().token as string;
/** Anonymous callers come from an address of their own each time; the rate limit has a test of its own. */
const call = (who: Who, options: InjectOptions) => app.inject({
  ...options,
  ...(who ? {} : { remoteAddress: options.remoteAddress ?? `198.51.100.${Math.floor(Math.random() * 250) + 1}` }),
  headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...options.headers },
});

const CASE = { categoryCode: 'damage', description: 'The storm took the roof off the shed.', urgency: 'normal', address: 'Old Mill lane 3', requester: { email: 'resident@example.org' } };
type Photo = { filename: string; type: string; bytes: Buffer };
const jpeg = (bytes = jpegWithMetadata(), filename = 'IMG_0001.JPG'): Photo => ({ filename, type: 'image/jpeg', bytes });
const form = (photos: Photo[], body: unknown = CASE) =>
  multipartForm([{ name: 'case', value: JSON.stringify(body) }, ...photos.map((file) => ({ name: 'photos', file }))]);
const report = (photos: Photo[], body: unknown = CASE) => call(null, { method: 'POST', url: '/api/v1/public/cases', ...form(photos, body) });

const count = async (table: 'cases' | 'case_photos' | 'audit_events' | 'outbox_messages') =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]!.n);
const counts = async () => ({ cases: await count('cases'), photos: await count('case_photos'), audit: await count('audit_events'), mail: await count('outbox_messages') });

const fixture = useTestApp({ actors: true, server: { clock } });
beforeAll(async () => {
  ({ database, tree, actors, app } = fixture);
  const deadlines = Object.fromEntries(URGENCIES.map((u) => [u, { acknowledgeHours: 24, resolveHours: 72 }])) as Deadlines;
  await run(database, (ctx) => createCategory(ctx, { code: 'damage', name: 'Storm damage', handlingLevel: 'cell', public: true, deadlines }));
  await run(database, (ctx) => setServiceArea(ctx, tree.cells[0]!, { polygon: null, localities: ['Old Mill'] }));
  // The secretary of cell 0.0.1, next to the cell 0.0.0 where the cases land.
  await seedSecretary(database, tree.cells[1]!, 'next-door@test.example');
  for (const role of Object.keys(actors) as Role[]) tokens[role] = await signIn(actors[role].email);
  tokens.otherSecretary = await signIn('next-door@test.example');
});

describe('photos on the public form', () => {
  let filed: { id: string; trackingToken: string; reference: string };
  const sent = [jpeg(), { filename: 'plan.png', type: 'image/png', bytes: png(9, 7, PNG_METADATA) }, { filename: 'shed.webp', type: 'image/webp', bytes: webpWithMetadata(WEBP_LOSSY) }];

  it('takes a JPEG, a PNG and a WebP with the case, in one multipart request', async () => {
    const response = await report(sent);
    expect(response.statusCode, response.body).toBe(201);
    filed = response.json();
    expect(filed.reference).toMatch(/^C-/);
    const view = (await call('cellSecretary', { method: 'GET', url: `/api/v1/cases/${filed.id}` })).json();
    expect(view.photos).toEqual([
      { position: 1, mediaType: 'image/jpeg', size: expect.any(Number), width: 8, height: 8 },
      { position: 2, mediaType: 'image/png', size: expect.any(Number), width: 9, height: 7 },
      { position: 3, mediaType: 'image/webp', size: expect.any(Number), width: 8, height: 8 },
    ]);
    const audit = await database.db.selectFrom('audit_events').select('details').where('action', '=', 'case.create').where('target_id', '=', filed.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ photos: 3 });
  });

  it('serves them stripped of their metadata, as images that can never run as a page', async () => {
    for (const [index, photo] of sent.entries()) {
      const response = await call('cellSecretary', { method: 'GET', url: `/api/v1/cases/${filed.id}/photos/${index + 1}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(photo.type);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
      expect(response.headers['content-disposition']).toMatch(new RegExp(`^inline; filename="${filed.reference}-${index + 1}\\.(jpg|png|webp)"$`));
      const bytes = response.rawPayload;
      expect(hasMetadata(photo.bytes)).toBe(true);
      expect(hasMetadata(bytes)).toBe(false);
      expect(bytes.length).toBeLessThan(photo.bytes.length);
      expect(bytes.length).toBe((await call('cellSecretary', { method: 'GET', url: `/api/v1/cases/${filed.id}` })).json().photos[index].size);
    }
    // The stored JPEG is the original image with only its orientation carried over.
    const stored = await database.db.selectFrom('case_photos').select('bytes').where('case_id', '=', filed.id).where('position', '=', 1).executeTakeFirstOrThrow();
    expect(stored.bytes.length).toBe(JPEG.length + 36);
  });

  it('shows them to the requester by the tracking link, and only to those who may see the case', async () => {
    const tracked = (await call(null, { method: 'GET', url: `/api/v1/track/${filed.trackingToken}` })).json();
    expect(tracked.photos.map((p: { position: number; mediaType: string }) => [p.position, p.mediaType])).toEqual([[1, 'image/jpeg'], [2, 'image/png'], [3, 'image/webp']]);
    const mine = await call(null, { method: 'GET', url: `/api/v1/track/${filed.trackingToken}/photos/2` });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(mine.rawPayload.equals(png(9, 7))).toBe(true);
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${'x'.repeat(32)}/photos/1` })).json().error.code).toBe('case_not_found');

    for (const who of ['cellSecretary', 'districtOfficial', 'regionOfficial', 'admin'] as const) {
      expect((await call(who, { method: 'GET', url: `/api/v1/cases/${filed.id}/photos/1` })).statusCode, who).toBe(200);
    }
    // Outside the case's path a photo reads exactly like a missing case.
    for (const who of ['otherSecretary', 'member'] as const) {
      const refused = await call(who, { method: 'GET', url: `/api/v1/cases/${filed.id}/photos/1` });
      expect(refused.statusCode, who).toBe(404);
      expect(refused.json().error.code).toBe('case_not_found');
    }
    expect((await call(null, { method: 'GET', url: `/api/v1/cases/${filed.id}/photos/1` })).statusCode).toBe(401);
  });

  it('are guarded by row-level security alone, like their case, and can never be changed', async () => {
    const seen = (actor: Actor) => transact(database, actor, clock, async (ctx) =>
      (await sql<{ case_id: string }>`select case_id from case_photos`.execute(ctx.db)).rows.map((r) => r.case_id));
    const official = (unit: string): Actor => ({ accountId: null, personId: null, label: 'raw', isAdmin: false, officialUnitIds: [unit], cellId: null });
    expect(await seen(official(tree.cells[0]!))).toContain(filed.id);
    expect(await seen(official(tree.districts[0]!))).toContain(filed.id);
    expect(await seen(official(tree.cells[1]!))).not.toContain(filed.id);
    expect(await seen({ ...official(tree.cells[0]!), officialUnitIds: [] })).toEqual([]);
    const change = transact(database, actors.admin.actor, clock, (ctx) => sql`update case_photos set bytes = '\\x00' where case_id = ${filed.id}`.execute(ctx.db));
    await expect(change).rejects.toThrow(/permission denied/);
  });

  it('answers 404 for a position with no photo, and 400 for one that cannot be', async () => {
    const one = (await report([jpeg(JPEG)])).json();
    expect((await call('admin', { method: 'GET', url: `/api/v1/cases/${one.id}/photos/2` })).json().error.code).toBe('photo_not_found');
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${one.trackingToken}/photos/3` })).json().error.code).toBe('photo_not_found');
    expect((await call('admin', { method: 'GET', url: `/api/v1/cases/${one.id}/photos/4` })).statusCode).toBe(400);
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${one.trackingToken}/photos/0` })).statusCode).toBe(400);
  });

  it('still takes the plain JSON body, without photos', async () => {
    const response = await call(null, { method: 'POST', url: '/api/v1/public/cases', payload: CASE });
    expect(response.statusCode).toBe(201);
    expect((await call('admin', { method: 'GET', url: `/api/v1/cases/${response.json().id}` })).json().photos).toEqual([]);
    expect((await call(null, { method: 'GET', url: `/api/v1/track/${response.json().trackingToken}` })).json().photos).toEqual([]);
  });
});

describe('refused photos', () => {
  it('a text file named like a photo, four photos, a photo too large, a damaged one: refused, naming the file, with nothing written', async () => {
    const before = await counts();
    const renamed = await report([jpeg(), { filename: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('<html><script>alert(document.cookie)</script></html>') }]);
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error).toMatchObject({ code: 'photo_type', details: { file: 'notes.jpg', index: 1 } });
    expect(renamed.json().error.message).toContain('"notes.jpg"');

    const four = await report([jpeg(), jpeg(), jpeg(), jpeg()]);
    expect(four.statusCode).toBe(422);
    expect(four.json().error.code).toBe('too_many_photos');

    const huge = await report([jpeg(Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]), 'huge.jpg')]);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'photo_too_large', details: { file: 'huge.jpg' } });

    // Two good photos and a cut-off third: the case and the two good ones are not written either.
    const damaged = await report([jpeg(), { filename: 'good.png', type: 'image/png', bytes: png() }, jpeg(JPEG.subarray(0, 200), 'cut.jpg')]);
    expect(damaged.statusCode).toBe(422);
    expect(damaged.json().error).toMatchObject({ code: 'photo_damaged', details: { file: 'cut.jpg', index: 2 } });
    expect(await counts()).toEqual(before);
  });

  it('a case field that is missing, not JSON or not a valid case, and fields it does not know', async () => {
    const before = await counts();
    const noCase = await call(null, { method: 'POST', url: '/api/v1/public/cases', ...multipartForm([{ name: 'photos', file: jpeg() }]) });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().error.details.issues[0].path).toBe('case');
    const notJson = await call(null, { method: 'POST', url: '/api/v1/public/cases', ...multipartForm([{ name: 'case', value: '{"categoryCode":' }]) });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('malformed_json');
    const badUrgency = await report([jpeg()], { ...CASE, urgency: 'whenever' });
    expect(badUrgency.statusCode).toBe(400);
    expect(badUrgency.json().error.details.issues[0].path).toBe('case.urgency');
    const extra = await call(null, { method: 'POST', url: '/api/v1/public/cases', ...multipartForm([{ name: 'case', value: JSON.stringify(CASE) }, { name: 'attachment', file: jpeg() }]) });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain('attachment');
    const unknownCategory = await report([jpeg()], { ...CASE, categoryCode: 'nope' });
    expect(unknownCategory.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });
});

describe('photos filed by an official or a member', () => {
  const file = (who: Role, photos: Photo[], headers: Record<string, string> = {}) => {
    const body = form(photos, { ...CASE, receivedByUnitId: undefined });
    return call(who, { method: 'POST', url: '/api/v1/cases', payload: body.payload, headers: { ...body.headers, ...headers } });
  };

  it('come with the case on POST /cases too, once per Idempotency-Key', async () => {
    const first = await file('districtOfficial', [jpeg()], { 'idempotency-key': 'photo-once' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await file('districtOfficial', [jpeg()], { 'idempotency-key': 'photo-once' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const other = await file('districtOfficial', [jpeg(JPEG)], { 'idempotency-key': 'photo-once' });
    expect(other.json().error.code).toBe('idempotency_key_reused');
    const view = (await call('districtOfficial', { method: 'GET', url: `/api/v1/cases/${first.json().id}` })).json();
    expect(view.photos).toHaveLength(1);
    expect(view.channel).toBe('official');
  });

  it("let a member who filed their own case see its photos, and nobody's else", async () => {
    const own = await file('member', [{ filename: 'tap.png', type: 'image/png', bytes: png() }]);
    expect(own.statusCode, own.body).toBe(201);
    expect((await call('member', { method: 'GET', url: `/api/v1/cases/${own.json().id}/photos/1` })).statusCode).toBe(200);
    const refused = await file('member', [jpeg(Buffer.from('GIF89a'), 'x.jpg')]);
    expect(refused.json().error.code).toBe('photo_type');
  });
});

describe('photo routes', () => {
  it('limit the tracking door per address like the other tracking routes', async () => {
    const filed = (await report([jpeg(JPEG)])).json();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await call(null, { method: 'GET', url: `/api/v1/track/${filed.trackingToken}/photos/1`, remoteAddress: '203.0.113.9' })).statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it('are in the OpenAPI document: the intake as JSON or multipart, the photos as images', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const intake = doc.paths['/api/v1/public/cases'].post.requestBody.content;
    expect(Object.keys(intake)).toEqual(['application/json', 'multipart/form-data']);
    expect(intake['multipart/form-data'].schema.properties.photos.maxItems).toBe(3);
    expect(intake['application/json'].schema.properties.categoryCode).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/cases/{id}/photos/{position}'].get.responses['200'].content)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(doc.paths['/api/v1/track/{token}/photos/{position}'].get).toBeDefined();
  });
});
