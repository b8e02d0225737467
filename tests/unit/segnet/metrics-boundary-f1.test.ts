import { describe, expect, it } from 'vitest';
import {
  boundaryF1,
  BoundaryF1Accumulator,
  boundaryTolerancePx,
  squaredDistanceTransform,
  type BoundaryF1Result,
} from '../../../src/segnet/metrics';
import { seededRandom } from '../helpers';


/** A map of `rows` strings of digits, e.g. ['001', '011'] (row-major). */
function grid(rows: string[]): number[] {
  return rows.flatMap((r) => [...r].map(Number));
}

/**
 * Plain reference BF, written from the definitions with brute-force distances:
 * boundary = labelled pixel with an in-image 4-neighbour of another value (in that map);
 * truth labels >= k are void; a match is d^2 <= tol^2.
 */
function referenceBoundaryF1(truth: number[], pred: number[], h: number, w: number, k: number, tol: number) {
  const labelled = (i: number) => truth[i]! < k;
  const boundary = (map: number[], c: number) => {
    const out: [number, number][] = [];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (!labelled(i) || map[i] !== c) continue;
        const neighbours = [[y - 1, x], [y + 1, x], [y, x - 1], [y, x + 1]].filter(
          ([yy, xx]) => yy! >= 0 && yy! < h && xx! >= 0 && xx! < w,
        );
        if (neighbours.some(([yy, xx]) => map[yy! * w + xx!] !== c)) out.push([y, x]);
      }
    }
    return out;
  };
  const matchedFraction = (from: [number, number][], to: [number, number][]) =>
    from.filter(([y, x]) => to.some(([yy, xx]) => (y - yy) ** 2 + (x - xx) ** 2 <= tol * tol + 1e-9)).length /
    from.length;
  const perClassF1: number[] = [];
  const inTruth: boolean[] = [];
  for (let c = 0; c < k; c++) {
    const t = truth.some((v) => v === c);
    const p = pred.some((v, i) => v === c && labelled(i));
    inTruth.push(t);
    const bt = boundary(truth, c);
    const bp = boundary(pred, c);
    let f1: number;
    if (!t && !p) f1 = NaN;
    else if (!t || !p) f1 = 0;
    else if (bt.length === 0 && bp.length === 0) f1 = 1;
    else if (bt.length === 0 || bp.length === 0) f1 = 0;
    else {
      const precision = matchedFraction(bp, bt);
      const recall = matchedFraction(bt, bp);
      f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    }
    perClassF1.push(f1);
  }
  const scored = perClassF1.filter((_, c) => inTruth[c]);
  const meanF1 = scored.length > 0 ? scored.reduce((a, b) => a + b, 0) / scored.length : NaN;
  return { perClassF1, meanF1 };
}

/** A random label map made of a few overlapping rectangles, with some void and some noise. */
function randomMap(rand: () => number, h: number, w: number, k: number): number[] {
  const map = new Array<number>(h * w).fill(Math.floor(rand() * k));
  const rects = 1 + Math.floor(rand() * 4);
  for (let r = 0; r < rects; r++) {
    const [y0, x0] = [Math.floor(rand() * h), Math.floor(rand() * w)];
    const [y1, x1] = [y0 + Math.floor(rand() * h), x0 + Math.floor(rand() * w)];
    const c = Math.floor(rand() * (k + 1)); // k = void
    for (let y = y0; y <= Math.min(y1, h - 1); y++) for (let x = x0; x <= Math.min(x1, w - 1); x++) map[y * w + x] = c;
  }
  for (let i = 0; i < map.length; i++) if (rand() < 0.05) map[i] = Math.floor(rand() * k);
  return map;
}

/** Two-class 360 x 480 frame split by a vertical edge at column `edge` (class 0 left of it). */
function verticalSplit(edge: number, h = 360, w = 480): Uint8Array {
  const map = new Uint8Array(h * w);
  for (let y = 0; y < h; y++) map.fill(1, y * w + edge, (y + 1) * w);
  return map;
}

/*
 * Hand example, 4 x 6, K = 2 (void 2):
 *
 *   truth      prediction
 *   000111     000111
 *   000111     000111
 *   000111     000001
 *   000111     000001
 *
 * Boundary pixels (y, x), 4-neighbourhood, image edge not a boundary:
 *   truth class 0: (0,2) (1,2) (2,2) (3,2)        truth class 1: (0,3) (1,3) (2,3) (3,3)
 *   pred  class 0: (0,2) (1,2) (2,3) (2,4) (3,4)  pred  class 1: (0,3) (1,3) (1,4) (2,5) (3,5)
 * theta = 1 (d^2 <= 1):
 *   class 0: precision: (0,2) (1,2) (2,3) match, (2,4) (3,4) are 2 away -> 3/5;
 *            recall: (0,2) (1,2) (2,2) match, (3,2) is sqrt 2 from (2,3) -> 3/4;
 *            F1 = 2 * 0.6 * 0.75 / 1.35 = 2/3.   class 1 by the same count: 3/5, 3/4, 2/3.
 * theta = 2: every pixel is within 2 of the other map's boundary -> F1 = 1, 1.
 * theta = 0: only (0,2) (1,2) / (0,3) (1,3) match -> P = 2/5, R = 2/4, F1 = 0.4 / 0.9 = 4/9.
 */
const handTruth = grid(['000111', '000111', '000111', '000111']);
const handPrediction = grid(['000111', '000111', '000001', '000001']);

describe('boundaryF1: hand-computed cases', () => {
  it.each([
    [1, 3 / 5, 3 / 4, 2 / 3],
    [2, 1, 1, 1],
    [0, 2 / 5, 2 / 4, 4 / 9],
  ])('boundaryF1(hand 4x6, { tolerancePx: %d })', (tolerancePx, precision, recall, f1) => {
    const r = boundaryF1(handTruth, handPrediction, 4, 6, { numClasses: 2, voidLabel: 2, tolerancePx });
    expect(r.perClassPrecision[0]).toBeCloseTo(precision, 12);
    expect(r.perClassRecall[0]).toBeCloseTo(recall, 12);
    expect(r.perClassPrecision[1]).toBeCloseTo(precision, 12);
    expect(r.perClassRecall[1]).toBeCloseTo(recall, 12);
    expect(r.perClassF1[0]).toBeCloseTo(f1, 12);
    expect(r.perClassF1[1]).toBeCloseTo(f1, 12);
    expect(r.meanF1).toBeCloseTo(f1, 12);
    expect(r.tolerancePx).toBe(tolerancePx);
  });

  /*
   * Same prediction, truth row 3 void:
   *   truth 000111 / 000111 / 000111 / 222222
   * Void pixels are on no boundary, and a void neighbour makes a labelled pixel a boundary:
   *   truth class 0: (0,2) (1,2) (2,0) (2,1) (2,2)   truth class 1: (0,3) (1,3) (2,3) (2,4) (2,5)
   *   pred  class 0: (0,2) (1,2) (2,3) (2,4)          pred  class 1: (0,3) (1,3) (1,4) (2,5)
   * theta = 1: class 0: P = 3/4 ((2,4) is 2 from (2,2)); R = 3/5 ((2,0), (2,1) unmatched);
   *   F1 = 2 * 0.75 * 0.6 / 1.35 = 2/3. Class 1: P = 4/4, R = 5/5, F1 = 1. Mean = 5/6.
   */
  it('void pixels are never boundary pixels; a void neighbour is a different label', () => {
    const truth = grid(['000111', '000111', '000111', '222222']);
    const r = boundaryF1(truth, handPrediction, 4, 6, { numClasses: 2, voidLabel: 2, tolerancePx: 1 });
    expect(r.perClassPrecision[0]).toBeCloseTo(3 / 4, 12);
    expect(r.perClassRecall[0]).toBeCloseTo(3 / 5, 12);
    expect(r.perClassF1).toEqual([expect.closeTo(2 / 3, 12), 1]);
    expect(r.meanF1).toBeCloseTo(5 / 6, 12);
  });

  it('labels >= numClasses are void like the void label', () => {
    const truth = grid(['000111', '000111', '000111', '999999']);
    const r = boundaryF1(truth, handPrediction, 4, 6, { numClasses: 2, voidLabel: 2, tolerancePx: 1 });
    expect(r.meanF1).toBeCloseTo(5 / 6, 12);
  });
});

describe('boundaryF1: degenerate and absent classes', () => {
  const opts = { numClasses: 3, voidLabel: 3, tolerancePx: 1 };

  it('identical maps give 1, including classes without boundary pixels', () => {
    const rand = seededRandom(7);
    const map = randomMap(rand, 9, 13, 3).map((v) => (v === 3 ? 0 : v));
    expect(boundaryF1(map, map, 9, 13, opts).meanF1).toBe(1);
    const flat = new Array(12).fill(2);
    const r = boundaryF1(flat, flat, 3, 4, opts);
    expect(r.perClassF1).toEqual([NaN, NaN, 1]);
    expect(r.meanF1).toBe(1);
  });

  it('a class only in the truth scores 0 and counts; one only in the prediction scores 0 and does not', () => {
    // Truth all 0, prediction all 1: no boundary anywhere, yet nothing is right.
    const r = boundaryF1(new Array(6).fill(0), new Array(6).fill(1), 2, 3, opts);
    expect(r.perClassF1).toEqual([0, 0, NaN]);
    expect(r.inTruth).toEqual([true, false, false]);
    expect(r.meanF1).toBe(0);
  });

  it('a class whose truth has no boundary but whose prediction has one scores 0', () => {
    // Truth all 0; the prediction has a single 1 in the middle, so class 0 gets 4 predicted
    // boundary pixels (the centre's neighbours) and none in the truth: precision 0, recall NaN.
    const pred = grid(['000', '010', '000']);
    const r = boundaryF1(new Array(9).fill(0), pred, 3, 3, opts);
    expect(r.perClassPrecision[0]).toBe(0);
    expect(r.perClassRecall[0]).toBeNaN();
    expect(r.perClassF1[0]).toBe(0);
    expect(r.meanF1).toBe(0);
  });

  it('an all-void image has no BF (NaN)', () => {
    const r = boundaryF1(new Array(4).fill(3), [0, 1, 2, 0], 2, 2, opts);
    expect(r.meanF1).toBeNaN();
    expect(r.perClassF1).toEqual([NaN, NaN, NaN]);
  });
});

describe('boundaryF1: the paper tolerance (0.75 % of the diagonal)', () => {
  it('boundaryTolerancePx(360, 480) = 4.5 px (diagonal 600)', () => {
    expect(boundaryTolerancePx(360, 480)).toBeCloseTo(4.5, 12);
    expect(boundaryTolerancePx(360, 480, 0.01)).toBeCloseTo(6, 12);
  });

  it.each([
    [1, 1],
    [4, 1],
    [5, 0],
  ])('a vertical edge moved by %d px at 360 x 480 gives BF %d', (shift, expected) => {
    const r = boundaryF1(verticalSplit(240), verticalSplit(240 + shift), 360, 480, { numClasses: 2, voidLabel: 2 });
    expect(r.tolerancePx).toBeCloseTo(4.5, 12);
    expect(r.meanF1).toBe(expected);
  });

  it('a square moved diagonally by (3, 3), 4.24 px, still gives 1; by 5 px across, less than 1', () => {
    const square = (dy: number, dx: number) => {
      const map = new Uint8Array(360 * 480);
      for (let y = 100 + dy; y < 200 + dy; y++) map.fill(1, y * 480 + 150 + dx, y * 480 + 300 + dx);
      return map;
    };
    const opts2 = { numClasses: 2, voidLabel: 2 };
    expect(boundaryF1(square(0, 0), square(3, 3), 360, 480, opts2).meanF1).toBe(1);
    expect(boundaryF1(square(0, 0), square(0, 5), 360, 480, opts2).meanF1).toBeLessThan(1);
  });
});

describe('boundaryF1 matches a brute-force reference', () => {
  it('on 300 random maps (seeded), for tolerances 0, 1, 1.5, 2.3 and the default', () => {
    const rand = seededRandom(20151102);
    for (let trial = 0; trial < 300; trial++) {
      const h = 1 + Math.floor(rand() * 12);
      const w = 1 + Math.floor(rand() * 12);
      const k = 2 + Math.floor(rand() * 3);
      const truth = randomMap(rand, h, w, k);
      const pred = rand() < 0.2 ? truth.map((v) => (v === k ? 0 : v)) : randomMap(rand, h, w, k).map((v) => v % k);
      const tolerance = [0, 1, 1.5, 2.3, undefined][trial % 5];
      const options = { numClasses: k, voidLabel: k, tolerancePx: tolerance };
      const got: BoundaryF1Result = boundaryF1(truth, pred, h, w, options);
      const want = referenceBoundaryF1(truth, pred, h, w, k, tolerance ?? boundaryTolerancePx(h, w));
      const context = `trial ${trial}: ${h}x${w}, k=${k}, tolerance ${tolerance}`;
      expect(got.perClassF1.length, context).toBe(k);
      got.perClassF1.forEach((f, c) => {
        if (Number.isNaN(want.perClassF1[c])) expect(f, context).toBeNaN();
        else expect(f, `${context}, class ${c}`).toBeCloseTo(want.perClassF1[c]!, 12);
      });
      if (Number.isNaN(want.meanF1)) expect(got.meanF1, context).toBeNaN();
      else expect(got.meanF1, context).toBeCloseTo(want.meanF1, 12);
    }
  });
});

describe('squaredDistanceTransform', () => {
  it('matches brute force on 200 random masks (seeded), including 1 x n and n x 1', () => {
    const rand = seededRandom(42);
    for (let trial = 0; trial < 200; trial++) {
      const h = 1 + Math.floor(rand() * 10);
      const w = 1 + Math.floor(rand() * 10);
      const density = [0.02, 0.1, 0.5][trial % 3]!;
      const mask = Array.from({ length: h * w }, () => (rand() < density ? 1 : 0));
      const got = squaredDistanceTransform(mask, h, w);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          let best = Infinity;
          for (let i = 0; i < h * w; i++) {
            if (mask[i]) best = Math.min(best, (Math.floor(i / w) - y) ** 2 + ((i % w) - x) ** 2);
          }
          expect(got[y * w + x], `trial ${trial} (${y}, ${x})`).toBe(best);
        }
      }
    }
  });

  it('squaredDistanceTransform([0, 0, 1], 1, 3) = [4, 1, 0]', () => {
    expect(Array.from(squaredDistanceTransform([0, 0, 1], 1, 3))).toEqual([4, 1, 0]);
  });

  it('names the parameter on bad input', () => {
    expect(() => squaredDistanceTransform([0, 1], 2, 2)).toThrow(
      'squaredDistanceTransform: height*width = 4 but mask has 2 values',
    );
    expect(() => squaredDistanceTransform([], 0, 2)).toThrow(
      'squaredDistanceTransform: height must be an integer >= 1, got 0',
    );
  });
});

describe('BoundaryF1Accumulator', () => {
  const opts = { numClasses: 2, voidLabel: 2, tolerancePx: 1 };
  const voidRow3 = grid(['000111', '000111', '000111', '222222']);

  it('dataset BF is the mean of the per-image BF; all-void images are skipped', () => {
    const acc = new BoundaryF1Accumulator(opts);
    expect(acc.meanF1).toBeNaN();
    expect(acc.add(handTruth, handPrediction, 4, 6).meanF1).toBeCloseTo(2 / 3, 12);
    acc.add(voidRow3, handPrediction, 4, 6); // 5/6
    acc.add(new Array(24).fill(2), handPrediction, 4, 6); // no labelled pixel
    expect(acc.imageCount).toBe(2);
    expect(acc.meanF1).toBeCloseTo((2 / 3 + 5 / 6) / 2, 12);
    // class 0: 2/3 and 2/3; class 1: 2/3 and 1.
    const perClass = acc.perClassF1();
    expect(perClass[0]).toBeCloseTo(2 / 3, 12);
    expect(perClass[1]).toBeCloseTo(5 / 6, 12);
  });

  it('merge adds images; reset forgets them; frames of another size reuse nothing stale', () => {
    const a = new BoundaryF1Accumulator(opts);
    const b = new BoundaryF1Accumulator(opts);
    a.add(handTruth, handPrediction, 4, 6);
    b.add(grid(['01', '01']), grid(['01', '01']), 2, 2);
    b.add(handTruth, handTruth, 4, 6);
    a.merge(b);
    expect(a.imageCount).toBe(3);
    expect(a.meanF1).toBeCloseTo((2 / 3 + 1 + 1) / 3, 12);
    a.reset();
    expect(a.imageCount).toBe(0);
    expect(a.perClassF1()).toEqual([NaN, NaN]);
  });

  it('merge with another numClasses names both', () => {
    expect(() => new BoundaryF1Accumulator().merge(new BoundaryF1Accumulator(opts))).toThrow(
      'BoundaryF1Accumulator.merge: other has numClasses = 2, this has 11',
    );
  });
});

describe('boundaryF1 argument validation', () => {
  it('names height*width and the length of labels or predictions', () => {
    expect(() => boundaryF1(new Array(10).fill(0), new Array(12).fill(0), 3, 4)).toThrow(
      'boundaryF1: height*width = 12 but labels has 10 values',
    );
    expect(() => boundaryF1(new Array(12).fill(0), new Array(11).fill(0), 3, 4)).toThrow(
      'boundaryF1: height*width = 12 but predictions has 11 values',
    );
  });

  it('names height or width when not a positive integer', () => {
    expect(() => boundaryF1([], [], 0, 4)).toThrow('boundaryF1: height must be an integer >= 1, got 0');
    expect(() => boundaryF1([0, 0], [0, 0], 1, 2.5)).toThrow('boundaryF1: width must be an integer >= 1, got 2.5');
  });

  it('names a bad prediction value and its pixel', () => {
    expect(() => boundaryF1([0, 1, 0, 1], [0, 1, 11, 1], 2, 2)).toThrow(
      'boundaryF1: predictions[2] = 11 is not a class in 0..10',
    );
  });

  it('names a bad truth label and its pixel', () => {
    expect(() => boundaryF1([0, -3, 0, 1], [0, 1, 0, 1], 2, 2)).toThrow(
      'boundaryF1: labels[1] = -3 is neither a class in 0..10 nor ignored (void label 11, or >= 11)',
    );
  });

  it('names bad tolerances', () => {
    expect(() => boundaryF1([0], [0], 1, 1, { tolerancePx: -1 })).toThrow(
      'boundaryF1: tolerancePx must be a finite number >= 0, got -1',
    );
    expect(() => boundaryF1([0], [0], 1, 1, { toleranceFraction: NaN })).toThrow(
      'boundaryF1: toleranceFraction must be a finite number >= 0, got NaN',
    );
  });

  it('BoundaryF1Accumulator.add names itself', () => {
    expect(() => new BoundaryF1Accumulator().add([0], [0, 0], 1, 1)).toThrow(
      'BoundaryF1Accumulator.add: height*width = 1 but predictions has 2 values',
    );
  });
});
