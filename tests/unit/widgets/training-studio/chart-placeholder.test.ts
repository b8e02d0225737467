// @vitest-environment happy-dom
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import { CHART_KINDS, chartPlaceholderView, renderChartPlaceholder } from '../../../../src/widgets/training-studio/chart-placeholder';
import { renderClassIoU, renderConfusion, renderIoUChart, renderLossChart } from '../../../../src/widgets/training-studio/charts';
import { expectChinese } from '../../i18n/same-in-both';

const en = messages('en');

describe('chartPlaceholderView(kind): what an empty chart shows', () => {
  it('names both axes with their units, and gives the ticks known before any data', () => {
    expect(CHART_KINDS.map((k) => chartPlaceholderView(k, en))).toEqual([
      { kind: 'loss', x: 'step', y: 'loss', xTicks: [], yTicks: [], note: 'The loss appears here after the first step.' },
      { kind: 'iou', x: 'step', y: 'mIoU (%)', xTicks: [], yTicks: ['100', '0'], note: 'Mean IoU appears here once steps are scored.' },
      { kind: 'classes', x: 'IoU (%)', y: 'class', xTicks: ['0', '100'], yTicks: [...en.classes.names], note: 'Per-class IoU appears after the first validation.' },
      { kind: 'confusion', x: 'predicted', y: 'true class', xTicks: [], yTicks: [], note: 'The confusion matrix appears after the first validation.' },
    ]);
  });

  it('speaks Chinese in the Chinese edition', () => {
    const zh = messages('zh');
    for (const kind of CHART_KINDS) {
      const v = chartPlaceholderView(kind, zh);
      expectChinese(renderChartPlaceholder(v, zh), ['mIoU', 'IoU']);
      expect(renderChartPlaceholder(v, zh).getAttribute('aria-label')).toContain(v.note);
    }
  });
});

describe('renderChartPlaceholder(view)', () => {
  it('draws one labelled image: the y axis and its ticks, the framed area with the note, then the x axis', () => {
    const node = renderChartPlaceholder(chartPlaceholderView('classes', en), en);
    expect(node.getAttribute('role')).toBe('img');
    expect(node.getAttribute('aria-label')).toBe('Empty chart of class against IoU (%). Per-class IoU appears after the first validation.');
    expect([...node.children].map((c) => c.className)).toEqual([
      'chart-placeholder-y',
      'chart-placeholder-ticks is-y',
      'chart-placeholder-area',
      'chart-placeholder-ticks is-x',
      'chart-placeholder-x',
    ]);
    expect([...node.querySelectorAll('.is-y span')].map((s) => s.textContent)).toEqual(en.classes.names);
    expect(node.querySelector('.chart-placeholder-area')!.textContent).toBe('Per-class IoU appears after the first validation.');
  });

  it('is what each chart draws before its first data', () => {
    expect(renderLossChart(Plot, [], 400, en).dataset.placeholder).toBe('loss');
    expect(renderIoUChart(Plot, [], [], 400, en).dataset.placeholder).toBe('iou');
    expect(renderClassIoU(Plot, null, 400, en).dataset.placeholder).toBe('classes');
    expect(renderConfusion(Plot, null, 400, en).dataset.placeholder).toBe('confusion');
  });
});
