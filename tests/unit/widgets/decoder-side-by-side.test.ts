// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { heatmapRgba, scaleStrip, sharedMax, viridisLut } from '../../../src/widgets/decoder-side-by-side/heatmap';
import { renderColourBar, renderSideBySide } from '../../../src/widgets/decoder-side-by-side/render';
import { edgeEnergy, upsamplingScores } from '../../../src/widgets/decoder-side-by-side/sharpness';
import { sideBySideCodec } from '../../../src/widgets/decoder-side-by-side/state';
import { comparisonSentence, sideBySideView, type ChannelMaps } from '../../../src/widgets/decoder-side-by-side/view';
import { channelPlane, mostVariedChannel } from '../../../src/widgets/model';
import { readState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from './zh-leftovers';

describe('sideBySideCodec', () => {
  it('restores a link and ignores stages and channels that do not exist', () => {
    expect(readState('dec', sideBySideCodec, '?dec.frame=1&dec.stage=4&dec.channel=64')).toEqual({ frame: 1, stage: 4, channel: 64 });
    expect(readState('dec', sideBySideCodec, '?dec.stage=5&dec.channel=0')).toEqual(sideBySideCodec.defaults);
  });
});

describe('edgeEnergy and upsamplingScores', () => {
  it('edgeEnergy is the mean forward-difference gradient magnitude', () => {
    // 2 x 2: [0 1; 0 1] -> gradients (1,0) at (0,0), (0,0) at (0,1), (1,0) at (1,0), 0 at (1,1).
    expect(edgeEnergy([0, 1, 0, 1], 2, 2)).toBeCloseTo(0.5);
    expect(edgeEnergy([3, 3, 3, 3], 2, 2)).toBe(0);
    expect(() => edgeEnergy([1, 2, 3], 2, 2)).toThrow('edgeEnergy: 2x2 needs 4 values, got 3');
  });

  it('scores a map against the original: a copy is 1× and error 0, a sparse map is sharper', () => {
    const original = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    expect(upsamplingScores(original, original, 3, 3)).toEqual({ relativeEdgeEnergy: 1, relativeError: 0, zeroShare: 1 / 9 });
    const sparse = [0, 0, 0, 0, 4, 0, 0, 0, 8];
    const s = upsamplingScores(sparse, original, 3, 3);
    expect(s.relativeEdgeEnergy).toBeGreaterThan(1);
    expect(s.zeroShare).toBeCloseTo(7 / 9);
    expect(upsamplingScores([1, 2], [5, 5], 1, 2).relativeEdgeEnergy).toBeNaN();
  });
});

describe('heat maps', () => {
  it('maps 0 to viridis purple and the maximum to yellow, clamping outside', () => {
    const lut = viridisLut();
    const rgba = heatmapRgba([0, 2, 4, 9], 4);
    expect([...rgba.slice(0, 3)]).toEqual([...lut.slice(0, 3)]);
    expect([...rgba.slice(8, 11)]).toEqual([...lut.slice(255 * 3, 256 * 3)]);
    expect([...rgba.slice(12, 15)]).toEqual([...rgba.slice(8, 11)]);
    expect(lut[255 * 3]!).toBeGreaterThan(200);
    expect(scaleStrip(4)).toHaveLength(16);
    expect(sharedMax([[1, 5], [7, -2]])).toBe(7);
  });
});

describe('channel helpers', () => {
  it('channelPlane reads one channel; mostVariedChannel finds the liveliest', () => {
    const values = Float32Array.from([0, 1, 5, 0, 2, 5, 0, 9, 5]);
    expect([...channelPlane(values, 3, 1)]).toEqual([1, 2, 9]);
    expect(mostVariedChannel(values, 3)).toBe(1);
    expect(() => channelPlane(values, 3, 3)).toThrow('channelPlane: channel must be in 0..2, got 3');
  });
});

function maps(): ChannelMaps {
  const reference = Float32Array.from([0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6]);
  return {
    stage: 2,
    channel: 7,
    reference,
    pooled: Float32Array.from([2, 4, 4, 6]),
    height: 4,
    width: 4,
    pooledHeight: 2,
    pooledWidth: 2,
    upsampled: {
      unpool: Float32Array.from([0, 0, 0, 0, 0, 2, 0, 4, 0, 0, 0, 0, 0, 4, 0, 6]),
      transposed: Float32Array.from([1, 1.5, 2.5, 3, 1.5, 2, 3, 3.5, 2.5, 3, 4, 4.5, 3, 3.5, 4.5, 5]),
      bilinear: Float32Array.from([2, 3, 4, 4, 3, 4, 5, 5, 4, 5, 6, 6, 4, 5, 6, 6]),
    },
  };
}

describe('sideBySideView(maps)', () => {
  it('puts every map on one scale and scores the three methods', () => {
    const view = sideBySideView(maps());
    expect(view.max).toBe(6);
    expect(view.panels.map((p) => p.key)).toEqual(['reference', 'pooled', 'unpool', 'transposed', 'bilinear']);
    expect(view.panels.filter((p) => p.scores).map((p) => p.key)).toEqual(['unpool', 'transposed', 'bilinear']);
    const unpool = view.panels[2]!.scores!;
    expect(unpool.zeroShare).toBe(0.75);
    expect(comparisonSentence(view)).toMatch(/^Edge energy relative to the map before pooling: unpooling with indices [\d.]+×, /);
  });

  it('says so when a channel is constant (a dead unit)', () => {
    const m = maps();
    m.reference.fill(0);
    expect(comparisonSentence(sideBySideView(m))).toContain('is constant on this frame');
  });
});

describe('renders', () => {
  it('renderSideBySide: inputs, colour bar and three scored methods', async () => {
    const node = renderSideBySide(sideBySideView(maps()));
    expect(node.querySelectorAll('.sbs-methods .sbs-panel')).toHaveLength(3);
    expect(node.querySelectorAll('.sbs-scores')).toHaveLength(3);
    expect(node.querySelector('[data-panel="unpool"] dd')?.textContent).toMatch(/×$/);
    await expect(markup(node)).toMatchFileSnapshot('__snapshots__/decoder-side-by-side-stage2.html');
    expect(renderColourBar(0.5).textContent).toBe('00.500');
  });
});

describe('the decoder side-by-side in Chinese', () => {
  const zh = messages('zh').decoderSideBySide;
  const chinese = (text: string) => {
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
  };

  it('renderSideBySide(sideBySideView(maps, zh), zh) draws Chinese titles, notes, scores and names, and no English word', () => {
    const node = renderSideBySide(sideBySideView(maps(), zh), zh);
    const text = readerText(node);
    chinese(text);
    expect(node.querySelector('[data-panel="unpool"] .sbs-title')?.textContent).toBe('按索引反池化');
    expect(node.querySelector('[data-panel="transposed"] dt')?.textContent).toBe('边缘能量');
    expect(text).toContain('池化之前，4 × 4 热力图');
    expect(englishLeftovers(readerText(renderSideBySide(sideBySideView(maps()))))).toContain('pooling');
  });

  it('comparisonSentence(view, zh) compares the same scores in Chinese, and names a dead unit', () => {
    const view = sideBySideView(maps(), zh);
    const sentence = comparisonSentence(view, zh);
    chinese(sentence);
    const english = comparisonSentence(sideBySideView(maps()));
    expect(sentence.match(/[\d.]+×/g)).toEqual(english.match(/[\d.]+×/g));
    expect(sentence).toMatch(/^相对于池化前特征图的边缘能量：按索引反池化 [\d.]+×，/);
    const m = maps();
    m.reference.fill(0);
    const dead = comparisonSentence(sideBySideView(m, zh), zh);
    chinese(dead);
    expect(dead).toContain('第 2 阶段的第 7 个通道');
  });
});
