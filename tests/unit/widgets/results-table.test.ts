// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../src/data';
import { PAPER_TABLE_1, PAPER_TABLE_3 } from '../../../src/data/paper-results';
import { renderIouChart, renderOursNote, renderResultsTables } from '../../../src/widgets/results-table/render';
import { parseResults, RESULTS_COMMAND, type ResultsFile } from '../../../src/data/results-file';
import { readResultsSource } from '../../../src/widgets/results-table/results-source';
import { bestRunIndex, resultsCodec, resultsCodecFor } from '../../../src/widgets/results-table/state';
import { resultsTables } from '../../../src/widgets/results-table/table-view';
import { readState, withState } from '../../../src/widgets/shared/url-state';
import { markup } from './snapshot';

/** A results.json as the eval CLI would write it: its report plus the model's identity. */
function resultsJson(): Record<string, unknown> {
  const run = (name: string, encoder: string, decoder: string, g: number, bf: number | null) => ({
    name,
    encoder,
    decoder,
    dataset: 'synthetic-96x128',
    split: 'test',
    height: 96,
    width: 128,
    parameters: 1416587,
    step: 4000,
    checkpoint: 'public/models/x/model.json',
    globalAccuracy: g,
    classAverageAccuracy: 0.7,
    meanIoU: 0.55,
    boundaryF1: bf,
    classes: CLASS_NAMES.map((n, c) => ({ name: n, iou: c === 10 ? null : 0.9 - c * 0.07, accuracy: 0.5 })),
    confusion: [[1]],
  });
  return {
    format: 'unpooled-results',
    version: 1,
    createdAt: '2025-02-01T10:00:00Z',
    command: 'npm run eval -- --out public/models/results.json',
    runs: [run('SegNet-Basic', 'basic', 'segnet', 0.9, 0.41), run('DeconvNet-Basic', 'basic', 'deconvnet', 0.88, null), run('FCN-Basic', 'basic', 'fcn', 0.86, 0.39)],
  };
}

const results = (): ResultsFile => parseResults(resultsJson());

describe('parseResults(json)', () => {
  it('accepts the eval report with extra fields, keeping what the table needs', () => {
    const r = results();
    expect(r.runs).toHaveLength(3);
    expect(r.runs[0]).toMatchObject({ name: 'SegNet-Basic', encoder: 'basic', decoder: 'segnet', step: 4000, boundaryF1: 0.41 });
    expect(r.runs[0]!.classes[10]).toEqual({ name: 'Bicyclist', iou: null });
    expect(r.runs[1]!.boundaryF1).toBeNull();
  });

  it.each([
    [(j: Record<string, unknown>) => ({ ...j, format: 'other' }), 'results.json: format must be "unpooled-results", got "other"'],
    [(j: Record<string, unknown>) => ({ ...j, version: 2 }), 'results.json: version must be 1, got 2'],
    [(j: Record<string, unknown>) => ({ ...j, runs: [{ ...(j.runs as object[])[0], decoder: 'unet' }] }), 'results.json: runs[0].decoder must be one of segnet, fcn, deeplab-largefov, deconvnet, bilinear, got "unet"'],
    [(j: Record<string, unknown>) => ({ ...j, runs: [{ ...(j.runs as object[])[0], meanIoU: 47.7 }] }), 'results.json: runs[0].meanIoU must be a number in [0, 1], got 47.7'],
    [(j: Record<string, unknown>) => ({ ...j, runs: [{ ...(j.runs as object[])[0], classes: [] }] }), 'results.json: runs[0].classes must be 11 objects { name, iou }'],
  ])('names the bad field (%#)', (mutate, message) => {
    expect(() => parseResults(mutate(resultsJson()))).toThrow(message);
  });
});

describe('readResultsSource(root)', () => {
  it('is missing, measured or invalid depending on public/models/results.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'unpooled-results-'));
    try {
      expect(readResultsSource(root)).toEqual({ state: 'missing' });
      mkdirSync(join(root, 'public/models'), { recursive: true });
      writeFileSync(join(root, 'public/models/results.json'), JSON.stringify(resultsJson()));
      expect(readResultsSource(root).state).toBe('measured');
      writeFileSync(join(root, 'public/models/results.json'), '{"format":"unpooled-results","version":1');
      const invalid = readResultsSource(root);
      expect(invalid.state).toBe('invalid');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('resultsTables(runs, sort)', () => {
  it('shows the paper alone when nothing is measured', () => {
    const tables = resultsTables([], 'paper');
    expect(tables.map((t) => t.id)).toEqual(['table1', 'table3']);
    expect(tables[0]!.rows.map((r) => r.label)).toEqual(PAPER_TABLE_1.rows.map((r) => r.variant));
    expect(tables[0]!.rows[1]!.scores).toEqual({ G: '82.7', C: '62.0', mIoU: '47.7', BF: '35.78' });
    expect(tables[1]!.rows[1]!.scores).toEqual({ G: '88.2', C: '62.53', mIoU: '53.88', BF: '32.77' });
    expect(tables[1]!.rows[0]!.costs).toEqual(['117', '1052', '422.5']);
  });

  it('puts each run under its paper row, and the rest in a table of their own', () => {
    const tables = resultsTables(results().runs, 'paper');
    const t1 = tables[0]!.rows.map((r) => r.label);
    expect(t1.slice(1, 3)).toEqual(['SegNet-Basic', 'this site: SegNet-Basic']);
    expect(t1).toContain('this site: FCN-Basic');
    expect(tables[2]!.rows.map((r) => r.label)).toEqual(['DeconvNet-Basic']);
    expect(tables[2]!.rows[0]!.scores.BF).toBe('–');
    expect(tables[0]!.rows[2]!.costs).toEqual(['1.417', '–', '–']);
  });

  it('orders paper rows best first by the chosen score', () => {
    const bf = resultsTables([], 'BF')[1]!.rows.map((r) => r.label);
    expect(bf).toEqual(['DeconvNet', 'SegNet', 'FCN (learnt deconv)', 'DeepLab-LargeFOV']);
    expect(PAPER_TABLE_3.rows[0]!.variant).toBe('SegNet');
  });

  it('resultsCodec restores the order from a link', () => {
    expect(readState('results', resultsCodec, '?results.sort=BF&results.run=2')).toEqual({ sort: 'BF', run: 2 });
    expect(readState('results', resultsCodec, '?results.sort=speed')).toEqual(resultsCodec.defaults);
  });

  it('bestRunIndex(runs) is the run with the highest mean IoU (first of equals; null lowest)', () => {
    const runs = [0.19, 0.31, null, 0.24, 0.31].map((meanIoU) => ({ meanIoU }));
    expect(bestRunIndex(runs)).toBe(1);
    expect(bestRunIndex([{ meanIoU: null }, { meanIoU: 0.1 }])).toBe(1);
    expect(bestRunIndex([])).toBe(0);
  });

  it('resultsCodecFor(runs): the chart opens on the best run; a link naming another run keeps it', () => {
    const runs = [{ meanIoU: 0.19 }, { meanIoU: 0.31 }, { meanIoU: 0.24 }];
    const codec = resultsCodecFor(runs);
    expect(readState('results', codec, '')).toEqual({ sort: 'paper', run: 1 });
    expect(readState('results', codec, '?results.run=0')).toEqual({ sort: 'paper', run: 0 });
    expect(withState('results', codec, { sort: 'paper', run: 0 }, '')).toBe('?results.run=0');
    expect(withState('results', codec, { sort: 'paper', run: 1 }, '')).toBe('');
  });

  it('the site\'s own results.json opens the chart on its best model by mIoU', () => {
    const source = readResultsSource();
    if (source.state !== 'measured') return expect(source.state).toBe('missing');
    const runs = source.results.runs;
    const best = resultsCodecFor(runs).defaults.run;
    for (const r of runs) expect(runs[best]!.meanIoU ?? 0).toBeGreaterThanOrEqual(r.meanIoU ?? 0);
  });
});

describe('renders', () => {
  it('renderResultsTables marks the sorted column', async () => {
    const node = renderResultsTables(resultsTables([], 'mIoU'), 'mIoU');
    expect(node.querySelectorAll('table')).toHaveLength(2);
    expect(node.querySelector('th.is-sorted')?.getAttribute('aria-sort')).toBe('descending');
    await expect(markup(node)).toMatchFileSnapshot('__snapshots__/results-paper-sorted-miou.html');
  });

  it('renderResultsTables with our runs', async () => {
    const node = renderResultsTables(resultsTables(results().runs, 'paper'), 'paper');
    expect(node.querySelectorAll('tr.row-ours')).toHaveLength(3);
    await expect(markup(node)).toMatchFileSnapshot('__snapshots__/results-with-ours.html');
  });

  it('renderOursNote: the command while nothing is measured, the provenance once it is', () => {
    const missing = renderOursNote({ state: 'missing' }, RESULTS_COMMAND);
    expect(missing.textContent).toContain('Our numbers: not measured yet');
    expect(missing.querySelector('code')?.textContent).toBe(RESULTS_COMMAND);
    expect(renderOursNote({ state: 'invalid', error: 'results.json: version must be 1, got 2' }, RESULTS_COMMAND).textContent).toContain('could not be read');
    const measured = renderOursNote({ state: 'measured', results: results() }, RESULTS_COMMAND);
    expect(measured.textContent).toContain('measured on 2025-02-01');
    expect(measured.querySelector('code')?.textContent).toBe('npm run eval -- --out public/models/results.json');
  });

  it('renderOursNote lists each run\'s own commands when the runs carry them; parseResults checks them', () => {
    const json = resultsJson();
    const runs = json.runs as Record<string, unknown>[];
    runs[0]!.commands = ['npm run train -- --encoder basic', 'npm run eval -- --checkpoint runs/a'];
    const node = renderOursNote({ state: 'measured', results: parseResults(json) }, RESULTS_COMMAND);
    expect([...node.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['SegNet-Basic (synthetic-96x128 test)']);
    expect([...node.querySelectorAll('dd code')].map((c) => c.textContent)).toEqual(runs[0]!.commands);
    runs[1]!.commands = 'npm run eval';
    expect(() => parseResults(json)).toThrow('results.json: runs[1].commands must be an array of non-empty strings');
  });

  it('renderIouChart: one bar per class in the class colours (Observable Plot)', () => {
    const chart = renderIouChart(Plot, results().runs[0]!, 600);
    const bars = chart.querySelectorAll('rect');
    expect(bars.length).toBeGreaterThanOrEqual(10);
    expect(chart.getAttribute('aria-label') ?? chart.querySelector('[aria-label]')?.getAttribute('aria-label')).toContain('Per-class IoU of SegNet-Basic');
  });
});
