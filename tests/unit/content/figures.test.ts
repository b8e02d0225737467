/**
 * The figures chapters 3, 4 and 5 quote about the first demo frame, computed here as the
 * widgets compute them: the page's checkpoint (public/models) run by the engine on the wasm
 * backend over the same frame (the site's synthetic validation scenes, generated in memory by
 * the same seeded generator as public/data). When the checkpoint is retrained, these figures
 * change and this test names each sentence to update, in both editions.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../src/segnet';
import { DEFAULT_SYNTHETIC_COUNTS, DEFAULT_SYNTHETIC_SEED, generateSyntheticSplit } from '../../../src/data/synthetic/synthetic-dataset';
import { analyseFrame, type FrameAnalysis, type LayerData } from '../../../src/widgets/model/frame-analysis';
import { pickDemoFrames } from '../../../src/widgets/model/demo-frames';
import { PAGE_MODEL_CONFIG } from '../../../src/widgets/model/page-model';
import { CHECKPOINT_PATH, publicFile } from '../../../src/widgets/model/sources';
import { stageLayers } from '../../../src/widgets/decoder-side-by-side/state';
import { channelComparison } from '../../../src/widgets/decoder-side-by-side/channel-comparison';
import { UPSAMPLERS, upsampleChannel } from '../../../src/widgets/decoder-side-by-side/upsample';
import { sideBySideView } from '../../../src/widgets/decoder-side-by-side/view';
import type { Engine } from '../../../src/widgets/shared/engine';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { quietTfjs, registerNodeBackends } from '../../../scripts/lib/node-backends';

/** A chapter's prose in one line (both editions). */
const prose = (path: string): string => readFileSync(path, 'utf8').replace(/\s+/g, ' ');
const en = (n: string, name: string) => prose(`content/chapters/${n}-${name}.mdx`);
const zh = (n: string, name: string) => prose(`content/zh/chapters/${n}-${name}.mdx`);
const pct = (x: number): number => Math.round(x * 100);

/** Share of 2 x 2 windows (all channels, or one) whose four values are all 0. */
function zeroWindows(d: LayerData, channel?: number): number {
  let zero = 0;
  let n = 0;
  const at = (y: number, x: number, c: number): number => d.values[(y * d.width + x) * d.channels + c]!;
  for (let y = 0; y + 1 < d.height; y += 2) {
    for (let x = 0; x + 1 < d.width; x += 2) {
      for (let c = channel ?? 0; c < (channel === undefined ? d.channels : channel + 1); c++) {
        n++;
        if (at(y, x, c) === 0 && at(y, x + 1, c) === 0 && at(y + 1, x, c) === 0 && at(y + 1, x + 1, c) === 0) zero++;
      }
    }
  }
  return zero / n;
}

let analysis: FrameAnalysis;
let engine: Engine;
const layers = new Map<string, LayerData>();
const layer = (name: string): LayerData => {
  const d = layers.get(name);
  if (!d) throw new Error(`layer ${name} was not recorded`);
  return d;
};

beforeAll(async () => {
  quietTfjs();
  await registerNodeBackends();
  await tf.setBackend('wasm');
  engine = { tf, segnet, backend: { name: 'wasm', canTrain: true, rejected: [] } };
  const { model } = await segnet.loadSegNet(checkpointFolder(publicFile(CHECKPOINT_PATH).replace(/model\.json$/, '')));
  const { height, width } = PAGE_MODEL_CONFIG;
  const val = generateSyntheticSplit('val', DEFAULT_SYNTHETIC_COUNTS.val!, { height, width, seed: DEFAULT_SYNTHETIC_SEED });
  analysis = await analyseFrame(segnet, model, pickDemoFrames(val).frames[0]!);
  for (const s of [1, 2, 3, 4]) {
    for (const name of [`encoder/stage${s}/conv1/conv`, `encoder/stage${s}/conv1/bn`, `encoder/stage${s}/conv1`, `encoder/stage${s}/pool`]) layers.set(name, (await analysis.layer(name))!);
  }
}, 120_000);

afterAll(() => analysis?.dispose());

describe('the first frame through the page’s SegNet-Basic', () => {
  it('chapter 3: all-zero windows of each stage, and why the index maps read top left', () => {
    const zero1 = zeroWindows(layer('encoder/stage1/conv1'));
    const indices = layer('encoder/stage1/pool').indices!;
    const topLeft = indices.filter((i) => i === 0).length / indices.length;
    const deeper = [2, 3, 4].map((s) => pct(zeroWindows(layer(`encoder/stage${s}/conv1`))));
    const [lo, hi] = [Math.min(...deeper), Math.max(...deeper)];
    const text = en('03', 'architecture');
    expect(text).toContain(`On the first frame, ${pct(zero1)} % of stage 1's 2 × 2 windows (all 64 channels) hold four zeros after the ReLU`);
    expect(text).toContain(`so ${pct(topLeft)} % of the index cells read top left`);
    expect(text).toContain(`(${pct(topLeft - zero1)} of the remaining ${100 - pct(zero1)} %)`);
    expect(text).toContain(`Deeper stages have more all-zero windows, ${lo} to ${hi} % on this frame`);
    const zhText = zh('03', 'architecture');
    expect(zhText).toContain(`第 1 阶段有 ${pct(zero1)}% 的 2 × 2 窗口`);
    expect(zhText).toContain(`所以有 ${pct(topLeft)}% 的索引格子是左上`);
    expect(zhText).toContain(`（其余 ${100 - pct(zero1)}% 中的 ${pct(topLeft - zero1)}%）`);
    expect(zhText).toContain(`在这一帧上为 ${lo}% 到 ${hi}%`);
  });

  it('chapter 4: channel 1 through convolution, batch norm, ReLU and pooling', () => {
    const conv = layer('encoder/stage1/conv1/conv');
    const bn = layer('encoder/stage1/conv1/bn');
    const relu = layer('encoder/stage1/conv1');
    const C = conv.channels;
    const px = conv.height * conv.width;
    const channel1 = (d: LayerData): number[] => Array.from({ length: px }, (_, i) => d.values[i * C]!);
    const [x, y] = [channel1(conv), channel1(bn)];
    // Batch norm in eval mode is y = a x + b per channel: read a and b off two pixels far apart in x.
    const lo = x.indexOf(Math.min(...x));
    const hi = x.indexOf(Math.max(...x));
    const a = (y[hi]! - y[lo]!) / (x[hi]! - x[lo]!);
    const b = y[lo]! - a * x[lo]!;
    for (let i = 0; i < px; i += 97) expect(y[i]).toBeCloseTo(a * x[i]! + b, 3);
    const negative = y.filter((v) => v < 0).length / px;
    const zeroed = relu.values.filter((v) => v === 0).length / relu.values.length;
    const text = en('04', 'encoder-stage');
    const minus = (v: number): string => (v < 0 ? `−${(-v).toFixed(2)}` : v.toFixed(2));
    expect(text).toContain(`channel 1 leaves the convolution with small values, from ${minus(x[lo]!)} to ${x[hi]!.toFixed(2)}`);
    expect(b).toBeLessThan(0);
    expect(text).toContain(`Batch norm multiplies them by ${a.toFixed(2)} and subtracts ${(-b).toFixed(2)}, which leaves ${pct(negative)} % of the map negative`);
    expect(text).toContain(`Over all 64 channels the ReLU zeroes ${pct(zeroed)} % of the values`);
    expect(text).toContain(`in ${pct(zeroWindows(relu, 0))} % of channel 1's windows (${pct(zeroWindows(relu))} % over all channels) the four values were all zero`);
    const zhText = zh('04', 'encoder-stage');
    expect(zhText).toContain(`从 ${minus(x[lo]!)} 到 ${x[hi]!.toFixed(2)}`);
    expect(zhText).toContain(`乘以 ${a.toFixed(2)} 再减去 ${(-b).toFixed(2)}，于是特征图中有 ${pct(negative)}% 的值为负`);
    expect(zhText).toContain(`ReLU 把 ${pct(zeroed)}% 的值变成零`);
    expect(zhText).toContain(`通道 1 有 ${pct(zeroWindows(relu, 0))}% 的窗口（全部通道为 ${pct(zeroWindows(relu))}%）`);
  });

  it('chapter 5: the side-by-side’s error, maxima in place and zeros on stage 2 channel 1 and stage 1 channel 35', async () => {
    const figures = async (stage: number, channel: number) => {
      const l = stageLayers(stage);
      const [pool, features, up, out] = await Promise.all([l.pool, l.features, l.decoderUnpool, l.decoderOutput].map((n) => analysis.layer(n)));
      const maps = await channelComparison({ upsampleChannel: (c) => upsampleChannel(engine, c) }, pool!, features!, stage, channel, [{ decoder: 'segnet', upsampled: up!, output: out! }]);
      const view = sideBySideView(maps);
      const scores = Object.fromEntries(view.panels.filter((p) => p.scores).map((p) => [p.key, p.scores!]));
      return {
        error: (k: string) => scores[k]!.upsampling!.relativeError.toFixed(2),
        inPlace: (k: string) => pct(scores[k]!.upsampling!.maximaInPlace),
        zeros: (k: string) => pct(scores[k]!.zeroShare),
        learntZeros: view.learnt[0]!.panels.map((p) => pct(p.scores!.zeroShare)),
      };
    };
    const s2 = await figures(2, 1);
    const s1 = await figures(1, 35);
    const [u, t, b] = UPSAMPLERS;
    const text = en('05', 'unpooling');
    expect(text).toContain(`by error (${s2.error(u)}, against ${s2.error(t)} for the transposed convolution and ${s2.error(b)} for bilinear resizing)`);
    expect(text).toContain(`most of its values are zeros (${s2.zeros(u)}%,`);
    expect(text).toContain(`On stage 1, channel 35 it is the worst (${s1.error(u)} against ${s1.error(t)} and ${s1.error(b)}, with ${s1.zeros(u)}% zeros)`);
    expect(s2.inPlace(u)).toBe(100);
    expect(s2.inPlace(t)).toBe(s2.inPlace(b));
    expect(text).toContain(`against ${s2.inPlace(t)}% of the windows for the two interpolations on stage 2`);
    expect(text).toContain(`its convolution turns the unpooled map, ${s2.learntZeros[0]}% zeros, into one with no zeros at all`);
    expect(s2.learntZeros[1]).toBe(0);
    const zhText = zh('05', 'unpooling');
    expect(zhText).toContain(`（${s2.error(u)}，转置卷积为 ${s2.error(t)}，双线性缩放为 ${s2.error(b)}）`);
    expect(s1.error(t)).toBe(s1.error(b));
    expect(zhText).toContain(`（${s1.error(u)}，另外两种都是 ${s1.error(t)}，零值占 ${s1.zeros(u)}%）`);
    expect(zhText).toContain(`两种插值只有 ${s2.inPlace(t)}% 的窗口做到这一点`);
    expect(zhText).toContain(`卷积把零值占 ${s2.learntZeros[0]}% 的反池化特征图`);
  });
});
