import { describe, expect, it } from 'vitest';
import { headerPixelSize, sniffImageFormat } from '../../../../src/widgets/own-image/image-header';
import {
  checkFile,
  checkPixelSize,
  decodeFailure,
  formatBytes,
  MAX_FILE_BYTES,
  MAX_PIXELS,
} from '../../../../src/widgets/own-image/validate';

const bytes = (...values: (number | string)[]): Uint8Array =>
  Uint8Array.from(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));
const u32be = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16le = (n: number): number[] => [n & 255, (n >>> 8) & 255];
const u32le = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** The first 24 bytes of a PNG: signature, then the IHDR chunk's length, type, width and height. */
const pngHead = (w: number, h: number): Uint8Array => bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, ...u32be(13), 'IHDR', ...u32be(w), ...u32be(h));
/** A JPEG with an APP0 segment of 16 bytes, then a SOF0 frame header. */
const jpegHead = (w: number, h: number): Uint8Array =>
  bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0, ...new Array<number>(9).fill(0), 0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3);
const gifHead = (w: number, h: number): Uint8Array => bytes('GIF89a', ...u16le(w), ...u16le(h));
const bmpHead = (w: number, h: number): Uint8Array => bytes('BM', ...new Array<number>(16).fill(0), ...u32le(w), ...u32le(h >>> 0));
const webpVp8x = (w: number, h: number): Uint8Array =>
  bytes('RIFF', 0, 0, 0, 0, 'WEBP', 'VP8X', 10, 0, 0, 0, 0, 0, 0, 0, (w - 1) & 255, ((w - 1) >> 8) & 255, (w - 1) >> 16, (h - 1) & 255, ((h - 1) >> 8) & 255, (h - 1) >> 16);

describe('sniffImageFormat and headerPixelSize', () => {
  it('reads the format and size of each header, whatever the file is called', () => {
    const cases: [Uint8Array, string, number, number][] = [
      [pngHead(1600, 900), 'PNG', 1600, 900],
      [jpegHead(4032, 3024), 'JPEG', 4032, 3024],
      [gifHead(320, 200), 'GIF', 320, 200],
      [bmpHead(640, -480), 'BMP', 640, 480],
      [webpVp8x(5000, 3000), 'WebP', 5000, 3000],
    ];
    for (const [head, format, width, height] of cases) {
      expect(sniffImageFormat(head)).toBe(format);
      expect(headerPixelSize(head, sniffImageFormat(head)!)).toEqual({ width, height });
    }
  });

  it('knows AVIF by its brand, and reads its size from the largest ispe property before the coded data', () => {
    const avif = bytes(0, 0, 0, 28, 'ftyp', 'avif', 0, 0, 0, 0);
    expect(sniffImageFormat(avif)).toBe('AVIF');
    expect(headerPixelSize(avif, 'AVIF')).toBeNull();
    const ispe = (w: number, h: number) => [...u32be(20), 'ispe', 0, 0, 0, 0, ...u32be(w), ...u32be(h)];
    const withSizes = bytes(...u32be(20), 'ftyp', 'avif', 0, 0, 0, 0, 'mif1', ...u32be(60), 'meta', 0, 0, 0, 0, ...ispe(160, 90), ...ispe(40000, 30000), ...u32be(28), 'mdat', ...ispe(1, 1));
    expect(headerPixelSize(withSizes, 'AVIF')).toEqual({ width: 40000, height: 30000 });
    expect(checkFile({ name: 'huge.avif', type: 'image/avif', size: withSizes.length, head: withSizes })).toMatchObject({ ok: false, message: expect.stringContaining('“huge.avif”') });
  });

  it('rejects text, and a header cut short has no size', () => {
    expect(sniffImageFormat(bytes('hello, this is a text file'))).toBeNull();
    expect(sniffImageFormat(bytes('%PDF-1.7'))).toBeNull();
    expect(headerPixelSize(pngHead(10, 10).subarray(0, 20), 'PNG')).toBeNull();
    expect(headerPixelSize(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'JPEG')).toBeNull();
  });
});

describe('checkFile', () => {
  const text = bytes('this is not a picture\n');

  it('refuses a text file renamed .png, naming it and what was expected', () => {
    const check = checkFile({ name: 'street.png', type: 'image/png', size: text.length, head: text });
    expect(check).toEqual({
      ok: false,
      message: '“street.png” (image/png, 22 bytes) is not an image: its name says image, but its contents are not one. Expected a PNG, JPEG, GIF, WebP, BMP or AVIF picture.',
    });
  });

  it('refuses a non-image file with its type and size', () => {
    const check = checkFile({ name: 'notes.txt', type: 'text/plain', size: 2048, head: text });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toBe('“notes.txt” (text/plain, 2 KB) is not an image. Expected a PNG, JPEG, GIF, WebP, BMP or AVIF picture.');
  });

  it('refuses an empty file and one over the byte limit', () => {
    const empty = checkFile({ name: 'empty.jpg', type: 'image/jpeg', size: 0, head: new Uint8Array() });
    expect(!empty.ok && empty.message).toBe('“empty.jpg” is empty (0 bytes): expected a PNG, JPEG, GIF, WebP, BMP or AVIF picture.');
    const big = checkFile({ name: 'raw.png', type: 'image/png', size: MAX_FILE_BYTES + 1, head: pngHead(10, 10) });
    expect(!big.ok && big.message).toBe('“raw.png” is 25.0 MB, larger than the 25.0 MB this page reads: use a smaller copy.');
  });

  it('refuses a picture whose header states more pixels than the limit, before decoding it', () => {
    const check = checkFile({ name: 'pano.jpg', type: 'image/jpeg', size: 5_000_000, head: jpegHead(20000, 4000) });
    expect(!check.ok && check.message).toBe(
      '“pano.jpg” is 4000 × 20000 pixels (80.0 megapixels), more than the 40.0 megapixels this page decodes: use a smaller copy.',
    );
  });

  it('accepts a real header with its format and size', () => {
    expect(checkFile({ name: 'a.jpg', type: 'image/jpeg', size: 1000, head: jpegHead(4032, 3024) })).toEqual({
      ok: true,
      format: 'JPEG',
      size: { width: 4032, height: 3024 },
    });
  });
});

describe('checkPixelSize, decodeFailure, formatBytes', () => {
  it('passes the limit itself, refuses one pixel more and no pixels at all', () => {
    expect(checkPixelSize('a.png', { width: MAX_PIXELS, height: 1 })).toBeNull();
    expect(checkPixelSize('a.png', { width: MAX_PIXELS + 1, height: 1 })).toContain('“a.png” is 1 × 40000001 pixels');
    expect(checkPixelSize('a.png', { width: 0, height: 5 })).toBe('“a.png” has no pixels (5 × 0).');
  });

  it('names the file and the format that failed to decode', () => {
    expect(decodeFailure('cut.png', 'PNG')).toBe('“cut.png” starts like a PNG file but could not be decoded: it may be damaged or cut short.');
  });

  it('formats sizes for people', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(310 * 1024)).toBe('310 KB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });
});
