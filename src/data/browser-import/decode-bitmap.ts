/**
 * Decoding in the page (a worker): createImageBitmap, then an OffscreenCanvas's pixels. Labels
 * are class indices, not colours: the bitmap is made with colorSpaceConversion 'none' and
 * premultiplyAlpha 'none', so a PNG's gAMA/iCCP chunks or alpha cannot shift a value, and
 * imageOrientation 'none', so a JPEG's EXIF rotation is not applied (the CLI's sharp does not apply it either; the
 * browser tests compare the stored labels with the CLI's). The checks are the CLI's own.
 */
import { ImportError } from '../import-error';
import { checkDecodedPair, isPng, type PairDecoder, type Raster } from '../camvid/pair-checks';
import type { ImageSize } from '../image-size';

async function bitmapOf(bytes: Uint8Array, location: string, what: 'image' | 'label'): Promise<ImageBitmap> {
  const png = /\.png$/i.test(location) || what === 'label';
  if (png && !isPng(bytes)) throw new ImportError('not-png', { kind: what, location });
  try {
    return await createImageBitmap(new Blob([bytes.slice().buffer]), { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'none' });
  } catch (err) {
    throw new ImportError('undecodable', { kind: what, location, png, reason: (err as Error).message });
  }
}

async function rasterOf(bytes: Uint8Array, location: string, what: 'image' | 'label'): Promise<Raster> {
  const bitmap = await bitmapOf(bytes, location, what);
  try {
    const { width, height } = bitmap;
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImportError('no-canvas', { kind: what, location });
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, width, height).data;
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), height, width, channels: 4 };
  } finally {
    bitmap.close();
  }
}

/** Decodes and checks a pair in the page, as decodeCamvidPair does in Node. */
export const decodeBitmapPair: PairDecoder = async (imageBytes, labelBytes, where, sourceSize) => {
  const [img, lbl] = await Promise.all([rasterOf(imageBytes, where.image, 'image'), rasterOf(labelBytes, where.label, 'label')]);
  return checkDecodedPair(img, lbl, labelBytes[25]!, where, sourceSize);
};

/** An image file's size (decoded once; every other frame must have it). */
export async function measureBitmap(bytes: Uint8Array, location: string): Promise<ImageSize> {
  const bitmap = await bitmapOf(bytes, location, 'image');
  const size = { height: bitmap.height, width: bitmap.width };
  bitmap.close();
  return size;
}
