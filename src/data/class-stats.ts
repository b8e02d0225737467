/**
 * Per-class pixel statistics: the inputs of median-frequency class balancing
 * (see src/segnet/class-weights.ts) and a quick picture of how lopsided a split is.
 */
import { CAMVID_NUM_CLASSES, VOID_LABEL } from '../segnet/core';
import type { ClassStats } from './manifest';
import type { SplitData } from './types';

/** Accumulates ClassStats one label map at a time (importers never hold a whole split). */
export class ClassStatsAccumulator {
  private readonly pixelCounts = new Array<number>(CAMVID_NUM_CLASSES).fill(0);
  private readonly imagePixelCounts = new Array<number>(CAMVID_NUM_CLASSES).fill(0);
  private voidPixels = 0;
  private totalPixels = 0;
  private readonly scratch = new Float64Array(VOID_LABEL + 1);

  /**
   * Adds one image's label map.
   * @throws if a label is outside 0..11.
   */
  add(labels: Uint8Array): void {
    const counts = this.scratch;
    counts.fill(0);
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i]!;
      if (v > VOID_LABEL) throw new Error(`ClassStatsAccumulator.add: label ${v} at pixel ${i} is outside 0..${VOID_LABEL}`);
      counts[v]!++;
    }
    for (let c = 0; c < CAMVID_NUM_CLASSES; c++) {
      const n = counts[c]!;
      this.pixelCounts[c]! += n;
      if (n > 0) this.imagePixelCounts[c]! += labels.length;
    }
    this.voidPixels += counts[VOID_LABEL]!;
    this.totalPixels += labels.length;
  }

  /** The statistics so far (a copy). */
  result(): ClassStats {
    return {
      pixelCounts: [...this.pixelCounts],
      imagePixelCounts: [...this.imagePixelCounts],
      voidPixels: this.voidPixels,
      totalPixels: this.totalPixels,
    };
  }
}

/** Class statistics over every example of a split. */
export function classFrequencies(split: SplitData): ClassStats {
  const px = split.height * split.width;
  if (split.labels.length !== split.count * px) {
    throw new Error(
      `classFrequencies: split "${split.name}" has ${split.labels.length} labels, expected count*height*width = ${split.count * px}`,
    );
  }
  const acc = new ClassStatsAccumulator();
  for (let n = 0; n < split.count; n++) acc.add(split.labels.subarray(n * px, (n + 1) * px));
  return acc.result();
}
