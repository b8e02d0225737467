/**
 * The checks every importer makes on a decoded image/label pair, whatever decoded it (sharp in
 * Node, createImageBitmap in the page): size, greyscale class indices 0..11. Every message
 * names the offending file, because a bad pair among 701 is otherwise hard to find.
 * Browser-safe: no Node imports.
 */
import { ImportError } from '../import-error';
import { VOID_LABEL } from '../../segnet/core';
import { formatImageSize, type ImageSize } from '../image-size';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** A decoded raster: `channels` interleaved bytes per pixel, row-major. */
export interface Raster {
  data: Uint8Array;
  height: number;
  width: number;
  channels: number;
}

function toRgb(r: Raster): Uint8Array {
  const n = r.height * r.width;
  if (r.channels === 3) return r.data;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const s = i * r.channels;
    const grey = r.channels < 3;
    out[i * 3] = r.data[s]!;
    out[i * 3 + 1] = r.data[grey ? s : s + 1]!;
    out[i * 3 + 2] = r.data[grey ? s : s + 2]!;
  }
  return out;
}

/** PNG colour types (IHDR byte 25) that hold colour: RGB and RGB with alpha. */
const RGB_COLOUR_TYPES = new Set([2, 6]);

/**
 * Label maps must be greyscale class indices. An RGB PNG is refused whatever its pixels (a
 * decoder gives greyscale as equal channels, so pixels alone cannot tell a grey-looking RGB
 * label from a real one), and so is any pixel whose channels disagree (a palette of colours):
 * CamVid's original colour-coded labels (road 128,64,128, ...) are no class indices.
 */
function toLabelIndices(r: Raster, colourType: number, location: string): Uint8Array {
  if (RGB_COLOUR_TYPES.has(colourType)) throw new ImportError('rgb-label', { location, max: VOID_LABEL });
  const n = r.height * r.width;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = i * r.channels;
    const v = r.data[s]!;
    if (r.channels >= 3 && (r.data[s + 1] !== v || r.data[s + 2] !== v)) {
      throw new ImportError('colour-label', { location, x: i % r.width, y: Math.floor(i / r.width), max: VOID_LABEL });
    }
    if (v > VOID_LABEL) {
      throw new ImportError('label-value', { location, value: v, x: i % r.width, y: Math.floor(i / r.width), max: VOID_LABEL });
    }
    out[i] = v;
  }
  return out;
}

/** A decoded pair at source resolution. */
export interface DecodedPair {
  /** H*W*3 RGB. */
  image: Uint8Array;
  /** H*W class indices 0..11. */
  labels: Uint8Array;
}

/**
 * Checks a decoded pair: the image has the expected source size, the label its image's size,
 * and every label value is a class index 0..11.
 * @param labelColourType the label PNG's IHDR colour type (byte 25 of the file).
 */
export function checkDecodedPair(img: Raster, lbl: Raster, labelColourType: number, where: { image: string; label: string }, sourceSize: ImageSize): DecodedPair {
  const imgSize = formatImageSize(img);
  if (img.height !== sourceSize.height || img.width !== sourceSize.width) {
    throw new ImportError('image-size', { image: where.image, size: imgSize, expected: formatImageSize(sourceSize) });
  }
  if (lbl.height !== img.height || lbl.width !== img.width) {
    throw new ImportError('label-size', { label: where.label, size: formatImageSize(lbl), image: where.image, imageSize: imgSize });
  }
  return { image: toRgb(img), labels: toLabelIndices(lbl, labelColourType, where.label) };
}

/** A pair's bytes decoded and checked at source size (Node: sharp; the page: createImageBitmap). */
export type PairDecoder = (imageBytes: Uint8Array, labelBytes: Uint8Array, where: { image: string; label: string }, sourceSize: ImageSize) => Promise<DecodedPair>;
