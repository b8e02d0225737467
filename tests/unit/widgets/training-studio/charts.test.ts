// @vitest-environment happy-dom
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../src/data';
import { renderClassIoU, renderConfusion, renderIoUChart, renderLossChart } from '../../../../src/widgets/training-studio/charts';
import type { CurvePoint, Validation } from '../../../../src/widgets/training-studio/curves';
import { renderFrameStrip } from '../../../../src/widgets/training-studio/frame-strip';

const curve = (values: number[]): CurvePoint[] => values.map((value, i) => ({ step: i + 1, value }));

/** A validation where class c keeps (10 - c) of its 10 pixels and gives the rest to Road; Bicyclist is absent. */
function validation(): Validation {
  const confusion = CLASS_NAMES.map((_, t) => CLASS_NAMES.map((__, p) => (t === 10 ? 0 : p === t ? 10 - t : p === 3 ? t : 0)));
  confusion[3]![3] = 10;
  const classIoU = CLASS_NAMES.map((_, c) => (c === 10 ? null : (10 - c) / 10));
  return { step: 6, classIoU, confusion, meanIoU: 0.55 };
}

const svgOf = (chart: Element): SVGSVGElement => (chart instanceof SVGSVGElement ? chart : chart.querySelector('svg[role="img"]')!);

describe('renderLossChart', () => {
  it('labels the step axis in whole steps after a single step, and draws without Plot warnings', () => {
    const chart = renderLossChart(Plot, curve([0.37]), 400);
    const ticks = [...svgOf(chart).querySelectorAll('g[aria-description], g')].flatMap((g) => [...g.querySelectorAll(':scope > g > text, :scope > text')].map((t) => t.textContent));
    expect(ticks).toContain('1');
    expect(ticks.some((t) => t?.includes('.000'))).toBe(false);
    expect(chart.textContent).not.toContain('⚠');
  });

  it('draws the raw and the smoothed loss as two lines, and labels the chart with the smoothed value', () => {
    const chart = renderLossChart(Plot, curve([2.4, 2.0, 1.9, 1.5]), 400);
    const svg = svgOf(chart);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Training loss over 4 steps; smoothed loss now 1\.\d{3}$/);
    expect(svg.querySelectorAll('path[d]').length).toBeGreaterThanOrEqual(2);
    expect(svg.querySelectorAll('g[aria-label]').length).toBe(0);
    expect(chart.textContent).toContain('smoothed');
  });

  it('redraws differently after another step, and shows a note before the first', () => {
    const a = svgOf(renderLossChart(Plot, curve([2.4, 2.0]), 400)).outerHTML;
    const b = svgOf(renderLossChart(Plot, curve([2.4, 2.0, 1.2]), 400)).outerHTML;
    expect(b).not.toBe(a);
    const empty = renderLossChart(Plot, [], 400);
    expect(empty.dataset.placeholder).toBe('loss');
    expect(empty.querySelector('.studio-chart-empty')!.textContent).toBe('The loss appears here after the first step.');
  });
});

describe('renderIoUChart', () => {
  it('plots training and validation series with a dot per validation', () => {
    const svg = svgOf(renderIoUChart(Plot, curve([0.1, 0.2, 0.3, 0.35]), [{ step: 2, value: 0.15 }, { step: 4, value: 0.3 }], 400));
    expect(svg.getAttribute('aria-label')).toBe('Mean IoU over training; validation 30.0% at step 4');
    expect(svg.querySelectorAll('circle').length).toBe(2);
  });
});

describe('renderClassIoU', () => {
  it('draws one bar per class present and says absent for the others', () => {
    const svg = svgOf(renderClassIoU(Plot, validation(), 480));
    expect(svg.getAttribute('aria-label')).toBe('Per-class IoU on the validation frames at step 6, mean 55.0%');
    expect(svg.querySelectorAll('rect').length).toBe(10);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('absent');
    expect(texts).toContain('100.0');
    expect(texts).toContain('Bicyclist');
  });
});

describe('renderConfusion', () => {
  it('draws a cell per labelled (truth, prediction) pair, row-normalised, with class names on both axes', () => {
    const svg = svgOf(renderConfusion(Plot, validation(), 480));
    // Bicyclist has no true pixel, so its row is left out: 10 rows x 11 columns.
    expect(svg.querySelectorAll('rect').length).toBe(110);
    const titles = [...svg.querySelectorAll('title')].map((t) => t.textContent);
    expect(titles).toContain('Pole → Road: 20.0%');
    expect(titles).toContain('Pole → Pole: 80.0%');
    expect(titles).toContain('Road → Road: 100.0%');
    const labels = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels.filter((t) => t === 'SignSymbol')).toHaveLength(2);
  });

  it('waits for the first validation', () => {
    expect(renderConfusion(Plot, null).querySelector('.studio-chart-empty')!.textContent).toBe('The confusion matrix appears after the first validation.');
  });
});

describe('renderFrameStrip', () => {
  const frame = (index: number, prediction: Uint8Array | null) => ({ index, image: new Uint8Array(4 * 6 * 3).fill(90), truth: new Uint8Array(24).fill(3), prediction });

  it('shows image, truth and prediction of each frame, with the prediction’s accuracy', () => {
    const pred = new Uint8Array(24).fill(3);
    pred.fill(0, 0, 6);
    const strip = renderFrameStrip({ height: 4, width: 6, step: 8, frames: [frame(0, pred), frame(1, new Uint8Array(24).fill(3))] });
    expect(strip.querySelectorAll('li')).toHaveLength(2);
    expect(strip.querySelectorAll('canvas')).toHaveLength(6);
    expect(strip.querySelector('canvas[aria-label^="Validation frame 1: prediction"]')!.getAttribute('aria-label')).toBe('Validation frame 1: prediction at step 8, 75% of labelled pixels right');
    expect(strip.textContent).toContain('prediction · 100%');
  });

  it('holds a labelled placeholder before the first validation', () => {
    const strip = renderFrameStrip({ height: 4, width: 6, step: null, frames: [frame(0, null)] });
    expect(strip.querySelectorAll('canvas')).toHaveLength(2);
    expect(strip.querySelector('[role="img"][aria-label="Validation frame 1: no prediction yet"]')).not.toBeNull();
  });
});
