/**
 * Class boundaries of a label map, the pixel sets that the boundary F1 score compares.
 *
 * A pixel lies on the boundary of its class c when one of its 4-neighbours inside the image has
 * a different label in the same map. The image edge is not a boundary. In the truth a void
 * neighbour counts as different; in the prediction the neighbour's predicted class counts,
 * wherever it lies. Pixels whose truth is void (or >= K) are on no boundary, in the truth or in
 * the prediction: what lies there is unknown, so it is neither rewarded nor penalised.
 */
import { isClassIndex, predictedClass, truthClass, type LabelSpace } from './validate';

/** Boundary pixels of one label map, grouped by class. */
export interface ClassBoundaries {
  /** Pixel indices (y * width + x), grouped by class, ascending within a class. */
  pixels: Int32Array;
  /** The pixels of class c are pixels[offsets[c]] .. pixels[offsets[c + 1] - 1]. */
  offsets: Int32Array;
}

/** A frame checked and reduced to class indices, with -1 for ignored truth pixels. */
export interface NormalisedFrame {
  truth: Int32Array;
  prediction: Int32Array;
  /** inTruth[c]: class c has a labelled pixel in the truth. */
  inTruth: Uint8Array;
  /** inPrediction[c]: class c is predicted on some labelled pixel. */
  inPrediction: Uint8Array;
}

export function normaliseFrame(
  fn: string,
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  space: LabelSpace,
): NormalisedFrame {
  const n = labels.length;
  const truth = new Int32Array(n);
  const prediction = new Int32Array(n);
  const inTruth = new Uint8Array(space.numClasses);
  const inPrediction = new Uint8Array(space.numClasses);
  const { numClasses, voidLabel } = space;
  for (let i = 0; i < n; i++) {
    let p = predictions[i]!;
    if (!isClassIndex(p, numClasses)) p = predictedClass(fn, predictions, i, numClasses); // throws
    let t = labels[i]!;
    if (t === voidLabel || t >= numClasses) t = -1;
    else if (!isClassIndex(t, numClasses)) t = truthClass(fn, labels, i, space); // throws
    truth[i] = t;
    prediction[i] = p;
    if (t >= 0) {
      inTruth[t] = 1;
      inPrediction[p] = 1;
    }
  }
  return { truth, prediction, inTruth, inPrediction };
}

/**
 * The boundary pixels of `map` (height x width), grouped by class; only pixels whose truth
 * is labelled (truth[i] >= 0) can be boundary pixels. Pass map = truth for the true boundaries.
 */
export function classBoundaries(
  map: Int32Array,
  truth: Int32Array,
  height: number,
  width: number,
  numClasses: number,
): ClassBoundaries {
  const classOf = new Int32Array(map.length).fill(-1);
  const sizes = new Int32Array(numClasses + 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (truth[i]! < 0) continue;
      const c = map[i]!;
      const onBoundary =
        (x > 0 && map[i - 1] !== c) ||
        (x < width - 1 && map[i + 1] !== c) ||
        (y > 0 && map[i - width] !== c) ||
        (y < height - 1 && map[i + width] !== c);
      if (onBoundary) {
        classOf[i] = c;
        sizes[c + 1] = sizes[c + 1]! + 1;
      }
    }
  }
  const offsets = new Int32Array(numClasses + 1);
  for (let c = 0; c < numClasses; c++) offsets[c + 1] = offsets[c]! + sizes[c + 1]!;
  const pixels = new Int32Array(offsets[numClasses]!);
  const next = offsets.slice(0, numClasses);
  for (let i = 0; i < classOf.length; i++) {
    const c = classOf[i]!;
    if (c >= 0) {
      pixels[next[c]!] = i;
      next[c] = next[c]! + 1;
    }
  }
  return { pixels, offsets };
}
