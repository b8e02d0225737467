// @vitest-environment happy-dom
/**
 * The decoder comparison's pure parts: the URL codec, the running record (medians, thinning,
 * skipped steps, ranking), the build-time facts from the engine's own memory report and
 * parameter counts, the data helpers, and the render functions (structure and accessible
 * names; the prediction grid as a file snapshot).
 */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, type SplitData } from '../../../../src/data';
import { countParameters, memoryReport } from '../../../../src/segnet';
import { ComparisonLog, divergedMessage, MAX_CURVE_POINTS, median, RECENT_STEPS, rankByMeanIoU, thinCurve } from '../../../../src/widgets/decoder-comparison/bookkeeping';
import { decoderFacts, factsTable, formatBytes, parseFacts } from '../../../../src/widgets/decoder-comparison/facts';
import { PREVIEW_FRAMES, previewFrames, SCORED_FRAMES, scoredFrames, selectFrames } from '../../../../src/widgets/decoder-comparison/frames';
import { STORED_NAME } from '../../../../src/data/browser-import/dataset-store';
import { resizeSplit } from '../../../../src/data';
import {
  comparisonCaption,
  DECODER_STYLE,
  formatMs,
  lossSummary,
  renderDecoderCard,
  renderIouBars,
  renderLossChart,
  renderPredictions,
} from '../../../../src/widgets/decoder-comparison/render';
import { comparisonCodec, inputSize, needsRebuild, OWN_DATA_NAME, parseDecoders, presetPatch, PRESETS, resolutionFor, type Resolution } from '../../../../src/widgets/decoder-comparison/state';
import { readState, withState } from '../../../../src/widgets/shared/url-state';
import { markup } from '../snapshot';

describe('comparisonCodec', () => {
  it('restores a link, in canonical decoder order', () => {
    expect(readState('race', comparisonCodec, '?race.decoders=fcn,segnet&race.lr=0.0003&race.res=full&race.every=7')).toEqual({
      decoders: ['segnet', 'fcn'],
      preset: 'pretrained',
      learningRate: 0.0003,
      resolution: 'full',
      every: 7,
      data: 'synthetic',
    });
  });

  it("reads the reader's stored dataset by name, and ignores a name no store could hold", () => {
    expect(readState('race', comparisonCodec, '?race.data=own-my-streets-2').data).toBe('own-my-streets-2');
    expect(withState('race', comparisonCodec, { ...comparisonCodec.defaults, data: 'own-x' }, '')).toBe('?race.data=own-x');
    // The default is left out of links; anything else falls back to the synthetic scenes.
    expect(withState('race', comparisonCodec, comparisonCodec.defaults, '')).toBe('');
    for (const bad of ['camvid-96x128', 'own-', 'own-My-Streets', '../own-x', `own-${'a'.repeat(41)}`]) {
      expect(readState('race', comparisonCodec, `?race.data=${encodeURIComponent(bad)}`).data).toBe('synthetic');
    }
    // The same names as the store's own rule.
    expect(OWN_DATA_NAME.source).toBe(STORED_NAME.source);
    expect(needsRebuild(comparisonCodec.defaults, { ...comparisonCodec.defaults, data: 'own-x' })).toBe(true);
  });

  it("opens the reader's data at the largest resolution of at most 64 rows, else the smallest", () => {
    expect(resolutionFor(96, 128)).toBe('half');
    expect(resolutionFor(64, 64)).toBe('full');
    expect(resolutionFor(180, 240)).toBe('quarter');
    expect(resolutionFor(360, 480)).toBe('quarter');
    expect(inputSize(resolutionFor(360, 480), 360, 480)).toEqual({ height: 90, width: 120 });
  });

  it('opens a link from before the five-decoder race (three decoders, no preset) as it did', () => {
    expect(readState('race', comparisonCodec, '?race.decoders=segnet,fcn,deeplab-largefov&race.res=half')).toEqual(comparisonCodec.defaults);
    expect(comparisonCodec.defaults.decoders).toEqual(['segnet', 'fcn', 'deeplab-largefov']);
  });

  it('reads all five decoders, the scratch preset and the quarter resolution', () => {
    expect(readState('race', comparisonCodec, '?race.decoders=bilinear,deconvnet,deeplab-largefov,fcn,segnet&race.preset=scratch&race.res=quarter&race.lr=0.003')).toEqual({
      ...comparisonCodec.defaults,
      decoders: ['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear'],
      preset: 'scratch',
      resolution: 'quarter',
      learningRate: 0.003,
    });
    expect(readState('race', comparisonCodec, '?race.preset=warm').preset).toBe('pretrained');
  });

  it('presetPatch(name) brings the preset’s learning rate and resolution with it', () => {
    expect(presetPatch('scratch')).toEqual({ preset: 'scratch', learningRate: PRESETS.scratch.learningRate, resolution: 'quarter' });
    expect(presetPatch('pretrained')).toEqual({ preset: 'pretrained', learningRate: 0.001, resolution: 'half' });
    expect(PRESETS.scratch.fromScratch && !PRESETS.pretrained.fromScratch).toBe(true);
    const s = { ...comparisonCodec.defaults, ...presetPatch('scratch') };
    expect(decodeURIComponent(withState('race', comparisonCodec, s, ''))).toBe(`?race.preset=scratch&race.lr=${PRESETS.scratch.learningRate}&race.res=quarter`);
  });

  it('falls back to the default for each field that does not parse', () => {
    const d = comparisonCodec.defaults;
    expect(readState('race', comparisonCodec, '?race.decoders=segnet&race.lr=0.5&race.res=eighth&race.every=0')).toEqual(d);
    expect(readState('race', comparisonCodec, '?race.decoders=segnet,segnet&race.every=101&race.lr=')).toEqual(d);
    expect(readState('race', comparisonCodec, '?race.decoders=segnet,unet&race.every=2.5')).toEqual(d);
    expect(readState('other', comparisonCodec, '?race.every=9').every).toBe(d.every);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const s = { ...comparisonCodec.defaults, decoders: ['segnet' as const, 'deeplab-largefov' as const], every: 12 };
    const search = withState('race', comparisonCodec, s, '?other.x=1');
    expect(decodeURIComponent(search)).toBe('?other.x=1&race.decoders=segnet,deeplab-largefov&race.every=12');
    expect(readState('race', comparisonCodec, search)).toEqual(s);
    expect(withState('race', comparisonCodec, comparisonCodec.defaults, '')).toBe('');
  });

  it('parseDecoders needs at least two known, distinct decoders', () => {
    expect(parseDecoders('deeplab-largefov,segnet,fcn')).toEqual(['segnet', 'fcn', 'deeplab-largefov']);
    expect(parseDecoders('fcn')).toBeUndefined();
    expect(parseDecoders('fcn,fcn')).toBeUndefined();
    expect(parseDecoders('')).toBeUndefined();
  });

  it('rebuilds for a new line-up or resolution, not for the learning rate or refresh interval', () => {
    const d = comparisonCodec.defaults;
    expect(needsRebuild(d, { ...d, learningRate: 0.01, every: 20 })).toBe(false);
    expect(needsRebuild(d, { ...d, resolution: 'full' })).toBe(true);
    expect(needsRebuild(d, { ...d, decoders: ['segnet', 'fcn'] })).toBe(true);
    expect(needsRebuild(d, { ...d, preset: 'scratch' })).toBe(true);
    expect(inputSize('quarter', 96, 128)).toEqual({ height: 24, width: 32 });
    expect(inputSize('half', 96, 128)).toEqual({ height: 48, width: 64 });
    expect(inputSize('full', 96, 128)).toEqual({ height: 96, width: 128 });
  });
});

describe('bookkeeping', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 100])).toBe(3.5);
    expect(median([])).toBeNaN();
  });

  it('records a step for every decoder, keeps recent times, and reports a median one slow step cannot move', () => {
    const log = new ComparisonLog(['segnet', 'fcn']);
    const times = [900, 100, 110, 105, 95, 102, 98, 101, 99, 97, 103];
    times.forEach((ms, i) => log.recordStep([{ decoder: 'segnet', loss: 2 - i * 0.1, ms }, { decoder: 'fcn', loss: 1.5, ms: 10 }]));
    expect(log.step).toBe(times.length);
    const t = log.track('segnet');
    expect(t.steps).toBe(times.length);
    expect(t.recentMs).toEqual(times.slice(-RECENT_STEPS));
    expect(log.medianMs('segnet')).toBe(101);
    expect(t.lastLoss).toBeCloseTo(2 - 10 * 0.1);
    expect(log.lossRows().filter((r) => r.decoder === 'fcn')).toHaveLength(times.length);
    expect(log.lossRows()[0]).toEqual({ decoder: 'segnet', step: 1, loss: 2 });
    expect(() => log.track('deeplab-largefov')).toThrow("decoder 'deeplab-largefov' is not in this comparison (segnet, fcn)");
  });

  it('marks a non-finite loss as a skipped step of that decoder only, and returns it', () => {
    const log = new ComparisonLog(['segnet', 'fcn', 'deeplab-largefov']);
    log.recordStep([{ decoder: 'segnet', loss: 1, ms: 5 }, { decoder: 'fcn', loss: 1, ms: 5 }, { decoder: 'deeplab-largefov', loss: 1, ms: 5 }]);
    const diverged = log.recordStep([{ decoder: 'segnet', loss: 0.9, ms: 5 }, { decoder: 'fcn', loss: NaN, ms: 5 }, { decoder: 'deeplab-largefov', loss: Infinity, ms: 5 }]);
    expect(diverged.map((d) => d.decoder)).toEqual(['fcn', 'deeplab-largefov']);
    expect(log.track('fcn')).toMatchObject({ steps: 1, skipped: [2], lastLoss: 1 });
    expect(log.track('segnet')).toMatchObject({ steps: 2, skipped: [], lastLoss: 0.9 });
    expect(log.track('fcn').curve).toHaveLength(1);
    expect(divergedMessage('FCN', 2, NaN)).toBe('FCN’s loss became NaN at step 2: that update was not applied and training is paused. Lower the learning rate, then resume or reset.');
    expect(divergedMessage('DeepLab-LargeFOV', 7, Infinity)).toContain('DeepLab-LargeFOV’s loss became Infinity at step 7');
  });

  it('thins long curves, keeping their last step and mean', () => {
    expect(thinCurve([{ step: 1, loss: 4 }, { step: 2, loss: 2 }, { step: 3, loss: 1 }])).toEqual([{ step: 2, loss: 3 }, { step: 3, loss: 1 }]);
    const log = new ComparisonLog(['segnet', 'fcn']);
    for (let i = 0; i < 3 * MAX_CURVE_POINTS; i++) log.recordStep([{ decoder: 'segnet', loss: 1, ms: 1 }, { decoder: 'fcn', loss: 2, ms: 1 }]);
    const curve = log.track('segnet').curve;
    expect(curve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(curve.length).toBeGreaterThan(MAX_CURVE_POINTS / 4);
    expect(curve.at(-1)!.step).toBe(3 * MAX_CURVE_POINTS);
    expect(curve.every((p) => p.loss === 1)).toBe(true);
  });

  it('says when a refresh is due and ranks decoders by mIoU, unscored last', () => {
    const log = new ComparisonLog(['segnet', 'fcn', 'deeplab-largefov']);
    expect(log.refreshDue(5)).toBe(false);
    for (let i = 0; i < 5; i++) log.recordStep([]);
    expect(log.refreshDue(5)).toBe(true);
    expect(log.refreshDue(3)).toBe(false);
    const scores = (meanIoU: number) => ({ step: 5, meanIoU, perClassIoU: [], globalAccuracy: 0.5 });
    log.recordScores('segnet', scores(0.2));
    log.recordScores('deeplab-largefov', scores(0.3));
    expect(rankByMeanIoU(log.tracks).map((t) => t.decoder)).toEqual(['deeplab-largefov', 'segnet', 'fcn']);
  });
});

describe('facts', () => {
  const size = (r: Resolution) => inputSize(r, 96, 128);
  const table = factsTable({ memoryReport, countParameters }, size);

  it('takes each decoder’s parameters and what it keeps from the engine’s own report', () => {
    const report = memoryReport({ encoder: 'basic', decoder: 'segnet', height: 48, width: 64 });
    for (const d of table.half.decoders) {
      const count = countParameters({ encoder: 'basic', decoder: d.decoder, height: 48, width: 64 });
      expect(d).toEqual(decoderFacts(d.decoder, report, count));
      expect(d.decoderParameters).toBe(count.decoder);
      expect(d.encoderParameters).toBe(count.encoder);
    }
    const [segnet, fcn, deeplab, deconvnet, bilinear] = table.full.decoders;
    // SegNet keeps 2-bit indices (at full size four times the windows of the half-size report),
    // FCN K-channel float maps, DeepLab nothing.
    expect(table.half.decoders[0]!.storedBytes).toBe(report.indices.paperBytes);
    expect(segnet!.storedBytes).toBe(report.indices.paperBytes * 4);
    expect(fcn!.storedBytes).toBeGreaterThan(segnet!.storedBytes);
    expect(deeplab!.storedBytes).toBe(0);
    // DeconvNet unpools with the same indices as SegNet; the bilinear baseline keeps nothing.
    expect(deconvnet!.storedBytes).toBe(segnet!.storedBytes);
    expect(bilinear!.storedBytes).toBe(0);
    expect(table.quarter).toMatchObject({ height: 24, width: 32 });
    expect(segnet!.featureMapBytes).toBeGreaterThan(fcn!.storedBytes);
    // The encoder is the same for all: one count.
    expect(new Set(table.full.decoders.map((d) => d.encoderParameters)).size).toBe(1);
    expect(table.half).toMatchObject({ height: 48, width: 64 });
  });

  it('round-trips through the shell’s data attribute and rejects a malformed one', () => {
    expect(parseFacts(JSON.stringify(table))).toEqual(table);
    expect(() => parseFacts(undefined)).toThrow('<decoder-comparison> has no data-facts');
    expect(() => parseFacts(JSON.stringify({ full: table.full }))).toThrow("malformed data-facts for resolution 'half'");
  });

  it('formats bytes', () => {
    expect([0, 999, 16_320, 2_500_000].map(formatBytes)).toEqual(['0 B', '999 B', '16.3 kB', '2.5 MB']);
  });
});

/** A split of `count` frames whose pixels encode (frame, row, column). */
function patternSplit(count: number, height: number, width: number): SplitData {
  const px = height * width;
  const images = new Uint8Array(count * px * 3);
  const labels = new Uint8Array(count * px);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < px; i++) {
      images.set([n * 20, (i % width) * 2, Math.floor(i / width) * 2], (n * px + i) * 3);
      labels[n * px + i] = (n + Math.floor(i / width / 2)) % 11;
    }
  }
  return { name: 'val', count, height, width, images, labels };
}

describe('frames', () => {
  it('selects frames in order and names one that is missing', () => {
    const split = patternSplit(4, 4, 6);
    const picked = selectFrames(split, [2, 0]);
    expect(picked.count).toBe(2);
    expect([...picked.labels.subarray(0, 24)]).toEqual([...split.labels.subarray(48, 72)]);
    expect(picked.images[0]).toBe(40);
    expect(() => selectFrames(split, [4])).toThrow('selectFrames: frame 4 is not in split "val" (0..3)');
  });

  it('halves a split: 2x2 blocks averaged, labels by majority, the same split when the size matches', () => {
    const split = patternSplit(2, 4, 6);
    expect(resizeSplit(split, 4, 6)).toBe(split);
    const half = resizeSplit(split, 2, 3);
    expect(half).toMatchObject({ count: 2, height: 2, width: 3 });
    // Frame 1, output (0, 0) averages columns 0-1 and rows 0-1: green (0+2)/2 = 1, blue 1.
    expect([...half.images.subarray(6 * 3, 6 * 3 + 3)]).toEqual([20, 1, 1]);
    // Labels are constant over each pair of rows: kept exactly.
    expect([...half.labels.subarray(0, 6)]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('scores the first ten validation frames, or all of a smaller split, and refuses an empty one by name', () => {
    expect(scoredFrames(16)).toEqual([...SCORED_FRAMES]);
    expect(scoredFrames(3)).toEqual([0, 1, 2]);
    expect(scoredFrames(1)).toEqual([0]);
    expect(() => scoredFrames(0)).toThrow('the race needs at least one validation frame, the data has 0');
  });

  it('previews the demo frames when all are scored, else the first three scored', () => {
    expect(previewFrames(10)).toEqual([...PREVIEW_FRAMES]);
    expect(PREVIEW_FRAMES.every((n) => SCORED_FRAMES.includes(n))).toBe(true);
    expect(previewFrames(5)).toEqual([0, 1, 2]);
    expect(previewFrames(2)).toEqual([0, 1]);
  });
});

describe('renders', () => {
  const facts = factsTable({ memoryReport, countParameters }, (r) => inputSize(r, 96, 128)).half.decoders;

  function scoredLog(): ComparisonLog {
    const log = new ComparisonLog(['segnet', 'fcn', 'deeplab-largefov']);
    log.recordStep([
      { decoder: 'segnet', loss: 1.25, ms: 480 },
      { decoder: 'fcn', loss: 1.5, ms: 110 },
      { decoder: 'deeplab-largefov', loss: 1.1, ms: 1250 },
    ]);
    log.recordStep([
      { decoder: 'segnet', loss: 1.0, ms: 470 },
      { decoder: 'fcn', loss: 1.4, ms: 120 },
      { decoder: 'deeplab-largefov', loss: 0.9, ms: 1350 },
    ]);
    const perClass = CLASS_NAMES.map((_, c) => (c === 10 ? NaN : c / 20));
    log.recordScores('segnet', { step: 2, meanIoU: 0.314, perClassIoU: perClass, globalAccuracy: 0.6 });
    log.recordScores('fcn', { step: 2, meanIoU: 0.25, perClassIoU: perClass, globalAccuracy: 0.5 });
    return log;
  }

  it('the prediction grid: ground truth once, a column per decoder, blanks before the first prediction', async () => {
    const split = patternSplit(2, 4, 6);
    const px = 24;
    const grid = renderPredictions({
      height: 4,
      width: 6,
      frames: [1, 3],
      images: [split.images.subarray(0, px * 3), split.images.subarray(px * 3)],
      truth: [split.labels.subarray(0, px), split.labels.subarray(px)],
      decoders: [
        { decoder: 'segnet', step: 5, labels: [split.labels.subarray(0, px), split.labels.subarray(px)] },
        { decoder: 'fcn', step: null, labels: null },
      ],
    });
    expect([...grid.querySelectorAll('[role="columnheader"]')].map((e) => e.textContent)).toEqual(['Frame', 'Ground truth', 'SegNet', 'FCN']);
    expect(grid.querySelectorAll('[role="row"]')).toHaveLength(3);
    expect(grid.getAttribute('style')).toBe('--dc-columns: 4');
    const names = [...grid.querySelectorAll('canvas')].map((c) => c.getAttribute('aria-label'));
    expect(names.filter((n) => n?.startsWith('Ground truth'))).toHaveLength(2);
    expect(names).toContain('SegNet’s prediction, validation frame 3, after 5 steps');
    expect(names).toContain('FCN’s prediction, validation frame 1: not computed yet');
    await expect(markup(grid)).toMatchFileSnapshot('../__snapshots__/decoder-comparison-predictions.html');
  });

  it('a card: the decoder’s facts, live numbers, and IoU bars named with their values', () => {
    const log = scoredLog();
    const card = renderDecoderCard(Plot, facts[0]!, log.track('segnet'), log.medianMs('segnet'));
    const fact = (k: string) => card.querySelector(`[data-fact="${k}"]`)!.textContent;
    expect(card.querySelector('h3')!.textContent).toBe('SegNet');
    expect(fact('params')).toBe(facts[0]!.decoderParameters.toLocaleString('en'));
    expect(fact('kept')).toBe(formatBytes(facts[0]!.storedBytes));
    expect(fact('ms')).toBe('475 ms');
    expect(fact('loss')).toBe('1.000');
    expect(fact('miou')).toBe('31.4%');
    expect(card.querySelector('.dc-note')!.textContent).toContain('max-pooling indices, 2 bits per window');
    const svg = card.querySelector('.dc-iou svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      `Per-class IoU of SegNet on the validation frames, after 2 steps: ${CLASS_NAMES.map((n, c) => `${n} ${c === 10 ? 'absent' : `${((c / 20) * 100).toFixed(0)}%`}`).join(', ')}`,
    );
    // No aria-label left on Plot's inner groups.
    expect(svg.querySelectorAll('g[aria-label]')).toHaveLength(0);
    expect(svg.querySelectorAll('rect')).toHaveLength(CLASS_NAMES.length);

    const unscored = renderDecoderCard(Plot, facts[2]!, log.track('deeplab-largefov'), log.medianMs('deeplab-largefov'));
    expect(unscored.querySelector('[data-fact="kept"]')!.textContent).toBe('nothing');
    expect(unscored.querySelector('[data-fact="miou"]')!.textContent).toBe('–');
    expect(unscored.querySelector('[data-fact="ms"]')!.textContent).toBe('1.30 s');
    expect(unscored.querySelector('.dc-iou svg')!.getAttribute('aria-label')).toBe('Per-class IoU of DeepLab-LargeFOV on the validation frames, not measured yet');
    expect(renderDecoderCard(null, facts[1]!, log.track('fcn'), NaN).querySelector('.dc-chart-placeholder')).not.toBeNull();
  });

  it('IoU bars scale with the scores', () => {
    const log = scoredLog();
    const widths = (svg: Element) => [...svg.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    const w = widths(renderIouBars(Plot, 'segnet', log.track('segnet')));
    // Class c has IoU c/20: bar widths grow with c (class 0 has none).
    expect(w[0]).toBe(0);
    for (let c = 2; c < 10; c++) expect(w[c]!).toBeGreaterThan(w[c - 1]!);
  });

  it('the loss chart: one curve per decoder with a point per step, a legend, and the latest losses in its name', () => {
    const log = scoredLog();
    const box = renderLossChart(Plot, log.lossRows(), log.decoders);
    expect([...box.querySelectorAll('.dc-legend li')].map((li) => li.textContent)).toEqual(['SegNet', 'FCN', 'DeepLab-LargeFOV']);
    const svg = box.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toBe('Training loss of each decoder: SegNet 1.000 at step 2; FCN 1.400 at step 2; DeepLab-LargeFOV 0.900 at step 2');
    // Each decoder's curve: one path in its colour through its two steps.
    for (const d of log.decoders) {
      const paths = [...svg.querySelectorAll(`g[stroke="${DECODER_STYLE[d].colour}"] path`)].map((p) => p.getAttribute('d') ?? '');
      expect(paths, d).toHaveLength(1);
      expect(paths[0]!.split(/[ML]/).filter(Boolean), d).toHaveLength(2);
    }
    expect(lossSummary([], ['segnet'])).toBe('Training loss of each decoder: SegNet no step yet');
  });

  it('captions and time formats', () => {
    const log = scoredLog();
    expect(comparisonCaption(0, log.tracks)).toContain('No step yet');
    expect(comparisonCaption(2, log.tracks)).toBe('Validation mIoU after 2 steps on the same batches: SegNet 31.4%, FCN 25.0%.');
    expect(comparisonCaption(1, new ComparisonLog(['segnet', 'fcn']).tracks)).toBe('1 step on the same batches; validation scores come at the next refresh.');
    expect([NaN, 12.4, 999, 1000, 2345].map(formatMs)).toEqual(['–', '12 ms', '999 ms', '1.00 s', '2.35 s']);
  });
});
