import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { StoredPhoto } from '../domain/cases/case-photos.ts';
import { PHOTO_LIMITS } from '../domain/cases/photos.ts';

export const PhotoParams = {
  position: z.coerce.number().int().min(1).max(PHOTO_LIMITS.count).describe('1 to 3, in the order the photos were sent'),
};

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/** The 200 answer in the OpenAPI document: the image, in its sniffed type. */
export const photoResponse = {
  description: 'The image as stored: its type sniffed at upload, metadata stripped',
  content: Object.fromEntries(Object.keys(EXTENSIONS).map((type) => [type, { schema: z.string().describe('The image bytes') }])),
};

/**
 * Sends a stored photo so that it can only ever be an image: the type sniffed at
 * upload (and the browser told not to guess another), a policy under which nothing in
 * it may run or load, a sandbox if it is opened as a page, and no embedding elsewhere.
 */
export function sendPhoto(reply: FastifyReply, photo: StoredPhoto) {
  return sendStored(reply, photo.mediaType, `inline; filename="${photo.reference}-${photo.position}.${EXTENSIONS[photo.mediaType]}"`, photo.bytes);
}

/** Sends an upload kept by the application with the headers above; `disposition` is inline for images, else attachment. */
export function sendStored(reply: FastifyReply, contentType: string, disposition: string, bytes: Buffer) {
  return reply
    .type(contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header('content-disposition', disposition)
    .header('cross-origin-resource-policy', 'same-origin')
    // Personal data: kept by this browser only, and checked again after a few minutes.
    .header('cache-control', 'private, max-age=300')
    .send(bytes);
}
