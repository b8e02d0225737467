// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { readState } from '../../../src/widgets/shared/url-state';
import {
  argmaxChain,
  deeplabFieldLayers,
  encoderFieldLayers,
  extent,
  fieldInterval,
  fieldsOf,
  poolFields,
  pool2,
  sameConv,
  type FieldLayer,
  type PooledPlane,
} from '../../../src/widgets/pixel-provenance/geometry';
import { chainSentences, provenanceCaption, renderProvenance } from '../../../src/widgets/pixel-provenance/render';
import { movedCursor, provenanceCodec, type ProvenanceState } from '../../../src/widgets/pixel-provenance/state';
import { largestChannel, provenanceView, type ProvenanceData } from '../../../src/widgets/pixel-provenance/view';
import { mulberry32 } from '../../../src/data';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

const PAGE = { encoder: 'basic', decoder: 'segnet', height: 96, width: 128 } as const;

/** Output length of a layer on an axis of `n` units: 'same' convolutions keep it, 2 × 2 pools halve it (ceil). */
const outLength = (layer: FieldLayer, n: number): number => Math.ceil(n / layer.stride);

/**
 * Brute force: push a one-pixel impulse at every input position through the layers (a unit is
 * reached when any of the inputs its kernel taps is reached), and collect the input positions
 * whose impulse reaches unit `unit` of the last layer. Returns them sorted.
 */
function bruteForceField(layers: readonly FieldLayer[], length: number, unit: number): number[] {
  const seen: number[] = [];
  for (let x = 0; x < length; x++) {
    let n = length;
    let reached = new Set([x]);
    for (const layer of layers) {
      const out = outLength(layer, n);
      const next = new Set<number>();
      for (let i = 0; i < out; i++) {
        for (let t = 0; t < layer.kernel; t++) {
          if (reached.has(i * layer.stride - layer.padBefore + t * layer.dilation)) {
            next.add(i);
            break;
          }
        }
      }
      reached = next;
      n = out;
    }
    if (reached.has(unit)) seen.push(x);
  }
  return seen;
}

describe('receptive fields from a layer list', () => {
  it('SegNet-Basic’s encoder: 4 × (7 × 7 conv, 2 × 2 pool) gives 8, 22, 50 and 106 pixels', () => {
    const layers = encoderFieldLayers(PAGE);
    expect(layers.map((l) => l.name)).toEqual([1, 2, 3, 4].flatMap((s) => [`encoder/stage${s}/conv1`, `encoder/stage${s}/pool`]));
    expect(poolFields(layers).map((f) => [f.size, f.jump])).toEqual([
      [8, 2],
      [22, 4],
      [50, 8],
      [106, 16],
    ]);
  });

  it('DeepLab-LargeFOV on the same encoder: stages 3 and 4 unpooled, dilated 1 and 2, fc6 at rate 12: 190 pixels, a unit every 4', () => {
    const layers = deeplabFieldLayers(PAGE);
    expect(layers.map((l) => `${l.name}:${l.kernel}/${l.stride}/${l.dilation}`)).toEqual([
      'encoder/stage1/conv1:7/1/1',
      'encoder/stage1/pool:2/2/1',
      'encoder/stage2/conv1:7/1/1',
      'encoder/stage2/pool:2/2/1',
      'encoder/stage3/conv1:7/1/1',
      'encoder/stage4/conv1:7/1/2',
      'decoder/fc6:3/1/12',
      'decoder/fc7:1/1/1',
      'decoder/fc8:1/1/1',
    ]);
    const last = fieldsOf(layers).at(-1)!;
    expect([last.size, last.jump]).toEqual([190, 4]);
    expect(extent({ kernel: 3, dilation: 12 })).toBe(25);
  });

  it.each([
    ['SegNet-Basic, deepest pool', encoderFieldLayers(PAGE)],
    ['DeepLab-LargeFOV, class scores', deeplabFieldLayers(PAGE)],
    ['a mixed stack', [sameConv('a', 3), pool2('p'), sameConv('b', 5, 3), sameConv('c', 3, 2), pool2('q'), sameConv('d', 1)]],
  ])('%s: matches a brute-force impulse, in the middle (unclipped) and at both borders (clipped)', (_, layers) => {
    const length = 512;
    const field = fieldsOf(layers).at(-1)!;
    const units = layers.reduce((n, l) => outLength(l, n), length);
    for (const unit of [0, 1, Math.floor(units / 2), units - 1]) {
      const brute = bruteForceField(layers, length, unit);
      const [lo, hi] = fieldInterval(field, unit, length);
      expect([brute[0], brute.at(-1)]).toEqual([lo, hi]);
      // No holes: every pixel of the interval reaches the unit.
      expect(brute).toHaveLength(hi - lo + 1);
    }
    expect(bruteForceField(layers, length, Math.floor(units / 2))).toHaveLength(field.size);
  });

  it('names a bad layer', () => {
    expect(() => fieldsOf([{ name: 'broken', kernel: 3, stride: 0, dilation: 1, padBefore: 1 }])).toThrow('layer "broken" needs a positive integer stride, got 0');
  });
});

/** A 2-stage hand-made index set on an 8 × 8 frame: stage 1 pooled 4 × 4, stage 2 pooled 2 × 2. */
const HAND: PooledPlane[] = [
  { height: 4, width: 4, values: Array.from({ length: 16 }, (_, i) => i / 10), indices: [0, 1, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1] },
  { height: 2, width: 2, values: [5, 6, 7, 8], indices: [3, 0, 2, 1] },
];

describe('argmaxChain', () => {
  it('reads, deepest first, the window, the recorded position and the pixel’s own', () => {
    // Pixel (3, 1): stage 2 window (0, 0), at stage-2 map position (1, 0) -> own 2, recorded 3;
    // stage 1 window (1, 0), frame position (3, 1) -> own 3, recorded indices[4] = 3: kept.
    expect(argmaxChain(HAND, 3, 1)).toEqual([
      { stage: 2, window: { row: 0, col: 0 }, recorded: 3, own: 2, kept: false, value: 5 },
      { stage: 1, window: { row: 1, col: 0 }, recorded: 3, own: 3, kept: true, value: 0.4 },
    ]);
    // Pixel (6, 2): stage 2 window (1, 0), map position (3, 1) -> own 3, recorded 2; stage 1 window (3, 1), frame position (6, 2) -> own 0, recorded 1.
    expect(argmaxChain(HAND, 6, 2).map((l) => [l.own, l.recorded, l.kept])).toEqual([
      [3, 2, false],
      [0, 1, false],
    ]);
  });

  it('keeps exactly one of the four pixels of every window at every stage', () => {
    for (let r = 0; r < 8; r += 2)
      for (let c = 0; c < 8; c += 2) {
        const kept = [0, 1, 2, 3].filter((q) => argmaxChain(HAND, r + (q >> 1), c + (q & 1)).at(-1)!.kept);
        expect(kept).toHaveLength(1);
      }
  });

  it('names a pixel outside the maps', () => {
    expect(() => argmaxChain(HAND, 8, 0)).toThrow("pixel (8, 0) lies outside stage 1's 4 × 4 pooled map");
  });
});

/** A frame of the page's size with random pools (channel axis last), 3 channels. */
function plainData(seed = 7): ProvenanceData {
  const rnd = mulberry32(seed);
  const C = 3;
  const pools = [1, 2, 3, 4].map((s) => {
    const height = 96 >> s;
    const width = 128 >> s;
    return {
      height,
      width,
      channels: C,
      values: Float32Array.from({ length: height * width * C }, () => Math.round(rnd() * 100) / 100),
      indices: Int32Array.from({ length: height * width * C }, () => Math.floor(rnd() * 4)),
    };
  });
  const image = Uint8Array.from({ length: 96 * 128 * 3 }, (_, i) => (i * 31) % 256);
  const labels = Uint8Array.from({ length: 96 * 128 }, (_, i) => Math.floor(i / 1100) % 12);
  return { width: 128, height: 96, image, labels, pools };
}

const data = plainData();
const state = (patch: Partial<ProvenanceState> = {}): ProvenanceState => ({ ...provenanceCodec.defaults, ...patch });

describe('provenanceCodec and the cursor', () => {
  it('reads frame, pixel and channel; ignores values out of range', () => {
    expect(readState('p', provenanceCodec, '?p.frame=3&p.row=95&p.col=127&p.channel=64')).toEqual({ frame: 3, row: 95, col: 127, channel: 64 });
    expect(readState('p', provenanceCodec, '?p.frame=4&p.row=96&p.col=-1&p.channel=65')).toEqual(provenanceCodec.defaults);
  });

  it('moves the cursor by 1 (8 with Shift), kept inside the frame', () => {
    expect(movedCursor('ArrowRight', false, { row: 5, col: 5 })).toEqual({ row: 5, col: 6 });
    expect(movedCursor('ArrowUp', true, { row: 5, col: 5 })).toEqual({ row: 0, col: 5 });
    expect(movedCursor('ArrowDown', true, { row: 90, col: 127 })).toEqual({ row: 95, col: 127 });
    expect(movedCursor('a', false, { row: 5, col: 5 })).toBeNull();
  });
});

describe('provenanceView', () => {
  it('follows the channel largest at the pixel’s deepest unit by default, or the one chosen', () => {
    const deepest = data.pools[3]!;
    const unit = ((58 >> 4) * deepest.width + (70 >> 4)) * 3;
    const values = [0, 1, 2].map((c) => deepest.values[unit + c]!);
    const best = values.indexOf(Math.max(...values));
    expect(largestChannel(deepest, 58 >> 4, 70 >> 4)).toBe(best);
    const auto = provenanceView(data, state());
    expect([auto.channel, auto.autoChannel]).toEqual([best + 1, true]);
    const chosen = provenanceView(data, state({ channel: 2 }));
    expect([chosen.channel, chosen.autoChannel]).toEqual([2, false]);
    // Stage 1's link reads channel 2's index at the pixel's window.
    const at = ((58 >> 1) * 64 + (70 >> 1)) * 3 + 1;
    expect(chosen.chain.at(-1)!.recorded).toBe(data.pools[0]!.indices[at]);
  });

  it('gives nested fields, clipped at the border, and DeepLab’s around the same pixel', () => {
    const view = provenanceView(data, state({ row: 2, col: 125 }));
    expect(view.fields.map((f) => f.size)).toEqual([8, 22, 50, 106]);
    // Stage 1: unit (1, 62) sees rows 2−3 … 2+4, columns 124−3 … 124+4 (clipped to 127).
    expect(view.fields[0]).toMatchObject({ rows: [0, 6], cols: [121, 127] });
    for (let k = 1; k < 4; k++) {
      const [a, b] = [view.fields[k - 1]!, view.fields[k]!];
      expect(b.rows[0] <= a.rows[0] && b.rows[1] >= a.rows[1] && b.cols[0] <= a.cols[0] && b.cols[1] >= a.cols[1]).toBe(true);
    }
    expect(view.deeplab).toMatchObject({ size: 190, stride: 4, rows: [0, 95], cols: [31, 127] });
  });

  it('names a pixel outside the frame and a channel the data lacks', () => {
    expect(() => provenanceView(data, state({ row: 96 }))).toThrow('pixel (row 96, column 70) lies outside the 96 × 128 frame');
    expect(() => provenanceView(data, state({ channel: 4 }))).toThrow('channel must be in 0..3 (0: the largest), got 4');
  });
});

describe('renderProvenance and the captions', () => {
  const view = provenanceView(data, state({ channel: 1 }));

  it('draws the labelled frame with four fields and the pixel, DeepLab’s frame, and four windows', () => {
    const node = renderProvenance(view);
    expect(node.querySelectorAll('canvas')).toHaveLength(2);
    expect(node.querySelectorAll('.field-stage1, .field-stage2, .field-stage3, .field-stage4')).toHaveLength(4);
    expect(node.querySelectorAll('.field-deeplab')).toHaveLength(1);
    expect(node.querySelector('[data-part="frame"]')?.getAttribute('tabindex')).toBe('0');
    expect(node.querySelectorAll('.grid-panel')).toHaveLength(4);
    expect(node.querySelectorAll('.grid-panel .is-hot')).toHaveLength(4);
    expect(node.querySelectorAll('.grid-panel .outline-current')).toHaveLength(4);
    expect(node.querySelectorAll('.cursor-mark')).toHaveLength(0);
    const moved = renderProvenance(view, { cursor: { row: 10, col: 11 } });
    expect(moved.querySelector('.cursor-mark')?.getAttribute('x')).toBe('10.5');
    expect(moved.querySelector('[data-part="frame"]')?.getAttribute('aria-label')).toContain('Cursor at row 10, column 11');
  });

  it('says per stage whether the value came back at the pixel, with the numbers', () => {
    const lines = chainSentences(view);
    expect(lines).toHaveLength(4);
    view.chain.forEach((link, k) => {
      expect(lines[k]).toContain(`stage ${link.stage}:`);
      const expected = link.value === 0 ? 'the window was all zeros' : link.kept ? 'kept at the pixel’s own' : 'gets a 0 that the next convolution fills';
      expect(lines[k]).toContain(expected);
    });
    const allZero = { ...view, chain: view.chain.map((l) => ({ ...l, value: 0 })) };
    expect(chainSentences(allZero)[0]).toBe(`stage 4: the window was all zeros after ReLU, so the kept value is 0 and the pixel’s ${['top left', 'top right', 'bottom left', 'bottom right'][view.chain[0]!.own]} position is 0 either way`);
    const caption = provenanceCaption(view);
    expect(caption).toContain('8, 22, 50, 106 pixels square');
    expect(caption).toContain('sees 190 × 190 pixels: 96 × 128 of this frame');
    expect(caption).toContain(`${view.chain.filter((l) => l.kept).length}`);
  });

  it('matches the snapshot pixel-provenance', async () => {
    await expect(markup(renderProvenance(view, { cursor: { row: 60, col: 72 } }))).toMatchFileSnapshot('__snapshots__/pixel-provenance.html');
  });

  it('draws and captions in Chinese', () => {
    const zh = messages('zh').pixelProvenance;
    for (const s of [state(), state({ row: 0, col: 0, channel: 3 })]) {
      const v = provenanceView(data, s);
      for (const text of [readerText(renderProvenance(v, { messages: zh, cursor: { row: 1, col: 1 } })), provenanceCaption(v, zh), chainSentences(v, zh).join('\n')]) {
        expect(hasChinese(text)).toBe(true);
        expect(englishLeftovers(text)).toEqual([]);
      }
      expect(provenanceCaption(v, zh)).not.toMatch(/。 /);
    }
  });
});
