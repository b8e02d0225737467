import { describe, expect, it } from 'vitest';
import {
  appendPoint,
  curvesFromExtra,
  emptyCurves,
  etaSeconds,
  formatDuration,
  MAX_POINTS,
  rowNormalise,
  smoothCurve,
  type CurvePoint,
} from '../../../../src/widgets/training-studio/curves';

const pts = (values: number[]): CurvePoint[] => values.map((value, i) => ({ step: i + 1, value }));

describe('smoothCurve(points, weight)', () => {
  it('is the bias-corrected exponential moving average', () => {
    const out = smoothCurve(pts([1, 3, 2]), 0.5).map((p) => p.value);
    // m1 = 0.5, m2 = 0.25 + 1.5 = 1.75, m3 = 0.875 + 1 = 1.875; divided by 1 - 0.5^n
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(1.75 / 0.75, 12);
    expect(out[2]).toBeCloseTo(1.875 / 0.875, 12);
  });

  it('with weight 0 returns the values, and keeps steps', () => {
    expect(smoothCurve(pts([4, 2, 9]), 0)).toEqual(pts([4, 2, 9]));
  });

  it('skips non-finite values and rejects a weight outside [0, 1)', () => {
    const out = smoothCurve(pts([NaN, 2, NaN]), 0.9).map((p) => p.value);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeCloseTo(2, 12);
    expect(out[2]).toBeCloseTo(2, 12);
    expect(() => smoothCurve([], 1)).toThrow('smoothCurve: weight must be in [0, 1), got 1');
  });
});

describe('appendPoint(curve, point)', () => {
  it('replaces points from a step that is recorded again (a resumed run)', () => {
    const curve = pts([5, 4, 3]);
    expect(appendPoint(curve, { step: 2, value: 9 })).toEqual([{ step: 1, value: 5 }, { step: 2, value: 9 }]);
  });

  it('thins the older half beyond MAX_POINTS, keeping the newest points exact', () => {
    let curve: CurvePoint[] = [];
    for (let i = 1; i <= MAX_POINTS + 1; i++) curve = appendPoint(curve, { step: i, value: i });
    expect(curve.length).toBeLessThan(MAX_POINTS);
    expect(curve[curve.length - 1]).toEqual({ step: MAX_POINTS + 1, value: MAX_POINTS + 1 });
    expect(curve[0]!.step).toBe(1);
    expect(curve.every((p, i) => i === 0 || p.step > curve[i - 1]!.step)).toBe(true);
  });
});

describe('etaSeconds and formatDuration', () => {
  it('is steps left x batch / images per second', () => {
    expect(etaSeconds(30, 2, 4)).toBe(15);
    expect(etaSeconds(0, 2, 4)).toBe(0);
    expect(etaSeconds(10, 2, 0)).toBeNull();
    expect(etaSeconds(10, 2, NaN)).toBeNull();
  });

  it('writes seconds, minutes and hours', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(7500)).toBe('2 h 05 min');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('rowNormalise and curvesFromExtra', () => {
  it('divides each row by its sum and leaves empty rows at zero', () => {
    expect(rowNormalise([[1, 3], [0, 0]])).toEqual([[0.25, 0.75], [0, 0]]);
  });

  it('gives empty curves for malformed saved curves, and keeps valid ones', () => {
    expect(curvesFromExtra({ loss: [{ step: 'x', value: 1 }], trainIoU: [], valIoU: [] })).toEqual(emptyCurves());
    expect(curvesFromExtra(undefined)).toEqual(emptyCurves());
    const good = { loss: pts([1]), trainIoU: [], valIoU: pts([0.2]), validation: { step: 1, classIoU: [0.5, null], confusion: [[1, 0], [0, 1]], meanIoU: 0.5 } };
    expect(curvesFromExtra(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });
});
