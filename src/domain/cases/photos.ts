import type { PhotoMediaType } from '../../db/schema-case-photos.ts';
import { invalid } from '../errors.ts';
import { checkUploads, displayName, type Upload, type UploadRules } from '../files/check-uploads.ts';
import { BadImage, ImageTooLarge, PIXEL_LIMITS, type CleanedImage } from './photo-image.ts';
import { cleanJpeg } from './photo-jpeg.ts';
import { cleanPng } from './photo-png.ts';
import { cleanWebp } from './photo-webp.ts';

export type { PhotoMediaType };

/** Up to three photos a case, each up to 5 MiB as sent: a phone photo fits, a video does not. */
export const PHOTO_LIMITS = { count: 3, bytes: 5 * 1024 * 1024, ...PIXEL_LIMITS };

export type PhotoUpload = Upload;
export { displayName };

export interface CleanPhoto extends CleanedImage { mediaType: PhotoMediaType }

/** The type, from the first bytes alone (the declared type and the file name are the sender's word). */
export function sniffPhotoType(bytes: Buffer): PhotoMediaType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

const PHOTO_RULES: UploadRules<PhotoMediaType, CleanPhoto> = {
  field: 'photos',
  limits: PHOTO_LIMITS,
  tooMany: (count) => invalid('too_many_photos', `At most ${PHOTO_LIMITS.count} photos can be sent with a case; ${count} were sent.`, { field: 'photos', count }),
  name: (filename, index) => displayName(filename, index),
  tooLarge: (file, index) => photoTooLarge(file, index),
  sniff: sniffPhotoType,
  wrongType: (file, details) => invalid('photo_type', `"${file}" is not a JPEG, PNG or WebP image (judged by its content, not its name).`, details),
  accept: (upload, mediaType, file, details) => cleanImage(upload.bytes, mediaType, file, details),
};

/**
 * Checks and cleans the photos sent with a case, in order: at most three, each within
 * the size limit, each a JPEG, PNG or WebP by its content, whole and undamaged, with
 * its metadata (the GPS position a phone writes among it) stripped. A refusal names
 * the file, so the sender knows which one to change.
 */
export const cleanPhotos = (uploads: readonly PhotoUpload[]): Promise<CleanPhoto[]> => checkUploads(uploads, PHOTO_RULES);

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
