/**
 * Which pictures the widget accepts, and what it tells the reader about one it refuses. Every
 * message names the file and says what was wrong and what was expected, so a reader who drops
 * the wrong file knows which one and why; a refused file never replaces the picture shown.
 */
import { headerPixelSize, IMAGE_FORMATS, sniffImageFormat, type ImageFormat, type PixelSize } from './image-header';

/** Largest file read, in bytes: a phone's full-resolution photo is well under this. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Largest picture decoded, in pixels (width x height): 40 megapixels take 160 MB as RGBA. */
export const MAX_PIXELS = 40_000_000;

/** What the widget knows about a file before decoding it. */
export interface FileFacts {
  name: string;
  /** MIME type the browser reports (guessed from the name; may be empty). */
  type: string;
  size: number;
  /** The first bytes of the file (up to HEADER_BYTES). */
  head: Uint8Array;
}

export type Check = { ok: true; format: ImageFormat; size: PixelSize | null } | { ok: false; message: string };

/** "2.4 MB", "310 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "12.2 megapixels", "0.3 megapixels". */
export function formatPixels(pixels: number): string {
  return `${(pixels / 1e6).toFixed(1)} megapixels`;
}

const EXPECTED = `a ${IMAGE_FORMATS.slice(0, -1).join(', ')} or ${IMAGE_FORMATS.at(-1)} picture`;

/** Refuses a file that is empty, too large, or not an image by its contents. */
export function checkFile(file: FileFacts): Check {
  const name = `“${file.name}”`;
  if (file.size === 0) return { ok: false, message: `${name} is empty (0 bytes): expected ${EXPECTED}.` };
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `${name} is ${formatBytes(file.size)}, larger than the ${formatBytes(MAX_FILE_BYTES)} this page reads: use a smaller copy.` };
  }
  const format = sniffImageFormat(file.head);
  if (!format) {
    const declared = file.type ? ` (${file.type}, ${formatBytes(file.size)})` : ` (${formatBytes(file.size)})`;
    const claim = file.type.startsWith('image/') ? ': its name says image, but its contents are not one' : '';
    return { ok: false, message: `${name}${declared} is not an image${claim}. Expected ${EXPECTED}.` };
  }
  const size = headerPixelSize(file.head, format);
  if (size) {
    const tooBig = checkPixelSize(file.name, size);
    if (tooBig) return { ok: false, message: tooBig };
  }
  return { ok: true, format, size };
}

/** Refuses a decoded (or header-stated) size with no pixels or more than MAX_PIXELS; null when fine. */
export function checkPixelSize(name: string, size: PixelSize): string | null {
  const pixels = size.width * size.height;
  if (pixels === 0) return `“${name}” has no pixels (${size.width} x ${size.height}).`;
  if (pixels > MAX_PIXELS) {
    return `“${name}” is ${size.width} x ${size.height} pixels (${formatPixels(pixels)}), more than the ${formatPixels(MAX_PIXELS)} this page decodes: use a smaller copy.`;
  }
  return null;
}

/** The message for a file whose header looked right but whose pixels could not be decoded. */
export function decodeFailure(name: string, format: ImageFormat): string {
  return `“${name}” starts like a ${format} file but could not be decoded: it may be damaged or cut short.`;
}
