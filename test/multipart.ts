import { randomBytes } from 'node:crypto';

/**
 * A multipart/form-data body built by hand, as a browser's FormData sends it: file
 * parts (a filename given) for files, plain parts for fields, in the order given.
 */
export function multipartBody(parts: Array<{ name: string; file?: string; value?: string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----mainstay-test-${randomBytes(8).toString('hex')}`;
  const chunks: string[] = [];
  for (const part of parts) {
    const disposition = part.file === undefined
      ? `Content-Disposition: form-data; name="${part.name}"`
      : `Content-Disposition: form-data; name="${part.name}"; filename="${part.name}.csv"\r\nContent-Type: text/csv`;
    chunks.push(`--${boundary}\r\n${disposition}\r\n\r\n${part.file ?? part.value ?? ''}\r\n`);
  }
  chunks.push(`--${boundary}--\r\n`);
  return { payload: Buffer.from(chunks.join('')), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The lines of an NDJSON answer, parsed. */
export const ndjson = (body: string): Array<Record<string, any>> => body.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));

/** A multipart/form-data body with binary files, each with its own file name and declared type. */
export function multipartForm(parts: Array<{ name: string; value?: string; file?: { filename: string; type: string; bytes: Buffer } }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----mainstay-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.file
      ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.file.filename}"\r\nContent-Type: ${part.file.type}`
      : `Content-Disposition: form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${disposition}\r\n\r\n`), part.file ? part.file.bytes : Buffer.from(part.value ?? ''), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
