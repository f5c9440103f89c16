import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalid } from '../domain/errors.ts';
import { displayName, PHOTO_LIMITS, photoTooLarge, type PhotoUpload } from '../domain/cases/photos.ts';
import { formLimits, jsonWithFiles, multipartSchema, type JsonWithFilesForm } from './json-with-files.ts';

export { jsonOrMultipartBody, withMultipartAlternative } from './json-with-files.ts';

/** The multipart form of a new case: the JSON body as the `case` field, and up to three `photos`. */
export const CASE_FIELD = 'case';
export const PHOTOS_FIELD = 'photos';

const CASE_FORM: JsonWithFilesForm = {
  what: 'case', field: CASE_FIELD, filesField: PHOTOS_FIELD,
  tooMany: () => invalid('too_many_photos', `At most ${PHOTO_LIMITS.count} photos can be sent with a case.`, { field: PHOTOS_FIELD }),
  tooLarge: (filename, index) => photoTooLarge(displayName(filename, index), index),
};

/** Limits of the multipart plugin on the case routes. */
export const CASE_MULTIPART = formLimits(PHOTO_LIMITS.bytes, PHOTO_LIMITS.count);

export const multipartCaseBody = (what: string) => multipartSchema(CASE_FORM, `${what}, as JSON text`, {
  max: PHOTO_LIMITS.count,
  describe: `Up to ${PHOTO_LIMITS.count} JPEG, PNG or WebP images of at most ${PHOTO_LIMITS.bytes / 1024 / 1024} MiB each (the type is read from the bytes; location and other metadata are stripped)`,
});

/** A new case as sent: the JSON body, or the multipart form with the same JSON in its `case` field and the photos as files. */
export async function caseSubmission<T>(request: FastifyRequest, schema: z.ZodType<T>): Promise<{ body: T; photos: PhotoUpload[] }> {
  const { body, files } = await jsonWithFiles(request, schema, CASE_FORM);
  return { body, photos: files };
}
