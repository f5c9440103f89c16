import { crc32, deflateSync } from 'node:zlib';

/**
 * Tiny real images for the photo tests, and the metadata a phone would add to them,
 * built byte by byte. The three base images were made once with ImageMagick 6.9
 * (`convert -size 8x8 gradient:red-blue base.jpg`, the same with `-interlace JPEG`,
 * and `gradient:green-yellow` as lossy and lossless WebP); the PNG is built here.
 */
export const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAWEAEBAQAAAAAAAAAAAAAAAAAAFWL/xAAVAQEBAAAAAAAAAAAAAAAAAAAFB//EABkRAAEFAAAAAAAAAAAAAAAAAAAFFlOR8P/aAAwDAQACEQMRAD8AjdnQCtM1Jj1DLsU5NZ//2Q==', 'base64');
export const PROGRESSIVE_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wgARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAVAQEBAAAAAAAAAAAAAAAAAAAEBv/aAAwDAQACEAMQAAABjRWs/8QAFRABAQAAAAAAAAAAAAAAAAAAABP/2gAIAQEAAQUCs//EABcRAAMBAAAAAAAAAAAAAAAAAAAEFVL/2gAIAQMBAT8BrM6P/8QAFxEAAwEAAAAAAAAAAAAAAAAAAAQVUv/aAAgBAgEBPwGMpk//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAY/An//xAAVEAEBAAAAAAAAAAAAAAAAAAAAcf/aAAgBAQABPyGn/9oADAMBAAIAAwAAABAH/8QAFhEAAwAAAAAAAAAAAAAAAAAAAPDx/9oACAEDAQE/EFU//8QAFhEAAwAAAAAAAAAAAAAAAAAAAPDx/9oACAECAQE/EEQ//8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxBf/9k=', 'base64');
export const WEBP_LOSSY = Buffer.from('UklGRk4AAABXRUJQVlA4IEIAAABwAgCdASoIAAgAAUAmJagCdLoBJgP4ABbnyvcAAP7OB6TcDHHt6/SAx//ehFAZD/vhH2KS/9E1/9E1+zABUnbQAAA=', 'base64');
export const WEBP_LOSSLESS = Buffer.from('UklGRkQAAABXRUJQVlA4TDgAAAAvB8ABAD8gEEj8YU9hDYFA4s94Lsf8x4egQGBACMlWUkghhRRSSCGF/C32IvofH6+6ONWuFmY1AA==', 'base64');

/** What the GPS fields below hold, to look for in what is stored and served. */
export const SECRET = { make: 'SnoopCam', latitude: [37, 1, 33, 1, 4321, 100], comment: 'taken at my house' } as const;

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const u32le = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };

/**
 * An EXIF structure (big-endian TIFF) as a camera writes it: IFD0 with the make, the
 * orientation and a pointer to a GPS IFD holding a latitude and longitude.
 */
export function exifWithGps(orientation = 6): Buffer {
  const entry = (tag: number, type: number, count: number, value: Buffer) => Buffer.concat([u16(tag), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)]);
  const make = Buffer.from(`${SECRET.make}\0`, 'latin1');
  // Layout: header 8 | IFD0 (3 entries) 2+36+4 = 42 | make | GPS IFD (4 entries) 2+48+4 = 54 | rationals.
  const ifd0At = 8;
  const makeAt = ifd0At + 42;
  const gpsAt = makeAt + make.length;
  const latAt = gpsAt + 54;
  const longAt = latAt + 24;
  const rationals = (values: readonly number[]) => Buffer.concat(values.map(u32));
  const ifd0 = Buffer.concat([
    u16(3),
    entry(0x010f, 2, make.length, u32(makeAt)), // Make
    entry(0x0112, 3, 1, u16(orientation)), // Orientation
    entry(0x8825, 4, 1, u32(gpsAt)), // GPSInfo
    u32(0),
  ]);
  const gps = Buffer.concat([
    u16(4),
    entry(0x0001, 2, 2, Buffer.from('N\0')),
    entry(0x0002, 5, 3, u32(latAt)),
    entry(0x0003, 2, 2, Buffer.from('E\0')),
    entry(0x0004, 5, 3, u32(longAt)),
    u32(0),
  ]);
  return Buffer.concat([Buffer.from('MM\0*', 'latin1'), u32(ifd0At), ifd0, make, gps, rationals(SECRET.latitude), rationals([126, 1, 58, 1, 1234, 100])]);
}

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="37,33.72N" exif:GPSLongitude="126,58.20E"/></rdf:RDF></x:xmpmeta>`;

const segment = (marker: number, payload: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16(payload.length + 2), payload]);

/** The JPEG with what a phone and an editor add: EXIF with GPS, XMP, Photoshop/IPTC, a comment, and bytes after the end. */
export function jpegWithMetadata(jpeg: Buffer = JPEG, orientation = 6): Buffer {
  const app0End = 2 + jpeg.readUInt16BE(4) + 2; // SOI, then the JFIF segment
  return Buffer.concat([
    jpeg.subarray(0, app0End),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps(orientation)])),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\u00008BIM\x04\x04\0\0\0\0\0\x10${SECRET.make} GPS IPTC`, 'latin1')),
    segment(0xe2, Buffer.from('MPF\0 a second picture lives after the end', 'latin1')),
    segment(0xfe, Buffer.from(SECRET.comment, 'latin1')),
    jpeg.subarray(app0End),
    Buffer.from(`appended video of ${SECRET.comment}`, 'latin1'),
  ]);
}

const pngChunk = (type: string, data: Buffer) => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
};

/** A real RGB PNG of `width`×`height` (a gradient), with `extra` chunks placed before the image data. */
export function png(width = 4, height = 3, extra: Buffer[] = [], options: { interlaced?: boolean } = {}): Buffer {
  const header = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, options.interlaced ? 1 : 0])]);
  const rows: Buffer[] = [];
  const row = (y: number, w: number) => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w * 3 }, (_, i) => (i * 20 + y * 40) % 256))]);
  if (!options.interlaced) for (let y = 0; y < height; y++) rows.push(row(y, width));
  else {
    for (const [x0, y0, dx, dy] of [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const) {
      const w = Math.ceil((width - x0) / dx);
      const h = Math.ceil((height - y0) / dy);
      if (w > 0 && h > 0) for (let y = 0; y < h; y++) rows.push(row(y, w));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header), pngChunk('sRGB', Buffer.from([0])), ...extra,
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The PNG metadata chunks that can carry a place or a person: eXIf, tEXt, zTXt, iTXt (XMP), tIME, and a private one. */
export const PNG_METADATA = [
  pngChunk('eXIf', exifWithGps()),
  pngChunk('tEXt', Buffer.from(`Comment\0${SECRET.comment}`, 'latin1')),
  pngChunk('zTXt', Buffer.concat([Buffer.from('Author\0\0', 'latin1'), deflateSync(Buffer.from(SECRET.make))])),
  pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${XMP}`, 'latin1')),
  pngChunk('tIME', Buffer.from([0x07, 0xea, 3, 2, 8, 0, 0])),
  pngChunk('prVt', Buffer.from(SECRET.make, 'latin1')),
];

const riffChunk = (fourcc: string, data: Buffer) =>
  Buffer.concat([Buffer.from(fourcc, 'latin1'), u32le(data.length), data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);

/** A simple WebP turned extended (VP8X) with EXIF (GPS) and XMP chunks and their flags set, as editors write it. */
export function webpWithMetadata(webp: Buffer = WEBP_LOSSY, width = 8, height = 8): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([
    riffChunk('VP8X', vp8x), webp.subarray(12), riffChunk('EXIF', exifWithGps()), riffChunk('XMP ', Buffer.from(XMP, 'latin1')),
  ]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length + 4), Buffer.from('WEBP', 'latin1'), body]);
}

/** True if any trace of the metadata above is left in `bytes`. */
export function hasMetadata(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  const latitude = Buffer.concat(SECRET.latitude.map(u32));
  return text.includes(SECRET.make) || text.includes(SECRET.comment) || text.includes('GPSLatitude') || bytes.includes(latitude);
}
