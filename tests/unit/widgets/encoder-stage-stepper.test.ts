// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { readState } from '../../../src/widgets/shared/url-state';
import { probeSentence, stepSentence, valueText } from '../../../src/widgets/encoder-stage-stepper/caption';
import { renderStage } from '../../../src/widgets/encoder-stage-stepper/render';
import { affineFit, isWindowMax, patchRows, pooledAt, stageView, type StageData } from '../../../src/widgets/encoder-stage-stepper/stage-view';
import { encoderStageCodec, type EncoderStageState } from '../../../src/widgets/encoder-stage-stepper/state';
import { mulberry32 } from '../../../src/data';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

const H = 16;
const W = 16;
const C = 2;
/** Batch norm of each channel as scale and shift. */
const BN = [
  [3, -0.5],
  [-2, 0.25],
] as const;

/**
 * A stage computed with plain loops: random pre-activations z, y = scale·z + shift, ReLU, and a
 * 2 × 2 max pool whose index is the first maximum in window order (the engine's tie rule).
 */
function plainStage(seed = 3): StageData {
  const rnd = mulberry32(seed);
  const n = H * W * C;
  const conv = Float32Array.from({ length: n }, () => rnd() - 0.5);
  const bn = conv.map((z, i) => BN[i % C]![0] * z + BN[i % C]![1]);
  const relu = bn.map((v) => Math.max(0, v));
  const pooled = new Float32Array((H / 2) * (W / 2) * C);
  const indices = new Int32Array(pooled.length);
  for (let r = 0; r < H / 2; r++)
    for (let c = 0; c < W / 2; c++)
      for (let k = 0; k < C; k++) {
        let best = -Infinity;
        let at = 0;
        for (let q = 0; q < 4; q++) {
          const v = relu[((2 * r + (q >> 1)) * W + 2 * c + (q & 1)) * C + k]!;
          if (v > best) {
            best = v;
            at = q;
          }
        }
        pooled[(r * (W / 2) + c) * C + k] = best;
        indices[(r * (W / 2) + c) * C + k] = at;
      }
  const image = Uint8Array.from({ length: H * W * 3 }, (_, i) => (i * 37) % 256);
  return { width: W, height: H, channels: C, image, conv, bn, relu, pooled, indices };
}

const state = (patch: Partial<EncoderStageState> = {}): EncoderStageState => ({ ...encoderStageCodec.defaults, x: 4, y: 6, ...patch });
const data = plainStage();

describe('encoderStageCodec', () => {
  it('reads frame, channel, step and an even patch corner; ignores values out of range', () => {
    expect(readState('st', encoderStageCodec, '?st.frame=2&st.channel=64&st.step=4&st.x=119&st.y=7')).toEqual({ frame: 2, channel: 64, step: 4, x: 118, y: 6 });
    expect(readState('st', encoderStageCodec, '?st.channel=65&st.step=5&st.x=121&st.y=89')).toEqual(encoderStageCodec.defaults);
  });
});

describe('stageView(data, state)', () => {
  it('takes the channel out of each layer and measures the whole map against plain loops', () => {
    const view = stageView(data, state({ channel: 2 }));
    const plane = (values: Float32Array) => Array.from({ length: H * W }, (_, i) => values[i * C + 1]!);
    expect(Array.from(view.bn)).toEqual(plane(data.bn));
    const z = plane(data.conv);
    expect(view.stats.conv.min).toBeCloseTo(Math.min(...z), 6);
    expect(view.stats.conv.max).toBeCloseTo(Math.max(...z), 6);
    expect(view.stats.conv.mean).toBeCloseTo(z.reduce((a, v) => a + v, 0) / z.length, 6);
    expect(view.stats.scale).toBeCloseTo(-2, 4);
    expect(view.stats.shift).toBeCloseTo(0.25, 4);
    const negative = plane(data.bn).filter((v) => v < 0).length / (H * W);
    expect(view.stats.negative).toBeCloseTo(negative, 12);
    expect(view.stats.zero).toBeCloseTo(negative, 12);
    const pooled = Array.from({ length: (H / 2) * (W / 2) }, (_, i) => data.pooled[i * C + 1]!);
    expect(view.stats.allZeroWindows).toBeCloseTo(pooled.filter((v) => v === 0).length / pooled.length, 12);
  });

  it('names a channel the data lacks', () => {
    expect(() => stageView(data, state({ channel: 3 }))).toThrow('channel must be in 1..2, got 3');
  });

  it('affineFit recovers scale and shift', () => {
    expect(affineFit(Float32Array.from([1, 3, 2]), Float32Array.from([5, 11, 8]))).toEqual({ scale: 3, shift: 2 });
  });

  it('finds each window’s recorded maximum and pooled value', () => {
    const view = stageView(data, state());
    for (let r = 0; r < H; r++)
      for (let c = 0; c < W; c++) {
        const window = [0, 1, 2, 3].map((q) => view.relu[(2 * Math.floor(r / 2) + (q >> 1)) * W + 2 * Math.floor(c / 2) + (q & 1)]!);
        expect(pooledAt(view, r, c)).toBe(Math.max(...window));
        if (isWindowMax(view, r, c)) expect(view.relu[r * W + c]).toBe(Math.max(...window));
      }
    expect(patchRows(view.relu, W, 4, 6, 2)).toEqual([
      [view.relu[6 * W + 4], view.relu[6 * W + 5]],
      [view.relu[7 * W + 4], view.relu[7 * W + 5]],
    ]);
  });
});

describe('captions', () => {
  it('say what each step did, with the measured numbers', () => {
    const view = (step: number) => stageView(data, state({ step }));
    expect(stepSentence(view(0))).toBe('Step 0 of 4: the frame, 16 × 16 pixels in three colour channels. The first encoder stage turns it into 64 maps; this follows channel 1.');
    expect(stepSentence(view(2))).toMatch(/^Step 2 of 4: batch norm, with the statistics and scale learnt in training, multiplies every value by 3\.00 and adds −0\.50\. \d+% of the map is now negative\. \(The patch rounds to two decimals: a 0 of step 1 lies within ±0\.005, so here it becomes anything from −0\.52 to −0\.49\.\)$/);
    expect(stepSentence(view(4))).toContain('2 × 2 max pooling keeps 1 value of every 4 (16 × 16 becomes 8 × 8)');
    expect([valueText(-1.234), valueText(0.001), valueText(2)]).toEqual(['−1.23', '0', '2.00']);
  });

  it('probeSentence follows one pixel up to the current step', () => {
    const at = (step: number) => probeSentence(stageView(data, state({ step })), 6, 4);
    expect(at(0)).toBe(`Pixel (row 6, column 4): input R ${data.image[(6 * W + 4) * 3]}, G ${data.image[(6 * W + 4) * 3 + 1]}, B ${data.image[(6 * W + 4) * 3 + 2]}.`);
    expect(at(3).split('; ')).toHaveLength(4);
    expect(at(4)).toMatch(/pooling (keeps it, the maximum of its window|drops it: its window keeps)/);
  });
});

describe('renderStage(view)', () => {
  it('draws the map and the patch; at the pooling step, one marked maximum per window and the pooled patch', () => {
    const first = renderStage(stageView(data, state({ step: 1 })));
    expect(first.querySelectorAll('canvas')).toHaveLength(1);
    expect(first.querySelectorAll('svg')).toHaveLength(1);
    expect(first.querySelector('[data-part="patch"]')?.getAttribute('tabindex')).toBe('0');
    expect(first.querySelector('.stage-patch-box')?.getAttribute('style')).toBe('left: 25%; top: 37.5%; width: 50%; height: 50%');
    const pool = renderStage(stageView(data, state({ step: 4 })), { probe: [1, 2] });
    expect(pool.querySelectorAll('svg')).toHaveLength(2);
    expect(pool.querySelectorAll('[data-part="patch"] .cell.is-hot')).toHaveLength(16);
    expect(pool.querySelectorAll('[data-part="patch"] .outline-current')).toHaveLength(1);
  });

  it('matches the snapshot encoder-stage-relu', async () => {
    const node = renderStage(stageView(data, state({ step: 3 })), { probe: [0, 0] });
    await expect(markup(node)).toMatchFileSnapshot('__snapshots__/encoder-stage-relu.html');
  });
});

describe('the encoder-stage stepper in Chinese', () => {
  const zh = messages('zh').encoderStageStepper;
  it('draws, captions and probes every step in Chinese', () => {
    for (let step = 0; step <= 4; step++) {
      const view = stageView(data, state({ step }));
      for (const text of [readerText(renderStage(view, { messages: zh })), stepSentence(view, zh), probeSentence(view, 6, 4, zh)]) {
        expect(hasChinese(text)).toBe(true);
        expect(englishLeftovers(text)).toEqual([]);
      }
    }
  });
});
