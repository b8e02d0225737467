/**
 * A reader's picture, decoded in the page (createImageBitmap and a 2D canvas; nothing is
 * uploaded anywhere) and brought to the network's input: the centred 4:3 region, scaled to
 * 128 x 96. Also keeps a small preview of the whole picture to show which region was used.
 */
import { pageMessages } from '../../i18n';
import { centreCrop, fitScale, type CropRect } from './geometry';
import { HEADER_BYTES } from './image-header';
import { INPUT_HEIGHT, INPUT_WIDTH } from './state';
import { checkFile, checkPixelSize, decodeFailure } from './validate';

/** Largest preview of the whole picture, in canvas pixels. */
const PREVIEW_WIDTH = 320;
const PREVIEW_HEIGHT = 240;

export interface Picture {
  /** File name, or "camera picture" with the time it was taken. */
  name: string;
  /** Size of the decoded picture. */
  width: number;
  height: number;
  /** The region the network sees, in the picture's pixels. */
  crop: CropRect;
  /** INPUT_HEIGHT x INPUT_WIDTH x 3 RGB bytes of the cropped, scaled region. */
  rgb: Uint8Array;
  /** The whole picture, scaled down to fit PREVIEW_WIDTH x PREVIEW_HEIGHT. */
  preview: HTMLCanvasElement;
}

export type PictureResult = { ok: true; picture: Picture } | { ok: false; message: string };

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error(pageMessages().ownImage.noCanvas);
  return context;
}

/** Crops and scales any drawable source (a decoded image, a video frame) into a Picture. */
export function pictureFrom(name: string, source: CanvasImageSource, width: number, height: number): Picture {
  const crop = centreCrop(width, height, INPUT_WIDTH, INPUT_HEIGHT);
  const input = document.createElement('canvas');
  input.width = INPUT_WIDTH;
  input.height = INPUT_HEIGHT;
  const ctx = context2d(input);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, INPUT_WIDTH, INPUT_HEIGHT);
  const rgba = ctx.getImageData(0, 0, INPUT_WIDTH, INPUT_HEIGHT).data;
  const rgb = new Uint8Array(INPUT_WIDTH * INPUT_HEIGHT * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }

  const scale = fitScale(width, height, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  const preview = document.createElement('canvas');
  preview.width = Math.max(1, Math.round(width * scale));
  preview.height = Math.max(1, Math.round(height * scale));
  const pctx = context2d(preview);
  pctx.imageSmoothingQuality = 'high';
  pctx.drawImage(source, 0, 0, preview.width, preview.height);
  return { name, width, height, crop, rgb, preview };
}

/**
 * Checks and decodes a file: refuses (with a message naming it) one that is empty, too big,
 * not an image by its contents, larger than the pixel limit, or that fails to decode.
 */
export async function readPicture(file: File, m = pageMessages().ownImage): Promise<PictureResult> {
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const check = checkFile({ name: file.name, type: file.type, size: file.size, head }, m);
  if (!check.ok) return check;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, message: decodeFailure(file.name, check.format, m) };
  }
  try {
    const tooBig = checkPixelSize(file.name, { width: bitmap.width, height: bitmap.height }, m);
    if (tooBig) return { ok: false, message: tooBig };
    return { ok: true, picture: pictureFrom(file.name, bitmap, bitmap.width, bitmap.height) };
  } finally {
    bitmap.close();
  }
}
