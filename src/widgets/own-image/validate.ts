/**
 * Which pictures the widget accepts, and what it tells the reader about one it refuses. Every
 * message names the file and says what was wrong and what was expected, so a reader who drops
 * the wrong file knows which one and why; a refused file never replaces the picture shown.
 */
import { pageMessages, type Messages } from '../../i18n';
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

type Words = Messages['ownImage'];

/** "2.4 MB", "310 KB", "12 bytes". */
export function formatBytes(bytes: number, m: Words = pageMessages().ownImage): string {
  if (bytes < 1024) return m.bytes(bytes);
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "12.2 megapixels", "0.3 megapixels". */
export function formatPixels(pixels: number, m: Words = pageMessages().ownImage): string {
  return m.megapixels((pixels / 1e6).toFixed(1));
}

/** Refuses a file that is empty, too large, or not an image by its contents. */
export function checkFile(file: FileFacts, m: Words = pageMessages().ownImage): Check {
  const expected = m.expected(IMAGE_FORMATS);
  if (file.size === 0) return { ok: false, message: m.empty(file.name, expected) };
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: m.tooLarge(file.name, formatBytes(file.size, m), formatBytes(MAX_FILE_BYTES, m)) };
  }
  const format = sniffImageFormat(file.head);
  if (!format) {
    return { ok: false, message: m.notImage(file.name, file.type, formatBytes(file.size, m), file.type.startsWith('image/'), expected) };
  }
  const size = headerPixelSize(file.head, format);
  if (size) {
    const tooBig = checkPixelSize(file.name, size, m);
    if (tooBig) return { ok: false, message: tooBig };
  }
  return { ok: true, format, size };
}

/** Refuses a decoded (or header-stated) size with no pixels or more than MAX_PIXELS; null when fine. */
export function checkPixelSize(name: string, size: PixelSize, m: Words = pageMessages().ownImage): string | null {
  const pixels = size.width * size.height;
  if (pixels === 0) return m.noPixels(name, size.width, size.height);
  if (pixels > MAX_PIXELS) {
    return m.tooManyPixels(name, size.width, size.height, formatPixels(pixels, m), formatPixels(MAX_PIXELS, m));
  }
  return null;
}

/** The message for a file whose header looked right but whose pixels could not be decoded. */
export function decodeFailure(name: string, format: ImageFormat, m: Words = pageMessages().ownImage): string {
  return m.decodeFailure(name, format);
}
