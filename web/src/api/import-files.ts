import { toApiError } from './client';
import type { paths } from './schema';

/** The path is checked against the OpenAPI document; the body is multipart and the answer a stream. */
const IMPORT_PATH: keyof paths = '/api/v1/imports';

export interface ImportProblem { file: 'units' | 'members'; line: number; column: string | null; reason: string }
export interface ImportReport {
  units: { read: number; written: number };
  members: { read: number; written: number };
  problems: ImportProblem[];
  problemCount: number;
  committed: boolean;
}
export type ImportEvent =
  | { type: 'progress'; file: 'units' | 'members'; rows: number }
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; error: { code: string; message: string } };

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
