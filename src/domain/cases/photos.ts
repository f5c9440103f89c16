import type { PhotoMediaType } from '../../db/schema-case-photos.ts';
import { invalid } from '../errors.ts';
import { BadImage, ImageTooLarge, PIXEL_LIMITS, type CleanedImage } from './photo-image.ts';
import { cleanJpeg } from './photo-jpeg.ts';
import { cleanPng } from './photo-png.ts';
import { cleanWebp } from './photo-webp.ts';

export type { PhotoMediaType };

/** Up to three photos a case, each up to 5 MiB as sent: a phone photo fits, a video does not. */
export const PHOTO_LIMITS = { count: 3, bytes: 5 * 1024 * 1024, ...PIXEL_LIMITS };

/** A file as it arrived: the name is only for messages, never for deciding what it is. */
export interface PhotoUpload { filename: string; bytes: Buffer }

export interface CleanPhoto extends CleanedImage { mediaType: PhotoMediaType }

/** The type, from the first bytes alone (the declared type and the file name are the sender's word). */
export function sniffPhotoType(bytes: Buffer): PhotoMediaType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/**
 * Checks and cleans the photos sent with a case, in order: at most three, each within
 * the size limit, each a JPEG, PNG or WebP by its content, whole and undamaged, with
 * its metadata (the GPS position a phone writes among it) stripped. A refusal names
 * the file, so the sender knows which one to change.
 */
export async function cleanPhotos(uploads: readonly PhotoUpload[]): Promise<CleanPhoto[]> {
  if (uploads.length > PHOTO_LIMITS.count) {
    throw invalid('too_many_photos', `At most ${PHOTO_LIMITS.count} photos can be sent with a case; ${uploads.length} were sent.`, { field: 'photos', count: uploads.length });
  }
  const cleaned: CleanPhoto[] = [];
  for (const [index, upload] of uploads.entries()) cleaned.push(await cleanPhoto(upload, index));
  return cleaned;
}

async function cleanPhoto(upload: PhotoUpload, index: number): Promise<CleanPhoto> {
  const file = displayName(upload.filename, index);
  const details = { field: 'photos', index, file };
  if (upload.bytes.length > PHOTO_LIMITS.bytes) throw photoTooLarge(file, index);
  const mediaType = sniffPhotoType(upload.bytes);
  if (!mediaType) throw invalid('photo_type', `"${file}" is not a JPEG, PNG or WebP image (judged by its content, not its name).`, details);
  return cleanImage(upload.bytes, mediaType, file, details);
}

/**
 * Checks an image whose type was sniffed and strips its metadata; a refusal names
 * `file` and carries `details`. Shared by every upload that takes photos.
 */
export async function cleanImage(bytes: Buffer, mediaType: PhotoMediaType, file: string, details: Record<string, unknown>): Promise<CleanPhoto> {
  try {
    const image = mediaType === 'image/jpeg' ? cleanJpeg(bytes) : mediaType === 'image/png' ? await cleanPng(bytes) : cleanWebp(bytes);
    return { mediaType, ...image };
  } catch (error) {
    if (error instanceof ImageTooLarge) {
      throw invalid('photo_dimensions', `"${file}" is ${error.message}; at most ${PHOTO_LIMITS.side} on a side and ${PHOTO_LIMITS.pixels / 1_000_000} megapixels.`, details);
    }
    if (error instanceof BadImage) throw invalid('photo_damaged', `"${file}" is damaged or incomplete: ${error.message}.`, { ...details, reason: error.message });
    throw error;
  }
}

export const photoTooLarge = (file: string, index: number) =>
  invalid('photo_too_large', `"${file}" is larger than ${PHOTO_LIMITS.bytes / 1024 / 1024} MiB.`, { field: 'photos', index, file, limitBytes: PHOTO_LIMITS.bytes });

/** The sender's file name, made safe to repeat in a message; a number when there is none. */
export function displayName(filename: string, index: number, fallback = 'photo'): string {
  // eslint-disable-next-line no-control-regex
  const clean = filename.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return clean || `${fallback} ${index + 1}`;
}
