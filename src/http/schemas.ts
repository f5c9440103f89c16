import { z } from 'zod';
import { MULTI_LINE, MULTI_LINE_RULE, normalizeText, SINGLE_LINE, SINGLE_LINE_RULE } from '../domain/text.ts';

/** Shared request and response schemas: they validate input and generate the OpenAPI document. */
export const Id = z.uuid().describe('A unit, person or account id (UUID)');
/**
 * Every text field of a request is one of these two (domain/text.ts has the rule, shared
 * with the CSV importer). Single-line — names, titles, codes, search terms: NFC, trimmed,
 * no control character, line break or bidirectional override; a refusal is a 400 naming the field.
 */
export const singleLine = (max: number) =>
  z.string().overwrite((s) => normalizeText(s, 'single')).trim().max(max).regex(SINGLE_LINE, `must be ${SINGLE_LINE_RULE}`);
/** Multi-line — descriptions, bodies, minutes, notes, reasons: as single-line, but newlines (CRLF and CR read as LF) and tabs are kept. */
export const multiLine = (max: number) =>
  z.string().overwrite((s) => normalizeText(s, 'multi')).trim().max(max).regex(MULTI_LINE, `must have ${MULTI_LINE_RULE}`);
export const Name = singleLine(200).min(1);

export const IdParams = z.strictObject({ id: Id });

export const PageQuery = {
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Items per page (default 50, at most 200)'),
};

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, machine-readable'),
      message: z.string().describe('Readable by a person'),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .describe('Every 4xx and 5xx answer has this shape');

export const errorResponses = {
  400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody,
};

export const UnitRef = z.object({ id: z.string(), name: z.string(), level: z.string() });

export const UnitView = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  ancestors: z.array(UnitRef).describe('From the root down to the parent'),
  counts: z.object({
    units: z.number().describe('Open units below this one'),
    cells: z.number().describe('Open cells in the subtree, this unit included'),
    members: z.number().describe('Members of those cells'),
  }),
  isCell: z.boolean(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  abilities: z.object({
    read: z.boolean(), createChild: z.boolean(), rename: z.boolean(), move: z.boolean(), close: z.boolean(),
    manageOfficials: z.boolean(), addMember: z.boolean(), readMembers: z.boolean(), readAudit: z.boolean(),
  }).describe('What the signed-in actor may do here'),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Created = z.object({ id: z.string() });
