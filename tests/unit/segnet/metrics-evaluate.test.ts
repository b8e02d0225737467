import { describe, expect, it } from 'vitest';
import {
  argmaxClasses,
  boundaryF1,
  ConfusionMatrix,
  evaluateSegmentation,
  SegmentationEvaluator,
  segmentationScores,
  type SegmentationFrame,
} from '../../../src/segnet/metrics';

/** A map of `rows` strings of digits, e.g. ['001', '011'] (row-major). */
function grid(rows: string[]): number[] {
  return rows.flatMap((r) => [...r].map(Number));
}

const options = { numClasses: 2, voidLabel: 2, tolerancePx: 1 };

/*
 * Two 4 x 6 frames (K = 2, void 2), the same as in metrics-boundary-f1.test.ts:
 *   frame A: truth 000111 x4,                   prediction 000111 / 000111 / 000001 / 000001
 *   frame B: truth 000111 x3 + 222222 (void),   same prediction
 * Pixel counts, A: truth 0 -> 12 predicted 0; truth 1 -> 8 as 1, 4 as 0 (rows 2-3, x = 3, 4).
 *              B: truth 0 -> 9 as 0; truth 1 -> 7 as 1, 2 as 0 (row 2, x = 3, 4).
 * Matrix [[21, 0], [6, 15]]: N = 42, G = 36/42, acc = [1, 15/21], C = (1 + 15/21) / 2,
 * IoU = [21/(21+27-21), 15/(21+15-15)] = [21/27, 15/21].
 * BF (tolerance 1): A = 2/3, B = 5/6 (worked out in metrics-boundary-f1.test.ts) -> 3/4.
 */
const frames: SegmentationFrame[] = [
  {
    labels: grid(['000111', '000111', '000111', '000111']),
    predictions: grid(['000111', '000111', '000001', '000001']),
    height: 4,
    width: 6,
  },
  {
    labels: grid(['000111', '000111', '000111', '222222']),
    predictions: grid(['000111', '000111', '000001', '000001']),
    height: 4,
    width: 6,
  },
];

describe('evaluateSegmentation', () => {
  it('evaluateSegmentation(two hand frames) gives the hand-computed matrix, scores and BF', () => {
    const e = evaluateSegmentation(frames, options);
    expect(e.confusion.toArray()).toEqual([
      [21, 0],
      [6, 15],
    ]);
    expect(e.scores.globalAccuracy).toBeCloseTo(36 / 42, 12);
    expect(e.scores.classAverageAccuracy).toBeCloseTo((1 + 15 / 21) / 2, 12);
    expect(e.scores.meanIoU).toBeCloseTo((21 / 27 + 15 / 21) / 2, 12);
    expect(e.boundaryF1).toBeCloseTo(3 / 4, 12);
    expect(e.perClassBoundaryF1[0]).toBeCloseTo(2 / 3, 12);
    expect(e.perClassBoundaryF1[1]).toBeCloseTo((2 / 3 + 1) / 2, 12);
    expect(e.frameCount).toBe(2);
  });

  it('agrees with ConfusionMatrix + segmentationScores + boundaryF1 called one by one', () => {
    const e = evaluateSegmentation(frames, options);
    const m = new ConfusionMatrix(options);
    for (const f of frames) m.add(f.labels, f.predictions);
    expect(e.scores).toEqual(segmentationScores(m));
    const bf = frames.map((f) => boundaryF1(f.labels, f.predictions, f.height, f.width, options).meanF1);
    expect(e.boundaryF1).toBeCloseTo((bf[0]! + bf[1]!) / 2, 12);
  });

  it('no frames: NaN scores, frameCount 0', () => {
    const e = evaluateSegmentation([], options);
    expect(e.frameCount).toBe(0);
    expect(e.scores.globalAccuracy).toBeNaN();
    expect(e.boundaryF1).toBeNaN();
  });

  it('SegmentationEvaluator streams frames; a result is a snapshot', () => {
    const ev = new SegmentationEvaluator(options);
    ev.add(frames[0]!);
    const first = ev.result();
    ev.add(frames[1]!);
    expect(first.confusion.pixelCount).toBe(24);
    expect(first.boundaryF1).toBeCloseTo(2 / 3, 12);
    expect(ev.result().confusion.pixelCount).toBe(42);
  });

  it('a bad frame names its index and changes nothing', () => {
    const bad = { ...frames[0]!, predictions: Array.from(frames[0]!.predictions, (p, i) => (i === 5 ? 2 : p)) };
    expect(() => evaluateSegmentation([frames[0]!, bad], options)).toThrow(
      'evaluateSegmentation: frames[1]: predictions[5] = 2 is not a class in 0..1',
    );
    const ev = new SegmentationEvaluator(options);
    expect(() => ev.add({ ...frames[0]!, height: 5 })).toThrow(
      'SegmentationEvaluator.add: height*width = 30 but labels has 24 values',
    );
    expect(() => ev.add(bad)).toThrow('SegmentationEvaluator.add: predictions[5] = 2');
    expect(ev.result().frameCount).toBe(0);
    expect(ev.result().confusion.pixelCount).toBe(0);
  });

  it('bad options name the caller', () => {
    expect(() => evaluateSegmentation([], { numClasses: -1 })).toThrow(
      'evaluateSegmentation: numClasses must be an integer >= 1, got -1',
    );
  });
});

describe('argmaxClasses', () => {
  it('argmaxClasses(3 pixels x 3 classes) takes the last axis; the first maximum wins ties', () => {
    // pixel 0: max at class 2; pixel 1: classes 0 and 1 tie at 0.5 -> 0; pixel 2: all equal -> 0.
    const scores = Float32Array.from([0.1, 0.2, 0.7, 0.5, 0.5, 0.0, -1, -1, -1]);
    expect(Array.from(argmaxClasses(scores, 3, 3))).toEqual([2, 0, 0]);
  });

  it('works on logits of any sign and never picks NaN', () => {
    const scores = Float32Array.from([-5, -3, -4, NaN, -2, 1, NaN, NaN, -Infinity]);
    expect(Array.from(argmaxClasses(scores, 3, 3))).toEqual([1, 2, 0]);
  });

  it('agrees with a reference argmax on random scores (seeded)', () => {
    let s = 12345;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const [n, k] = [500, 11];
    const scores = Float32Array.from({ length: n * k }, () => Math.round(rand() * 8) - 4); // many ties
    const got = argmaxClasses(scores, n, k);
    for (let i = 0; i < n; i++) {
      const row = Array.from(scores.subarray(i * k, (i + 1) * k));
      expect(got[i]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('names the mismatch between numPixels*numClasses and the data', () => {
    expect(() => argmaxClasses(new Float32Array(10), 4, 3)).toThrow(
      'argmaxClasses: numPixels*numClasses = 12 but probabilities has 10 values',
    );
    expect(() => argmaxClasses(new Float32Array(0), -1, 3)).toThrow(
      'argmaxClasses: numPixels must be an integer >= 0, got -1',
    );
    expect(() => argmaxClasses(new Float32Array(0), 0, 0)).toThrow(
      'argmaxClasses: numClasses must be an integer >= 1, got 0',
    );
    expect(() => argmaxClasses(new Float32Array(300), 1, 300)).toThrow(
      'argmaxClasses: numClasses must be <= 256 to fit a Uint8Array label map, got 300',
    );
  });
});
