import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  hasMetadata, JPEG, jpegWithMetadata, png, PNG_METADATA, PROGRESSIVE_JPEG, WEBP_LOSSLESS, WEBP_LOSSY, webpWithMetadata,
} from '../../../test/photos.ts';
import { DomainError } from '../errors.ts';
import { exifOrientation } from './photo-jpeg.ts';
import { cleanPhotos, PHOTO_LIMITS, sniffPhotoType, type PhotoUpload } from './photos.ts';

const clean = async (bytes: Buffer, filename = 'photo') => (await cleanPhotos([{ filename, bytes }]))[0]!;
const refusal = async (uploads: PhotoUpload[]) => {
  const error = await cleanPhotos(uploads).then(() => undefined, (e: unknown) => e);
  expect(error, 'refused').toBeInstanceOf(DomainError);
  return error as DomainError;
};

/** The JPEG's segments as [marker, bytes] up to the first scan, to compare structure. */
function segments(jpeg: Buffer): Array<[number, Buffer]> {
  const out: Array<[number, Buffer]> = [];
  for (let pos = 2; jpeg[pos + 1] !== 0xda;) {
    const end = pos + 2 + jpeg.readUInt16BE(pos + 2);
    out.push([jpeg[pos + 1]!, jpeg.subarray(pos, end)]);
    pos = end;
  }
  return out;
}

describe('photo types', () => {
  it('are told by their first bytes, whatever the file is called', async () => {
    expect(sniffPhotoType(JPEG)).toBe('image/jpeg');
    expect(sniffPhotoType(png())).toBe('image/png');
    expect(sniffPhotoType(WEBP_LOSSY)).toBe('image/webp');
    const text = await refusal([{ filename: 'holiday.jpg', bytes: Buffer.from('<script>alert(1)</script> not a picture at all') }]);
    expect(text).toMatchObject({ kind: 'invalid', code: 'photo_type', details: { file: 'holiday.jpg', index: 0 } });
    expect(text.message).toContain('"holiday.jpg"');
    const gif = await refusal([{ filename: 'a.png', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') }]);
    expect(gif.code).toBe('photo_type');
    // A JPEG called .png is still a JPEG: the name is only for messages.
    expect((await clean(JPEG, 'renamed.png')).mediaType).toBe('image/jpeg');
  });
});

describe('JPEG', () => {
  it('loses EXIF (GPS), XMP, IPTC, comments and what follows the image; the picture and its orientation stay', async () => {
    const sent = jpegWithMetadata(JPEG, 6);
    expect(hasMetadata(sent)).toBe(true);
    const photo = await clean(sent);
    expect(photo).toMatchObject({ mediaType: 'image/jpeg', width: 8, height: 8 });
    expect(hasMetadata(photo.bytes)).toBe(false);
    // One APP1 is left: a minimal EXIF holding the orientation and nothing else (32 bytes of it).
    const app1 = segments(photo.bytes).filter(([marker]) => marker === 0xe1);
    expect(app1).toHaveLength(1);
    expect(app1[0]![1].length).toBe(4 + 32);
    expect(exifOrientation(app1[0]![1].subarray(10))).toBe(6);
    // Without that segment it is the original image, byte for byte: no pixel was touched.
    const withoutOrientation = Buffer.concat([photo.bytes.subarray(0, 20), photo.bytes.subarray(20 + 36)]);
    expect(withoutOrientation.equals(JPEG)).toBe(true);
    // And it is a JPEG this cleaner takes again, unchanged.
    expect((await clean(photo.bytes)).bytes.equals(photo.bytes)).toBe(true);
  });

  it('keeps a clean JPEG as it is, and an upright one without any EXIF', async () => {
    expect((await clean(JPEG)).bytes.equals(JPEG)).toBe(true);
    expect((await clean(jpegWithMetadata(JPEG, 1))).bytes.equals(JPEG)).toBe(true);
  });

  it('handles progressive JPEGs (several scans)', async () => {
    const photo = await clean(jpegWithMetadata(PROGRESSIVE_JPEG, 1));
    expect(photo.bytes.equals(PROGRESSIVE_JPEG)).toBe(true);
  });

  it('refuses every truncation, and damage to the structure', async () => {
    for (const image of [JPEG, PROGRESSIVE_JPEG, jpegWithMetadata()]) {
      const eoi = image.indexOf(Buffer.from([0xff, 0xd9]), image.length - 80);
      for (let cut = 3; cut < eoi + 2; cut++) {
        const error = await refusal([{ filename: `cut-${cut}.jpg`, bytes: image.subarray(0, cut) }]);
        expect(error.code, `cut at ${cut}`).toBe('photo_damaged');
      }
    }
    const noFrame = Buffer.concat([JPEG.subarray(0, 2), JPEG.subarray(JPEG.indexOf(Buffer.from([0xff, 0xc4])))]);
    expect((await refusal([{ filename: 'x.jpg', bytes: noFrame }])).details.reason).toBe('image data before the frame header');
    const lossless = Buffer.from(JPEG);
    lossless[JPEG.indexOf(Buffer.from([0xff, 0xc0])) + 1] = 0xc3;
    expect((await refusal([{ filename: 'x.jpg', bytes: lossless }])).code).toBe('photo_damaged');
  });
});

describe('PNG', () => {
  it('loses eXIf (GPS), text, XMP, time and private chunks; the image chunks are copied as they were', async () => {
    for (const interlaced of [false, true]) {
      const sent = png(9, 7, PNG_METADATA, { interlaced });
      expect(hasMetadata(sent)).toBe(true);
      const photo = await clean(sent);
      expect(photo).toMatchObject({ mediaType: 'image/png', width: 9, height: 7 });
      expect(hasMetadata(photo.bytes)).toBe(false);
      expect(photo.bytes.equals(png(9, 7, [], { interlaced }))).toBe(true);
    }
  });

  it('refuses every truncation, a wrong checksum and image data that does not add up', async () => {
    const image = png(5, 4, PNG_METADATA);
    for (let cut = 8; cut < image.length; cut++) {
      expect((await refusal([{ filename: 'cut.png', bytes: image.subarray(0, cut) }])).code, `cut at ${cut}`).toBe('photo_damaged');
    }
    const flipped = Buffer.from(image);
    const at = image.indexOf('IDAT') + 6;
    flipped[at] = flipped[at]! ^ 0xff;
    expect((await refusal([{ filename: 'flip.png', bytes: flipped }])).details.reason).toMatch(/IDAT chunk is damaged/);
    // Valid chunks around compressed data that holds one row too few.
    const short = png(5, 4);
    const idat = short.indexOf('IDAT') - 4;
    const rows = deflateSync(Buffer.alloc(3 * (1 + 5 * 3)));
    const chunk = Buffer.concat([Buffer.alloc(4), Buffer.from('IDAT'), rows, Buffer.alloc(4)]);
    chunk.writeUInt32BE(rows.length, 0);
    chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + rows.length)), 8 + rows.length);
    const shortData = Buffer.concat([short.subarray(0, idat), chunk, short.subarray(short.indexOf('IEND') - 4)]);
    expect((await refusal([{ filename: 'short.png', bytes: shortData }])).details.reason).toBe('the image data is incomplete');
  });
});

describe('WebP', () => {
  it('loses the EXIF (GPS) and XMP chunks and their flags; the frame is copied as it was', async () => {
    for (const base of [WEBP_LOSSY, WEBP_LOSSLESS]) {
      const sent = webpWithMetadata(base);
      expect(hasMetadata(sent)).toBe(true);
      const photo = await clean(sent);
      expect(photo).toMatchObject({ mediaType: 'image/webp', width: 8, height: 8 });
      expect(hasMetadata(photo.bytes)).toBe(false);
      expect(photo.bytes.toString('latin1')).not.toMatch(/EXIF|XMP /);
      expect(photo.bytes.toString('latin1', 12, 16)).toBe('VP8X');
      expect(photo.bytes[20]! & 0x0c).toBe(0);
      expect(photo.bytes.readUInt32LE(4)).toBe(photo.bytes.length - 8);
      expect(photo.bytes.subarray(30).equals(base.subarray(12))).toBe(true);
      // A simple WebP has nothing to strip.
      expect((await clean(base)).bytes.equals(base)).toBe(true);
    }
  });

  it('refuses every truncation and a frame that is not one', async () => {
    for (const image of [WEBP_LOSSY, webpWithMetadata(WEBP_LOSSLESS)]) {
      for (let cut = 12; cut < image.length; cut++) {
        expect((await refusal([{ filename: 'cut.webp', bytes: image.subarray(0, cut) }])).code, `cut at ${cut}`).toBe('photo_damaged');
      }
    }
    const notKey = Buffer.from(WEBP_LOSSY);
    notKey[23] = 0x00; // the VP8 start code
    expect((await refusal([{ filename: 'x.webp', bytes: notKey }])).details.reason).toBe('a damaged VP8 frame');
  });
});

describe('limits', () => {
  it('at most three photos, each at most 5 MiB, of a sane number of pixels', async () => {
    const four = [JPEG, JPEG, JPEG, JPEG].map((bytes, i) => ({ filename: `p${i}.jpg`, bytes }));
    expect(await refusal(four)).toMatchObject({ code: 'too_many_photos', details: { count: 4 } });
    expect(await cleanPhotos(four.slice(0, 3))).toHaveLength(3);
    const big = Buffer.concat([JPEG, Buffer.alloc(PHOTO_LIMITS.bytes)]);
    expect(await refusal([{ filename: 'ok.png', bytes: png() }, { filename: 'huge.jpg', bytes: big }])).toMatchObject({ code: 'photo_too_large', details: { file: 'huge.jpg', index: 1 } });
    // A few bytes claiming a gigapixel are refused before any of it is inflated.
    const claim = png(1, 1);
    claim.writeUInt32BE(40_000, 16);
    claim.writeUInt32BE(40_000, 20);
    claim.writeUInt32BE(crc32(claim.subarray(12, 29)), 29);
    expect((await refusal([{ filename: 'bomb.png', bytes: claim }])).code).toBe('photo_dimensions');
  });

  it('names a file without a usable name by its number, and keeps names from breaking the message', async () => {
    expect((await refusal([{ filename: 'ok.jpg', bytes: JPEG }, { filename: '\u0000\u0007', bytes: Buffer.from('nope') }])).message).toContain('"photo 2"');
    expect((await refusal([{ filename: 'a"b\nc.jpg', bytes: Buffer.from('nope') }])).details.file).toBe('abc.jpg');
  });
});
