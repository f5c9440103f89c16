import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../domain/errors.ts';
import { displayName, PHOTO_LIMITS, photoTooLarge, type PhotoUpload } from '../domain/cases/photos.ts';
import { RequestRefused } from './errors.ts';
import { receiveFormInMemory } from './uploads.ts';

/** The multipart form of a new case: the JSON body as the `case` field, and up to three `photos`. */
export const CASE_FIELD = 'case';
export const PHOTOS_FIELD = 'photos';

/**
 * Limits of the multipart plugin on the case routes. The size limit cuts a file short
 * rather than failing the stream, so the refusal can name the file.
 */
export const CASE_MULTIPART: FastifyMultipartOptions = {
  throwFileSizeLimit: false,
  limits: { fileSize: PHOTO_LIMITS.bytes, files: PHOTO_LIMITS.count, fields: 4, parts: PHOTO_LIMITS.count + 4, fieldSize: 256 * 1024 },
};

export const multipartCaseBody = (what: string) => z.object({
  [CASE_FIELD]: z.string().describe(`${what}, as JSON text`),
  [PHOTOS_FIELD]: z.array(z.file()).max(PHOTO_LIMITS.count).optional()
    .describe(`Up to ${PHOTO_LIMITS.count} JPEG, PNG or WebP images of at most ${PHOTO_LIMITS.bytes / 1024 / 1024} MiB each (the type is read from the bytes; location and other metadata are stripped)`),
});

/**
 * Validates the body as JSON by the route's schema, except a multipart body (which the
 * multipart plugin leaves unparsed, as null): the handler reads that and validates its
 * `case` field with the same schema.
 */
export const jsonOrMultipartBody = <S>(route: Parameters<FastifySchemaCompiler<S>>[0]): ReturnType<FastifySchemaCompiler<S>> => {
  const validate = validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]);
  if (route.httpPart !== 'body') return validate;
  return (data: unknown) => (data === undefined || data === null ? { value: undefined } : validate(data));
};

/** Documents the route's JSON body and its multipart alternative side by side in the OpenAPI document. */
export const withMultipartAlternative = (multipart: z.ZodType): SwaggerTransform => (input) => {
  const json = jsonSchemaTransform(input);
  const form = jsonSchemaTransform({ ...input, schema: { ...input.schema, body: multipart } } as typeof input);
  const body = (json.schema as { body?: unknown }).body;
  const formBody = (form.schema as { body?: unknown }).body;
  return { ...json, schema: { ...json.schema, body: { content: { 'application/json': { schema: body }, 'multipart/form-data': { schema: formBody } } } } };
};

/**
 * A new case as sent: the JSON body, or the multipart form with the same JSON in its
 * `case` field and the photos as files. Nothing is decided about the photos here but
 * what the upload itself shows (too many, cut short); the domain checks the rest.
 */
export async function caseSubmission<T>(request: FastifyRequest, schema: z.ZodType<T>): Promise<{ body: T; photos: PhotoUpload[] }> {
  if (!request.isMultipart()) {
    if (request.body === undefined || request.body === null) throw bodyRefused('', 'send the case as application/json, or as multipart/form-data with a case field');
    return { body: request.body as T, photos: [] };
  }
  let form;
  try {
    form = await receiveFormInMemory(request, { fields: [CASE_FIELD], files: PHOTOS_FIELD });
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') {
      throw invalid('too_many_photos', `At most ${PHOTO_LIMITS.count} photos can be sent with a case.`, { field: PHOTOS_FIELD });
    }
    if ((error as { code?: string }).code === 'FST_INVALID_JSON_FIELD_ERROR') throw malformedCase();
    throw error;
  }
  const tooLarge = form.files.findIndex((f) => f.truncated);
  if (tooLarge >= 0) {
    const refusal = photoTooLarge(displayName(form.files[tooLarge]!.filename, tooLarge), tooLarge);
    throw new RequestRefused(413, refusal.code, refusal.message, refusal.details);
  }
  const raw = form.fields[CASE_FIELD];
  if (raw === undefined) throw bodyRefused(CASE_FIELD, 'required: the case as JSON text');
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try { parsed = JSON.parse(raw); } catch { throw malformedCase(); }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ in: 'body', path: [CASE_FIELD, ...i.path.map(String)].join('.'), message: i.message }));
    throw new RequestRefused(400, 'validation_failed', `body ${issues[0]!.path}: ${issues[0]!.message}`, { issues });
  }
  return { body: result.data, photos: form.files.map((f) => ({ filename: f.filename, bytes: f.bytes })) };
}

const bodyRefused = (path: string, message: string) =>
  new RequestRefused(400, 'validation_failed', `body ${path || '(root)'}: ${message}`, { issues: [{ in: 'body', path, message }] });

const malformedCase = () => new RequestRefused(400, 'malformed_json', `The ${CASE_FIELD} field is not valid JSON.`, { field: CASE_FIELD });
