import { describe, expect, it } from 'vitest';
import {
  compareReports,
  formatJson,
  formatMarkdown,
  formatRatio,
  formatTable,
  parseJsonDocument,
  parsePytorchReport,
  parseTfjsReport,
  ratio,
  ReportError,
  stat,
  type ComparisonResult,
} from '../../../bench/compare-lib';

/** The shape scripts/bench.ts prints with --json. */
const tfjsDoc = (batch = 8, rows: object[] = [tfjsRow()]) => JSON.stringify({ date: '2026-11-25T00:00:00.000Z', batch, rows }, null, 2);
const tfjsRow = (over: object = {}) => ({
  backend: 'wasm',
  model: 'SegNet-Basic',
  size: '96x128',
  inferMsPerImage: 800,
  trainMsPerStep: 18000,
  trainImagesPerSecond: 8000 / 18000,
  note: 'batch 8',
  ...over,
});
/** The shape bench/pytorch_segnet.py prints with --json. */
const torchDoc = (rows: object[] = [torchRow()], extra: object = { threads: 1, deviceName: 'cpu' }) =>
  JSON.stringify({ framework: 'pytorch', torch: '1.13.0', device: 'cpu', batch: 8, ...extra, rows });
const torchRow = (over: object = {}) => ({
  framework: 'pytorch',
  device: 'cpu',
  model: 'SegNet-Basic',
  size: '96x128',
  batch: 8,
  inferMsPerImage: 200,
  trainMsPerStep: 4000,
  trainImagesPerSecond: 2,
  ...over,
});

describe('parseJsonDocument', () => {
  it('skips the header lines npm run writes before the JSON', () => {
    const text = '\n> unpooled@0.1.0 bench\n> tsx scripts/bench.ts --json\n\n' + tfjsDoc();
    expect((parseJsonDocument(text, 'tfjs.json') as { batch: number }).batch).toBe(8);
  });

  it('names the file when it is empty or not JSON', () => {
    expect(() => parseJsonDocument('  \n', 'empty.json')).toThrow(/^empty\.json: the file is empty/);
    expect(() => parseJsonDocument('bench: backend wasm failed', 'log.txt')).toThrow(/^log\.txt: not valid JSON \(/);
    expect(() => parseJsonDocument('{"rows": [', 'cut.json')).toThrow(ReportError);
  });
});

describe('parseTfjsReport', () => {
  it('reads the batch and the rows, keeping null training times', () => {
    const r = parseTfjsReport(tfjsDoc(2, [tfjsRow(), tfjsRow({ backend: 'webgl', trainMsPerStep: null, trainImagesPerSecond: null, note: 'inference only' })]), 't.json');
    expect(r.batch).toBe(2);
    expect(r.rows.map((x) => [x.backend, x.trainMsPerStep])).toEqual([['wasm', 18000], ['webgl', null]]);
  });

  it('names the file, the row and the field that is wrong', () => {
    expect(() => parseTfjsReport(tfjsDoc(8, [tfjsRow(), tfjsRow({ inferMsPerImage: 'fast' })]), 't.json')).toThrow(
      't.json: rows[1].inferMsPerImage must be a number, got "fast"',
    );
    const { backend: _drop, ...noBackend } = tfjsRow();
    expect(() => parseTfjsReport(tfjsDoc(8, [noBackend]), 't.json')).toThrow('t.json: rows[0].backend must be a string, it is missing');
    expect(() => parseTfjsReport(JSON.stringify({ rows: [tfjsRow()] }), 'nobatch.json')).toThrow(/^nobatch\.json: .*"batch" is missing/);
    expect(() => parseTfjsReport(JSON.stringify({ batch: 8 }), 'norows.json')).toThrow(/^norows\.json: .*no "rows" array/);
    expect(() => parseTfjsReport(tfjsDoc(8, []), 'none.json')).toThrow('none.json: "rows" is empty, nothing to compare');
  });

  it('says so when it is handed the PyTorch report', () => {
    expect(() => parseTfjsReport(torchDoc(), 'torch.json')).toThrow(/^torch\.json: this is a PyTorch report .*pass it with --pytorch/);
  });
});

describe('parsePytorchReport', () => {
  it('reads rows, thread count and device name', () => {
    const r = parsePytorchReport(torchDoc([torchRow(), torchRow({ model: 'VGG16-SegNet x0.25' })], { threads: 2, deviceName: 'cpu' }), 'p.json');
    expect(r.threads).toBe(2);
    expect(r.rows.map((x) => x.model)).toEqual(['SegNet-Basic', 'VGG16-SegNet x0.25']);
  });

  it('says so when it is handed the TF.js report, and names bad fields', () => {
    expect(() => parsePytorchReport(tfjsDoc(), 'tfjs.json')).toThrow(/^tfjs\.json: rows\[0\]\.framework must be 'pytorch', got undefined; it looks like a TF.js report/);
    expect(() => parsePytorchReport(torchDoc([torchRow({ trainMsPerStep: null })]), 'p.json')).toThrow('p.json: rows[0].trainMsPerStep must be a number, got null');
    expect(() => parsePytorchReport(torchDoc([torchRow({ batch: 2.5 })]), 'p.json')).toThrow('p.json: rows[0].batch must be a positive integer, got 2.5');
  });
});

describe('compareReports', () => {
  const tfjs = parseTfjsReport(tfjsDoc(8, [tfjsRow(), tfjsRow({ backend: 'webgl', inferMsPerImage: 100, trainMsPerStep: null, trainImagesPerSecond: null })]), 't.json');

  it('divides TF.js time by PyTorch time per backend', () => {
    const { comparisons, unmatched } = compareReports([tfjs], [parsePytorchReport(torchDoc(), 'p.json')]);
    expect(unmatched).toEqual([]);
    expect(comparisons.map((c) => [c.tfjsBackend, c.trainRatio, c.inferRatio])).toEqual([
      ['wasm', 4.5, 4],
      ['webgl', null, 0.5],
    ]);
    expect(comparisons[0]!.pytorch).toBe('cpu, 1 thread');
    expect(comparisons.every((c) => !c.batchMismatch)).toBe(true);
  });

  it('flags rows whose training batches differ', () => {
    const t2 = parseTfjsReport(tfjsDoc(2), 't2.json');
    const [c] = compareReports([t2], [parsePytorchReport(torchDoc(), 'p.json')]).comparisons;
    expect(c).toMatchObject({ tfjsBatch: 2, pytorchBatch: 8, batchMismatch: true });
  });

  it('pairs every PyTorch run with every TF.js row of the same model and size, case and spacing aside', () => {
    const t1 = parsePytorchReport(torchDoc([torchRow({ model: 'segnet-basic', size: '96X128' })]), 'p1.json');
    const t2 = parsePytorchReport(torchDoc([torchRow({ trainMsPerStep: 3000 })], { threads: 2 }), 'p2.json');
    const { comparisons } = compareReports([tfjs], [t1, t2]);
    expect(comparisons.map((c) => `${c.tfjsBackend}/${c.pytorch}`)).toEqual(['wasm/cpu, 1 thread', 'wasm/cpu, 2 threads', 'webgl/cpu, 1 thread', 'webgl/cpu, 2 threads']);
    expect(comparisons[1]!.trainRatio).toBe(6);
  });

  it('lists rows of either side that have no partner', () => {
    const p = parsePytorchReport(torchDoc([torchRow({ size: '180x240' })]), 'p.json');
    const { comparisons, unmatched } = compareReports([parseTfjsReport(tfjsDoc(), 't.json')], [p]);
    expect(comparisons).toEqual([]);
    expect(unmatched).toEqual(['t.json: SegNet-Basic 96x128 (wasm) has no PyTorch row', 'p.json: SegNet-Basic 180x240 (cpu, 1 thread) has no TF.js row']);
  });

  it('says when the CPU thread count was the torch default', () => {
    const p = parsePytorchReport(torchDoc([torchRow()], { threads: 1, threadsDefault: true }), 'p.json');
    expect(compareReports([tfjs], [p]).comparisons[0]!.pytorch).toBe('cpu, 1 thread (default)');
  });

  it('takes rows of the same configuration from several files as runs: medians, ranges, run counts', () => {
    const runs = [18000, 12000, 15000].map((train, i) => parseTfjsReport(tfjsDoc(8, [tfjsRow({ trainMsPerStep: train, inferMsPerImage: 600 + 100 * i })]), `t${i}.json`));
    const torchRuns = [3000, 5000].map((train, i) => parsePytorchReport(torchDoc([torchRow({ trainMsPerStep: train, inferMsPerImage: 100 })]), `p${i}.json`));
    const { comparisons, unmatched } = compareReports(runs, torchRuns);
    expect(unmatched).toEqual([]);
    expect(comparisons).toHaveLength(1);
    const [c] = comparisons;
    expect(c!.tfjsTrain).toEqual({ median: 15000, min: 12000, max: 18000, n: 3 });
    expect(c!.pytorchTrain).toEqual({ median: 5000, min: 3000, max: 5000, n: 2 });
    expect(c!.trainRatio).toBe(3);
    expect(c!.trainRatioRange).toEqual([12000 / 5000, 18000 / 3000]);
    expect(c!.inferRatio).toBe(7);
    expect(formatTable({ comparisons, unmatched }).split('\n')[1]).toMatch(/\s3\/2\s+15000\s+5000\s+3\.00x \(2\.4-6\.0\)\s+700\s+100\s+7\.00x \(6\.0-8\.0\)$/);
  });

  it('keeps different thread counts and batches apart instead of merging them', () => {
    const a = parsePytorchReport(torchDoc([torchRow()], { threads: 1 }), 'a.json');
    const b = parsePytorchReport(torchDoc([torchRow({ batch: 2 })], { threads: 1 }), 'b.json');
    const c = parsePytorchReport(torchDoc([torchRow()], { threads: 2 }), 'c.json');
    expect(compareReports([tfjs], [a, b, c]).comparisons.filter((x) => x.tfjsBackend === 'wasm').map((x) => `${x.pytorch}/${x.pytorchBatch}/${x.pytorchInfer.n}`)).toEqual([
      'cpu, 1 thread/8/1',
      'cpu, 1 thread/2/1',
      'cpu, 2 threads/8/1',
    ]);
  });

  it('names a GPU run by its device', () => {
    const p = parsePytorchReport(torchDoc([torchRow({ device: 'cuda' })], { deviceName: 'NVIDIA H100' }), 'p.json');
    expect(compareReports([tfjs], [p]).comparisons[0]!.pytorch).toBe('cuda (NVIDIA H100)');
  });
});

describe('ratio and formatting', () => {
  it('takes the upper median of an even count, as scripts/bench.ts does', () => {
    expect(stat([4, 1, 3, 2])).toEqual({ median: 3, min: 1, max: 4, n: 4 });
    expect(() => stat([])).toThrow('stat: no values');
  });

  it('refuses to divide by a zero PyTorch time', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(() => ratio(10, 0)).toThrow(/PyTorch time must be positive/);
  });

  it('rounds ratios to two decimals below 10 and one above', () => {
    expect([formatRatio(4.5), formatRatio(0.4567), formatRatio(12.345), formatRatio(null)]).toEqual(['4.50x', '0.46x', '12.3x', 'n/a']);
  });

  const result: ComparisonResult = compareReports(
    [parseTfjsReport(tfjsDoc(2, [tfjsRow(), tfjsRow({ model: 'A|B', size: '32x32' })]), 't.json')],
    [parsePytorchReport(torchDoc([torchRow(), torchRow({ model: 'A|B', size: '32x32', inferMsPerImage: 80 })]), 'p.json')],
  );

  it('prints an aligned text table with a note on differing batches', () => {
    const lines = formatTable(result).split('\n');
    expect(lines[0]).toMatch(/^model\s+size\s+TF\.js\s+PyTorch\s+batch\s+runs\s+train ms TF\.js/);
    expect(lines[1]).toMatch(/SegNet-Basic\s+96x128\s+wasm\s+cpu, 1 thread\s+2 vs 8 \(differ\)\s+1\/1\s+18000\s+4000\s+4\.50x\s+800\s+200\s+4\.00x$/);
    expect(lines[2]).toMatch(/10\.0x$/);
    // right-aligned numeric columns end at the same place
    expect(lines[1]!.length).toBe(lines[2]!.length);
    expect(lines.some((l) => l.startsWith('Rows marked "differ" trained on different batch sizes'))).toBe(true);
  });

  it('prints Markdown with one row per comparison and escaped pipes', () => {
    const md = formatMarkdown(result).split('\n');
    expect(md[1]).toBe('| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(md[3]).toBe('| A\\|B | 32x32 | wasm | cpu, 1 thread | 2 vs 8 (differ) | 1/1 | 18000 | 4000 | 4.50x | 800 | 80.0 | 10.0x |');
    expect(md.filter((l) => l.startsWith('| ')).length).toBe(4);
  });

  it('prints JSON that reads back to the same comparison', () => {
    expect(JSON.parse(formatJson(result))).toEqual(result);
  });
});
