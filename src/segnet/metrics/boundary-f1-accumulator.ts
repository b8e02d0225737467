/**
 * Dataset boundary F1: the mean over images of each image's BF (see boundary-f1.ts). Images
 * without a single labelled pixel have no BF and are skipped (not counted as 0).
 */
import {
  frameBoundaryF1,
  resolveBoundarySettings,
  type BoundaryF1Options,
  type BoundaryF1Result,
  type BoundarySettings,
} from './boundary-f1';
import { ToleranceMatcher } from './tolerance-match';
import { checkFrame } from './validate';

export class BoundaryF1Accumulator {
  readonly numClasses: number;
  private readonly settings: BoundarySettings;
  private matcher: ToleranceMatcher | null = null;
  private imageSum = 0;
  private images = 0;
  /** Per class: sum of F1_c and count over the images whose truth contains c. */
  private readonly classSums: Float64Array;
  private readonly classImages: Float64Array;

  constructor(options: BoundaryF1Options = {}) {
    this.settings = resolveBoundarySettings('BoundaryF1Accumulator', options);
    this.numClasses = this.settings.numClasses;
    this.classSums = new Float64Array(this.numClasses);
    this.classImages = new Float64Array(this.numClasses);
  }

  /** Scores one image, adds it to the running means, and returns its BF. */
  add(labels: ArrayLike<number>, predictions: ArrayLike<number>, height: number, width: number): BoundaryF1Result {
    return this.addAs('BoundaryF1Accumulator.add', labels, predictions, height, width);
  }

  /** add, with error messages starting with `caller` (for wrappers such as SegmentationEvaluator). */
  addAs(
    caller: string,
    labels: ArrayLike<number>,
    predictions: ArrayLike<number>,
    height: number,
    width: number,
  ): BoundaryF1Result {
    checkFrame(caller, labels, predictions, height, width);
    if (this.matcher?.height !== height || this.matcher.width !== width) {
      this.matcher = new ToleranceMatcher(height, width);
    }
    const result = frameBoundaryF1(caller, labels, predictions, height, width, this.settings, this.matcher);
    if (!Number.isNaN(result.meanF1)) {
      this.imageSum += result.meanF1;
      this.images++;
    }
    result.inTruth.forEach((present, c) => {
      if (!present) return;
      this.classSums[c] = this.classSums[c]! + result.perClassF1[c]!;
      this.classImages[c] = this.classImages[c]! + 1;
    });
    return result;
  }

  /** Images that had a BF (at least one labelled pixel). */
  get imageCount(): number {
    return this.images;
  }

  /** Dataset BF: mean of the per-image BF; NaN before any scored image. */
  get meanF1(): number {
    return this.images > 0 ? this.imageSum / this.images : NaN;
  }

  /** Per class: mean F1_c over the images whose truth contains c; NaN where there is none. */
  perClassF1(): number[] {
    return Array.from(this.classSums, (sum, c) => (this.classImages[c]! > 0 ? sum / this.classImages[c]! : NaN));
  }

  /** Adds another accumulator's images; both must have the same numClasses. */
  merge(other: BoundaryF1Accumulator): this {
    if (other.numClasses !== this.numClasses) {
      throw new Error(
        `BoundaryF1Accumulator.merge: other has numClasses = ${other.numClasses}, this has ${this.numClasses}`,
      );
    }
    this.imageSum += other.imageSum;
    this.images += other.images;
    for (let c = 0; c < this.numClasses; c++) {
      this.classSums[c] = this.classSums[c]! + other.classSums[c]!;
      this.classImages[c] = this.classImages[c]! + other.classImages[c]!;
    }
    return this;
  }

  /** Forgets every image. */
  reset(): this {
    this.imageSum = 0;
    this.images = 0;
    this.classSums.fill(0);
    this.classImages.fill(0);
    return this;
  }
}
