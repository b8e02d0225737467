// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { heatmapRgba, scaleStrip, sharedMax, sharedMin, viridisLut } from '../../../src/widgets/decoder-side-by-side/heatmap';
import { renderColourBar, renderSideBySide } from '../../../src/widgets/decoder-side-by-side/render';
import { maximaInPlace, upsamplingScores, zeroShare } from '../../../src/widgets/decoder-side-by-side/scores';
import { sideBySideCodec } from '../../../src/widgets/decoder-side-by-side/state';
import { comparisonSentence, sideBySideView, type ChannelMaps } from '../../../src/widgets/decoder-side-by-side/view';
import { channelPlane, mostVariedChannel } from '../../../src/widgets/model';
import { readState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

describe('sideBySideCodec', () => {
  it('restores a link and ignores stages and channels that do not exist', () => {
    expect(readState('dec', sideBySideCodec, '?dec.frame=1&dec.stage=4&dec.channel=64')).toEqual({ frame: 1, stage: 4, channel: 64 });
    expect(readState('dec', sideBySideCodec, '?dec.stage=5&dec.channel=0')).toEqual(sideBySideCodec.defaults);
  });
});

describe('maximaInPlace, zeroShare and upsamplingScores', () => {
  // One 2 x 2 window over a 2 x 4 map... two windows: maxima before pooling at positions 3 (dy 1, dx 1) and 0.
  const windows = { height: 1, width: 2, indices: [3, 0] };

  it('maximaInPlace counts the windows whose largest value is where the recorded maximum was (ties in place)', () => {
    expect(maximaInPlace([0, 0, 0, 9, 0, 5, 0, 0], 2, 4, windows)).toBe(0.5);
    expect(maximaInPlace([1, 1, 9, 1, 1, 5, 1, 1], 2, 4, windows)).toBe(1);
    expect(maximaInPlace([7, 0, 0, 0, 0, 0, 0, 8], 2, 4, windows)).toBe(0);
    expect(() => maximaInPlace([1, 2, 3], 2, 2, windows)).toThrow('maximaInPlace: 2x2 needs 4 values, got 3');
    expect(() => maximaInPlace([1, 2, 3, 4], 2, 2, { height: 1, width: 2, indices: [0] })).toThrow('maximaInPlace: 1x2 windows need 2 indices, got 1');
  });

  it('zeroShare is the share of exact zeros', () => {
    expect(zeroShare([0, 1, 0, -0, 2])).toBe(0.6);
    expect(zeroShare([])).toBe(0);
  });

  it('scores a map against the original: a copy has error 0 and every maximum in place; a shifted blur does not', () => {
    const original = [0, 1, 2, 3, 4, 5, 6, 7];
    const copy = upsamplingScores(original, original, 2, 4, { height: 1, width: 2, indices: [3, 3] });
    expect(copy).toEqual({ relativeError: 0, maximaInPlace: 1, zeroShare: 1 / 8 });
    // Plain-TS reference: RMS of the differences over the range 7.
    const moved = [7, 6, 5, 4, 3, 2, 1, 0];
    const diffs = original.map((v, i) => v - moved[i]!);
    const s = upsamplingScores(moved, original, 2, 4, { height: 1, width: 2, indices: [3, 3] });
    expect(s.relativeError).toBeCloseTo(Math.sqrt(diffs.reduce((a, d) => a + d * d, 0) / 8) / 7, 12);
    expect(s.maximaInPlace).toBe(0);
    expect(upsamplingScores([1, 2], [5, 5], 1, 2, { height: 0, width: 1, indices: [] }).relativeError).toBeNaN();
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
    expect(sharedMin([[1, 5], [7, -2]])).toBe(-2);
    // On [min, max]: the minimum is purple, the maximum yellow.
    const ranged = heatmapRgba([-2, 2], 2, -2);
    expect([...ranged.slice(0, 3)]).toEqual([...lut.slice(0, 3)]);
    expect([...ranged.slice(4, 7)]).toEqual([...lut.slice(255 * 3, 256 * 3)]);
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
    indices: Int32Array.from([3, 3, 3, 3]),
    height: 4,
    width: 4,
    pooledHeight: 2,
    pooledWidth: 2,
    upsampled: {
      unpool: Float32Array.from([0, 0, 0, 0, 0, 2, 0, 4, 0, 0, 0, 0, 0, 4, 0, 6]),
      transposed: Float32Array.from([1, 1.5, 2.5, 3, 1.5, 2, 3, 3.5, 2.5, 3, 4, 4.5, 3, 3.5, 4.5, 5]),
      bilinear: Float32Array.from([2, 3, 4, 4, 3, 4, 5, 5, 4, 5, 6, 6, 4, 5, 6, 6]),
    },
    learnt: [
      {
        decoder: 'segnet',
        upsampled: Float32Array.from([0, 0, 0, 0, 0, -1, 0, 3, 0, 0, 0, 0, 0, 2, 0, 1]),
        output: Float32Array.from([-0.5, 0.2, 0.4, 1, 0.1, -0.3, 0.8, 1.5, 0.3, 0.6, 0.9, 0.7, 0.2, 1.1, 0.5, 0.4]),
      },
    ],
  };
}

describe('sideBySideView(maps)', () => {
  it('puts the encoder’s maps and the fixed upsamplers on one scale, scores those three, and the trained stage on its own scale', () => {
    const view = sideBySideView(maps());
    expect(view.max).toBe(6);
    expect(view.panels.map((p) => p.key)).toEqual(['reference', 'pooled', 'unpool', 'transposed', 'bilinear']);
    expect(view.panels.filter((p) => p.scores).map((p) => p.key)).toEqual(['unpool', 'transposed', 'bilinear']);
    const unpool = view.panels[2]!.scores!;
    expect(unpool.zeroShare).toBe(0.75);
    expect(unpool.upsampling!.maximaInPlace).toBe(1);
    expect(view.learnt).toHaveLength(1);
    const row = view.learnt[0]!;
    expect([row.min, row.max]).toEqual([-1, 3]);
    expect(row.panels.map((p) => p.key)).toEqual(['segnet-input', 'segnet-output']);
    expect(row.panels.map((p) => p.scores)).toEqual([{ upsampling: null, zeroShare: 0.75 }, { upsampling: null, zeroShare: 0 }]);
  });

  it('comparisonSentence defines each measure with every method’s figure, then what the trained stage does', () => {
    const view = sideBySideView(maps());
    const sentence = comparisonSentence(view);
    const error = (k: number) => view.panels[k]!.scores!.upsampling!.relativeError.toFixed(2);
    expect(sentence).toContain(
      `Error is the root-mean-square difference from the map before pooling, as a share of that map’s range (0 is a perfect copy): unpooling with indices ${error(2)}, transposed convolution ${error(3)}, bilinear interpolation ${error(4)}.`,
    );
    expect(sentence).toContain('Maxima in place is the share of 2 × 2 pooling windows whose largest value sits where the maximum was before pooling: unpooling with indices 100%');
    expect(sentence).toContain('Zeros is the share of values that are exactly 0: unpooling with indices 75%, transposed convolution 0%, bilinear interpolation 0%.');
    expect(sentence).toContain('stage 2 receives its unpooled map (75% zeros)');
    expect(sentence).toContain('a dense map (0% zeros)');
    expect(sentence).not.toMatch(/edge energy/i);
  });

  it('says so when a channel is constant (a dead unit)', () => {
    const m = maps();
    m.reference.fill(0);
    expect(comparisonSentence(sideBySideView(m))).toContain('is constant on this frame');
  });
});

describe('renders', () => {
  it('renderSideBySide: inputs, colour bar, three scored methods, and the trained stage with its own colour bar', async () => {
    const node = renderSideBySide(sideBySideView(maps()));
    expect(node.querySelectorAll('.sbs-methods .sbs-panel')).toHaveLength(3);
    expect(node.querySelectorAll('.sbs-methods .sbs-scores dt')).toHaveLength(9);
    expect([...node.querySelectorAll('[data-panel="unpool"] dt')].map((e) => e.textContent)).toEqual(['Error', 'Maxima in place', 'Zeros']);
    expect(node.querySelector('[data-panel="unpool"] dd')?.textContent).toMatch(/^0\.\d\d$/);
    expect([...node.querySelectorAll('.sbs-learnt .sbs-panel')].map((e) => e.getAttribute('data-panel'))).toEqual(['segnet-input', 'segnet-output']);
    expect([...node.querySelectorAll('[data-panel="segnet-output"] dt')].map((e) => e.textContent)).toEqual(['Zeros']);
    expect(node.querySelector('.sbs-learnt .sbs-colourbar')?.textContent).toBe('-1.003.00');
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
    expect(node.querySelector('[data-panel="transposed"] dt')?.textContent).toBe('误差');
    expect(node.querySelector('[data-panel="segnet-output"] .sbs-title')?.textContent).toBe('SegNet 解码器：经 7×7 卷积和批量归一化之后');
    expect(text).toContain('池化之前，4 × 4 热力图');
    expect(englishLeftovers(readerText(renderSideBySide(sideBySideView(maps()))))).toContain('pooling');
  });

  it('comparisonSentence(view, zh) compares the same scores in Chinese, and names a dead unit', () => {
    const view = sideBySideView(maps(), zh);
    const sentence = comparisonSentence(view, zh);
    chinese(sentence);
    const english = comparisonSentence(sideBySideView(maps()));
    expect(sentence.match(/\d+(\.\d+)?%?/g)).toEqual(english.match(/\d+(\.\d+)?%?/g));
    expect(sentence).toMatch(/^误差是与池化前特征图之差的均方根，再除以该特征图的取值范围（0 表示完全复原）：按索引反池化 0\.\d\d，/);
    const m = maps();
    m.reference.fill(0);
    const dead = comparisonSentence(sideBySideView(m, zh), zh);
    chinese(dead);
    expect(dead).toContain('第 2 阶段的第 7 个通道');
  });
});
