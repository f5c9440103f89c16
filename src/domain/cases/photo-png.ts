import { createInflate, crc32 } from 'node:zlib';
import { BadImage, expectDimensions, expectImage, type CleanedImage } from './photo-image.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Ancillary chunks that change how the picture looks (transparency, colour, pixel ratio,
// animation) are kept; every other one goes — text (tEXt, zTXt, iTXt), EXIF (eXIf, which
// can hold a GPS position), time stamps, and private chunks nobody here can read.
const KEEP = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT']);
const CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Samples per pixel and the bit depths allowed, by colour type. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
// Adam7 interlacing: where each of the seven passes starts and how far it steps.
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/**
 * Drops the chunks that describe the picture rather than draw it, keeping the rest byte
 * for byte. Every chunk's CRC is checked, the header must come first and the end chunk
 * last, and the compressed image data must inflate to exactly the rows the header
 * promises (counted as it streams, never held: a small file that would inflate to
 * gigabytes is refused as soon as it overshoots).
 */
export async function cleanPng(input: Buffer): Promise<CleanedImage> {
  expectImage(input.length > SIGNATURE.length && input.subarray(0, 8).equals(SIGNATURE), 'no PNG signature');
  const kept: Buffer[] = [SIGNATURE];
  const data: Buffer[] = [];
  let header: { width: number; height: number; depth: number; colourType: number; interlaced: boolean } | undefined;
  let palette = false;
  let pos = 8;
  for (;;) {
    expectImage(pos + 12 <= input.length, 'it ends before the end chunk');
    const length = input.readUInt32BE(pos);
    const end = pos + 12 + length;
    expectImage(length < 0x80000000 && end <= input.length, 'it ends inside a chunk');
    const type = input.toString('latin1', pos + 4, pos + 8);
    expectImage(/^[A-Za-z]{4}$/.test(type), 'a damaged chunk');
    expectImage(crc32(input.subarray(pos + 4, pos + 8 + length)) === input.readUInt32BE(pos + 8 + length), `the ${type} chunk is damaged (its checksum does not match)`);
    const chunk = input.subarray(pos, end);
    const body = input.subarray(pos + 8, pos + 8 + length);
    pos = end;
    if (!header) {
      expectImage(type === 'IHDR' && length === 13, 'the header chunk is not first');
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colourType: body[9]!, interlaced: body[12] === 1 };
      const colour = COLOUR_TYPES[header.colourType];
      expectImage(colour && colour.depths.includes(header.depth), 'an impossible colour type or bit depth');
      expectImage(body[10] === 0 && body[11] === 0 && body[12]! <= 1, 'an unknown compression, filter or interlace method');
      expectImage(header.width > 0 && header.height > 0, 'no width or height');
      expectDimensions(header.width, header.height);
      kept.push(chunk);
      continue;
    }
    if (type === 'IEND') {
      kept.push(chunk);
      break; // anything after the end is not part of the picture
    }
    if (type === 'IDAT') data.push(body);
    if (type === 'PLTE') palette = true;
    if (CRITICAL.has(type)) kept.push(chunk);
    else if (type.charCodeAt(0) < 0x61) throw new BadImage(`an unknown critical chunk ${type}`);
    else if (KEEP.has(type)) kept.push(chunk);
  }
  expectImage(header, 'no header');
  expectImage(data.length > 0, 'no image data');
  expectImage(header.colourType !== 3 || palette, 'a palette image without its palette');
  const expected = imageDataSize(header);
  const inflated = await inflatedSize(data, expected);
  expectImage(inflated >= expected, 'the image data is incomplete');
  return { bytes: Buffer.concat(kept), width: header.width, height: header.height };
}

/** Bytes of filtered scanlines the header promises (a filter byte per row, per interlace pass). */
function imageDataSize(h: { width: number; height: number; depth: number; colourType: number; interlaced: boolean }): number {
  const bitsPerPixel = COLOUR_TYPES[h.colourType]!.channels * h.depth;
  const rows = (width: number, height: number) => (width === 0 || height === 0 ? 0 : height * (1 + Math.ceil((width * bitsPerPixel) / 8)));
  if (!h.interlaced) return rows(h.width, h.height);
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((h.width - x0) / dx), Math.ceil((h.height - y0) / dy)), 0);
}

/** Inflates the image data counting bytes only, stopping once it passes `limit`. */
function inflatedSize(data: Buffer[], limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflate();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => reject(new BadImage('the image data does not decompress')));
    for (const part of data) inflate.write(part);
    inflate.end();
  });
}
