import type { DirectiveFileType } from '../../db/schema-directive-files.ts';
import { cleanImage, sniffPhotoType } from '../cases/photos.ts';
import { checkUploads, displayName, type Upload, type UploadRules } from '../files/check-uploads.ts';
import { invalid } from '../errors.ts';

export type { DirectiveFileType };

/**
 * Five files a directive and five a report, 10 MiB each as sent: a scanned circular, a
 * spreadsheet exported as CSV, phone photos of the work done. A request is read into
 * memory (at most 50 MiB), and only from a signed-in official.
 */
export const FILE_LIMITS = { count: 5, bytes: 10 * 1024 * 1024 };

export type FileUpload = Upload;

export interface CheckedFile { name: string; mediaType: DirectiveFileType; bytes: Buffer; width: number | null; height: number | null }

/** The extensions a name may keep for each type; any other gets the first one added. */
const EXTENSIONS: Record<DirectiveFileType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'image/webp': ['webp'],
  'application/pdf': ['pdf'], 'text/plain': ['txt', 'csv', 'tsv', 'md'],
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The type, from the bytes alone: a photo (JPEG, PNG, WebP), a PDF (`%PDF-`), or plain
 * text — valid UTF-8 with no NUL or other control characters but tab, line breaks and
 * form feed, and not starting with `<` (HTML, SVG and XML do; a note or a CSV does not).
 * Executables, archives, office files and markup are refused: they can carry code, and
 * the receivers are many.
 */
export function sniffFileType(bytes: Buffer): DirectiveFileType | undefined {
  const photo = sniffPhotoType(bytes);
  if (photo) return photo;
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return isPlainText(bytes) ? 'text/plain' : undefined;
}

function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  let text: string;
  try {
    text = utf8.decode(bytes); // a leading byte-order mark is consumed here
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !text.trimStart().startsWith('<');
}

const FILE_RULES: UploadRules<DirectiveFileType, CheckedFile> = {
  field: 'files',
  limits: FILE_LIMITS,
  tooMany: (count, already) => invalid('too_many_files', `At most ${FILE_LIMITS.count} files can be attached${already ? ` (${already} already are)` : ''}; ${count} were sent.`,
    { field: 'files', count, already, limit: FILE_LIMITS.count }),
  name: (filename, index) => fileName(filename, index),
  tooLarge: (file, index) => fileTooLarge(file, index),
  sniff: sniffFileType,
  wrongType: (file, details) => invalid('file_type', `"${file}" is not a photo (JPEG, PNG, WebP), a PDF or plain text (judged by its content, not its name).`, details),
  async accept(upload, mediaType, file, details) {
    const name = withExtension(file, mediaType);
    if (mediaType === 'application/pdf' || mediaType === 'text/plain') return { name, mediaType, bytes: upload.bytes, width: null, height: null };
    const image = await cleanImage(upload.bytes, mediaType, file, details);
    return { name, mediaType, bytes: image.bytes, width: image.width, height: image.height };
  },
};

/**
 * Checks files sent with a directive or a report, in order: with the `already` stored
 * at most FILE_LIMITS.count, each within the size limit and of an allowed type by its
 * content; photos whole and stripped of their metadata (the GPS position among it),
 * other files kept as sent. A refusal names the file.
 */
export const checkFiles = (uploads: readonly FileUpload[], already = 0): Promise<CheckedFile[]> => checkUploads(uploads, FILE_RULES, already);

export const fileTooLarge = (file: string, index: number) =>
  invalid('file_too_large', `"${file}" is larger than ${FILE_LIMITS.bytes / 1024 / 1024} MiB.`, { field: 'files', index, file, limitBytes: FILE_LIMITS.bytes });

/** The sender's name without any folder, safe to repeat in a message; "file N" when there is none. */
export const fileName = (filename: string, index: number) => displayName(filename.split(/[/\\]/).pop() ?? '', index, 'file');

/** A PDF named `.exe`, or text named `.html`, is saved by receivers under an honest extension. */
function withExtension(name: string, mediaType: DirectiveFileType): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return EXTENSIONS[mediaType].includes(extension) ? name : `${name}.${EXTENSIONS[mediaType][0]}`;
}
