/** What a format's cleaner returns: the image without its metadata, and its size in pixels. */
export interface CleanedImage { bytes: Buffer; width: number; height: number }

/** The image cannot be what it claims: truncated, damaged, or outside what browsers show. */
export class BadImage extends Error {}

/** Throws BadImage unless `condition` holds. */
export function expectImage(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new BadImage(reason);
}

/**
 * Larger than any phone camera takes (a 50-megapixel sensor fits) and small enough that
 * a browser showing it, or the PNG check inflating it, is not brought to its knees by a
 * few kilobytes that claim to be a gigapixel.
 */
export const PIXEL_LIMITS = { side: 16_384, pixels: 50_000_000 };

export class ImageTooLarge extends Error {
  constructor(readonly width: number, readonly height: number) {
    super(`${width}×${height} pixels`);
  }
}

/** Checked as soon as a header names the size, before any work that grows with it. */
export function expectDimensions(width: number, height: number): void {
  if (width > PIXEL_LIMITS.side || height > PIXEL_LIMITS.side || width * height > PIXEL_LIMITS.pixels) throw new ImageTooLarge(width, height);
}
