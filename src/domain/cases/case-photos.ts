import { authorize } from '../access/guard.ts';
import { withSystemScope, type Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { casePolicy, placedCase } from './case-policy.ts';
import type { CleanPhoto, PhotoMediaType } from './photos.ts';

export interface PhotoInfo { position: number; mediaType: PhotoMediaType; size: number; width: number; height: number }
export interface StoredPhoto { mediaType: PhotoMediaType; bytes: Buffer; reference: string; position: number }

/** Stores cleaned photos with a new case, numbered 1… in the order they were sent; in the caller's transaction. */
export async function storeCasePhotos(ctx: Ctx, caseId: string, photos: readonly CleanPhoto[]): Promise<void> {
  if (photos.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db.insertInto('case_photos').values(photos.map((p, index) => ({
    case_id: caseId, position: index + 1, media_type: p.mediaType, bytes: p.bytes, size: p.bytes.length,
    width: p.width, height: p.height, created_at: now,
  }))).execute();
}

/** What a case's photos are, without their bytes; the reader must already be allowed to see the case. */
export async function casePhotoList(ctx: Ctx, caseId: string): Promise<PhotoInfo[]> {
  const rows = await ctx.db.selectFrom('case_photos').select(['position', 'media_type', 'size', 'width', 'height'])
    .where('case_id', '=', caseId).orderBy('position').execute();
  return rows.map((r) => ({ position: r.position, mediaType: r.media_type, size: r.size, width: r.width, height: r.height }));
}

/** One photo of a case, for an official (or the member who filed it) who may read the case. */
export async function readCasePhoto(ctx: Ctx, caseId: string, position: number): Promise<StoredPhoto> {
  const row = await withSystemScope(ctx, () => ctx.db.selectFrom('cases').select(['id', 'reference', 'owner_path', 'involved_path', 'requester_person_id'])
    .where('id', '=', caseId).executeTakeFirst());
  if (!row) throw notFound('case', caseId);
  authorize(casePolicy.read(ctx.actor, placedCase(row)), false, 'case', caseId, 'read_case');
  // Read in the actor's own scope: row-level security is the second wall.
  return photoAt(ctx, row, position);
}

/** One photo of the case a tracking token opens; the caller has already found the case by its token. */
/** Through the tracking door: the token opened the case, and with it its photos. */
export async function readTrackedPhoto(ctx: Ctx, found: { id: string; reference: string }, position: number): Promise<StoredPhoto> {
  return photoAt(ctx, found, position);
}

async function photoAt(ctx: Ctx, found: { id: string; reference: string }, position: number): Promise<StoredPhoto> {
  const photo = await ctx.db.selectFrom('case_photos').select(['media_type', 'bytes'])
    .where('case_id', '=', found.id).where('position', '=', position).executeTakeFirst();
  if (!photo) throw new DomainError('not_found', 'photo_not_found', `Case ${found.reference} has no photo ${position}.`, { position });
  return { mediaType: photo.media_type, bytes: photo.bytes, reference: found.reference, position };
}
