// @vitest-environment happy-dom
/**
 * The decoder race drawn and worded with the Chinese catalogue: the prediction board, the
 * decoder cards, the loss curves, the caption and what the race says.
 */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../src/data';
import { messages } from '../../../../src/i18n';
import { countParameters, memoryReport } from '../../../../src/segnet';
import { ComparisonLog, divergedMessage } from '../../../../src/widgets/decoder-comparison/bookkeeping';
import { fitEncoder } from '../../../../src/widgets/decoder-comparison/encoder-source';
import { factsTable } from '../../../../src/widgets/decoder-comparison/facts';
import { comparisonCaption, lossSummary, renderDecoderCard, renderLossChart, renderPredictions } from '../../../../src/widgets/decoder-comparison/render';
import { inputSize } from '../../../../src/widgets/decoder-comparison/state';
import { englishLeftovers, hasChinese, readerText } from '../../i18n/same-in-both';

const zh = messages('zh');
const t = zh.decoderComparison;

/** Chinese, with no English word left over (decoder names and units, milliseconds too, are shared). */
function expectChinese(text: string): void {
  expect(hasChinese(text), text).toBe(true);
  expect(englishLeftovers(text), text).toEqual([]);
}

function scoredLog(): ComparisonLog {
  const log = new ComparisonLog(['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear']);
  log.recordStep([
    { decoder: 'segnet', loss: 1.25, ms: 480 },
    { decoder: 'fcn', loss: 1.5, ms: 110 },
    { decoder: 'deeplab-largefov', loss: 1.1, ms: 1250 },
    { decoder: 'deconvnet', loss: 1.3, ms: 520 },
    { decoder: 'bilinear', loss: 1.7, ms: 90 },
  ]);
  const perClass = CLASS_NAMES.map((_, c) => (c === 10 ? NaN : c / 20));
  log.recordScores('segnet', { step: 1, meanIoU: 0.314, perClassIoU: perClass, globalAccuracy: 0.6 });
  return log;
}

describe('decoder race in Chinese', () => {
  const facts = factsTable({ memoryReport, countParameters }, (r) => inputSize(r, 96, 128)).half.decoders;

  it('draws the prediction board in Chinese, before and after the first predictions', () => {
    const px = 4 * 6;
    const labels = new Uint8Array(px).fill(3);
    const grid = renderPredictions(
      {
        height: 4,
        width: 6,
        frames: [1],
        images: [new Uint8Array(px * 3)],
        truth: [labels],
        decoders: [
          { decoder: 'segnet', step: 5, labels: [labels] },
          { decoder: 'fcn', step: null, labels: null },
        ],
      },
      t,
    );
    expectChinese(readerText(grid));
    expect([...grid.querySelectorAll('[role="columnheader"]')].map((e) => e.textContent)).toEqual(['帧', '真实标注', 'SegNet', 'FCN']);
    expect(readerText(grid)).toContain('SegNet 的预测，验证帧 1，训练 5 步后');
  });

  it('draws every decoder’s card, scored or not, and the loss curves in Chinese', () => {
    const log = scoredLog();
    for (const f of facts) {
      const card = renderDecoderCard(Plot, f, log.track(f.decoder), log.medianMs(f.decoder), 240, zh);
      expectChinese(readerText(card));
    }
    expectChinese(readerText(renderDecoderCard(null, facts[0]!, log.track('segnet'), log.medianMs('segnet'), 240, zh)));
    expect(readerText(renderDecoderCard(Plot, facts[0]!, log.track('segnet'), 400, 240, zh))).toContain('最大池化索引');
    expectChinese(readerText(renderLossChart(Plot, log.lossRows(), ['segnet', 'fcn', 'deeplab-largefov'], 640, zh)));
    expectChinese(readerText(renderLossChart(Plot, [], ['segnet', 'fcn'], 640, zh)));
    expectChinese(lossSummary(log.lossRows(), ['segnet', 'fcn'], t));
  });

  it('says where the race stands and what went wrong in Chinese', () => {
    const log = scoredLog();
    for (const caption of [comparisonCaption(0, log.tracks, t), comparisonCaption(0, log.tracks, t, true), comparisonCaption(1, new ComparisonLog(['segnet', 'fcn']).tracks, t), comparisonCaption(1, log.tracks, t)]) {
      expectChinese(caption);
    }
    expect(divergedMessage('FCN', 4, NaN, t)).toBe('FCN 的损失在第 4 步变成了 NaN：这次更新没有应用，训练已暂停。请调低学习率，然后继续或重置。');
    const r = t.race;
    for (const s of [r.pausing, r.hidden, r.restart, r.cannotRun('故障'), r.broken(zh.widgetRuntime.webglLost), r.firstFailed('故障'), r.stopped('故障'), r.paused(3), t.controls.keepTwo]) {
      expectChinese(s);
    }
    const misfit = fitEncoder(() => { throw new Error('形状不符'); }, {} as never, { tensors: {}, summary: '', notice: null }, t.encoder);
    expectChinese(`${misfit.summary}\n${misfit.notice}`);
    for (const s of [t.encoder.noCheckpoint, t.encoder.pretrained('1,200'), t.encoder.onIt(t.encoder.random, 3), t.encoder.unusable('故障')]) expectChinese(s);
  });
});
