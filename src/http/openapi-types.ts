import openapiTS, { astToString } from 'openapi-typescript';
import type { FastifyInstance } from 'fastify';

/** Where the web app's API types live: generated from the OpenAPI document, never hand-written. */
export const API_TYPES_FILE = new URL('../../web/src/api/schema.d.ts', import.meta.url);

const HEADER = '// Generated from the OpenAPI document by `npm run api:types`. Do not edit: change the route schemas instead.\n';

/** TypeScript types of every path, request and response in the server's OpenAPI document. */
export async function renderApiTypes(app: FastifyInstance): Promise<string> {
  await app.ready();
  const document = app.swagger() as Parameters<typeof openapiTS>[0];
  return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
}
