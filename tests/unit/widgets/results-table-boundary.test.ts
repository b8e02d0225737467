// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { generateScene, mulberry32 } from '../../../src/data';
import { boundaryF1 } from '../../../src/segnet/core';
import { blockyLabels, boundaryMasks, EDGE } from '../../../src/widgets/results-table/boundary-masks';
import { renderBoundaryView } from '../../../src/widgets/results-table/boundary-render';
import { boundaryCodec, toleranceFraction } from '../../../src/widgets/results-table/boundary-state';
import { boundaryView } from '../../../src/widgets/results-table/boundary-view';
import { readState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';

/** A 4 x 6 truth: road (3) below sky (0), a car (8) in the road; one void pixel. */
const truth = Uint8Array.from([
  0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 11,
  3, 3, 8, 8, 3, 3,
  3, 3, 3, 3, 3, 3,
]);
/** The prediction: horizon one row too low, the car one pixel to the right. */
const prediction = Uint8Array.from([
  0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0,
  0, 0, 0, 8, 8, 0,
  3, 3, 3, 3, 3, 3,
]);

describe('boundaryMasks(truth, prediction, height, width, theta, cls)', () => {
  it.each([0.5, 1, 1.5, 3])('agrees with boundaryF1 on every class at theta = %s px', (theta) => {
    const bf = boundaryF1(truth, prediction, 4, 6, { tolerancePx: theta });
    for (let c = 0; c < 11; c++) {
      const { counts } = boundaryMasks(truth, prediction, 4, 6, theta, c);
      const precision = counts.predicted > 0 ? counts.predictedMatched / counts.predicted : NaN;
      const recall = counts.truth > 0 ? counts.truthMatched / counts.truth : NaN;
      if (bf.inTruth[c] || counts.predicted > 0) {
        expect(precision, `precision of class ${c}`).toBeCloseTo(Number.isNaN(bf.perClassPrecision[c]!) ? NaN : bf.perClassPrecision[c]!);
        expect(recall, `recall of class ${c}`).toBeCloseTo(Number.isNaN(bf.perClassRecall[c]!) ? NaN : bf.perClassRecall[c]!);
      }
    }
  });

  it('agrees with boundaryF1 on a generated road scene against its blocky version', () => {
    const { labels } = generateScene(mulberry32(5), 48, 64);
    const blocky = blockyLabels(labels, 48, 64, 8);
    const bf = boundaryF1(labels, blocky, 48, 64, { tolerancePx: 2 });
    for (let c = 0; c < 11; c++) {
      if (!bf.inTruth[c]) continue;
      const { counts } = boundaryMasks(labels, blocky, 48, 64, 2, c);
      if (counts.predicted > 0 && counts.truth > 0) {
        expect(counts.predictedMatched / counts.predicted).toBeCloseTo(bf.perClassPrecision[c]!);
        expect(counts.truthMatched / counts.truth).toBeCloseTo(bf.perClassRecall[c]!);
      }
    }
  });

  it('marks void pixels as no boundary, and the band as every pixel within theta of a true one', () => {
    const m = boundaryMasks(truth, prediction, 4, 6, 1, null);
    expect(m.truth[11]).toBe(EDGE.none);
    expect(m.predicted[11]).toBe(EDGE.none);
    for (let i = 0; i < 24; i++) if (m.truth[i]) expect(m.band[i]).toBe(1);
    expect(m.band[0]).toBe(1); // one row above the sky's boundary
    expect(boundaryMasks(truth, prediction, 4, 6, 0.5, null).band[0]).toBe(0);
  });

  it('rejects maps of the wrong size', () => {
    expect(() => boundaryMasks(truth, prediction.subarray(1), 4, 6, 1, null)).toThrow('boundaryMasks: 4x6 needs 24 labels, got 24 and 23');
  });
});

describe('blockyLabels(truth, height, width, factor)', () => {
  it('keeps the majority label of each block, ignoring void', () => {
    expect([...blockyLabels(Uint8Array.from([3, 3, 11, 8]), 2, 2, 2)]).toEqual([3, 3, 3, 3]);
    expect([...blockyLabels(Uint8Array.from([11, 11, 5, 5, 8, 8]), 1, 6, 2)]).toEqual([0, 0, 5, 5, 8, 8]);
    expect([...blockyLabels(truth, 4, 6, 1)]).toEqual([...truth].map((t) => (t === 11 ? 0 : t)));
  });
});

describe('boundaryView and its render', () => {
  const image = new Uint8Array(24 * 3).fill(120);

  it('reports BF for every class, or precision, recall and F1 for one', () => {
    const all = boundaryView({ image, truth, prediction, height: 4, width: 6, cls: -1, toleranceFraction: 0.1 });
    expect(all.recallScore.label).toBe('True boundary pixels recalled');
    expect(all.precisionScore.label).toBe('Predicted boundary pixels within θ');
    expect(all.scores.map((s) => s.label)).toEqual(['BF (mean F1 over the classes in this frame)', 'Pixel accuracy, for contrast']);
    expect(all.tolerancePx).toBeCloseTo(0.1 * Math.hypot(4, 6));
    const car = boundaryView({ image, truth, prediction, height: 4, width: 6, cls: 8, toleranceFraction: 0.1 });
    expect([car.recallScore.label, car.precisionScore.label, car.scores[0]!.label]).toEqual(['Recall (Car)', 'Precision (Car)', 'F1 (Car)']);
    expect(car.subject).toBe('Car');
    expect(boundaryView({ image, truth, prediction, height: 4, width: 6, cls: 10, toleranceFraction: 0.1 }).present).toBe(false);
  });

  it('renders two panels, each with its own number under its picture, a legend and the scores', async () => {
    const view = boundaryView({ image, truth, prediction, height: 4, width: 6, cls: -1, toleranceFraction: 0.0075 });
    const node = renderBoundaryView(view);
    expect(node.querySelectorAll('canvas')).toHaveLength(2);
    const panels = [...node.querySelectorAll('.bf-panel')];
    expect(panels.map((p) => [p.querySelector('canvas + .bf-panel-score dt')?.textContent, p.querySelector('.bf-panel-score dd')?.textContent])).toEqual([
      [view.recallScore.label, view.recallScore.value],
      [view.precisionScore.label, view.precisionScore.value],
    ]);
    expect([...node.querySelectorAll(':scope > .bf-scores dt')].map((dt) => dt.textContent)).toEqual(view.scores.map((s) => s.label));
    await expect(markup(node)).toMatchFileSnapshot('__snapshots__/boundary-f1-all-classes.html');
  });

  it('boundaryCodec restores a link', () => {
    expect(readState('bf', boundaryCodec, '?bf.frame=2&bf.compare=blocky&bf.cls=8&bf.tol=150')).toEqual({ frame: 2, compare: 'blocky', cls: 8, tol: 150 });
    expect(readState('bf', boundaryCodec, '?bf.cls=11&bf.tol=10')).toEqual(boundaryCodec.defaults);
    expect(toleranceFraction(75)).toBe(0.0075);
  });
});
