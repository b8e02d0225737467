// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { readState } from '../../../src/widgets/shared/url-state';
import { percentText, roughnessSentence, tapSentence } from '../../../src/widgets/checkerboard-demo/caption';
import { checkerboardView, demoInput } from '../../../src/widgets/checkerboard-demo/checkerboard';
import { rangeIn, roughness } from '../../../src/widgets/checkerboard-demo/measure';
import { renderCheckerboard } from '../../../src/widgets/checkerboard-demo/render';
import { checkerboardCodec, type CheckerboardState } from '../../../src/widgets/checkerboard-demo/state';
import { cropOffset, interior, resize, resizeThenConvolve, transposedOnes, type Rows } from '../../../src/widgets/checkerboard-demo/upsampling';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

const state = (patch: Partial<CheckerboardState> = {}): CheckerboardState => ({ ...checkerboardCodec.defaults, ...patch });

/** Naive transposed convolution, gathered per output pixel: out[r] = Σ x[i] over i with i·s ≤ r + o < i·s + k. */
function naiveTransposed(x: Rows, k: number, s: number): { output: Rows; taps: Rows } {
  const n = x.length;
  const side = n * s;
  const o = Math.floor((k - s) / 2);
  const output: Rows = [];
  const taps: Rows = [];
  for (let r = 0; r < side; r++) {
    output.push([]);
    taps.push([]);
    for (let c = 0; c < side; c++) {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const u = r + o - i * s;
          const v = c + o - j * s;
          if (u >= 0 && u < k && v >= 0 && v < k) {
            sum += x[i]![j]!;
            count++;
          }
        }
      output[r]!.push(sum);
      taps[r]!.push(count);
    }
  }
  return { output, taps };
}

/** Bilinear resize written from the formula: out(r) = Σ_i x[i] · max(0, 1 − |src(r) − i|), src clamped to the grid. */
function naiveBilinear(x: Rows, s: number): Rows {
  const n = x.length;
  const w = (r: number, i: number) => Math.max(0, 1 - Math.abs(Math.min(n - 1, Math.max(0, (r + 0.5) / s - 0.5)) - i));
  return Array.from({ length: n * s }, (_, r) =>
    Array.from({ length: n * s }, (_, c) => {
      let sum = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += x[i]![j]! * w(r, i) * w(c, j);
      return sum;
    }),
  );
}

const close = (a: Rows, b: Rows) => a.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(b[r]![c]!, 10)));

describe('checkerboardCodec', () => {
  it('reads kernel, stride, input and method, and ignores values out of range', () => {
    expect(readState('cb', checkerboardCodec, '?cb.kernel=4&cb.stride=3&cb.input=edge&cb.method=bilinear')).toEqual({ kernel: 4, stride: 3, input: 'edge', method: 'bilinear' });
    expect(readState('cb', checkerboardCodec, '?cb.kernel=9&cb.stride=0&cb.input=noise&cb.method=cubic')).toEqual(checkerboardCodec.defaults);
  });
});

describe('transposedOnes(input, kernel, stride)', () => {
  it('matches a naive gather loop for every kernel and stride, on every input', () => {
    for (const kind of ['constant', 'smooth', 'edge'] as const)
      for (let k = 1; k <= 6; k++)
        for (let s = 1; s <= 3; s++) {
          const x = demoInput(kind);
          const got = transposedOnes(x, k, s);
          const want = naiveTransposed(x, k, s);
          close(got.output, want.output);
          expect(got.taps).toEqual(want.taps);
        }
  });

  it('taps 1, 2 and 4 times in a checkerboard with kernel 3, stride 2', () => {
    const { taps } = transposedOnes(demoInput('constant', 3), 3, 2);
    expect(taps.slice(0, 4).map((r) => r.slice(0, 4))).toEqual([
      [1, 1, 2, 1],
      [1, 1, 2, 1],
      [2, 2, 4, 2],
      [1, 1, 2, 1],
    ]);
  });

  it('names the bad argument', () => {
    expect(() => transposedOnes([[1]], 0, 2)).toThrow('kernel must be a whole number of at least 1, got 0');
    expect(() => transposedOnes([[1]], 3, 1.5)).toThrow('stride must be a whole number of at least 1, got 1.5');
    expect(() => transposedOnes([[1, 2], [3]], 3, 2)).toThrow('input must be a non-empty square grid, got 2 rows of lengths 2, 1');
    expect(() => resizeThenConvolve([[1]], -1, 2, 'nearest')).toThrow('kernel must be a whole number of at least 1, got -1');
  });
});

describe('resize and resizeThenConvolve', () => {
  it('nearest makes s × s blocks; bilinear matches the tent-weight formula and keeps a ramp linear inside', () => {
    expect(resize([[1, 2], [3, 4]], 2, 'nearest')).toEqual([
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [3, 3, 4, 4],
      [3, 3, 4, 4],
    ]);
    for (let s = 1; s <= 3; s++) close(resize(demoInput('smooth'), s, 'bilinear'), naiveBilinear(demoInput('smooth'), s));
  });

  it('reads exactly k² pixels everywhere, so a constant input stays flat', () => {
    for (let k = 1; k <= 6; k++)
      for (const method of ['nearest', 'bilinear'] as const) {
        const { output, taps } = resizeThenConvolve(demoInput('constant'), k, 2, method);
        expect(new Set(taps.flat())).toEqual(new Set([k * k]));
        expect(new Set(output.flat().map((v) => Math.round(v * 1e9) / 1e9))).toEqual(new Set([k * k]));
      }
  });

  it('convolves the resized grid with a box of ones (naive check of one pixel)', () => {
    const x = demoInput('smooth');
    const big = resize(x, 2, 'nearest');
    const { output } = resizeThenConvolve(x, 3, 2, 'nearest');
    let sum = 0;
    for (let u = -1; u <= 1; u++) for (let v = -1; v <= 1; v++) sum += big[5 + u]![7 + v]!;
    expect(output[5]![7]).toBeCloseTo(sum, 12);
  });
});

describe('interior, rangeIn and roughness', () => {
  it('keeps the square where every input cell that could tap a pixel exists', () => {
    expect(cropOffset(3, 2)).toBe(0);
    expect(interior(6, 3, 2)).toEqual({ start: 2, end: 10 });
    expect(interior(6, 5, 3)).toEqual({ start: 3, end: 14 });
    // Inside the square a kernel-multiple-of-stride transposed convolution is flat.
    for (const [k, s] of [[2, 1], [4, 2], [6, 3], [6, 2]] as const) {
      const { taps } = transposedOnes(demoInput('constant'), k, s);
      const box = interior(6, k, s);
      expect(rangeIn(taps, box)).toEqual({ min: (k / s) ** 2, max: (k / s) ** 2 });
    }
  });

  it('roughness is the mean neighbour step over the mean value', () => {
    // Steps: horizontal |2-1|, |4-3|; vertical |3-1|, |4-2| -> mean 1.5; mean value 2.5.
    expect(roughness([[1, 2], [3, 4]], { start: 0, end: 1 })).toBeCloseTo(0.6, 12);
    expect(roughness([[0, 0], [0, 0]], { start: 0, end: 1 })).toBe(0);
  });
});

describe('checkerboardView and its captions', () => {
  it('measures the default: 1 to 4 taps, a rough transposed output, a flat resized one', () => {
    const view = checkerboardView(state());
    expect(view.pattern).toBe('uneven');
    expect(view.tapRange).toEqual({ min: 1, max: 4 });
    expect(view.roughness.resized).toBe(0);
    expect(view.roughness.transposed).toBeGreaterThan(0.5);
    expect(tapSentence(view)).toBe(
      'Transposed convolution, kernel 3, stride 2: inside the outline, away from the border, output pixels receive 1 to 4 kernel taps, ' +
        '4 times as many on some pixels as on their neighbours: a checkerboard. Resize then convolve reads exactly 9 pixels for every output pixel.',
    );
    expect(roughnessSentence(view)).toBe(
      `On the constant input, neighbouring output pixels differ on average by ${percentText(view.roughness.transposed)} % of the mean value after the transposed convolution, and by 0 % after the nearest resize and the convolution.`,
    );
  });

  it('says even for kernel 4, stride 2, and gaps for kernel 1, stride 2', () => {
    expect(tapSentence(checkerboardView(state({ kernel: 4 })))).toContain('4 is a multiple of 2, so every output pixel inside the outline receives 4 kernel taps');
    expect(checkerboardView(state({ kernel: 4 })).roughness.transposed).toBe(0);
    const gaps = checkerboardView(state({ kernel: 1 }));
    expect(gaps.pattern).toBe('gaps');
    expect(tapSentence(gaps)).toContain('the stride is longer than the kernel, so 85 of the 121 pixels inside the outline receive no tap at all. Resize then convolve reads 1 pixel for every one.');
  });

  it('finds the smooth ramp rougher after the transposed convolution than after either resize', () => {
    for (const method of ['nearest', 'bilinear'] as const) {
      const view = checkerboardView(state({ input: 'smooth', method }));
      expect(view.roughness.transposed).toBeGreaterThan(5 * view.roughness.resized);
    }
  });

  it('percentText keeps one decimal under 10 %', () => {
    expect([percentText(0), percentText(0.0123), percentText(0.456)]).toEqual(['0', '1.2', '46']);
  });
});

describe('renderCheckerboard(view)', () => {
  it('draws five heat maps, tap numbers only where cells are wide enough, inside a phone’s width', () => {
    const node = renderCheckerboard(checkerboardView(state()));
    const svgs = [...node.querySelectorAll('svg')];
    expect(svgs).toHaveLength(5);
    // 12 x 12 cells of 18 units: too narrow for a number of 10 px or more; the heat and the caption carry it
    expect(svgs[2]!.querySelectorAll('.cell text')).toHaveLength(0);
    expect(svgs[1]!.querySelectorAll('.cell text')).toHaveLength(0);
    const small = [...renderCheckerboard(checkerboardView(state({ stride: 1 }))).querySelectorAll('svg')];
    expect(small[2]!.querySelectorAll('.cell text')).toHaveLength(36);
    for (const text of small[2]!.querySelectorAll('.cell text')) expect(Number(text.getAttribute('font-size'))).toBeGreaterThanOrEqual(10);
    expect(svgs[2]!.getAttribute('aria-label')).toBe('Transposed: taps (12 × 12), values from 1 to 4; the outline marks the pixels away from the border');
    const wide = renderCheckerboard(checkerboardView(state({ stride: 3, kernel: 5 })));
    for (const svg of wide.querySelectorAll('svg')) expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(342);
    expect(wide.querySelectorAll('svg')[2]!.querySelectorAll('.cell text')).toHaveLength(0);
  });

  it('matches the snapshot checkerboard-k3-s2-smooth', async () => {
    await expect(markup(renderCheckerboard(checkerboardView(state({ input: 'smooth' }))))).toMatchFileSnapshot('__snapshots__/checkerboard-k3-s2-smooth.html');
  });
});

describe('the checkerboard demo in Chinese', () => {
  const zh = messages('zh').checkerboardDemo;
  it('draws and captions every state in Chinese, with no English word left', () => {
    for (const kind of ['constant', 'smooth', 'edge'] as const)
      for (const [k, s] of [[3, 2], [4, 2], [1, 2], [5, 3]] as const) {
        const view = checkerboardView(state({ kernel: k, stride: s, input: kind, method: 'bilinear' }));
        for (const text of [readerText(renderCheckerboard(view, { messages: zh })), tapSentence(view, zh), roughnessSentence(view, zh)]) {
          expect(hasChinese(text)).toBe(true);
          expect(englishLeftovers(text)).toEqual([]);
        }
      }
    expect(tapSentence(checkerboardView(state()), zh)).toContain('每个输出像素被卷积核叠加 1 到 4 次');
  });
});
