// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { refMaxUnpool } from '../../../src/segnet/core';
import { gridToRows, rowsToGrid } from '../../../src/widgets/shared/examples';
import { pooledExample } from '../../../src/widgets/shared/pooled-example';
import { readState } from '../../../src/widgets/shared/url-state';
import { unpoolingSentence } from '../../../src/widgets/unpooling-stepper/caption';
import { renderUnpooling } from '../../../src/widgets/unpooling-stepper/render';
import { lastStep, unpoolingCodec } from '../../../src/widgets/unpooling-stepper/state';
import { formatValue, unpoolingView } from '../../../src/widgets/unpooling-stepper/unpooling-steps';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

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
    expect(v.dense!.flat().every((x) => x >= 0)).toBe(true);
    expect(unpoolingSentence(v)).toContain(`${v.nonZero.dense} of 64 cells are now non-zero, against ${v.nonZero.sparse} in the sparse map`);
  });

  it('blurs with weights that add up to 1: the dense map never exceeds the largest placed value', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const v = unpoolingView({ seed, size: 8 }, 17);
      const top = Math.max(...v.sparse.flat());
      expect(Math.max(...v.dense!.flat())).toBeLessThanOrEqual(top);
    }
  });

  it('counts the placed values that are still the largest of their neighbourhood, and says so', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const v = unpoolingView({ seed, size: 8 }, 17);
      const { kept, placed } = v.peaks!;
      let expectedKept = 0;
      let expectedPlaced = 0;
      v.isPlaced.forEach((row, r) =>
        row.forEach((on, c) => {
          if (!on || v.sparse[r]![c] === 0) return;
          expectedPlaced++;
          const around = [-1, 0, 1].flatMap((dr) => [-1, 0, 1].map((dc) => v.dense![r + dr]?.[c + dc] ?? -Infinity));
          if (around.every((x) => x <= v.dense![r]![c]!)) expectedKept++;
        }),
      );
      expect([kept, placed]).toEqual([expectedKept, expectedPlaced]);
      const sentence = unpoolingSentence(v);
      if (kept === placed) expect(sentence).toContain('Every non-zero placed value (bold) is still the largest');
      else expect(sentence).toContain(`${kept} of the ${placed} non-zero placed values (bold) are still the largest`);
    }
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

describe('the unpooling stepper in Chinese', () => {
  const zh = messages('zh').unpoolingStepper;

  it.each([0, 5, 16, 17])('renderUnpooling(view at step %i, { messages }) draws Chinese titles and names, and no English word', (step) => {
    const text = readerText(renderUnpooling(unpoolingView(example, step), { messages: zh }));
    expect(text).toContain('反池化（稀疏）');
    expect(text).toContain('滤波器权重：中心为 4，上下左右为 2，四角为 1，全部除以 16');
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
  });

  it('unpoolingSentence(view, zh) says every step in Chinese, with the same numbers', () => {
    for (const seed of [1, 5]) {
      for (let step = 0; step <= 17; step++) {
        const sentence = unpoolingSentence(unpoolingView({ seed, size: 8 }, step), zh);
        expect(hasChinese(sentence)).toBe(true);
        expect(englishLeftovers(sentence)).toEqual([]);
      }
    }
    const v = unpoolingView(example, 17);
    expect(unpoolingSentence(v, zh)).toContain(`64 个格子中有 ${v.nonZero.dense} 个变为非零，而稀疏图中只有 ${v.nonZero.sparse} 个。`);
    expect(englishLeftovers(unpoolingSentence(v))).toEqual(expect.arrayContaining(['blur', 'cells']));
  });
});
