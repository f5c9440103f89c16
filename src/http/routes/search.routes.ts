import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchDirectory, SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, SEARCH_MIN_LENGTH } from '../../domain/search/search-directory.ts';
import { read, type AppDeps } from '../request-context.ts';
import { errorResponses, Id, singleLine } from '../schemas.ts';

const tags = ['search'];

const SearchResult = z.object({
  units: z.array(z.object({
    id: z.string(), name: z.string(), level: z.string(), isCell: z.boolean(),
    path: z.string().describe('Names of the ancestors below the root, top first, joined by " › "'),
  })),
  people: z.array(z.object({
    id: z.string(), name: z.string(), cellId: z.string(), cellName: z.string(),
    cellPath: z.string().describe("Names of the cell's ancestors below the root, top first, joined by \" › \""),
  })),
});

export const searchRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/search', {
    schema: {
      tags,
      summary: 'Find units and people by part of their name, anywhere in your scope',
      description: 'Case-insensitive. Administrators search everything, officials their units and all below, '
        + 'members their own cell. Best matches first: the whole name, then the start of a word, then anywhere; '
        + `a query of ${SEARCH_MIN_LENGTH} characters matches word starts only. Open units only. `
        + `Up to \`limit\` of each kind (default ${SEARCH_DEFAULT_LIMIT}).`,
      querystring: z.strictObject({
        q: singleLine(100).min(SEARCH_MIN_LENGTH).regex(/[\p{L}\p{N}]/u, 'needs a letter or digit').describe('Part of a name'),
        kind: z.enum(['unit', 'person', 'all']).optional().describe('What to find (default all)'),
        level: singleLine(40).min(1).optional().describe('Units of this level only (a level key, e.g. the cell level for a cell picker)'),
        within: Id.optional().describe('Only inside this unit (the unit included)'),
        limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).optional().describe(`Of each kind (default ${SEARCH_DEFAULT_LIMIT}, at most ${SEARCH_MAX_LIMIT})`),
      }),
      response: { 200: SearchResult, ...errorResponses },
    },
  }, (request) => read(deps, request, (ctx) => searchDirectory(ctx, request.query)));
};
