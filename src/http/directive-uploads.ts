import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { StoredFile } from '../domain/directives/directive-files.ts';
import { fileName, fileTooLarge, FILE_LIMITS } from '../domain/directives/file-checks.ts';
import { invalid } from '../domain/errors.ts';
import { formLimits, multipartSchema, type JsonWithFilesForm } from './json-with-files.ts';
import { sendStored } from './send-photo.ts';

/** The files of a new directive, of a report, or added to a directive: always the `files` field. */
export const FILES_FIELD = 'files';
export const DIRECTIVE_MULTIPART = formLimits(FILE_LIMITS.bytes, FILE_LIMITS.count);

const filesForm = (what: string, field: string): JsonWithFilesForm => ({
  what, field, filesField: FILES_FIELD,
  tooMany: () => invalid('too_many_files', `At most ${FILE_LIMITS.count} files can be sent at once.`, { field: FILES_FIELD, limit: FILE_LIMITS.count }),
  tooLarge: (filename, index) => fileTooLarge(fileName(filename, index), index),
});
export const DIRECTIVE_FORM = filesForm('directive', 'directive');
export const REPORT_FORM = filesForm('report', 'report');

const FILES_DOC = {
  max: FILE_LIMITS.count,
  describe: `Up to ${FILE_LIMITS.count} files of at most ${FILE_LIMITS.bytes / 1024 / 1024} MiB each: JPEG, PNG or WebP photos (location and other metadata stripped), `
    + 'PDF, or plain UTF-8 text such as CSV. The type is read from the bytes, never from the name.',
};

/** The multipart alternative of a JSON body, for the OpenAPI document. */
export const multipartWithFiles = (form: JsonWithFilesForm) => multipartSchema(form, `The same object as the JSON body, as JSON text`, FILES_DOC);

/** The body of `POST /directives/:id/attachments`. */
export const AttachmentsForm = z.object({
  [FILES_FIELD]: z.array(z.file()).min(1).max(FILE_LIMITS.count).describe(FILES_DOC.describe),
  note: z.string().max(2000).optional().describe('Required once the directive is issued: the amendment note receivers read'),
});

export const FileInfo = z.object({
  id: z.string(), name: z.string(), mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain']),
  size: z.number().int(), kind: z.enum(['attachment', 'evidence']),
  width: z.number().int().nullable().describe('Photos only'), height: z.number().int().nullable().describe('Photos only'),
});

/** The 200 answer in the OpenAPI document: the file, in its sniffed type. */
export const fileResponse = {
  description: 'The file as stored: its type sniffed at upload; photos inline (metadata stripped), anything else as a download',
  content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain'].map((type) => [type, { schema: z.string().describe('The bytes') }])),
};

/**
 * Sends a directive's file so that it can never run as a page: photos inline, PDFs and
 * text only as downloads (a PDF viewer is a program of its own), under its stored name.
 */
export function sendDirectiveFile(reply: FastifyReply, file: StoredFile) {
  const inline = file.mediaType.startsWith('image/');
  const type = file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType;
  return sendStored(reply, type, `${inline ? 'inline' : 'attachment'}; ${dispositionName(file.name)}`, file.bytes);
}

/** RFC 6266: an ASCII name for old clients, the exact one in UTF-8 for the rest. */
function dispositionName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = name.replace(/[^\u0020-\u007e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${ascii}"; filename*=UTF-8''${exact}`;
}
