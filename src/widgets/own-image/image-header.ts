/**
 * What a file's first bytes say about it: which image format it is (whatever its name or the
 * type the browser guessed from that name claims), and its size in pixels where the header
 * states one. Reading the size before decoding lets the widget refuse a huge picture without
 * first spending hundreds of megabytes on its pixels.
 */

/** Image formats the browsers this site supports all decode. */
export const IMAGE_FORMATS = ['PNG', 'JPEG', 'GIF', 'WebP', 'BMP', 'AVIF'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** How many leading bytes the widget reads to sniff a file (JPEG's size can sit after a large EXIF block). */
export const HEADER_BYTES = 256 * 1024;

export interface PixelSize {
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** The image format the bytes start with, or null when they match none of IMAGE_FORMATS. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'PNG';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'GIF';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'WebP';
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') return 'BMP';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 4))) return 'AVIF';
  return null;
}

/** The pixel size a header states, or null when it states none or the header is cut short. */
export function headerPixelSize(bytes: Uint8Array, format: ImageFormat): PixelSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (end: number): boolean => end <= bytes.length;
  switch (format) {
    case 'PNG': // IHDR is always the first chunk: width and height as big-endian u32.
      return fits(24) ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
    case 'GIF': // logical screen size, little-endian u16.
      return fits(10) ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : null;
    case 'BMP': // BITMAPINFOHEADER: signed i32, a negative height means top-down rows.
      return fits(26) ? { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) } : null;
    case 'WebP':
      return webpSize(bytes, view);
    case 'JPEG':
      return jpegSize(bytes, view);
    case 'AVIF':
      return avifSize(bytes, view);
  }
}

/**
 * AVIF (an ISOBMFF file): the image spatial extents ('ispe': a full box, then width and height
 * as big-endian u32) among the item properties of its 'meta' box, which comes before the coded
 * data ('mdat'). The largest is the primary image (others are thumbnails or alpha planes).
 */
function avifSize(bytes: Uint8Array, view: DataView): PixelSize | null {
  let best: PixelSize | null = null;
  for (let at = 12; at + 16 <= bytes.length; at++) {
    if (bytes[at] !== 0x69 && bytes[at] !== 0x6d) continue; // 'i' of ispe, 'm' of mdat
    const type = ascii(bytes, at, 4);
    if (type === 'mdat') break;
    if (type !== 'ispe') continue;
    const size = { width: view.getUint32(at + 8), height: view.getUint32(at + 12) };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}

function webpSize(bytes: Uint8Array, view: DataView): PixelSize | null {
  const chunk = ascii(bytes, 12, 4);
  const u24 = (at: number): number => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  if (chunk === 'VP8X' && bytes.length >= 30) return { width: u24(24) + 1, height: u24(27) + 1 };
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const [b0, b1, b2, b3] = [bytes[21]!, bytes[22]!, bytes[23]!, bytes[24]!];
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  return null;
}

/** Walks the JPEG segments up to the first start-of-frame marker (SOF0..SOF15 but DHT, JPG, DAC). */
function jpegSize(bytes: Uint8Array, view: DataView): PixelSize | null {
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}
