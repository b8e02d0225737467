/**
 * Argument checks shared by the metric entry points. Every message starts with the public
 * name of the caller and names the parameter and the bad value.
 */
import { CAMVID_NUM_CLASSES, VOID_LABEL } from '../class-weights';

/** Which label values are classes and which are ignored. */
export interface LabelSpaceOptions {
  /** K: classes are 0..K-1. Default 11 (CamVid). */
  numClasses?: number;
  /** Truth label that marks unlabelled pixels. Default 11 (CamVid void). */
  voidLabel?: number;
}

/** LabelSpaceOptions with defaults applied and checked. */
export interface LabelSpace {
  numClasses: number;
  voidLabel: number;
}

export function resolveLabelSpace(fn: string, options: LabelSpaceOptions = {}): LabelSpace {
  const numClasses = options.numClasses ?? CAMVID_NUM_CLASSES;
  const voidLabel = options.voidLabel ?? VOID_LABEL;
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`${fn}: numClasses must be an integer >= 1, got ${numClasses}`);
  }
  if (!Number.isInteger(voidLabel)) {
    throw new Error(`${fn}: voidLabel must be an integer, got ${voidLabel}`);
  }
  return { numClasses, voidLabel };
}

/** Throws unless `value` is an integer >= `min`. */
export function checkInteger(fn: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${fn}: ${name} must be an integer >= ${min}, got ${value}`);
  }
}

/** Throws unless labels and predictions both hold height*width values. */
export function checkFrame(
  fn: string,
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  height: number,
  width: number,
): void {
  checkInteger(fn, 'height', height, 1);
  checkInteger(fn, 'width', width, 1);
  const n = height * width;
  if (labels.length !== n) {
    throw new Error(`${fn}: height*width = ${n} but labels has ${labels.length} values`);
  }
  if (predictions.length !== n) {
    throw new Error(`${fn}: height*width = ${n} but predictions has ${predictions.length} values`);
  }
}

/** True when x is an integer in 0..numClasses-1 (also false for NaN and non-numbers). */
export function isClassIndex(x: number, numClasses: number): boolean {
  return x >>> 0 === x && x < numClasses;
}

/**
 * The index a truth label contributes to: its class, or -1 when the pixel is ignored
 * (the void label, or any label >= numClasses). Negative or fractional labels throw.
 */
export function truthClass(fn: string, labels: ArrayLike<number>, i: number, space: LabelSpace): number {
  const t = labels[i]!;
  if (t === space.voidLabel || t >= space.numClasses) return -1;
  if (!isClassIndex(t, space.numClasses)) {
    throw new Error(
      `${fn}: labels[${i}] = ${t} is neither a class in 0..${space.numClasses - 1} ` +
        `nor ignored (void label ${space.voidLabel}, or >= ${space.numClasses})`,
    );
  }
  return t;
}

/** The predicted class of pixel i; anything outside 0..numClasses-1 throws. */
export function predictedClass(fn: string, predictions: ArrayLike<number>, i: number, numClasses: number): number {
  const p = predictions[i]!;
  if (!isClassIndex(p, numClasses)) {
    throw new Error(`${fn}: predictions[${i}] = ${p} is not a class in 0..${numClasses - 1}`);
  }
  return p;
}
