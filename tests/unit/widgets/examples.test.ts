import { describe, expect, it } from 'vitest';
import { refMaxPool2x2 } from '../../../src/segnet/core';
import { DEFAULT_EXAMPLE, exampleGrid, featureRows, gridToRows, parseExample, rowsToGrid } from '../../../src/widgets/shared/examples';
import { indexBits, pooledExample } from '../../../src/widgets/shared/pooled-example';

describe('featureRows(seed, rows)', () => {
  it('is deterministic, post-ReLU-like integers 0..9', () => {
    const a = featureRows(5, 8);
    expect(featureRows(5, 8)).toEqual(a);
    expect(featureRows(6, 8)).not.toEqual(a);
    const values = a.flat();
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).toBe(true);
    expect(values.filter((v) => v === 0).length).toBeGreaterThan(8);
  });

  it('rowsToGrid and gridToRows are inverses', () => {
    const rows = featureRows(1, 6);
    expect(gridToRows(rowsToGrid(rows))).toEqual(rows);
    expect(exampleGrid({ seed: 1, size: 6 }).shape).toEqual([1, 6, 6, 1]);
  });
});

describe('pooledExample(choice)', () => {
  it('matches refMaxPool2x2 and spells out every window', () => {
    const e = pooledExample(DEFAULT_EXAMPLE);
    const ref = refMaxPool2x2(exampleGrid(DEFAULT_EXAMPLE));
    expect(e.pooled).toEqual(gridToRows(ref.pooled));
    expect(e.indices).toEqual(gridToRows(ref.indices));
    expect(e.windows).toHaveLength(16);
    for (const w of e.windows) {
      expect(e.input[w.maxRow]![w.maxCol]).toBe(w.max);
      expect(Math.max(...w.values)).toBe(w.max);
      expect(w.values.indexOf(w.max)).toBe(w.index);
    }
  });

  it('the default example has ties and an all-zero window, as chapter 4 says', () => {
    const e = pooledExample(DEFAULT_EXAMPLE);
    const ties = e.windows.flatMap((w, i) => (w.maxCount > 1 && w.max > 0 ? [i + 1] : []));
    const zeros = e.windows.flatMap((w, i) => (w.max === 0 ? [i + 1] : []));
    expect(ties).toEqual([2, 8, 14]);
    expect(zeros).toEqual([7]);
    expect(e.windows[6]!.index).toBe(0);
  });
});

describe('indexBits(index)', () => {
  it('writes row bit then column bit', () => {
    expect([0, 1, 2, 3].map(indexBits)).toEqual(['00', '01', '10', '11']);
    expect(() => indexBits(4)).toThrow('indexBits: index must be 0..3, got 4');
  });
});

describe('parseExample(fields)', () => {
  it('accepts seeds 1..99 and sizes 6 and 8 only', () => {
    expect(parseExample({ seed: '12', size: '6' })).toEqual({ seed: 12, size: 6 });
    expect(parseExample({ seed: '0', size: '7' })).toEqual({});
  });
});
