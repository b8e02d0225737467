/**
 * What the gallery says under each decoder's label map: that one frame's mIoU and BF (the
 * paper's boundary F1, tolerance 0.75% of the diagonal), by the engine's own metrics, and the
 * same numbers inside the lens window (a crop scored as a frame of its own, BF with the whole
 * frame's tolerance), so the lens's close-up carries its figures too.
 */
import { boundaryTolerancePx, evaluateSegmentation } from '../../segnet/core';
import type { LensWindow, Size } from './lens';

export interface FrameScores {
  /** Mean IoU over the classes in the truth, 0..1; NaN with no labelled pixel. */
  meanIoU: number;
  /** Boundary F1 (mean over the classes in the truth), 0..1; NaN with no labelled pixel. */
  boundaryF1: number;
}

/** mIoU and BF of one predicted frame against its truth (BF's tolerance: 0.75% of the diagonal, or `tolerancePx`). */
export function frameScores(labels: ArrayLike<number>, predictions: ArrayLike<number>, frame: Size, tolerancePx?: number): FrameScores {
  const { scores, boundaryF1 } = evaluateSegmentation([{ labels, predictions, height: frame.height, width: frame.width }], tolerancePx === undefined ? {} : { tolerancePx });
  return { meanIoU: scores.meanIoU, boundaryF1 };
}

/** The window's pixels of a row-major frame, as a frame of their own. */
export function crop<T extends Uint8Array | Uint8ClampedArray>(data: T, frame: Size, w: LensWindow, channels = 1): T {
  if (data.length !== frame.height * frame.width * channels) throw new Error(`crop: ${data.length} values for a ${frame.height} x ${frame.width} x ${channels} frame`);
  if (w.top < 0 || w.left < 0 || w.top + w.height > frame.height || w.left + w.width > frame.width) {
    throw new Error(`crop: window ${w.height} x ${w.width} at (${w.top}, ${w.left}) is outside the ${frame.height} x ${frame.width} frame`);
  }
  const out = new (data.constructor as new (n: number) => T)(w.height * w.width * channels);
  for (let y = 0; y < w.height; y++) {
    const from = ((w.top + y) * frame.width + w.left) * channels;
    out.set(data.subarray(from, from + w.width * channels), y * w.width * channels);
  }
  return out;
}

/** mIoU and BF inside the lens window, BF with the whole frame's tolerance (so the two compare at any zoom). */
export function windowScores(labels: Uint8Array, predictions: Uint8Array, frame: Size, w: LensWindow): FrameScores {
  return frameScores(crop(labels, frame, w), crop(predictions, frame, w), { height: w.height, width: w.width }, boundaryTolerancePx(frame.height, frame.width));
}
