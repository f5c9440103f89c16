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
    throw error;
  }
}

const invalidPart = (field: string, message: string) =>
  new RequestRefused(400, 'validation_failed', `body ${field}: ${message}`, { issues: [{ in: 'body', path: field, message }] });
