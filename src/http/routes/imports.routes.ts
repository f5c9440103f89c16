import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeOperator } from '../../domain/access/guard.ts';
import { MEMBER_COLUMNS, UNIT_COLUMNS } from '../../domain/transfer/formats.ts';
import { importOrganization, type ImportReport } from '../../domain/transfer/import-organization.ts';
import { readCsv } from '../../domain/transfer/read-csv.ts';
import { RequestRefused, toErrorPayload } from '../errors.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses } from '../schemas.ts';
import { receiveFiles } from '../uploads.ts';

const tags = ['imports'];
/** Per file. Larger loads (the national members file is half a gigabyte) go through `mainstay import`. */
export const IMPORT_FILE_LIMIT = 64 * 1024 * 1024;
/** Progress lines at most this often. */
const PROGRESS_INTERVAL_MS = 200;
const FILES = ['units', 'members'] as const;

const Problem = z.object({
  file: z.enum(['units', 'members']), line: z.number().describe('1-based, in the file as sent'),
  column: z.string().describe('A column name, several joined by ",", or "*" for the whole line'), reason: z.string(),
});
const Report = z.object({
  units: z.object({ read: z.number(), written: z.number() }),
  members: z.object({
    read: z.number(), written: z.number().describe('added + updated, once committed'),
    added: z.number().describe('New people (or that would be, when not committed)'),
    updated: z.number().describe('Rows matched to a person (by member_code, or an e-mail unique in the file and the organization) that change them; a changed cell is a transfer'),
    unchanged: z.number().describe('Rows matched to a person that change nothing'),
  }),
  problems: z.array(Problem).describe('The first 1,000, units file first, by line'),
  problemCount: z.number(),
  committed: z.boolean().describe('Written: no problem (or skipBad), and not a dry run'),
});
const Event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), file: z.enum(['units', 'members']), rows: z.number().describe('Rows of that file read so far') }),
  z.object({ type: z.literal('report'), report: Report }),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]).describe('One JSON object per line');

type ImportEvent = z.infer<typeof Event>;

/** Validates the query as every route does; the body is left to the handler. */
const queryOnly = <S>(route: Parameters<FastifySchemaCompiler<S>>[0]): ReturnType<FastifySchemaCompiler<S>> =>
  (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]));

export const importsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // Only this plugin's routes parse multipart/form-data; the rest of the API stays JSON.
  await app.register(multipart, { limits: { fileSize: IMPORT_FILE_LIMIT, files: FILES.length, fields: 10, parts: 12 } });

  app.post('/imports', {
    schema: {
      tags,
      summary: 'Import units and members from CSV files (administrators)',
      description: 'The same files as `mainstay import`: units `code,name,level,parent_code` and members '
        + '`member_code,name,cell_code,email,phone` (member_code may be left out; rows are matched to people already there by it, '
        + 'or by an e-mail unique in the file and the organization, and updated or left unchanged), as multipart/form-data file fields `units` and/or `members` '
        + `(at most ${IMPORT_FILE_LIMIT / 1024 / 1024} MiB each). Everything is validated first; with any bad row `
        + 'nothing is written unless skipBad=true, and dryRun=true never writes. The answer streams as NDJSON '
        + '(application/x-ndjson): `progress` lines while rows are read, then one `report` line — or, if the '
        + 'import fails on the way, one `error` line. Refusals before the stream starts (not signed in, not an '
        + 'administrator, no file, not multipart, a file too large) are the usual JSON errors.',
      consumes: ['multipart/form-data'],
      querystring: z.strictObject({
        dryRun: z.enum(['true', 'false']).optional().describe('Validate and report, write nothing'),
        skipBad: z.enum(['true', 'false']).optional().describe('Write the good rows and report the bad ones'),
      }),
      body: z.object({
        units: z.file().optional().describe('units.csv: code,name,level,parent_code'),
        members: z.file().optional().describe('members.csv: member_code,name,cell_code,email,phone'),
      }),
      response: {
        200: { description: 'Progress, then the report', content: { 'application/x-ndjson': { schema: Event } } },
        ...errorResponses,
      },
    },
    // The body is a stream of files the handler reads itself (after checking who
    // asks); its schema above is for the OpenAPI document only.
    validatorCompiler: queryOnly,
  }, async (request, reply) => {
    // Signed in, an administrator, and for a cookie session the CSRF header: checked
    // before a byte of the upload is read.
    const actor = await read(deps, request, async (ctx) => {
      authorizeOperator(ctx, 'import_organization');
      return ctx.actor;
    });
    const uploads = await receiveFiles(request, FILES);
    const { units, members } = uploads.files;
    if (!units && !members) {
      await uploads.remove();
      const message = 'send a units file, a members file, or both';
      throw new RequestRefused(400, 'validation_failed', `body: ${message}`, { issues: [{ in: 'body', path: '', message }] });
    }

    const out = new PassThrough();
    const send = (event: ImportEvent) => out.write(`${JSON.stringify(event)}\n`);
    void (reply as FastifyReply).code(200).header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(out);
    let last: { file: string; at: number } | undefined;
    try {
      const report: ImportReport = await importOrganization(deps.database, actor, deps.clock, {
        ...(units ? { units: readCsv(units, 'units', UNIT_COLUMNS) } : {}),
        ...(members ? { members: readCsv(members, 'members', MEMBER_COLUMNS) } : {}),
      }, {
        dryRun: request.query.dryRun === 'true',
        skipBad: request.query.skipBad === 'true',
        requestId: request.id,
        onProgress: ({ file, rows }) => {
          const now = Date.now();
          if (last?.file === file && now - last.at < PROGRESS_INTERVAL_MS) return;
          last = { file, at: now };
          send({ type: 'progress', file, rows });
        },
      });
      send({ type: 'report', report });
    } catch (error) {
      // The status line has gone out: the failure becomes the stream's last line.
      const payload = toErrorPayload(error);
      if (payload.status >= 500) request.log.error({ err: error }, 'import failed');
      send({ type: 'error', error: { code: payload.code, message: payload.message } });
    } finally {
      out.end();
      await uploads.remove();
    }
    return reply;
  });
};
