// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { memoryReport } from '../../../src/segnet';
import { readState } from '../../../src/widgets/shared/url-state';
import { formatBytes, formatRelative, memorySentence, memoryView } from '../../../src/widgets/memory-calculator/memory-bars';
import { renderMemory, renderMemoryChart } from '../../../src/widgets/memory-calculator/render';
import { memoryCodec, reportOptions } from '../../../src/widgets/memory-calculator/state';
import { markup } from './snapshot';

const basic = memoryView(memoryReport(reportOptions(memoryCodec.defaults)));

describe('memoryCodec', () => {
  it('reads sizes in 32..1024, the encoder and the multiplier', () => {
    expect(readState('mem', memoryCodec, '?mem.height=96&mem.width=128&mem.encoder=vgg16&mem.multiplier=0.25')).toEqual({
      height: 96,
      width: 128,
      encoder: 'vgg16',
      multiplier: '0.25',
    });
    expect(readState('mem', memoryCodec, '?mem.height=16&mem.multiplier=3')).toEqual(memoryCodec.defaults);
  });
});

describe('memoryView(memoryReport(...))', () => {
  it('compares indices, FCN skips and full encoder maps for SegNet-Basic at 360 × 480', () => {
    const [indices, fcn, encoder] = basic.bars;
    expect(indices!.bytes).toBe(918_240);
    expect(indices!.relative).toBe(1);
    expect(encoder!.relative).toBeCloseTo(64, 0);
    expect(fcn!.relative).toBeGreaterThan(2);
    expect(basic.keepNothing).toEqual(['DeepLab-LargeFOV', 'Bilinear-Interpolation']);
    expect(basic.rows.map((r) => r.name)).toEqual(['SegNet', 'FCN', 'DeepLab-LargeFOV', 'DeconvNet', 'Bilinear-Interpolation']);
    expect(basic.title).toBe('SegNet-Basic encoder, 360 × 480 input, one image');
    expect(memorySentence(basic)).toBe(
      'SegNet-Basic encoder, 360 × 480 input, one image: SegNet keeps 918,240 bytes of indices; keeping every encoder feature map instead would take 64 times as much.',
    );
  });

  it('scales with the VGG16 width multiplier', () => {
    const full = memoryView(memoryReport(reportOptions({ ...memoryCodec.defaults, encoder: 'vgg16', multiplier: '1' })));
    const half = memoryView(memoryReport(reportOptions({ ...memoryCodec.defaults, encoder: 'vgg16', multiplier: '0.5' })));
    expect(half.bars[0]!.bytes).toBeLessThan(full.bars[0]!.bytes);
    expect(full.title).toBe('VGG16 encoder × 1, 360 × 480 input, one image');
  });
});

describe('formatting', () => {
  it('formatBytes and formatRelative', () => {
    expect([formatBytes(0), formatBytes(999), formatBytes(918_240), formatBytes(58_752_000)]).toEqual(['0 B', '999 B', '918.2 kB', '58.75 MB']);
    expect([formatRelative(1), formatRelative(2.7169), formatRelative(63.98)]).toEqual(['× 1', '× 2.72', '× 64']);
  });
});

describe('renderMemory(view)', () => {
  it('draws one bar per storage kind and a row per decoder', () => {
    const node = renderMemory(basic);
    expect(node.querySelectorAll('svg rect[height="24"]')).toHaveLength(3);
    expect(node.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(node.querySelector('svg')!.getAttribute('aria-label')).toContain('SegNet, DeconvNet 918.2 kB (× 1)');
  });

  it('matches the snapshot memory-basic-360x480', async () => {
    await expect(markup(renderMemoryChart(basic))).toMatchFileSnapshot('__snapshots__/memory-basic-360x480.svg');
  });
});
