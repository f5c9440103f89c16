// Writes web/src/api/schema.d.ts from the server's OpenAPI document (`npm run api:types`).
// A test fails when the committed file differs from what the routes now describe.
import { writeFile } from 'node:fs/promises';
import { openDatabase } from '../src/db/database.ts';
import { buildServer } from '../src/http/server.ts';
import { API_TYPES_FILE, renderApiTypes } from '../src/http/openapi-types.ts';
import { systemClock } from '../src/platform/clock.ts';

const database = await openDatabase({});
const app = await buildServer({ database, clock: systemClock });
await writeFile(API_TYPES_FILE, await renderApiTypes(app));
await app.close();
await database.close();
console.log(`Wrote ${API_TYPES_FILE.pathname}`);
