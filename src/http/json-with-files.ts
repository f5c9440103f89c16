import { createHash } from 'node:crypto';
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DomainError } from '../domain/errors.ts';
import { RequestRefused } from './errors.ts';
import { receiveFormInMemory } from './uploads.ts';

/**
 * A JSON body that may travel with files: as application/json, or as multipart/form-data
 * with the same JSON in one text field and the files in another (case intake, a new
 * directive with its attachments, a report with its evidence).
 */
export interface JsonWithFilesForm {
  /** What the JSON is, for messages: "case", "directive", "report". */
  what: string;
  /** The text field holding the JSON, and the file field. */
  field: string;
  filesField: string;
  /** The refusal when more files arrive than the multipart plugin allows. */
  tooMany: () => DomainError;
  /** The refusal of a file cut short at the plugin's size limit; sent as a 413. */
  tooLarge: (filename: string, index: number) => DomainError;
}

export interface UploadedFile { filename: string; bytes: Buffer }

/**
 * Limits of the multipart plugin for such a form. The size limit cuts a file short
 * rather than failing the stream, so the refusal can name the file.
 */
export const formLimits = (fileBytes: number, files: number): FastifyMultipartOptions => ({
  throwFileSizeLimit: false,
  limits: { fileSize: fileBytes, files, fields: 4, parts: files + 4, fieldSize: FORM_FIELD_BYTES },
});
/** The longest text field of such a form (its JSON). */
const FORM_FIELD_BYTES = 256 * 1024;

/** The multipart alternative in the OpenAPI document. */
export const multipartSchema = (form: Pick<JsonWithFilesForm, 'field' | 'filesField'>, json: string, files: { max: number; describe: string }, more: z.ZodRawShape = {}) =>
  z.object({
    [form.field]: z.string().max(FORM_FIELD_BYTES).describe(json),
    [form.filesField]: z.array(z.file()).max(files.max).optional().describe(files.describe),
    ...more,
  });

/**
 * Validates the body as JSON by the route's schema, except a multipart body (which the
 * multipart plugin leaves unparsed, as null): the handler reads that and validates its
 * JSON field with the same schema.
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
 * The body as sent: the JSON body, or the multipart form with the same JSON in its
 * text field and the files beside it. Nothing is decided about the files here but what
 * the upload itself shows (too many, cut short); the domain checks the rest.
 */
export async function jsonWithFiles<T>(request: FastifyRequest, schema: z.ZodType<T>, form: JsonWithFilesForm): Promise<{ body: T; files: UploadedFile[] }> {
  if (!request.isMultipart()) {
    if (request.body === undefined || request.body === null) {
      throw bodyRefused('', `send the ${form.what} as application/json, or as multipart/form-data with a ${form.field} field`);
    }
    return { body: request.body as T, files: [] };
  }
  let received;
  try {
    received = await formWithFiles(request, [form.field], form);
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_INVALID_JSON_FIELD_ERROR') throw malformed(form.field);
    throw error;
  }
  const raw = received.fields[form.field];
  if (raw === undefined) throw bodyRefused(form.field, `required: the ${form.what} as JSON text`);
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try { parsed = JSON.parse(raw); } catch { throw malformed(form.field); }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ in: 'body', path: [form.field, ...i.path.map(String)].join('.'), message: i.message }));
    throw new RequestRefused(400, 'validation_failed', `body ${issues[0]!.path}: ${issues[0]!.message}`, { issues });
  }
  return { body: result.data, files: received.files };
}

/**
 * A small multipart form in memory: the named text fields and the files of one field,
 * refused with the form's own words when there are too many files or one is cut short.
 */
export async function formWithFiles<F extends string>(request: FastifyRequest, fields: readonly F[], form: Pick<JsonWithFilesForm, 'filesField' | 'tooMany' | 'tooLarge'>) {
  let received;
  try {
    received = await receiveFormInMemory(request, { fields, files: form.filesField });
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw form.tooMany();
    throw error;
  }
  const tooLarge = received.files.findIndex((f) => f.truncated);
  if (tooLarge >= 0) {
    const refusal = form.tooLarge(received.files[tooLarge]!.filename, tooLarge);
    throw new RequestRefused(413, refusal.code, refusal.message, refusal.details);
  }
  return { fields: received.fields, files: received.files.map((f): UploadedFile => ({ filename: f.filename, bytes: f.bytes })) };
}

/** What the Idempotency-Key compares for a multipart body: the JSON and the files' digests. */
export const bodyWithFileDigests = (body: unknown, filesField: string, files: readonly UploadedFile[]): unknown =>
  (files.length ? { ...(body as object), [filesField]: files.map((f) => createHash('sha256').update(f.bytes).digest('hex')) } : body);

const bodyRefused = (path: string, message: string) =>
  new RequestRefused(400, 'validation_failed', `body ${path || '(root)'}: ${message}`, { issues: [{ in: 'body', path, message }] });

const malformed = (field: string) => new RequestRefused(400, 'malformed_json', `The ${field} field is not valid JSON.`, { field });
