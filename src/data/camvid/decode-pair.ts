/**
 * Decoding one CamVid image/label pair (Node only: uses sharp); the checks are shared with
 * the page's importer (./pair-checks).
 */
import { ImportError, type FileKind } from '../import-error';
import sharp from 'sharp';
import type { ImageSize } from '../image-size';
import { checkDecodedPair, isPng, type DecodedPair, type Raster } from './pair-checks';

export type { DecodedPair } from './pair-checks';

async function decodePng(bytes: Uint8Array, location: string, what: FileKind): Promise<Raster> {
  if (!isPng(bytes)) throw new ImportError('not-png', { kind: what, location });
  try {
    // failOn 'warning' turns libpng's truncation and CRC warnings into errors instead of half images.
    const { data, info } = await sharp(bytes, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ...info };
  } catch (err) {
    throw new ImportError('undecodable', { kind: what, location, png: true, reason: (err as Error).message });
  }
}

/**
 * Decodes an image and its label, checking that the image has the expected source size, the
 * label matches its image's size, and every label value is a class index 0..11.
 */
export async function decodeCamvidPair(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  where: { image: string; label: string },
  sourceSize: ImageSize,
): Promise<DecodedPair> {
  const [img, lbl] = await Promise.all([decodePng(imageBytes, where.image, 'image'), decodePng(labelBytes, where.label, 'label')]);
  return checkDecodedPair(img, lbl, labelBytes[25]!, where, sourceSize);
}
