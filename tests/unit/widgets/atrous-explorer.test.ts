// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { readState } from '../../../src/widgets/shared/url-state';
import { stackSentence, tapSentence } from '../../../src/widgets/atrous-explorer/caption';
import { effectiveExtent, receptiveField, stackLayers, stackView, tapView } from '../../../src/widgets/atrous-explorer/dilated-taps';
import { renderAtrous, renderStack, renderTaps } from '../../../src/widgets/atrous-explorer/render';
import { atrousCodec, type AtrousState } from '../../../src/widgets/atrous-explorer/state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

const state = (patch: Partial<AtrousState> = {}): AtrousState => ({ ...atrousCodec.defaults, ...patch });

describe('atrousCodec', () => {
  it('reads rate, kernel and the stack rates', () => {
    expect(readState('a', atrousCodec, '?a.rate=6&a.kernel=5&a.r1=2&a.r2=2&a.r3=2')).toEqual({ rate: 6, kernel: 5, r1: 2, r2: 2, r3: 2 });
    expect(readState('a', atrousCodec, '?a.rate=7&a.kernel=4')).toEqual(atrousCodec.defaults);
  });
});

describe('tapView(kernel, rate)', () => {
  it('reproduces the explainer figure: a 3 × 3 kernel at rate 2 covers 5 × 5', () => {
    expect(tapView(3, 2).taps).toEqual([
      [1, 0, 2, 0, 3],
      [0, 0, 0, 0, 0],
      [4, 0, 5, 0, 6],
      [0, 0, 0, 0, 0],
      [7, 0, 8, 0, 9],
    ]);
  });

  it('spans k + (k - 1)(r - 1) and touches k² cells at every rate', () => {
    for (const k of [3, 5])
      for (let r = 1; r <= 6; r++) {
        const v = tapView(k, r);
        expect(v.extent).toBe(effectiveExtent(k, r));
        expect(v.taps.flat().filter((x) => x > 0).sort((a, b) => a - b)).toEqual(Array.from({ length: k * k }, (_, i) => i + 1));
      }
    expect(effectiveExtent(3, 12)).toBe(25);
  });
});

describe('stackLayers(kernel, rates, positions)', () => {
  it('spans the receptive field 1 + Σ (k - 1)·r after each layer', () => {
    for (const rates of [[1, 2, 4], [3, 1, 6], [1, 1, 1]]) {
      const layers = stackLayers(3, rates, 41);
      rates.forEach((_, i) => expect(layers[i + 1]!.span).toBe(receptiveField(3, rates.slice(0, i + 1))));
    }
    expect(receptiveField(5, [6, 6, 6])).toBe(73);
  });

  it('finds the holes that equal rates leave (gridding)', () => {
    const top = stackLayers(3, [2, 2, 2], 41)[3]!;
    expect([top.span, top.touched]).toEqual([13, 7]);
    expect(stackSentence(stackView(state({ r1: 2, r2: 2, r3: 2 })))).toContain('only 7 of those 13 positions reach the output');
  });
});

describe('captions', () => {
  it('state the extent formula', () => {
    expect(tapSentence(tapView(3, 2))).toBe(
      'At rate 2 the 3 × 3 kernel still has 9 weights, but they sit 2 cells apart and cover 5 × 5 (k + (k − 1)(r − 1) = 3 + 2 × 1 = 5); the other 16 cells of that square are skipped.',
    );
    expect(stackSentence(stackView(state()))).toBe(
      'Three 3 × 3 layers at rates 1, 2, 4 see 15 input pixels across, against 7 at rate 1, with the same weights and no loss of resolution.',
    );
  });
});

describe('renderTaps and renderStack', () => {
  it('draws the strip at a phone’s width with each row’s words above its strip, inside the chart', () => {
    const svg = renderStack(stackView(state()), 342);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 342 ${svg.getAttribute('height')}`);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('layer 3, rate 4: 15 wide');
    expect(texts).toContain('all three at rate 1: 7 wide');
    for (const rect of svg.querySelectorAll('rect')) {
      expect(Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'))).toBeLessThanOrEqual(342.01);
    }
  });

  it('hides tap numbers when cells get too small to read them', () => {
    expect(renderTaps(tapView(3, 2)).querySelectorAll('.cell text')).toHaveLength(25);
    expect(renderTaps(tapView(5, 6)).querySelectorAll('.cell text')).toHaveLength(0);
  });

  it.each([
    ['atrous-taps-k3-r2', () => renderTaps(tapView(3, 2))],
    ['atrous-stack-k3-2-2-2', () => renderStack(stackView(state({ r1: 2, r2: 2, r3: 2 })))],
  ] as const)('matches the snapshot %s', async (name, draw) => {
    await expect(markup(draw())).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
  });
});

describe('the atrous explorer in Chinese', () => {
  const zh = messages('zh').atrousExplorer;
  const chinese = (text: string) => {
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
  };

  it.each([342, 640])('renderAtrous(taps, stack, { width: %i, messages }) draws Chinese titles, rows and names, and no English word', (width) => {
    const node = renderAtrous(tapView(3, 2), stackView(state({ r1: 2, r2: 2, r3: 2 })), { width, messages: zh });
    const text = readerText(node);
    chinese(text);
    expect(text).toContain('3 × 3 核，膨胀系数 2：覆盖 5 × 5');
    expect(text).toContain('沿一行的感受野：第 1 层，膨胀系数 2：5 像素；');
    expect(text).toContain(width < 520 ? '第 3 层，膨胀系数 2：宽 13，实际看到 7' : '宽 13，实际看到 7');
    expect(englishLeftovers(readerText(renderAtrous(tapView(3, 2), stackView(state()), { width })))).toContain('kernel');
  });

  it('tapSentence and stackSentence say every rate in Chinese, with the same formula and numbers', () => {
    for (const kernel of [3, 5] as const) {
      for (let rate = 1; rate <= 6; rate++) chinese(tapSentence(tapView(kernel, rate), zh));
      chinese(stackSentence(stackView(state({ kernel, r1: 2, r2: 2, r3: 2 })), zh));
      chinese(stackSentence(stackView(state({ kernel })), zh));
    }
    expect(tapSentence(tapView(3, 2), zh)).toContain('（k + (k − 1)(r − 1) = 3 + 2 × 1 = 5）');
    expect(stackSentence(stackView(state({ r1: 2, r2: 2, r3: 2 })), zh)).toContain('但这 13 个位置中只有 7 个真正影响到输出');
  });
});
