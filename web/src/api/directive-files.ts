import type { FileLimits } from '../components/file-picker';
import type { DirectiveView } from './directives';

/** An attachment of a directive or evidence of a report, as listed with it. */
export type DirectiveFile = DirectiveView['files'][number];

/** The server's limits (file-checks.ts), repeated only to warn early: the server judges the bytes. */
export const FILE_LIMITS: FileLimits = {
  count: 5, bytes: 10 * 1024 * 1024,
  accept: 'image/jpeg,image/png,image/webp,application/pdf,text/plain,text/csv,.csv,.txt,.pdf',
};

export const fileUrl = (id: string) => `/api/v1/directive-files/${id}`;

/**
 * The multipart body of a route that takes JSON with files: the same JSON in `field`,
 * the files in `files` (the typed call passes it through its bodySerializer).
 */
export function formWith(field: string, json: unknown, files: File[]): FormData {
  const form = new FormData();
  form.append(field, JSON.stringify(json));
  for (const file of files) form.append('files', file);
  return form;
}
