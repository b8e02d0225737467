import { describe, expect, it } from 'vitest';
import type { ResultRun } from '../../../src/data/results-file';
import { beyondSeedSpread, spread, summariseRuns } from '../../../src/data/results-summary';

function run(name: string, seed: number | undefined, miou: number, extra: Partial<ResultRun> = {}): ResultRun {
  return {
    name, encoder: 'basic', decoder: 'segnet', dataset: 'camvid-180x240', split: 'test', height: 180, width: 240, parameters: 10,
    ...(seed === undefined ? {} : { seed }),
    globalAccuracy: 0.8, classAverageAccuracy: 0.6, meanIoU: miou, boundaryF1: null,
    classes: Array.from({ length: 11 }, (_, c) => ({ name: `c${c}`, iou: c === 0 ? miou : null })),
    inferenceMs: { value: 100 + miou * 10, backend: 'wasm' },
    ...extra,
  };
}

describe('spread', () => {
  it('gives the mean, the sample sd and the range, against a hand computation', () => {
    const s = spread([0.4, 0.5, 0.9])!;
    expect(s.mean).toBeCloseTo(0.6, 12);
    // deviations -0.2, -0.1, 0.3: squares 0.04 + 0.01 + 0.09 = 0.14, / (3 - 1) = 0.07
    expect(s.sd).toBeCloseTo(Math.sqrt(0.07), 12);
    expect([s.n, s.min, s.max]).toEqual([3, 0.4, 0.9]);
  });

  it('has no sd for one run and nothing for no finite value', () => {
    expect(spread([0.3])).toEqual({ n: 1, mean: 0.3, sd: null, min: 0.3, max: 0.3 });
    expect(spread([null, undefined, Number.NaN])).toBeNull();
  });
});

describe('beyondSeedSpread', () => {
  it('calls a difference real only when the seed ranges do not overlap', () => {
    expect(beyondSeedSpread(spread([0.40, 0.42]), spread([0.45, 0.47]))).toBe(true);
    expect(beyondSeedSpread(spread([0.40, 0.46]), spread([0.45, 0.47]))).toBe(false);
  });

  it('refuses to judge on a single run', () => {
    expect(beyondSeedSpread(spread([0.40]), spread([0.45, 0.47]))).toBeNull();
    expect(beyondSeedSpread(null, spread([0.45, 0.47]))).toBeNull();
  });
});

describe('summariseRuns', () => {
  it('groups the seeds of a model, keeps models apart, and keeps file order', () => {
    const rows = summariseRuns([run('FCN-Basic', 1, 0.40), run('SegNet-Basic', 1, 0.44), run('FCN-Basic', 2, 0.42), run('FCN-Basic', 1, 0.5, { split: 'val' })]);
    expect(rows.map((r) => [r.name, r.split, r.runs.length])).toEqual([['FCN-Basic', 'test', 2], ['SegNet-Basic', 'test', 1], ['FCN-Basic', 'val', 1]]);
    expect(rows[0]!.scores.meanIoU!.mean).toBeCloseTo(0.41, 12);
    expect(rows[0]!.scores.boundaryF1).toBeNull();
    expect(rows[0]!.classes[0]!.iou!.mean).toBeCloseTo(0.41, 12);
    expect(rows[0]!.classes[1]!.iou).toBeNull();
    expect(rows[0]!.inferenceMs).toMatchObject({ n: 2, backend: 'wasm' });
  });

  it('does not average inference times taken on different backends', () => {
    const rows = summariseRuns([run('A', 1, 0.4), run('A', 2, 0.4, { inferenceMs: { value: 5, backend: 'webgpu' } })]);
    expect(rows[0]!.inferenceMs).toBeNull();
  });
});
