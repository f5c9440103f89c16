import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addAttachments } from '../../domain/directives/add-attachments.ts';
import { readDirectiveFile } from '../../domain/directives/directive-files.ts';
import { AttachmentsForm, DIRECTIVE_FORM, DIRECTIVE_MULTIPART, FileInfo, fileResponse, FILES_FIELD, sendDirectiveFile } from '../directive-uploads.ts';
import { RequestRefused } from '../errors.ts';
import { bodyWithFileDigests, formWithFiles, jsonOrMultipartBody } from '../json-with-files.ts';
import { command, read, type AppDeps } from '../request-context.ts';
import { errorResponses, IdParams, multiLine } from '../schemas.ts';

const tags = ['directives'];
const Note = multiLine(2000).optional();

/** Attachments added to a directive after it was drafted, and every directive file served. */
export const directiveFilesRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  await app.register(multipart, DIRECTIVE_MULTIPART);

  app.post('/directives/:id/attachments', {
    schema: {
      tags, summary: 'Attach files to a directive (the issuing unit and those above)',
      description: 'multipart/form-data: files in `files`, and a `note`. A draft takes files freely; an issued directive only with a note, '
        + 'as an amendment (a new version listing the files, which receivers acknowledge again); a withdrawn one none. '
        + 'At most five files a directive, all written or none.',
      consumes: ['multipart/form-data'],
      params: IdParams, body: AttachmentsForm,
      response: { 201: z.object({ files: z.array(FileInfo), version: z.number().int().describe('The version the files joined (0: the draft)') }), ...errorResponses },
    },
    validatorCompiler: jsonOrMultipartBody,
  }, async (request, reply) => {
    // Who asks (and, with the cookie, the CSRF header) is checked before the upload is read.
    await read(deps, request, async () => undefined);
    if (!request.isMultipart()) throw new RequestRefused(415, 'unsupported_media_type', `Send the files as multipart/form-data in the ${FILES_FIELD} field.`);
    const { fields, files } = await formWithFiles(request, ['note'], DIRECTIVE_FORM);
    const note = Note.safeParse(fields.note);
    if (!note.success) {
      const message = note.error.issues[0]!.message;
      throw new RequestRefused(400, 'validation_failed', `body note: ${message}`, { issues: [{ in: 'body', path: 'note', message }] });
    }
    request.body = bodyWithFileDigests({ note: note.data }, FILES_FIELD, files) as typeof request.body;
    return command(deps, request, reply, 201, (ctx) => addAttachments(ctx, request.params.id, { files, note: note.data }));
  });

  app.get('/directive-files/:id', {
    schema: {
      tags, summary: "A directive's attachment or a report's evidence, for whoever may read the directive or the assignment",
      params: IdParams, response: { 200: fileResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await read(deps, request, (ctx) => readDirectiveFile(ctx, request.params.id));
    return sendDirectiveFile(reply, file);
  });
};
