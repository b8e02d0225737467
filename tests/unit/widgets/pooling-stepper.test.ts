// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { pooledExample } from '../../../src/widgets/shared/pooled-example';
import { readState } from '../../../src/widgets/shared/url-state';
import { poolingSentence } from '../../../src/widgets/pooling-stepper/caption';
import { renderPooling } from '../../../src/widgets/pooling-stepper/render';
import { poolingCodec, windowCount } from '../../../src/widgets/pooling-stepper/state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

describe('poolingCodec', () => {
  it('reads seed, size and step, checking the step against the size', () => {
    expect(readState('pool', poolingCodec, '?pool.seed=12&pool.size=6&pool.step=9')).toEqual({ seed: 12, size: 6, step: 9 });
    expect(readState('pool', poolingCodec, '?pool.size=6&pool.step=10')).toEqual({ seed: 5, size: 6, step: 0 });
    expect(readState('pool', poolingCodec, '?pool.step=16')).toEqual({ seed: 5, size: 8, step: 16 });
    expect(windowCount(8)).toBe(16);
  });
});

describe('poolingSentence(example, step)', () => {
  const example = pooledExample({ seed: 5, size: 8 });

  it('describes the window, its maximum and the index bits', () => {
    expect(poolingSentence(example, 1)).toMatch(/^Window 1 of 16 covers input rows 0–1, columns 0–1: values /);
    expect(poolingSentence(example, 0)).toMatch(/^Nothing pooled yet\./);
  });

  it('explains ties and all-zero windows by reading order', () => {
    const w = example.windows[1]!;
    expect(poolingSentence(example, 2)).toContain(`Two cells hold ${w.max}; the first in reading order wins.`);
    expect(poolingSentence(example, 7)).toContain('The maximum, 0, is top-left: index 0, bits 00. Four cells hold 0; the first in reading order wins.');
  });

  it('sums up at the last window', () => {
    expect(poolingSentence(example, 16)).toContain('All 16 windows done: 64 values became 16, plus 16 indices of 2 bits (4 bytes).');
  });
});

describe('renderPooling(example, step)', () => {
  it('marks the current window and fills pooled values and bits up to the step', () => {
    const example = pooledExample({ seed: 5, size: 8 });
    const node = renderPooling(example, 6);
    const [input, pooled, indices, key] = [...node.querySelectorAll('svg')];
    expect(input!.querySelectorAll('.outline-current')).toHaveLength(1);
    expect(input!.querySelectorAll('.cell.is-hot')).toHaveLength(1);
    expect(pooled!.querySelectorAll('.cell text')).toHaveLength(6);
    const bits = [...indices!.querySelectorAll('.cell text')].map((t) => t.textContent);
    expect(bits).toEqual(example.windows.slice(0, 6).map((w) => `${w.index >> 1}${w.index & 1}`));
    expect(key!.getAttribute('aria-label')).toBe('Key: 00 top-left, 01 top-right, 10 bottom-left, 11 bottom-right');
  });

  it.each([
    ['pool-seed5-8x8-step7', 5, 8, 7],
    ['pool-seed12-6x6-step9', 12, 6, 9],
  ] as const)('matches the snapshot %s', async (name, seed, size, step) => {
    await expect(markup(renderPooling(pooledExample({ seed, size }), step))).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});

describe('the pooling stepper in Chinese', () => {
  const zh = messages('zh').poolingStepper;
  const example = pooledExample({ seed: 5, size: 8 });

  it('renderPooling(example, step, { messages }) draws Chinese titles and names, and no English word', () => {
    const text = readerText(renderPooling(example, 7, { messages: zh }));
    expect(text).toContain('池化结果');
    expect(text).toContain('位码对照：00 表示左上角');
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
    expect(englishLeftovers(readerText(renderPooling(example, 7)))).toEqual(expect.arrayContaining(['Input', 'Pooled', 'Key']));
  });

  it('poolingSentence(example, step, zh) says every step in Chinese, with the same numbers', () => {
    for (let step = 0; step <= 16; step++) {
      const sentence = poolingSentence(example, step, zh);
      expect(hasChinese(sentence)).toBe(true);
      expect(englishLeftovers(sentence)).toEqual([]);
    }
    expect(poolingSentence(example, 7, zh)).toContain('最大值 0 位于窗口左上角，索引为 0，写成二进制位是 00。有 4 个格子同为 0');
    expect(poolingSentence(example, 16, zh)).toContain('16 个窗口全部处理完毕：64 个值缩减为 16 个，另加 16 个 2 位索引（共 4 字节）。');
  });
});
