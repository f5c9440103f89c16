import { toApiError } from './client';
import type { paths } from './schema';

/** The path is checked against the OpenAPI document; the body is multipart and the answer a stream. */
const IMPORT_PATH: keyof paths = '/api/v1/imports';

/** One line of the streamed answer, typed from the OpenAPI document like every other call. */
export type ImportEvent = paths['/api/v1/imports']['post']['responses'][200]['content']['application/x-ndjson'];
export type ImportReport = Extract<ImportEvent, { type: 'report' }>['report'];

/**
 * Uploads the CSV files and reads the server's NDJSON answer as it arrives:
 * progress lines while rows are read, then the report.
 */
export async function importFiles(
  files: { units?: File | undefined; members?: File | undefined },
  options: { dryRun: boolean; csrfToken: string | null },
  onEvent: (event: ImportEvent) => void,
): Promise<void> {
  const form = new FormData();
  if (files.units) form.append('units', files.units);
  if (files.members) form.append('members', files.members);
  const response = await fetch(`${IMPORT_PATH}?dryRun=${options.dryRun}`, {
    method: 'POST', body: form, credentials: 'same-origin',
    headers: options.csrfToken ? { 'X-CSRF-Token': options.csrfToken } : {},
  });
  if (!response.ok || !response.body) throw toApiError(response.status, await response.json().catch(() => undefined));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onEvent(JSON.parse(line) as ImportEvent);
    }
    if (done) break;
  }
  if (buffer.trim()) onEvent(JSON.parse(buffer) as ImportEvent);
}
