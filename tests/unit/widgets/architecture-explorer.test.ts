// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { encoderPlan, resolveConfig, type EncoderPlan } from '../../../src/segnet/core';
import { featureTiles, greyscaleRgba, indexRgba, INDEX_COLOURS, inputTiles, largeNote, largeTiles, magnitudeRgba, poolWindowStats, tilesCaption, zeroShare } from '../../../src/widgets/architecture-explorer/feature-maps';
import { architectureLayers, partTotals, type ArchLayer } from '../../../src/widgets/architecture-explorer/layers';
import { labelLength, layoutDiagram } from '../../../src/widgets/architecture-explorer/layout';
import { NETWORK_NAMES, PAPER_PARAMETERS, type NetworkSummary } from '../../../src/widgets/architecture-explorer/networks';
import { layerSummary, renderDiagram, renderKindLegend, renderLayerPanel, renderParameterTable } from '../../../src/widgets/architecture-explorer/render';
import { architectureCodec, resolveLayer, steppedLayer } from '../../../src/widgets/architecture-explorer/state';
import type { LayerData } from '../../../src/widgets/model';
import { readState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

/** The encoder's plan at full width, from the engine's TF-free entry. */
function plan(kind: 'basic' | 'vgg16'): EncoderPlan {
  return encoderPlan(resolveConfig({ encoder: kind, decoder: 'segnet', height: 360, width: 480 }));
}

function summary(kind: 'basic' | 'vgg16'): NetworkSummary {
  const [height, width] = kind === 'basic' ? [96, 128] : [360, 480];
  const layers = architectureLayers(plan(kind), height, width, 11);
  return { net: kind, name: NETWORK_NAMES[kind], height, width, layers, counts: partTotals(layers), paper: PAPER_PARAMETERS[kind] };
}

const basic = summary('basic');
const vgg = summary('vgg16');
const layer = (net: NetworkSummary, id: string): ArchLayer => net.layers.find((l) => l.id === id)!;

describe('architectureCodec and layer navigation', () => {
  it('restores a link, rejecting unknown networks and layer names', () => {
    expect(readState('arch', architectureCodec, '?arch.net=vgg16&arch.layer=decoder/stage5/layer3&arch.frame=3&arch.map=7')).toEqual({ net: 'vgg16', layer: 'decoder/stage5/layer3', frame: 3, map: 7 });
    expect(readState('arch', architectureCodec, '?arch.map=16').map).toBe(0);
    expect(readState('arch', architectureCodec, '?arch.net=resnet&arch.layer=encoder/stage9/pool&arch.frame=7')).toEqual(architectureCodec.defaults);
  });

  it('resolveLayer keeps the reader at the same place when switching networks', () => {
    expect(resolveLayer(basic.layers, 'encoder/stage5/conv3')).toBe('encoder/stage4/conv1');
    expect(resolveLayer(basic.layers, 'decoder/stage2/layer2')).toBe('decoder/stage2/layer1');
    expect(resolveLayer(basic.layers, 'encoder/stage5/pool')).toBe('encoder/stage4/pool');
    expect(resolveLayer(vgg.layers, 'encoder/stage3/pool')).toBe('encoder/stage3/pool');
  });

  it('steppedLayer follows the data: arrows step, Home and End jump, the ends hold', () => {
    expect(steppedLayer(basic.layers, 'input', 'ArrowRight')).toBe('encoder/stage1/conv1');
    expect(steppedLayer(basic.layers, 'input', 'ArrowLeft')).toBe('input');
    expect(steppedLayer(basic.layers, 'encoder/stage2/pool', 'End')).toBe('decoder/classifier');
    expect(steppedLayer(basic.layers, 'encoder/stage2/pool', 'Home')).toBe('input');
    expect(steppedLayer(basic.layers, 'encoder/stage2/pool', 'x')).toBeNull();
  });
});

describe('layoutDiagram(layers)', () => {
  it('places blocks left to right, taller for larger maps', () => {
    const { blocks } = layoutDiagram(basic.layers);
    expect(blocks.map((b) => b.x)).toEqual([...blocks.map((b) => b.x)].sort((a, b) => a - b));
    const height = (id: string) => blocks.find((b) => b.layer.id === id)!.height;
    expect(height('input')).toBeGreaterThan(height('encoder/stage2/conv1'));
    expect(height('encoder/stage4/pool')).toBeLessThan(height('encoder/stage4/conv1'));
    expect(height('decoder/stage1/unpool')).toBe(height('input'));
  });

  it('labels every block with its short name and output size, below the tallest block, with room for the longest', () => {
    const layout = layoutDiagram(basic.layers);
    expect(layout.blocks.map((b) => b.label).slice(0, 3)).toEqual(['input · 96×128×3', 'conv 1.1 · 96×128×64', 'pool 1 · 48×64×64']);
    expect(layout.blocks.at(-1)!.label).toBe('classifier · 96×128×11');
    expect(layout.blocks.find((b) => b.layer.id === 'decoder/stage3/layer1')!.label).toBe('dec 3.1 · 24×32×64');
    const bottom = Math.max(...layout.blocks.map((b) => b.y + b.height));
    expect(layout.labelY).toBeGreaterThan(bottom);
    expect(layout.stageY).toBeGreaterThan(layout.labelY + Math.max(...layout.blocks.map((b) => labelLength(b.label))));
    expect(new Set(layoutDiagram(vgg.layers).blocks.map((b) => b.label)).size).toBe(vgg.layers.length);
    expect([labelLength('池化 1'), labelLength('pool 1')]).toEqual([33, 36]);
  });

  it('draws one arc per pooling layer, nested so that stage 1 is outermost', () => {
    const { arcs } = layoutDiagram(vgg.layers);
    expect(arcs.map((a) => [a.from, a.to])).toEqual([5, 4, 3, 2, 1].map((s) => [`encoder/stage${s}/pool`, `decoder/stage${s}/unpool`]));
    const level = (stage: number) => Number(/Q[\d.]+,([\d.]+)/.exec(arcs.find((a) => a.stage === stage)!.path)![1]);
    expect(level(1)).toBeLessThan(level(2));
    expect(level(4)).toBeLessThan(level(5));
  });
});

const data = (channels: number, values: number[], indices: number[] | null = null): LayerData => ({
  name: 'x',
  height: 1,
  width: values.length / channels,
  channels,
  values: Float32Array.from(values),
  indices: indices ? Int32Array.from(indices) : null,
});

describe('feature maps', () => {
  it('greyscaleRgba scales each map from its minimum to its maximum', () => {
    const { rgba, min, max } = greyscaleRgba(Float32Array.from([-1, 0, 1]));
    expect([min, max]).toEqual([-1, 1]);
    expect([rgba[0], rgba[4], rgba[8], rgba[11]]).toEqual([0, 128, 255, 255]);
    expect(greyscaleRgba(Float32Array.from([2, 2])).rgba[0]).toBe(128);
  });

  it('magnitudeRgba draws zeros black and the largest magnitude white, whatever its sign', () => {
    const rgba = magnitudeRgba(Float32Array.from([0, -2, 1]));
    expect([rgba[0], rgba[4], rgba[8]]).toEqual([0, 255, 128]);
    expect(magnitudeRgba(Float32Array.from([0, 0]))[0]).toBe(0);
  });

  it('indexRgba colours each cell by where its maximum was', () => {
    expect([...indexRgba(Float32Array.from([3])).slice(0, 3)]).toEqual([...INDEX_COLOURS[3]!]);
  });

  it('featureTiles: the first channels; pools pair each map with its indices; the classifier names classes', () => {
    expect(featureTiles(data(4, [1, 2, 3, 4, 5, 6, 7, 8]), layer(basic, 'encoder/stage1/conv1'), 3).map((t) => t.label)).toEqual(['channel 1', 'channel 2', 'channel 3']);
    const pooled = featureTiles(data(2, [1, 2, 3, 4], [0, 1, 2, 3]), layer(basic, 'encoder/stage1/pool'), 16);
    expect(pooled.map((t) => t.kind)).toEqual(['values', 'indices', 'values', 'indices']);
    const scores = featureTiles(data(11, Array.from({ length: 11 }, (_, i) => i)), layer(basic, 'decoder/classifier'), 4);
    expect(scores.map((t) => t.label).slice(0, 3)).toEqual(['Sky', 'Building', 'Pole']);
    expect(inputTiles(Uint8Array.from([255, 0, 0]), 1, 1).map((t) => [t.label, t.rgba[0]])).toEqual([['colour', 255], ['red', 255], ['green', 0], ['blue', 0]]);
  });

  it('poolWindowStats counts all-zero windows (a zero after ReLU pooling) and top-left indices, overall and per channel', () => {
    // Two channels, three windows each: channel 0 = [0, 5, 0] with indices [0, 2, 0]; channel 1 = [1, 0, 2] with [3, 0, 1].
    const pooled = data(2, [0, 1, 5, 0, 0, 2], [0, 3, 2, 0, 0, 1]);
    expect(poolWindowStats(pooled)).toEqual({ allZero: 0.5, topLeft: 0.5 });
    expect(poolWindowStats(pooled, 0)).toEqual({ allZero: 2 / 3, topLeft: 2 / 3 });
    expect(poolWindowStats(pooled, 1)).toEqual({ allZero: 1 / 3, topLeft: 1 / 3 });
    const l = layer(basic, 'encoder/stage1/pool');
    expect(tilesCaption(l, pooled, 0, 16)).toBe(
      'Channels 1–2 of 2 on frame 1, each map scaled from its own minimum (black) to maximum (white), each beside its index map: the colour says where in its 2×2 window the maximum was. ' +
        'In 50% of the 2×2 windows (all 2 channels) all four values are zero after ReLU: the maximum is a tie, and a tie goes to the first position, top left. That is why 50% of the index cells are top left.',
    );
    const tiles = featureTiles(pooled, l, 16);
    expect(largeTiles(tiles, 3).map((x) => [x.label, x.kind])).toEqual([['channel 2', 'values'], ['its indices', 'indices']]);
    expect(largeNote(pooled, tiles, 0)).toBe('channel 1: 67% of its 2×2 windows are all zero; 67% of its indices point top left.');
    const convTiles = featureTiles(data(4, [1, 2, 3, 4, 5, 6, 7, 8]), layer(basic, 'encoder/stage1/conv1'), 16);
    expect(largeTiles(convTiles, 9).map((x) => x.label)).toEqual(['channel 4']);
    expect(largeNote(data(4, [1, 2, 3, 4, 5, 6, 7, 8]), convTiles, 1)).toBe('');
  });

  it('tilesCaption reports the share of zeros after unpooling', () => {
    expect(zeroShare(Float32Array.from([0, 0, 0, 2]))).toBe(0.75);
    const caption = tilesCaption(layer(basic, 'decoder/stage1/unpool'), data(1, [0, 0, 0, 2]), 1, 16);
    expect(caption).toBe('Channels 1–1 of 1 on frame 2, each map showing the size of its values from zero (black) to its largest (white). 75% of the values are zero: each window got back only its maximum.');
  });
});

describe('renders', () => {
  it('renderDiagram: a radio group of blocks with one selected, one arc highlighted', async () => {
    const svg = renderDiagram(layoutDiagram(basic.layers), 'encoder/stage2/pool', basic.name);
    expect(svg.querySelectorAll('.block-label')).toHaveLength(basic.layers.length);
    expect(svg.querySelector('.block-label.is-selected')?.textContent).toBe('pool 2 · 24×32×64');
    const radios = svg.querySelectorAll('[role="radio"]');
    expect(radios).toHaveLength(basic.layers.length);
    expect(svg.querySelectorAll('[aria-checked="true"]')).toHaveLength(1);
    expect(svg.querySelector('[tabindex="0"]')?.getAttribute('data-layer')).toBe('encoder/stage2/pool');
    expect(svg.querySelectorAll('.index-arc.is-selected')).toHaveLength(1);
    await expect(markup(svg)).toMatchFileSnapshot('__snapshots__/architecture-basic-stage2-pool.svg');
  });

  it('renderDiagram draws VGG16-SegNet with 13 encoder convolutions', async () => {
    const svg = renderDiagram(layoutDiagram(vgg.layers), 'decoder/stage5/unpool', vgg.name);
    expect(svg.querySelectorAll('.block-conv')).toHaveLength(13);
    expect(svg.querySelectorAll('.index-arc')).toHaveLength(5);
    await expect(markup(svg)).toMatchFileSnapshot('__snapshots__/architecture-vgg16-stage5-unpool.svg');
  });

  it('renderLayerPanel: facts, and tiles or a message', async () => {
    const l = layer(basic, 'encoder/stage1/pool');
    expect(layerSummary(l)).toBe('Encoder stage 1 · max pooling: 2×2 max pooling, stride 2, keeping the position of each maximum. Output 48 × 64 × 64; no parameters.');
    const tiles = featureTiles(data(2, [1, 2, 3, 4], [0, 1, 2, 3]), l, 16);
    const panel = renderLayerPanel({ layer: l, sizeNote: 'for a 96 × 128 frame', maps: { state: 'ready', caption: 'caption', tiles, selected: 2, note: 'note' } });
    // Four small maps, and channel 2 with its indices large.
    expect(panel.querySelectorAll('canvas')).toHaveLength(6);
    expect([...panel.querySelectorAll('.large-tile figcaption')].map((f) => f.textContent)).toEqual(['channel 2', 'its indices']);
    expect(panel.querySelector('.large-tile canvas')?.getAttribute('aria-label')).toBe('channel 2, enlarged: 1 × 2, one square per value');
    const buttons = [...panel.querySelectorAll('button[data-map]')];
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true', 'false']);
    expect(buttons[0]!.getAttribute('aria-label')).toBe('channel 1 (1 × 2): show large');
    expect(panel.querySelector('.maps-note')?.textContent).toBe('note');
    expect(panel.querySelector('.index-legend')).not.toBeNull();
    await expect(markup(panel)).toMatchFileSnapshot('__snapshots__/architecture-panel-stage1-pool.html');
    const waiting = renderLayerPanel({ layer: l, sizeNote: '', maps: { state: 'message', message: 'Feature maps appear once the network has run.' } });
    expect(waiting.querySelector('.maps-message')?.textContent).toBe('Feature maps appear once the network has run.');
  });

  it('renderParameterTable: both networks, ours and the paper', async () => {
    const table = renderParameterTable([basic, vgg]);
    const cells = [...table.querySelectorAll('tbody tr:last-child td')].map((td) => td.textContent);
    expect(cells).toEqual(['1.417 M', '1.425 M', '29.449 M', '29.4 M']);
    await expect(markup(table)).toMatchFileSnapshot('__snapshots__/architecture-parameters.html');
    expect(renderKindLegend().querySelectorAll('li')).toHaveLength(6);
  });
});

describe('the architecture explorer in Chinese', () => {
  const zh = messages('zh').architectureExplorer;
  const chinese = (text: string) => {
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
  };
  const zhSummary = (kind: 'basic' | 'vgg16'): NetworkSummary => {
    const [height, width] = kind === 'basic' ? [96, 128] : [360, 480];
    const layers = architectureLayers(plan(kind), height, width, 11, zh);
    return { net: kind, name: zh.networkNames[kind], height, width, layers, counts: partTotals(layers), paper: PAPER_PARAMETERS[kind] };
  };
  const zhBasic = zhSummary('basic');
  const zhVgg = zhSummary('vgg16');

  it('architectureLayers(..., zh) titles and describes every layer in Chinese, with the same shapes and counts', () => {
    for (const l of [...zhBasic.layers, ...zhVgg.layers]) {
      chinese(l.title);
      chinese(l.operation);
    }
    expect(zhBasic.layers.map((l) => [l.id, l.shape, l.params])).toEqual(basic.layers.map((l) => [l.id, l.shape, l.params]));
    expect(layer(zhBasic, 'encoder/stage1/pool').title).toBe('编码器第 1 阶段 · 最大池化');
    expect(layerSummary(layer(zhBasic, 'encoder/stage1/pool'), zh)).toBe('编码器第 1 阶段 · 最大池化：2×2 最大池化，步长 2，并记下每个最大值的位置。输出 48 × 64 × 64；没有参数。');
  });

  it('renderDiagram, renderKindLegend and renderParameterTable with zh draw Chinese words and no English word', () => {
    for (const net of [zhBasic, zhVgg]) chinese(readerText(renderDiagram(layoutDiagram(net.layers, 720, zh), net.layers[3]!.id, net.name, zh)));
    chinese(readerText(renderKindLegend(zh)));
    const table = renderParameterTable([zhBasic, zhVgg], zh);
    chinese(readerText(table));
    expect([...table.querySelectorAll('tbody tr:last-child td')].map((td) => td.textContent)).toEqual(['1.417 M', '1.425 M', '29.449 M', '29.4 M']);
    expect(englishLeftovers(readerText(renderKindLegend()))).toContain('pooling');
  });

  it('renderLayerPanel, featureTiles, inputTiles and tilesCaption with zh say every layer kind in Chinese', () => {
    const pool = layer(zhBasic, 'encoder/stage1/pool');
    const tiles = featureTiles(data(2, [1, 2, 3, 4], [0, 1, 2, 3]), pool, 16, zh);
    const pooled = data(2, [1, 2, 0, 4], [0, 1, 0, 3]);
    const panel = renderLayerPanel(
      { layer: pool, sizeNote: zh.sizeBasic(96, 128), maps: { state: 'ready', caption: tilesCaption(pool, pooled, 0, 16, zh), tiles, selected: 1, note: largeNote(pooled, tiles, 1, zh) } },
      zh,
    );
    expect(panel.querySelector('.maps-caption')?.textContent).toContain('在 25% 的 2×2 窗口里（全部 2 个通道），四个值经过 ReLU 后都是零');
    expect(panel.querySelector('.maps-note')?.textContent).toBe('通道 1：50% 的 2×2 窗口全为零；100% 的索引指向左上。');
    chinese(readerText(panel));
    expect(panel.querySelector('.index-legend')?.textContent).toContain('最大值在左上');
    const classes = featureTiles(data(11, Array.from({ length: 11 }, (_, i) => i)), layer(zhBasic, 'decoder/classifier'), 4, zh);
    expect(classes.map((t) => t.label).slice(0, 3)).toEqual(['天空', '建筑', '杆状物']);
    expect(inputTiles(Uint8Array.from([255, 0, 0]), 1, 1, zh).map((t) => t.label)).toEqual(['彩色', '红', '绿', '蓝']);
    for (const id of ['input', 'encoder/stage1/conv1', 'encoder/stage1/pool', 'decoder/stage1/unpool', 'decoder/classifier']) {
      const l = layer(zhBasic, id);
      const channels = id === 'decoder/classifier' ? 11 : 2;
      chinese(tilesCaption(l, data(channels, Array.from({ length: channels * 2 }, (_, i) => i % 3)), 1, 16, zh));
    }
    for (const message of [zh.vggOnly, zh.loadingFrames, zh.modelWanted, zh.running, zh.failed('x'), zh.sizeVgg(360, 480)]) chinese(message);
  });
});
