// @vitest-environment happy-dom
/**
 * The training studio drawn and worded with the Chinese catalogue: its charts, validation
 * frames, numbers, saved runs, settings report and every message its session says.
 */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../src/data';
import { messages } from '../../../../src/i18n';
import { renderClassIoU, renderConfusion, renderIoUChart, renderLossChart } from '../../../../src/widgets/training-studio/charts';
import type { Validation } from '../../../../src/widgets/training-studio/curves';
import { deviceLostMessage, failureMessage, nonFiniteMessage } from '../../../../src/widgets/training-studio/failure';
import { renderFrameStrip } from '../../../../src/widgets/training-studio/frame-strip';
import { describeMatch, parameterGroup } from '../../../../src/widgets/training-studio/pretrained-match';
import { runTitle } from '../../../../src/widgets/training-studio/run-store';
import { checkSettings, studioCodec, type DatasetOption } from '../../../../src/widgets/training-studio/settings';
import { statsView } from '../../../../src/widgets/training-studio/stats';
import { savedRunItem } from '../../../../src/widgets/training-studio/studio-view';
import { offerReload } from '../../../../src/widgets/shared/stale-chunk';
import { watchDevice } from '../../../../src/widgets/shared/device-watch';
import { englishLeftovers, hasChinese, readerText } from '../../i18n/same-in-both';

const zh = messages('zh');
const t = zh.trainingStudio;

/** Names both editions write alike here: an optimizer and a file's extension. */
const NAMES = ['Adam', 'unpooled'];

/** Chinese, with no English word left over. */
function expectChinese(text: string): void {
  expect(hasChinese(text), text).toBe(true);
  expect(englishLeftovers(text, NAMES), text).toEqual([]);
}

function validation(): Validation {
  const confusion = CLASS_NAMES.map((_, r) => CLASS_NAMES.map((__, p) => (r === 10 ? 0 : p === r ? 10 - r : p === 3 ? r : 0)));
  const classIoU = CLASS_NAMES.map((_, c) => (c === 10 ? null : (10 - c) / 10));
  return { step: 6, classIoU, confusion, meanIoU: 0.55 };
}

describe('training studio in Chinese', () => {
  it('draws the four charts, empty and filled, in Chinese with the classes’ Chinese names', () => {
    const curve = [2.4, 2.0, 1.9].map((value, i) => ({ step: i + 1, value }));
    for (const chart of [renderLossChart(Plot, [], 400, zh), renderIoUChart(Plot, [], [], 400, zh), renderClassIoU(Plot, null, 400, zh), renderConfusion(Plot, null, 400, zh)]) {
      expectChinese(readerText(chart));
    }
    const charts = [renderLossChart(Plot, curve, 400, zh), renderIoUChart(Plot, curve.map((p) => ({ ...p, value: 0.3 })), [{ step: 3, value: 0.4 }], 400, zh), renderClassIoU(Plot, validation(), 480, zh), renderConfusion(Plot, validation(), 480, zh)];
    for (const chart of charts) expectChinese(readerText(chart));
    const classes = readerText(charts[2]!);
    expect(classes).toContain('天空');
    expect(classes).toContain('未出现'); // the absent Bicyclist
    expect(readerText(charts[3]!)).toContain('真实类别');
  });

  it('labels the validation frames, the numbers and a saved run in Chinese', () => {
    const px = 4 * 6;
    const frame = { index: 0, image: new Uint8Array(px * 3), truth: new Uint8Array(px).fill(3), prediction: new Uint8Array(px).fill(3) };
    const strip = renderFrameStrip({ height: 4, width: 6, step: 12, frames: [frame, { ...frame, index: 1, prediction: null }] }, t);
    expectChinese(readerText(strip));
    expect(readerText(strip)).toContain('验证帧 1：第 12 步的预测，已标注像素中 100% 分类正确');

    const stats = statsView({ backend: 'wasm', step: 3, totalSteps: 400, epoch: 0, epochs: 6, batch: 3, batchesPerEpoch: 16, batchSize: 4, imagesPerSecond: 0.05, loss: 1.2 }, t);
    expectChinese(stats.map((s) => `${s.label} ${s.value}`).join('\n'));
    expect(stats.find((s) => s.key === 'eta')!.value).toBe('8 小时 49 分');

    const settings = studioCodec.defaults;
    const title = runTitle(settings, 'synthetic-96x128', t);
    const item = savedRunItem({ key: 'k', step: 40, savedAt: Date.UTC(2026, 11, 7, 9, 30), title }, true, t);
    expectChinese(readerText(item).replaceAll('synthetic-96x128', '')); // a data set's name
    expect(item.querySelector('button')!.textContent).toBe('继续训练');
    expect(runTitle({ ...settings, decoder: 'bilinear', res: 'half' }, 'synthetic-96x128', t)).toBe('SegNet-Basic + 双线性插值 解码器，synthetic-96x128，一半尺寸');
  });

  it('reports bad settings, the weights’ origin and every failure in Chinese', () => {
    const tiny: DatasetOption = { name: 'tiny', url: '', height: 20, width: 20, trainCount: 3 };
    const d = studioCodec.defaults;
    const reports = [
      checkSettings({ ...d, data: 'elsewhere' }, [tiny], t),
      checkSettings({ ...d, data: 'tiny', encoder: 'vgg16', res: 'half', batch: 5, freeze: true }, [tiny], t),
      checkSettings({ ...d, data: 'tiny', opt: 'adam', lr: 0.05 }, [tiny], t),
    ];
    const said = reports.flatMap((r) => [...r.errors, ...r.warnings]);
    expect(said.length).toBeGreaterThanOrEqual(5);
    for (const s of said) expectChinese(s.replace(/tiny|elsewhere/g, ''));

    const all = ['encoder/stage1/conv1/kernel', 'decoder/stage1/conv1/kernel', 'classifier/kernel'];
    for (const sentence of [describeMatch({ copied: [], skipped: [] } as never, all, t.origin), describeMatch({ copied: all, skipped: [] } as never, all, t.origin)]) expectChinese(sentence);
    expect(parameterGroup('encoder/stage2/conv1/kernel', t.origin)).toBe('编码器第 2 阶段');

    expectChinese(nonFiniteMessage(Infinity, 12, 11, t).replace('Infinity', ''));
    expectChinese(failureMessage(new Error('OOM when allocating'), 12, t.session.brokenRecovery, t));
    let lost = '';
    watchDevice({ device: { lost: Promise.resolve({ message: '' }) } }, (r) => (lost = r), zh.widgetRuntime);
    return Promise.resolve().then(() => {
      expectChinese(deviceLostMessage(zh.widgetRuntime.lostSentence(lost), t));
      expect(lost).toBe('WebGPU 设备已丢失');
    });
  });

  it('words every message of the session in Chinese', () => {
    const s = t.session;
    const sentences = [
      s.deviceGone, s.openElsewhere(true), s.openHere, s.otherTab, s.openDeleted, s.notDeleted, s.deleted, s.restored(40), s.restoredShort(40),
      s.building, s.cannotStart('故障'), s.pausing, s.paused(9), s.epochsDone(6), s.training, s.stopped(9), s.lostNotSaved, s.saved(9),
      s.saveFailed('存储已满', s.saveKept(8), s.savingOff), s.saveFailed('存储已满', s.nothingSaved, ''), s.notExported(s.deviceGone),
      s.imported('运行.unpooled', 5), s.importedUnsaved('运行.unpooled', 5, '存储已满'), s.noRun(s.theSavedRun), s.readFailed(s.theRun, '损坏'),
      s.backendBusy(['解码器比赛']), s.notCopied('故障'), s.rebuilt(s.failures([s.didNotWork('WebGPU', '故障')]), 'WebGL', 7), s.nowOn('', 'WebGL'),
      s.switchFailed(['故障']), s.finished(6, 96, true), s.finished(6, 96, false), s.brokenRecovery, s.neverSaved, s.noSave, s.otherRun,
      s.backAtSave(8), s.backFailed('故障'), s.nothingRebuilt, s.hidden, s.unknownData('合成数据'), s.savedGone, s.nothingToExport,
      s.otherData('运行.unpooled', '合成数据'), s.mismatch(s.theSavedRun, 'SegNet', 96, 128),
      t.page.idle, t.page.ready('WebGL', null), t.page.ready('WebAssembly', messages('zh').model.softwareRendered('WebGL', 'SwiftShader')), t.page.cannotTrain('WebGL'), t.page.refused('WebGPU', '故障'), t.page.unreadable('故障'),
      t.page.saveData, t.page.device, t.page.failedToStart('故障'), t.saved.earlier, t.origin.scratch, t.origin.noCheckpoint, t.origin.fromCheckpoint,
    ];
    for (const sentence of sentences) expectChinese(sentence);
  });

  it('offers the reload of a stale page in Chinese', () => {
    const where = document.createElement('p');
    offerReload(where, zh.widgetRuntime);
    expectChinese(readerText(where));
    expect(where.querySelector('button')!.textContent).toBe('重新加载页面');
  });
});
