// @vitest-environment happy-dom
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, VOID_NAME } from '../../../../src/data';
import { PAPER_TABLES } from '../../../../src/data/paper-results';
import { parseResults, RESULTS_COMMAND, type ResultsFile } from '../../../../src/data/results-file';
import { messages } from '../../../../src/i18n';
import { renderBoundaryView } from '../../../../src/widgets/results-table/boundary-render';
import { boundaryView } from '../../../../src/widgets/results-table/boundary-view';
import { renderIouChart, renderOursNote, renderResultsTables } from '../../../../src/widgets/results-table/render';
import { resultsTables } from '../../../../src/widgets/results-table/table-view';
import { expectChinese } from '../../i18n/same-in-both';

const zh = messages('zh');
/** Words of the data, not of the widget: run names, the dataset id, the device, paper variant names, commands. */
const DATA_WORDS = ['Bilinear', 'Interpolation', 'EncoderAddition', 'SingleChannelDecoder', 'NoAddition', 'NoDimReduction', 'learnt', 'deconv', 'synthetic', 'wasm', 'Xeon', 'public', 'models', 'results', 'json'];

function results(): ResultsFile {
  const run = (name: string, encoder: string, decoder: string) => ({
    name,
    encoder,
    decoder,
    dataset: 'synthetic-96x128',
    split: 'test',
    height: 96,
    width: 128,
    parameters: 1416587,
    step: 4000,
    globalAccuracy: 0.9,
    classAverageAccuracy: 0.7,
    meanIoU: 0.55,
    boundaryF1: 0.4,
    inferenceMs: { value: 66, backend: 'wasm', device: 'Xeon' },
    classes: CLASS_NAMES.map((n, c) => ({ name: n, iou: c === 10 ? null : 0.9 - c * 0.07 })),
  });
  return parseResults({
    format: 'unpooled-results',
    version: 1,
    createdAt: '2025-02-01T10:00:00Z',
    command: 'npm run eval -- --out public/models/results.json',
    runs: [run('SegNet-Basic', 'basic', 'segnet'), run('DeconvNet-Basic', 'basic', 'deconvnet'), run('SegNet-Basic', 'vgg16', 'bilinear')],
  });
}

describe('results table in Chinese', () => {
  it('the English catalogue holds the paper tables’ own words and the palette’s class names', () => {
    for (const table of PAPER_TABLES) {
      const words = messages('en').resultsTable.tables[table.id]!;
      expect([words.title, words.setting, words.columns]).toEqual([table.title, table.setting, table.costColumns.map(({ label, description }) => ({ label, description }))]);
      expect(zh.resultsTable.tables[table.id]).toBeDefined();
    }
    expect([messages('en').classes.names, messages('en').classes.void]).toEqual([CLASS_NAMES, VOID_NAME]);
    expect(zh.classes.names).toHaveLength(CLASS_NAMES.length);
  });

  it('renderResultsTables(resultsTables(runs, sort, zh), sort, zh) draws the tables, our rows and the other runs in Chinese', () => {
    const tables = resultsTables(results().runs, 'mIoU', zh.resultsTable);
    expect(tables.map((t) => t.id)).toEqual(['table1', 'table3', 'ours']);
    const node = renderResultsTables(tables, 'mIoU', zh.resultsTable);
    expectChinese(node, DATA_WORDS);
    expect(node.querySelector('caption')!.textContent).toMatch(/^表 1：/);
    expect(node.querySelector('.row-ours .row-detail')!.textContent).toBe('synthetic-96x128 测试集，96 × 128；计时环境：wasm，Xeon');
  });

  it('renderOursNote(source, command, zh) says each state in Chinese', () => {
    for (const source of [{ state: 'missing' } as const, { state: 'invalid', error: '格式错误' } as const, { state: 'measured', results: results() } as const]) {
      expectChinese(renderOursNote(source, RESULTS_COMMAND, zh.resultsTable), DATA_WORDS);
    }
  });

  it('renderIouChart(Plot, run, width, zh) names the classes and the chart in Chinese', () => {
    const chart = renderIouChart(Plot, results().runs[0]!, 600, zh);
    expectChinese(chart, DATA_WORDS);
    expect(chart.textContent).toContain('骑车人');
    expect(chart.textContent).toContain('未出现');
  });
});

describe('boundary-F1 illustration in Chinese', () => {
  // 4 x 6: road below, sky above, a car in the corner; the prediction misses the car.
  const truth = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 3, 3, 3, 3, 8, 8, 3, 3, 3, 3, 3, 3];
  const prediction = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
  const image = new Uint8Array(24 * 3).fill(120);
  const view = (cls: number) => boundaryView({ image, truth, prediction, height: 4, width: 6, cls, toleranceFraction: 0.0075 }, zh);

  it('renderBoundaryView(boundaryView(input, zh), zh) draws every class, one class and an absent class in Chinese', () => {
    for (const cls of [-1, 8, 10]) expectChinese(renderBoundaryView(view(cls), zh.boundaryF1));
    expect([view(8).precisionScore.label, view(8).scores[0]!.label]).toEqual(['精确率（汽车）', 'F1（汽车）']);
    expect(renderBoundaryView(view(10), zh.boundaryF1).querySelector('.bf-absent')!.textContent).toBe('这一帧的两张标签图里都没有骑车人。');
  });

  it('every message of the zh boundary area is Chinese', () => {
    const b = zh.boundaryF1;
    for (const text of [b.tolerance('0.75'), b.running, b.waiting, b.failed('错误'), b.loadingFrames, b.prediction, b.blocky, b.network, b.classLabel, b.everyClassOption, b.toleranceLabel]) expectChinese(text);
  });
});
