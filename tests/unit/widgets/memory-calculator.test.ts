// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { memoryReport } from '../../../src/segnet';
import { readState } from '../../../src/widgets/shared/url-state';
import { formatBytes, formatRelative, memorySentence, memoryView } from '../../../src/widgets/memory-calculator/memory-bars';
import { renderMemory, renderMemoryChart } from '../../../src/widgets/memory-calculator/render';
import { memoryCodec, reportOptions, sideProblem } from '../../../src/widgets/memory-calculator/state';
import { markup } from './snapshot';
import { englishLeftovers, hasChinese, readerText } from '../i18n/same-in-both';

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
    const [indices, held, fcn, encoder] = basic.bars;
    expect(indices!.bytes).toBe(918_240);
    expect(indices!.relative).toBe(1);
    // 2 bits per window in principle; this engine holds one int32 per window, 16 times as much.
    expect(held!.bytes).toBe(memoryReport(reportOptions(memoryCodec.defaults)).indices.heldBytes);
    expect(held!.bytes).toBe(3_672_960 * 4);
    expect(held!.relative).toBe(16);
    expect(encoder!.relative).toBeCloseTo(64, 0);
    expect(fcn!.relative).toBeGreaterThan(2);
    expect(basic.keepNothing).toEqual(['DeepLab-LargeFOV', 'Bilinear-Interpolation']);
    expect(basic.rows.map((r) => r.name)).toEqual(['SegNet', 'FCN', 'DeepLab-LargeFOV', 'DeconvNet', 'Bilinear-Interpolation']);
    expect(basic.title).toBe('SegNet-Basic encoder, 360 × 480 input, one image');
    expect(memorySentence(basic)).toBe(
      'SegNet-Basic encoder, 360 × 480 input, one image: SegNet’s indices take 918,240 bytes at 2 bits per window, ' +
        '14,691,840 bytes as this engine holds them (one int32 per window). ' +
        'Keeping every encoder feature map instead would take 64 times the first, 4 times the second.',
    );
  });

  it('scales with the VGG16 width multiplier', () => {
    const full = memoryView(memoryReport(reportOptions({ ...memoryCodec.defaults, encoder: 'vgg16', multiplier: '1' })));
    const half = memoryView(memoryReport(reportOptions({ ...memoryCodec.defaults, encoder: 'vgg16', multiplier: '0.5' })));
    expect(half.bars[0]!.bytes).toBeLessThan(full.bars[0]!.bytes);
    expect(full.title).toBe('VGG16 encoder × 1, 360 × 480 input, one image');
  });
});

describe('sideProblem(field, raw, current)', () => {
  it('says why a height is not used, and nothing for a usable one', () => {
    expect(sideProblem('height', '360', 360)).toBeNull();
    expect(sideProblem('height', '7', 360)).toBe('A height of 7 is not used: VGG16 pools five times, so the height must be at least 32 pixels. Still showing 360.');
    expect(sideProblem('width', '2000', 480)).toBe('A width of 2000 is not used: the calculator stops at 1024 pixels. Still showing 480.');
    expect(sideProblem('width', '12.5', 480)).toBe('A width of 12.5 is not used: it must be a whole number of pixels. Still showing 480.');
    expect(sideProblem('height', '', 96)).toBe('An empty height is not used: it must be a whole number of pixels. Still showing 96.');
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
    expect(node.querySelectorAll('svg rect[height="24"]')).toHaveLength(4);
    expect(node.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(node.querySelector('svg')!.getAttribute('aria-label')).toContain('SegNet, DeconvNet 918.2 kB (× 1)');
  });

  it('puts labels above the bars when drawn narrow, keeping every label on the chart', () => {
    const narrow = renderMemoryChart(basic, { width: 342 });
    expect(narrow.getAttribute('width')).toBe('342');
    const texts = [...narrow.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('SegNet, as held: indices, one int32 each');
    for (const rect of narrow.querySelectorAll('rect')) {
      expect(Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'))).toBeLessThanOrEqual(342);
    }
  });

  it('matches the snapshot memory-basic-360x480', async () => {
    await expect(markup(renderMemoryChart(basic))).toMatchFileSnapshot('__snapshots__/memory-basic-360x480.svg');
  });
});

describe('the memory calculator in Chinese', () => {
  const zh = messages('zh').memoryCalculator;
  const report = memoryReport(reportOptions(memoryCodec.defaults));
  const chinese = (text: string) => {
    expect(hasChinese(text)).toBe(true);
    expect(englishLeftovers(text)).toEqual([]);
  };

  it('the English catalogue says what each decoder keeps as memoryReport does', () => {
    for (const d of report.decoders) expect(messages('en').memoryCalculator.keeps[d.decoder]).toBe(d.stored.what);
  });

  it.each([342, 640])('renderMemory(memoryView(report, zh), { width: %i, messages }) draws Chinese words and no English word', (width) => {
    const view = memoryView(report, zh);
    const node = renderMemory(view, { width, messages: zh });
    const text = readerText(node);
    chinese(text);
    expect(view.rows.map((r) => r.name)).toEqual(['SegNet', 'FCN', 'DeepLab-LargeFOV', 'DeconvNet', '双线性插值']);
    expect(node.querySelector('svg')!.getAttribute('aria-label')).toContain('SegNet、DeconvNet 918.2 kB (× 1)');
    expect(text).toContain('DeepLab-LargeFOV 和双线性插值不从编码器保留任何数据');
    expect(englishLeftovers(readerText(renderMemory(basic, { width })))).toContain('decoder');
  });

  it('memorySentence(view, zh) and sideProblem(..., zh.side) say the same numbers in Chinese', () => {
    const sentence = memorySentence(memoryView(report, zh), zh);
    chinese(sentence);
    expect(sentence).toContain('SegNet-Basic 编码器，输入 360 × 480，单张图像：SegNet 的索引按每个窗口 2 位计算，只占 918,240 字节');
    expect(sentence).toContain('所需空间是前者的 64 倍、后者的 4 倍。');
    expect(sideProblem('height', '7', 360, zh.side)).toBe('高度 7 无法使用：VGG16 要池化五次，所以高度至少为 32 像素。仍显示 360 的结果。');
    for (const [field, raw] of [['width', '2000'], ['width', '12.5'], ['height', '']] as const) chinese(sideProblem(field, raw, 96, zh.side)!);
  });
});
