import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { RequestRefused } from './errors.ts';

export interface Uploads<N extends string> {
  /** The path of each file that was sent, by field name. */
  files: Partial<Record<N, string>>;
  /** Removes the files; call it whatever happened. */
  remove(): Promise<void>;
}

/**
 * Saves the files of a multipart/form-data request to a temporary folder, one per
 * expected field, so that they can be read in the order the reader needs (units
 * before members) whatever order they were sent in. Anything else in the form — an
 * unknown field, a field sent twice, a plain text field — refuses the request, as
 * does a file over the size limit of the multipart plugin (413).
 */
export async function receiveFiles<N extends string>(request: FastifyRequest, names: readonly N[]): Promise<Uploads<N>> {
  if (!request.isMultipart()) {
    throw new RequestRefused(415, 'unsupported_media_type', `Send the files as multipart/form-data, in the fields ${names.join(' and ')}.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'mainstay-upload-'));
  const uploads: Uploads<N> = { files: {}, remove: () => rm(dir, { recursive: true, force: true }) };
  try {
    for await (const part of request.parts()) {
      const name = part.fieldname as N;
      if (part.type !== 'file' || !names.includes(name)) {
        if (part.type === 'file') part.file.resume(); // let the rest of it pass
        throw invalidPart(part.fieldname, `unexpected ${part.type === 'file' ? 'file' : 'field'}; send the files in the fields ${names.join(', ')} (options go in the query)`);
      }
      if (uploads.files[name]) throw invalidPart(name, 'sent twice');
      const path = join(dir, `${name}.csv`);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new RequestRefused(413, 'file_too_large', `The ${name} file is larger than allowed.`, { field: name });
      uploads.files[name] = path;
    }
    return uploads;
  } catch (error) {
    await uploads.remove();
    throw malformedForm(error);
  }
}

/**
 * The multipart parser's refusals of a malformed form (no boundary, cut short, a bad
 * part header) are plain errors: a 400 in the error shape, not a 500.
 */
function malformedForm(error: unknown): unknown {
  const e = error as { code?: unknown; statusCode?: unknown };
  if (error instanceof Error && !(error instanceof RequestRefused) && e.code === undefined && e.statusCode === undefined
    && /multipart|boundary|part header|end of form/i.test(error.message)) {
    return new RequestRefused(400, 'malformed_multipart', 'The multipart/form-data body is malformed (no boundary, a bad part header, or cut short).');
  }
  return error;
}

const invalidPart = (field: string, message: string) =>
  new RequestRefused(400, 'validation_failed', `body ${field}: ${message}`, { issues: [{ in: 'body', path: field, message }] });

export interface FormInMemory<F extends string> {
  /** Each expected text field that was sent (a JSON part arrives already parsed). */
  fields: Partial<Record<F, unknown>>;
  /** The files of the one file field, in the order sent; `truncated` past the plugin's size limit. */
  files: Array<{ filename: string; bytes: Buffer; truncated: boolean }>;
}

/**
 * Reads a small multipart/form-data request into memory: the named text fields, and
 * any number of files in one field (the multipart plugin's limits bound both). An
 * unknown field or file, or a field sent twice, refuses the request. A file over the
 * size limit is kept short and marked, for the caller to name in its refusal; the
 * plugin's own limits (files, parts, fields) arrive as its errors.
 */
export async function receiveFormInMemory<F extends string>(request: FastifyRequest, spec: { fields: readonly F[]; files: string }): Promise<FormInMemory<F>> {
  const form: FormInMemory<F> = { fields: {}, files: [] };
  const expected = `the fields ${spec.fields.join(', ')} and files in ${spec.files}`;
  try {
    await readForm(request, spec, form, expected);
  } catch (error) {
    throw malformedForm(error);
  }
  return form;
}

async function readForm<F extends string>(request: FastifyRequest, spec: { fields: readonly F[]; files: string }, form: FormInMemory<F>, expected: string) {
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== spec.files) {
        part.file.resume();
        throw invalidPart(part.fieldname, `unexpected file; send ${expected}`);
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      form.files.push({ filename: part.filename, bytes: Buffer.concat(chunks), truncated: part.file.truncated });
      continue;
    }
    const name = part.fieldname as F;
    if (!spec.fields.includes(name)) throw invalidPart(part.fieldname, `unexpected field; send ${expected}`);
    if (name in form.fields) throw invalidPart(name, 'sent twice');
    if (part.valueTruncated) throw new RequestRefused(413, 'body_too_large', `The ${name} field is larger than allowed.`, { field: name });
    form.fields[name] = part.value;
  }
}
