/**
 * The confusion matrix from which the paper's pixel scores (G, C, mIoU) are read.
 *
 * counts[t * K + p] = number of labelled pixels of true class t predicted as class p.
 * Pixels whose truth is the void label, or any label >= K, are ignored: they count in no score.
 */
import {
  checkInteger,
  predictedClass,
  resolveLabelSpace,
  truthClass,
  type LabelSpace,
  type LabelSpaceOptions,
} from './validate';

export class ConfusionMatrix {
  /** K, the number of classes; the matrix is K x K. */
  readonly numClasses: number;
  /** The truth label that is ignored (besides every label >= K). */
  readonly voidLabel: number;
  /** Row-major K x K counts: rows are true classes, columns predicted classes. */
  readonly counts: Float64Array;

  constructor(options: LabelSpaceOptions = {}) {
    const space = resolveLabelSpace('ConfusionMatrix', options);
    this.numClasses = space.numClasses;
    this.voidLabel = space.voidLabel;
    this.counts = new Float64Array(space.numClasses * space.numClasses);
  }

  /**
   * A matrix holding the given rows (rows = true class, columns = predicted class),
   * e.g. one saved with toArray(). K = rows.length; voidLabel defaults to K.
   */
  static fromArray(rows: readonly (readonly number[])[], options: { voidLabel?: number } = {}): ConfusionMatrix {
    const k = rows.length;
    checkInteger('ConfusionMatrix.fromArray', 'rows.length', k, 1);
    const m = new ConfusionMatrix({ numClasses: k, voidLabel: options.voidLabel ?? k });
    rows.forEach((row, t) => {
      if (row.length !== k) {
        throw new Error(`ConfusionMatrix.fromArray: rows[${t}] has ${row.length} values, expected ${k}`);
      }
      row.forEach((n, p) => {
        if (!Number.isFinite(n) || n < 0) {
          throw new Error(`ConfusionMatrix.fromArray: rows[${t}][${p}] = ${n} is not a count >= 0`);
        }
        m.counts[t * k + p] = n;
      });
    });
    return m;
  }

  /** Labelled pixels counted so far (the sum of all entries). */
  get pixelCount(): number {
    let n = 0;
    for (const c of this.counts) n += c;
    return n;
  }

  /**
   * Accumulates one or more frames of flat label maps of equal length. Every prediction must
   * be a class in 0..K-1 (also where the truth is void). Nothing is counted if anything throws.
   */
  add(labels: ArrayLike<number>, predictions: ArrayLike<number>): void {
    const fn = 'ConfusionMatrix.add';
    if (labels.length !== predictions.length) {
      throw new Error(`${fn}: labels has ${labels.length} values but predictions has ${predictions.length}`);
    }
    const space: LabelSpace = this;
    const k = this.numClasses;
    // First pass validates everything, so that a bad value leaves the matrix untouched.
    for (let i = 0; i < labels.length; i++) {
      predictedClass(fn, predictions, i, k);
      truthClass(fn, labels, i, space);
    }
    const counts = this.counts;
    const v = this.voidLabel;
    for (let i = 0; i < labels.length; i++) {
      const t = labels[i]!;
      if (t === v || t >= k) continue;
      counts[t * k + predictions[i]!]!++;
    }
  }

  /** Adds another matrix's counts into this one; both must have the same numClasses. */
  merge(other: ConfusionMatrix): this {
    if (other.numClasses !== this.numClasses) {
      throw new Error(
        `ConfusionMatrix.merge: other has numClasses = ${other.numClasses}, this has ${this.numClasses}`,
      );
    }
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    return this;
  }

  /** An independent copy. */
  clone(): ConfusionMatrix {
    return new ConfusionMatrix(this).merge(this);
  }

  /** Sets every count back to zero. */
  reset(): this {
    this.counts.fill(0);
    return this;
  }

  /** The counts as K rows (true class) of K numbers (predicted class). */
  toArray(): number[][] {
    const k = this.numClasses;
    return Array.from({ length: k }, (_, t) => Array.from(this.counts.subarray(t * k, (t + 1) * k)));
  }
}
