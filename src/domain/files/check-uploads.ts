import type { DomainError } from '../errors.ts';

/** A file as it arrived: the name is the sender's word, only for messages, never for deciding what it is. */
export interface Upload { filename: string; bytes: Buffer }

/** Where the refusals of one named file point: the form field, the file's place, its name. */
export interface UploadDetails { field: string; index: number; file: string; [key: string]: unknown }

/**
 * What one kind of upload accepts (case photos, directive and report files). The rules
 * say what is refused and how; `checkUploads` applies them in one order for every kind.
 */
export interface UploadRules<Type extends string, Result> {
  field: string;
  /** How many files may be stored in all, and the largest size of each as sent. */
  limits: { count: number; bytes: number };
  /** The refusal when `already` stored plus `count` sent exceed the limit. */
  tooMany(count: number, already: number): DomainError;
  /** The sender's name made safe to repeat in a message. */
  name(filename: string, index: number): string;
  tooLarge(file: string, index: number): DomainError;
  /** The type from the bytes alone; undefined refuses the file with `wrongType`. */
  sniff(bytes: Buffer): Type | undefined;
  wrongType(file: string, details: UploadDetails): DomainError;
  /** Checks the content further (a photo whole, its metadata stripped) and shapes the result. */
  accept(upload: Upload, type: Type, file: string, details: UploadDetails): Promise<Result>;
}

/**
 * The one upload check: the count first (with `already` stored), then each file in
 * order — within the size limit, of an accepted type judged by its content, accepted
 * by the kind's own check. The first refusal names its file and stops the whole request.
 */
export async function checkUploads<Type extends string, Result>(uploads: readonly Upload[], rules: UploadRules<Type, Result>, already = 0): Promise<Result[]> {
  if (already + uploads.length > rules.limits.count) throw rules.tooMany(uploads.length, already);
  const results: Result[] = [];
  for (const [index, upload] of uploads.entries()) {
    const file = rules.name(upload.filename, index);
    const details: UploadDetails = { field: rules.field, index, file };
    if (upload.bytes.length > rules.limits.bytes) throw rules.tooLarge(file, index);
    const type = rules.sniff(upload.bytes);
    if (!type) throw rules.wrongType(file, details);
    results.push(await rules.accept(upload, type, file, details));
  }
  return results;
}

/** The sender's file name, made safe to repeat in a message; `<fallback> N` when there is none. */
export function displayName(filename: string, index: number, fallback = 'photo'): string {
  // eslint-disable-next-line no-control-regex
  const clean = filename.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return clean || `${fallback} ${index + 1}`;
}
