// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeGrid, refConv2dTranspose } from '../../../src/segnet/core';
import { patternSentence, stepSentence } from '../../../src/widgets/transposed-conv-stepper/caption';
import { renderTransposedConv } from '../../../src/widgets/transposed-conv-stepper/render';
import { outputSize, overlapPattern, stampView } from '../../../src/widgets/transposed-conv-stepper/stamps';
import { transposedConvCodec, type TransposedConvState } from '../../../src/widgets/transposed-conv-stepper/state';
import { readState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';

const state = (patch: Partial<TransposedConvState> = {}): TransposedConvState => ({ ...transposedConvCodec.defaults, ...patch });

describe('transposedConvCodec', () => {
  it('reads the link chapter 6 uses, and rejects values out of range', () => {
    expect(readState('tc', transposedConvCodec, '?tc.kernel=3&tc.stride=1')).toEqual(state({ kernel: 3, stride: 1 }));
    expect(readState('tc', transposedConvCodec, '?tc.kernel=6&tc.stride=0&tc.step=10&tc.input=x')).toEqual(state());
  });
});

describe('stampView(state)', () => {
  it('sizes the output (n - 1) * stride + kernel', () => {
    expect(outputSize(3, 2)).toBe(7);
    expect(outputSize(5, 3)).toBe(11);
    expect(stampView(state({ kernel: 1, stride: 1 })).outputSize).toBe(3);
  });

  it('with all-ones input, the finished output equals the overlap counts', () => {
    for (const kernel of [1, 2, 3, 4, 5])
      for (const stride of [1, 2, 3]) {
        const v = stampView(state({ kernel, stride, step: 9 }));
        expect(v.output).toEqual(v.overlaps);
      }
  });

  it('builds the output one stamp at a time, matching refConv2dTranspose at the end', () => {
    const v4 = stampView(state({ input: 'ramp', step: 4 }));
    // Stamps 1..4 are the cells holding 1, 2, 3 and 4; output (2, 2) gets stamps 1, 2 and 4.
    expect(v4.output[2]![2]).toBe(1 + 2 + 4);
    expect(v4.current).toEqual({ row: 1, col: 0, value: 4, outRow: 2, outCol: 0 });
    expect(v4.reached[6]![6]).toBe(false);
    const done = stampView(state({ input: 'ramp', step: 9 }));
    const x = makeGrid([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ref = refConv2dTranspose(x, makeGrid([3, 3, 1, 1], new Array(9).fill(1)), 7, 7, 2, 'valid');
    expect(done.output.flat()).toEqual(Array.from(ref.output.data));
  });

  it('classifies the overlap: even, uneven (checkerboard) or gaps', () => {
    expect([overlapPattern(3, 2), overlapPattern(4, 2), overlapPattern(1, 2), overlapPattern(3, 3), overlapPattern(2, 3)]).toEqual([
      'uneven',
      'even',
      'gaps',
      'even',
      'gaps',
    ]);
    expect(stampView(state()).overlapRange).toEqual({ min: 1, max: 4 });
  });
});

describe('captions', () => {
  it('name the pattern from the state', () => {
    expect(patternSentence(stampView(state()))).toBe(
      'Kernel 3, stride 2: uneven overlap. 3 is not a multiple of 2, so neighbouring output cells receive different numbers of stamps (1 to 4): a checkerboard.',
    );
    expect(patternSentence(stampView(state({ kernel: 4 })))).toContain('Kernel 4, stride 2: even overlap.');
    expect(patternSentence(stampView(state({ kernel: 3, stride: 1 })))).toContain('every output cell receives 9 stamps');
    expect(patternSentence(stampView(state({ kernel: 1, stride: 2 })))).toBe(
      'Kernel 1, stride 2: gaps. The stride is longer than the kernel, so the stamps never meet and 16 output cells receive none.',
    );
  });

  it('describe the step', () => {
    expect(stepSentence(stampView(state({ step: 0 })))).toMatch(/^Nothing stamped yet/);
    expect(stepSentence(stampView(state({ input: 'ramp', step: 9 })))).toBe(
      'Step 9 of 9: input cell (row 2, column 2) holds 9, so 9 × kernel is added to output rows 4–6, columns 4–6. All nine cells are stamped.',
    );
  });
});

describe('renderTransposedConv(view)', () => {
  it('draws four labelled grids and outlines the current stamp', () => {
    const node = renderTransposedConv(stampView(state({ step: 5 })));
    const titles = [...node.querySelectorAll('.panel-title')].map((t) => t.textContent);
    expect(titles).toEqual(['Input (3 × 3)', 'Kernel of ones (3 × 3)', 'Output (7 × 7)', 'Stamps per cell (7 × 7)']);
    expect(node.querySelectorAll('svg[role="img"][aria-label]')).toHaveLength(4);
    expect(node.querySelectorAll('.outline-current')).toHaveLength(3);
  });

  it.each([
    ['tc-k3-s2-step0', state()],
    ['tc-k3-s2-ramp-step5', state({ input: 'ramp', step: 5 })],
    ['tc-k1-s3-step9', state({ kernel: 1, stride: 3, step: 9 })],
  ])('matches the snapshot %s', async (name, s) => {
    await expect(markup(renderTransposedConv(stampView(s)))).toMatchFileSnapshot(`__snapshots__/${name}.html`);
  });
});
