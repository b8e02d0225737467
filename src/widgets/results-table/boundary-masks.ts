/**
 * The pixels behind the boundary F1 score (src/segnet/metrics/boundary-f1.ts), for drawing:
 * each class's true and predicted boundary pixels, the tolerance band around the true ones,
 * and which pixels match. Boundaries and matching follow the metric exactly:
 * - a pixel of class c lies on c's boundary when a 4-neighbour inside the image has another
 *   label in the same map (void counts as another label in the truth); pixels whose truth is
 *   void are on no boundary;
 * - a predicted boundary pixel of c matches when a true boundary pixel of c lies within theta
 *   (d^2 <= theta^2), and a true one is recalled when a predicted one of c lies within theta.
 * Distances come from the exact squared Euclidean distance transform of the metrics module.
 */
import { CAMVID_NUM_CLASSES } from '../../data';
import { squaredDistanceTransform } from '../../segnet/core';

/** Values of the `truth` and `predicted` masks. */
export const EDGE = { none: 0, matched: 1, unmatched: 2 } as const;

export interface BoundaryMasks {
  height: number;
  width: number;
  tolerancePx: number;
  /** 1 within theta of a true boundary pixel of a shown class. */
  band: Uint8Array;
  /** True boundary pixels: EDGE.matched (recalled) or EDGE.unmatched (missed). */
  truth: Uint8Array;
  /** Predicted boundary pixels: EDGE.matched (within theta of a true one) or EDGE.unmatched. */
  predicted: Uint8Array;
  counts: { truth: number; truthMatched: number; predicted: number; predictedMatched: number };
}

function edgeMask(map: Int32Array, truth: Int32Array, c: number, height: number, width: number): Uint8Array {
  const mask = new Uint8Array(height * width);
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (truth[i]! < 0 || map[i] !== c) continue;
      if ((x > 0 && map[i - 1] !== c) || (x < width - 1 && map[i + 1] !== c) || (y > 0 && map[i - width] !== c) || (y < height - 1 && map[i + width] !== c)) {
        mask[i] = 1;
      }
    }
  }
  return mask;
}

/**
 * Boundary pixels of class `cls` (or of every class, when null) in a truth/prediction pair of
 * height x width label maps (truth 11 or more = void), with tolerance `tolerancePx`.
 */
export function boundaryMasks(
  truthLabels: ArrayLike<number>,
  predictedLabels: ArrayLike<number>,
  height: number,
  width: number,
  tolerancePx: number,
  cls: number | null,
): BoundaryMasks {
  const n = height * width;
  if (truthLabels.length !== n || predictedLabels.length !== n) {
    throw new Error(`boundaryMasks: ${height}x${width} needs ${n} labels, got ${truthLabels.length} and ${predictedLabels.length}`);
  }
  const truth = Int32Array.from(truthLabels, (t) => (t >= CAMVID_NUM_CLASSES ? -1 : t));
  const predicted = Int32Array.from(predictedLabels);
  const out: BoundaryMasks = {
    height,
    width,
    tolerancePx,
    band: new Uint8Array(n),
    truth: new Uint8Array(n),
    predicted: new Uint8Array(n),
    counts: { truth: 0, truthMatched: 0, predicted: 0, predictedMatched: 0 },
  };
  const limit = tolerancePx * tolerancePx + 1e-9;
  const classes = cls === null ? Array.from({ length: CAMVID_NUM_CLASSES }, (_, c) => c) : [cls];
  for (const c of classes) {
    const trueEdges = edgeMask(truth, truth, c, height, width);
    const predictedEdges = edgeMask(predicted, truth, c, height, width);
    const toTrue = squaredDistanceTransform(trueEdges, height, width);
    const toPredicted = squaredDistanceTransform(predictedEdges, height, width);
    for (let i = 0; i < n; i++) {
      if (toTrue[i]! <= limit) out.band[i] = 1;
      if (trueEdges[i]) {
        const hit = toPredicted[i]! <= limit;
        out.truth[i] = hit ? EDGE.matched : EDGE.unmatched;
        out.counts.truth++;
        if (hit) out.counts.truthMatched++;
      }
      if (predictedEdges[i]) {
        const hit = toTrue[i]! <= limit;
        out.predicted[i] = hit ? EDGE.matched : EDGE.unmatched;
        out.counts.predicted++;
        if (hit) out.counts.predictedMatched++;
      }
    }
  }
  return out;
}

/**
 * What a decoder that cannot place boundaries finer than `factor` pixels would output: the
 * majority label of each factor x factor block of the truth (void ignored; an all-void block
 * takes label 0), repeated over the block.
 */
export function blockyLabels(truth: ArrayLike<number>, height: number, width: number, factor: number): Uint8Array {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`blockyLabels: factor must be a positive integer, got ${factor}`);
  const out = new Uint8Array(height * width);
  const counts = new Int32Array(CAMVID_NUM_CLASSES);
  for (let by = 0; by < height; by += factor) {
    for (let bx = 0; bx < width; bx += factor) {
      counts.fill(0);
      const y1 = Math.min(height, by + factor);
      const x1 = Math.min(width, bx + factor);
      for (let y = by; y < y1; y++) for (let x = bx; x < x1; x++) {
        const t = truth[y * width + x]!;
        if (t < CAMVID_NUM_CLASSES) counts[t] = counts[t]! + 1;
      }
      let label = 0;
      for (let c = 1; c < CAMVID_NUM_CLASSES; c++) if (counts[c]! > counts[label]!) label = c;
      for (let y = by; y < y1; y++) out.fill(label, y * width + bx, y * width + x1);
    }
  }
  return out;
}
