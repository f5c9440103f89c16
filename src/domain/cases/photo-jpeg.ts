import { BadImage, expectDimensions, expectImage, type CleanedImage } from './photo-image.ts';

// Frames browsers decode: baseline, extended sequential and progressive (Huffman). Lossless,
// hierarchical and arithmetic-coded JPEGs exist on paper but do not display on the web.
const FRAMES = new Set([0xc0, 0xc1, 0xc2]);
// Segments the decoder needs, kept as they are: Huffman and quantisation tables, restart interval.
const TABLES = new Set([0xc4, 0xdb, 0xdd]);
const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;

const startsWith = (segment: Buffer, text: string) => segment.subarray(4, 4 + text.length).toString('latin1') === text;

/**
 * Keeps what draws the picture and drops what describes it, without decoding or
 * re-encoding a pixel: EXIF and XMP (APP1, where phones write the GPS position),
 * Photoshop/IPTC (APP13), comments, other application segments and anything after
 * the end of the image (some phones append a video or a second picture there). Kept:
 * JFIF (APP0), an ICC colour profile (APP2) and Adobe's colour-transform flag (APP14),
 * which change how the pixels are read. The EXIF orientation is carried over alone in
 * a minimal EXIF segment, so a phone photo taken upright still shows upright.
 * The segment structure is checked from start to end: a truncated file is refused.
 */
export function cleanJpeg(input: Buffer): CleanedImage {
  expectImage(input.length > 4 && input[0] === 0xff && input[1] === 0xd8, 'no start-of-image marker');
  const kept: Buffer[] = [input.subarray(0, 2)];
  let pos = 2;
  let size: { width: number; height: number } | undefined;
  let scans = 0;
  let orientation: number | undefined;
  let afterApp0 = 1; // where the orientation segment goes: after JFIF, if there is one
  for (;;) {
    expectImage(pos + 1 < input.length, 'it ends before the end-of-image marker');
    expectImage(input[pos] === 0xff, `no marker at byte ${pos}`);
    while (input[pos + 1] === 0xff && pos + 2 < input.length) pos++; // fill bytes
    const marker = input[pos + 1]!;
    if (marker === EOI) {
      kept.push(input.subarray(pos, pos + 2));
      break;
    }
    expectImage(pos + 4 <= input.length, 'it ends inside a segment');
    const length = input.readUInt16BE(pos + 2);
    const end = pos + 2 + length;
    expectImage(length >= 2 && end <= input.length, 'it ends inside a segment');
    const segment = input.subarray(pos, end);
    if ((marker >= APP0 && marker <= 0xef) || marker === 0xfe) {
      if (marker === APP1 && startsWith(segment, 'Exif\0\0')) orientation ??= exifOrientation(segment.subarray(10));
      const keep = (marker === APP0 && startsWith(segment, 'JFIF\0'))
        || (marker === APP2 && startsWith(segment, 'ICC_PROFILE\0'))
        || (marker === APP14 && startsWith(segment, 'Adobe'));
      if (keep) kept.push(segment);
      if (keep && marker === APP0) afterApp0 = kept.length;
      pos = end;
    } else if (FRAMES.has(marker)) {
      expectImage(!size, 'two frames');
      expectImage(length >= 8 && length === 8 + 3 * segment[9]!, 'a damaged frame header');
      size = { height: segment.readUInt16BE(5), width: segment.readUInt16BE(7) };
      expectImage(size.width > 0 && size.height > 0, 'no width or height');
      expectDimensions(size.width, size.height);
      kept.push(segment);
      pos = end;
    } else if (TABLES.has(marker)) {
      kept.push(segment);
      pos = end;
    } else if (marker === SOS) {
      expectImage(size, 'image data before the frame header');
      const dataEnd = endOfScan(input, end);
      kept.push(input.subarray(pos, dataEnd));
      scans++;
      pos = dataEnd;
    } else if (marker >= 0xc0 && marker <= 0xcf) {
      throw new BadImage('a kind of JPEG that browsers do not show (lossless, hierarchical or arithmetic-coded)');
    } else {
      throw new BadImage(`an unexpected marker 0xFF${marker.toString(16).toUpperCase()}`);
    }
  }
  expectImage(size && scans > 0, 'no image data');
  if (orientation && orientation !== 1) kept.splice(afterApp0, 0, orientationSegment(orientation));
  return { bytes: Buffer.concat(kept), ...size };
}

/** Where the entropy-coded data after a scan header ends: at the next marker that is not a restart. */
function endOfScan(input: Buffer, from: number): number {
  let i = from;
  for (;;) {
    i = input.indexOf(0xff, i);
    expectImage(i >= 0 && i + 1 < input.length, 'it ends inside the image data');
    const next = input[i + 1]!;
    // 0xFF00 is an escaped data byte; 0xFFD0–D7 restart markers belong to the scan; 0xFFFF is fill.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i += 2;
    else if (next === 0xff) i += 1;
    else return i;
  }
}

/** The orientation tag (0x0112) of IFD0 in an EXIF TIFF structure; undefined if absent or unreadable. */
export function exifOrientation(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** An APP1 segment holding an EXIF structure with the orientation and nothing else. */
function orientationSegment(orientation: number): Buffer {
  const payload = Buffer.alloc(6 + 8 + 2 + 12 + 4);
  payload.write('Exif\0\0', 0, 'latin1');
  payload.write('MM', 6, 'latin1');
  payload.writeUInt16BE(42, 8);
  payload.writeUInt32BE(8, 10); // IFD0 right after the header
  payload.writeUInt16BE(1, 14); // one entry
  payload.writeUInt16BE(0x0112, 16);
  payload.writeUInt16BE(3, 18); // SHORT
  payload.writeUInt32BE(1, 20);
  payload.writeUInt16BE(orientation, 24);
  payload.writeUInt32BE(0, 28); // no next IFD
  const header = Buffer.from([0xff, APP1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}
