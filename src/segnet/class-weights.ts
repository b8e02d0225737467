/**
 * Class-weight presets for the weighted pixel-wise cross-entropy.
 *
 * SegNet balances CamVid's very uneven classes (road and sky cover most pixels, poles and
 * signs almost none) with median-frequency balancing (Eigen & Fergus 2015):
 *   w_c = median_k(f_k) / f_c,   f_c = (pixels of class c) / (pixels of images where c appears).
 */

/** Number of real classes in the CamVid 11-class split. */
export const CAMVID_NUM_CLASSES = 11;

/** The label value that marks unlabelled (void) pixels: ignored by the loss and by every metric. */
export const VOID_LABEL = 11;

/**
 * The median-frequency weights shipped in SegNet-Tutorial's segnet_basic_train.prototxt,
 * in class order Sky, Building, Pole, Road, Pavement, Tree, SignSymbol, Fence, Car,
 * Pedestrian, Bicyclist.
 */
export const TUTORIAL_CLASS_WEIGHTS: readonly number[] = Object.freeze([
  0.2595, 0.1826, 4.564, 0.1417, 0.9051, 0.3826, 9.6446, 1.8418, 0.6823, 6.2478, 7.3614,
]);

/** Per-class pixel statistics of a labelled dataset, the input of median-frequency balancing. */
export interface ClassFrequencies {
  /** pixelCounts[c]: labelled pixels of class c over the whole dataset. */
  pixelCounts: readonly number[];
  /** imagePixelCounts[c]: total pixels of the images in which class c appears at least once. */
  imagePixelCounts: readonly number[];
}

/**
 * Median-frequency balancing weights computed from a dataset's label statistics.
 * A class that never appears gets weight 0 (it cannot be learnt, and must not dominate).
 */
export function medianFrequencyWeights(freq: ClassFrequencies): number[] {
  const { pixelCounts, imagePixelCounts } = freq;
  if (pixelCounts.length !== imagePixelCounts.length) {
    throw new Error(
      `medianFrequencyWeights: pixelCounts has ${pixelCounts.length} classes but imagePixelCounts has ${imagePixelCounts.length}`,
    );
  }
  const f = pixelCounts.map((n, c) => {
    const d = imagePixelCounts[c] ?? 0;
    if (n < 0 || d < 0 || !Number.isFinite(n) || !Number.isFinite(d)) {
      throw new Error(`medianFrequencyWeights: counts for class ${c} must be finite and >= 0, got ${n} / ${d}`);
    }
    return d > 0 ? n / d : 0;
  });
  const present = f.filter((v) => v > 0).sort((a, b) => a - b);
  if (present.length === 0) throw new Error('medianFrequencyWeights: no class has any labelled pixel');
  const mid = present.length >> 1;
  const median = present.length % 2 === 1 ? present[mid]! : (present[mid - 1]! + present[mid]!) / 2;
  return f.map((v) => (v > 0 ? median / v : 0));
}

/**
 * The loss weights a run's `weights` switch asks for: SegNet-Tutorial's, the median-frequency
 * weights of the run's own training data (a manifest carries them), or null for unweighted.
 */
export function classWeightsFor(
  weighting: 'tutorial' | 'median' | 'none',
  data: { medianFrequencyWeights: readonly number[] },
): number[] | null {
  if (weighting === 'none') return null;
  if (weighting === 'tutorial') return [...TUTORIAL_CLASS_WEIGHTS];
  return [...data.medianFrequencyWeights];
}
