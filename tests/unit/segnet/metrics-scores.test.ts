import { describe, expect, it } from 'vitest';
import { ConfusionMatrix, segmentationScores } from '../../../src/segnet/metrics';

/*
 * A 3-class 4x4 example (K = 3, void label 3), rows y = 0..3:
 *
 *   truth        prediction
 *   0 0 1 1      0 1 1 1
 *   0 0 1 1      0 0 1 2
 *   2 2 2 3      2 2 0 0
 *   2 2 3 3      1 2 2 2
 *
 * The three void pixels (predicted 0, 2, 2) are ignored. Counting the rest by hand,
 * rows = truth, columns = prediction:
 *   truth 0: predicted 0,1,0,0       -> [3, 1, 0]
 *   truth 1: predicted 1,1,1,2       -> [0, 3, 1]
 *   truth 2: predicted 2,2,0,1,2     -> [1, 1, 3]
 * N = 13 labelled pixels, 9 correct: G = 9/13.
 * Per-class accuracy (recall): 3/4, 3/4, 3/5 -> C = (0.75 + 0.75 + 0.6) / 3 = 0.7.
 * Predicted totals (column sums): 4, 5, 4 -> precision 3/4, 3/5, 3/4.
 * IoU = TP / (T + P - TP): 3/(4+4-3) = 0.6, 3/(4+5-3) = 0.5, 3/(5+4-3) = 0.5 -> mIoU = 1.6/3.
 */
const truth4x4 = [0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 2, 3, 2, 2, 3, 3];
const prediction4x4 = [0, 1, 1, 1, 0, 0, 1, 2, 2, 2, 0, 0, 1, 2, 2, 2];

describe('ConfusionMatrix', () => {
  it('new ConfusionMatrix() is 11 x 11 with CamVid void 11', () => {
    const m = new ConfusionMatrix();
    expect(m.numClasses).toBe(11);
    expect(m.voidLabel).toBe(11);
    expect(m.counts).toBeInstanceOf(Float64Array);
    expect(m.counts.length).toBe(121);
  });

  it('add(truth4x4, prediction4x4) counts the hand-computed matrix, skipping void pixels', () => {
    const m = new ConfusionMatrix({ numClasses: 3, voidLabel: 3 });
    m.add(truth4x4, Uint8Array.from(prediction4x4));
    expect(m.toArray()).toEqual([
      [3, 1, 0],
      [0, 3, 1],
      [1, 1, 3],
    ]);
    expect(m.pixelCount).toBe(13);
  });

  it('add ignores any truth label >= numClasses, not only the void label', () => {
    const m = new ConfusionMatrix({ numClasses: 3, voidLabel: 3 });
    m.add([0, 255, 7, 3, 2], [0, 1, 2, 0, 2]);
    expect(m.toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('add({ voidLabel: 0 }) ignores class-0 truth pixels', () => {
    const m = new ConfusionMatrix({ numClasses: 3, voidLabel: 0 });
    m.add([0, 0, 1, 2], [1, 2, 1, 1]);
    expect(m.toArray()).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('add accumulates over calls; merge adds; reset clears', () => {
    const a = new ConfusionMatrix({ numClasses: 2 });
    a.add([0, 1], [0, 0]);
    a.add([1], [1]);
    expect(a.toArray()).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const b = new ConfusionMatrix({ numClasses: 2 });
    b.add([0, 0], [1, 1]);
    a.merge(b);
    expect(a.toArray()).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect(b.toArray()).toEqual([
      [0, 2],
      [0, 0],
    ]);
    a.reset();
    expect(a.pixelCount).toBe(0);
  });

  it('clone() is independent of the original', () => {
    const a = new ConfusionMatrix({ numClasses: 2 });
    a.add([0], [1]);
    const c = a.clone();
    a.add([0], [1]);
    expect(c.toArray()).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  it('fromArray(rows) round-trips through toArray()', () => {
    const rows = [
      [5, 1],
      [2, 7],
    ];
    expect(ConfusionMatrix.fromArray(rows).toArray()).toEqual(rows);
  });
});

describe('ConfusionMatrix argument validation', () => {
  it('new ConfusionMatrix({ numClasses: 0 }) names numClasses', () => {
    expect(() => new ConfusionMatrix({ numClasses: 0 })).toThrow(
      'ConfusionMatrix: numClasses must be an integer >= 1, got 0',
    );
  });

  it('new ConfusionMatrix({ voidLabel: 1.5 }) names voidLabel', () => {
    expect(() => new ConfusionMatrix({ voidLabel: 1.5 })).toThrow(
      'ConfusionMatrix: voidLabel must be an integer, got 1.5',
    );
  });

  it('add with different lengths names both', () => {
    expect(() => new ConfusionMatrix().add([0, 1, 2], [0, 1])).toThrow(
      'ConfusionMatrix.add: labels has 3 values but predictions has 2',
    );
  });

  it('add with a prediction out of range names the value and pixel, and counts nothing', () => {
    const m = new ConfusionMatrix({ numClasses: 3 });
    expect(() => m.add([0, 1, 2], [0, 1, 3])).toThrow('ConfusionMatrix.add: predictions[2] = 3 is not a class in 0..2');
    expect(m.pixelCount).toBe(0);
  });

  it('add rejects a prediction on a void pixel too', () => {
    expect(() => new ConfusionMatrix({ numClasses: 3 }).add([3], [-1])).toThrow(
      'ConfusionMatrix.add: predictions[0] = -1 is not a class in 0..2',
    );
  });

  it('add with a negative or fractional truth label names it', () => {
    expect(() => new ConfusionMatrix({ numClasses: 3 }).add([0, -1], [0, 0])).toThrow(
      'ConfusionMatrix.add: labels[1] = -1 is neither a class in 0..2 nor ignored (void label 11, or >= 3)',
    );
    expect(() => new ConfusionMatrix({ numClasses: 3 }).add([0.5], [0])).toThrow('labels[0] = 0.5 is neither');
  });

  it('merge with a different numClasses names both', () => {
    expect(() => new ConfusionMatrix({ numClasses: 3 }).merge(new ConfusionMatrix())).toThrow(
      'ConfusionMatrix.merge: other has numClasses = 11, this has 3',
    );
  });

  it('fromArray rejects ragged rows and negative counts', () => {
    expect(() => ConfusionMatrix.fromArray([[1, 2], [3]])).toThrow(
      'ConfusionMatrix.fromArray: rows[1] has 1 values, expected 2',
    );
    expect(() => ConfusionMatrix.fromArray([[1, -2], [3, 4]])).toThrow(
      'ConfusionMatrix.fromArray: rows[0][1] = -2 is not a count >= 0',
    );
    expect(() => ConfusionMatrix.fromArray([])).toThrow(
      'ConfusionMatrix.fromArray: rows.length must be an integer >= 1, got 0',
    );
  });
});

describe('segmentationScores', () => {
  it('segmentationScores(truth4x4 vs prediction4x4) gives the hand-computed G, C, mIoU', () => {
    const m = new ConfusionMatrix({ numClasses: 3, voidLabel: 3 });
    m.add(truth4x4, prediction4x4);
    const s = segmentationScores(m);
    expect(s.pixelCount).toBe(13);
    expect(s.globalAccuracy).toBeCloseTo(9 / 13, 12);
    expect(s.classAverageAccuracy).toBeCloseTo(0.7, 12);
    expect(s.meanIoU).toBeCloseTo(1.6 / 3, 12);
    expect(s.perClassAccuracy).toEqual([0.75, 0.75, 0.6]);
    expect(s.perClassPrecision).toEqual([0.75, 0.6, 0.75]);
    expect(s.perClassIoU).toEqual([0.6, 0.5, 0.5]);
  });

  /*
   * K = 4: class 2 is absent from truth and prediction, class 3 is predicted once but never true.
   *   rows [[2,0,0,1],[0,3,0,0],[0,0,0,0],[0,0,0,0]]
   * T = [3,3,0,0], P = [2,3,0,1], N = 6, correct = 5 -> G = 5/6.
   * acc = [2/3, 1, NaN, NaN] -> C = (2/3 + 1) / 2 = 5/6 (classes 2, 3 not in the truth).
   * IoU = [2/(3+2-2), 3/(3+3-3), NaN, 0/(0+1-0)] = [2/3, 1, NaN, 0] -> mIoU = (2/3 + 1) / 2.
   * precision = [2/2, 3/3, NaN, 0/1].
   */
  it('absent classes: NaN where undefined, left out of C and mIoU, false positives still cost', () => {
    const s = segmentationScores(
      ConfusionMatrix.fromArray([
        [2, 0, 0, 1],
        [0, 3, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]),
    );
    expect(s.globalAccuracy).toBeCloseTo(5 / 6, 12);
    expect(s.classAverageAccuracy).toBeCloseTo(5 / 6, 12);
    expect(s.meanIoU).toBeCloseTo(5 / 6, 12);
    expect(s.perClassAccuracy).toEqual([2 / 3, 1, NaN, NaN]);
    expect(s.perClassIoU).toEqual([2 / 3, 1, NaN, 0]);
    expect(s.perClassPrecision).toEqual([1, 1, NaN, 0]);
  });

  it('an empty matrix gives NaN scores and pixelCount 0', () => {
    const s = segmentationScores(new ConfusionMatrix({ numClasses: 2 }));
    expect(s.pixelCount).toBe(0);
    expect(s.globalAccuracy).toBeNaN();
    expect(s.classAverageAccuracy).toBeNaN();
    expect(s.meanIoU).toBeNaN();
  });

  it('a perfect prediction scores 1 everywhere', () => {
    const m = new ConfusionMatrix({ numClasses: 3, voidLabel: 3 });
    m.add(truth4x4, truth4x4.map((t) => (t === 3 ? 0 : t)));
    const s = segmentationScores(m);
    expect([s.globalAccuracy, s.classAverageAccuracy, s.meanIoU]).toEqual([1, 1, 1]);
  });
});
