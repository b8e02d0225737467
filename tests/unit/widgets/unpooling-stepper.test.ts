// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { refMaxUnpool } from '../../../src/segnet/core';
import { gridToRows, rowsToGrid } from '../../../src/widgets/shared/examples';
import { pooledExample } from '../../../src/widgets/shared/pooled-example';
import { readState } from '../../../src/widgets/shared/url-state';
import { unpoolingSentence } from '../../../src/widgets/unpooling-stepper/caption';
import { renderUnpooling } from '../../../src/widgets/unpooling-stepper/render';
import { lastStep, unpoolingCodec } from '../../../src/widgets/unpooling-stepper/state';
import { formatValue, unpoolingView } from '../../../src/widgets/unpooling-stepper/unpooling-steps';
import { markup } from './snapshot';

const example = { seed: 5, size: 8 } as const;

describe('unpoolingCodec', () => {
  it('allows one step past the windows, for the convolution', () => {
    expect(lastStep(8)).toBe(17);
    expect(readState('u', unpoolingCodec, '?u.step=17')).toEqual({ ...example, step: 17 });
    expect(readState('u', unpoolingCodec, '?u.size=6&u.step=11')).toEqual({ ...example, size: 6, step: 0 });
  });
});

describe('unpoolingView(choice, step)', () => {
  it('uses the pooling stepper\'s values and indices and refMaxUnpool', () => {
    const v = unpoolingView(example, 16);
    const pooled = pooledExample(example);
    expect(v.example.indices).toEqual(pooled.indices);
    const ref = refMaxUnpool(rowsToGrid(pooled.pooled), rowsToGrid(pooled.indices), 8, 8);
    expect(v.sparse).toEqual(gridToRows(ref));
    expect(v.dense).toBeNull();
  });

  it('places one value per step, at the maximum of its window', () => {
    const v = unpoolingView(example, 3);
    const placed = v.isPlaced.flatMap((row, r) => row.flatMap((on, c) => (on ? [[r, c]] : [])));
    expect(placed).toEqual(v.example.windows.slice(0, 3).map((w) => [w.maxRow, w.maxCol]));
    expect(v.current).toBe(v.example.windows[2]);
    for (const [r, c] of placed) expect(v.sparse[r!]![c!]).toBe(v.example.input[r!]![c!]);
  });

  it('makes the map dense with the 3 × 3 filter at the last step', () => {
    const v = unpoolingView(example, 17);
    expect(v.current).toBeNull();
    expect(v.nonZero.dense).toBeGreaterThan(v.nonZero.sparse);
    // A value alone in its neighbourhood becomes 4 × itself at its own position.
    expect(v.dense!.flat().every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(unpoolingSentence(v)).toContain(`${v.nonZero.dense} of 64 cells are now non-zero, against ${v.nonZero.sparse} in the sparse map`);
  });

  it('captions each placement with its bits and position', () => {
    const v = unpoolingView(example, 1);
    const w = v.example.windows[0]!;
    expect(unpoolingSentence(v)).toBe(
      `Value 1 of 16: ${w.max} with index bits ${w.index >> 1}${w.index & 1} goes to the ${['top-left', 'top-right', 'bottom-left', 'bottom-right'][w.index]} ` +
        `of its window, row ${w.maxRow}, column ${w.maxCol}; the other three cells stay 0.`,
    );
    expect(formatValue(2.25)).toBe('2.3');
    expect(formatValue(4)).toBe('4');
  });
});

describe('renderUnpooling(view)', () => {
  it('leaves the dense panel empty until the convolution step', () => {
    const before = [...renderUnpooling(unpoolingView(example, 16)).querySelectorAll('svg')][4]!;
    const after = [...renderUnpooling(unpoolingView(example, 17)).querySelectorAll('svg')][4]!;
    expect(before.querySelectorAll('.cell text')).toHaveLength(0);
    expect(after.querySelectorAll('.cell text')).toHaveLength(64);
  });

  it.each([
    ['unpool-seed5-step5', 5],
    ['unpool-seed5-step17', 17],
  ] as const)('matches the snapshot %s', async (name, step) => {
    await expect(markup(renderUnpooling(unpoolingView(example, step)))).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
