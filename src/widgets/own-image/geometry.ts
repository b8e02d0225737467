/**
 * How a picture of any size becomes the network's input: cut the largest centred region with
 * the input's aspect ratio (4:3 for 96 x 128), then scale that region to the input size. Cutting
 * first keeps shapes undistorted: the network was trained on frames that were never stretched.
 */
import { pageMessages, type Messages } from '../../i18n';

/** A region of the source picture, in its pixels. */
export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest centred region of a `width` x `height` picture with the aspect ratio targetWidth:targetHeight. */
export function centreCrop(width: number, height: number, targetWidth: number, targetHeight: number): CropRect {
  for (const [name, v] of Object.entries({ width, height, targetWidth, targetHeight })) {
    if (!Number.isFinite(v) || v <= 0) throw new Error(`centreCrop: ${name} must be a positive number, got ${v}`);
  }
  const aspect = targetWidth / targetHeight;
  const cropWidth = Math.max(1, Math.min(width, Math.round(height * aspect)));
  const cropHeight = Math.max(1, Math.min(height, Math.round(width / aspect)));
  return {
    x: Math.floor((width - cropWidth) / 2),
    y: Math.floor((height - cropHeight) / 2),
    width: cropWidth,
    height: cropHeight,
  };
}

/** One sentence on which part of the picture the network sees. */
export function describeCrop(
  width: number,
  height: number,
  crop: CropRect,
  targetWidth: number,
  targetHeight: number,
  m: Messages['ownImage'] = pageMessages().ownImage,
): string {
  if (crop.width === width && crop.height === height) return m.wholePicture(width, height, targetWidth, targetHeight);
  return m.cropped(crop.width, crop.height, width, height, crop.width < width, targetWidth, targetHeight);
}

/**
 * A warning when the network will see little of the picture, or a region much smaller than its
 * input (a 1 x 5000 strip keeps a 1 x 1 centre, enlarged to the whole input); null otherwise.
 */
export function cropWarning(
  width: number,
  height: number,
  crop: CropRect,
  targetWidth: number,
  targetHeight: number,
  m: Messages['ownImage'] = pageMessages().ownImage,
): string | null {
  const kept = (crop.width * crop.height) / (width * height);
  const enlarged = Math.max(targetWidth / crop.width, targetHeight / crop.height);
  if (kept >= 0.25 && enlarged <= 4) return null;
  return m.cropWarning({
    wider: width > height,
    keptPercent: kept < 0.25 ? Math.max(1, Math.round(100 * kept)) : null,
    cropWidth: crop.width,
    cropHeight: crop.height,
    enlarged: enlarged > 4 ? Math.round(enlarged) : null,
    targetWidth,
    targetHeight,
  });
}

/** Where a crop lands when the whole picture is drawn `scale` times its size (for the region outline). */
export function scaleRect(rect: CropRect, scale: number): CropRect {
  return { x: rect.x * scale, y: rect.y * scale, width: rect.width * scale, height: rect.height * scale };
}

/** The scale that fits a `width` x `height` picture inside maxWidth x maxHeight (never enlarging). */
export function fitScale(width: number, height: number, maxWidth: number, maxHeight: number): number {
  return Math.min(1, maxWidth / width, maxHeight / height);
}
