import { BadImage, expectDimensions, expectImage, type CleanedImage } from './photo-image.ts';

// In the extended format, what draws the picture: its header, colour profile, animation,
// alpha and frames. EXIF and XMP (where a GPS position would be) and unknown chunks go.
const KEEP = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);
const FLAG_EXIF = 0x08;
const FLAG_XMP = 0x04;
const FLAG_ANIMATION = 0x02;

interface Chunk { fourcc: string; data: Buffer }

/**
 * Rewrites the RIFF container without the EXIF and XMP chunks and with their flags
 * cleared in the VP8X header; the image's own chunks are copied byte for byte. Every
 * chunk must fit in the declared sizes (a truncated file does not), and the frame
 * header of the image must be a real VP8 key frame or VP8L header.
 */
export function cleanWebp(input: Buffer): CleanedImage {
  expectImage(input.length >= 20 && input.toString('latin1', 0, 4) === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP', 'no RIFF/WEBP header');
  const end = 8 + input.readUInt32LE(4);
  expectImage(end <= input.length, 'it is shorter than its header says');
  const chunks = readChunks(input, end);
  const first = chunks[0];
  expectImage(first, 'no image chunk');
  let kept: Chunk[];
  let size: { width: number; height: number };
  if (first.fourcc === 'VP8X') {
    expectImage(first.data.length >= 10, 'a damaged extended header');
    const flags = first.data[0]!;
    size = { width: 1 + first.data.readUIntLE(4, 3), height: 1 + first.data.readUIntLE(7, 3) };
    expectDimensions(size.width, size.height);
    const header = Buffer.from(first.data);
    header[0] = flags & ~(FLAG_EXIF | FLAG_XMP);
    kept = [{ fourcc: 'VP8X', data: header }, ...chunks.slice(1).filter((c) => KEEP.has(c.fourcc) && c.fourcc !== 'VP8X')];
    if (flags & FLAG_ANIMATION) {
      expectImage(kept.some((c) => c.fourcc === 'ANIM') && kept.some((c) => c.fourcc === 'ANMF' && c.data.length >= 16), 'an animation without frames');
    } else {
      const frame = kept.find((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L');
      expectImage(frame, 'no image data');
      frameSize(frame);
    }
  } else {
    // The simple format holds its one image chunk and nothing else.
    size = frameSize(first);
    expectDimensions(size.width, size.height);
    kept = [first];
  }
  return { bytes: writeRiff(kept), ...size };
}

function readChunks(input: Buffer, end: number): Chunk[] {
  const chunks: Chunk[] = [];
  let pos = 12;
  while (pos < end) {
    expectImage(pos + 8 <= end, 'it ends inside a chunk header');
    const fourcc = input.toString('latin1', pos, pos + 4);
    const length = input.readUInt32LE(pos + 4);
    const dataEnd = pos + 8 + length;
    expectImage(dataEnd <= end, `it ends inside the ${fourcc.trim()} chunk`);
    chunks.push({ fourcc, data: input.subarray(pos + 8, dataEnd) });
    pos = dataEnd + (length & 1); // chunks are padded to an even length
  }
  return chunks;
}

/** The size a VP8 key frame or a VP8L header declares, checking that it is one. */
function frameSize(chunk: Chunk): { width: number; height: number } {
  const d = chunk.data;
  if (chunk.fourcc === 'VP8 ') {
    expectImage(d.length >= 10, 'a damaged VP8 frame');
    const tag = d.readUIntLE(0, 3);
    expectImage((tag & 1) === 0, 'the image is not a key frame');
    expectImage(d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a, 'a damaged VP8 frame');
    expectImage(10 + ((tag >> 5) & 0x7ffff) <= d.length, 'the VP8 frame is incomplete');
    const size = { width: d.readUInt16LE(6) & 0x3fff, height: d.readUInt16LE(8) & 0x3fff };
    expectImage(size.width > 0 && size.height > 0, 'no width or height');
    return size;
  }
  if (chunk.fourcc === 'VP8L') {
    expectImage(d.length >= 5 && d[0] === 0x2f, 'a damaged VP8L header');
    const bits = d.readUInt32LE(1);
    expectImage(bits >>> 29 === 0, 'an unknown VP8L version');
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  throw new BadImage(`it starts with a ${chunk.fourcc.trim()} chunk instead of an image`);
}

function writeRiff(chunks: Chunk[]): Buffer {
  const parts: Buffer[] = [];
  for (const c of chunks) {
    const head = Buffer.alloc(8);
    head.write(c.fourcc, 0, 'latin1');
    head.writeUInt32LE(c.data.length, 4);
    parts.push(head, c.data);
    if (c.data.length & 1) parts.push(Buffer.alloc(1));
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
