// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../src/i18n';
import type { Segmentation } from '../../../../src/segnet/core';
import { cameraFailure, cameraUnavailable } from '../../../../src/widgets/own-image/camera';
import { centreCrop, cropWarning, describeCrop } from '../../../../src/widgets/own-image/geometry';
import { classAt, pixelSentence } from '../../../../src/widgets/own-image/probe';
import { renderEmptyStage, renderPresentLegend, renderRegion, sceneCaption } from '../../../../src/widgets/own-image/render';
import { modelSentence } from '../../../../src/widgets/own-image/street-model';
import { checkFile, checkPixelSize, decodeFailure, formatBytes, MAX_FILE_BYTES } from '../../../../src/widgets/own-image/validate';
import { expectChinese } from '../../i18n/same-in-both';

const all = messages('zh');
const zh = all.ownImage;
/** File names and MIME types are the reader's own; they stay as they are. */
const FILE_WORDS = ['notes', 'txt', 'text', 'plain', 'fake', 'png', 'image', 'raw', 'huge', 'jpg', 'street'];

describe('own-image widget in Chinese', () => {
  it('renders the empty stage, the region, the legend and the captions in Chinese', () => {
    const preview = document.createElement('canvas');
    preview.width = 160;
    preview.height = 90;
    const region = renderRegion({ name: '街景.jpg', width: 1600, height: 900, crop: centreCrop(1600, 900, 128, 96), preview }, zh);
    expectChinese(region, FILE_WORDS);
    expect(region.querySelector('figcaption')!.textContent).toBe('网络看到的是框出的中央区域：900 × 1600 像素中的 900 × 1200（左右两边被裁掉），再缩放到 96 × 128。');
    expectChinese(renderEmptyStage(zh));
    const legend = renderPresentLegend([0.5, 0, 0, 0.3, 0, 0, 0, 0, 0.2, 0, 0], 3, all);
    expectChinese(legend);
    expect([...legend.querySelectorAll('.legend-name')].map((n) => n.textContent)).toEqual(['天空', '道路', '汽车']);
    for (const caption of [sceneCaption(null, false, 60, zh), sceneCaption('街景.jpg', false, 60, zh), sceneCaption('街景.jpg', true, 60, zh)]) expectChinese(caption, FILE_WORDS);
  });

  it('refuses every kind of bad file in Chinese, naming it', () => {
    const text = new TextEncoder().encode('just some notes');
    const refusals = [
      checkFile({ name: 'notes.txt', type: 'text/plain', size: 2048, head: text }, zh),
      checkFile({ name: 'fake.png', type: 'image/png', size: 2048, head: text }, zh),
      checkFile({ name: 'empty.jpg', type: 'image/jpeg', size: 0, head: new Uint8Array() }, zh),
      checkFile({ name: 'raw.png', type: 'image/png', size: MAX_FILE_BYTES + 1, head: text }, zh),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expectChinese(r.message, [...FILE_WORDS, 'empty']);
    }
    expectChinese(checkPixelSize('huge.png', { width: 9000, height: 9000 }, zh)!, FILE_WORDS);
    expectChinese(checkPixelSize('huge.png', { width: 0, height: 5 }, zh)!, FILE_WORDS);
    expectChinese(decodeFailure('street.jpg', 'JPEG', zh), FILE_WORDS);
    expect(formatBytes(12, zh)).toBe('12 字节');
  });

  it('says the crop warnings, the camera problems, the probe and the network in Chinese', () => {
    for (const [w, h] of [[5000, 100], [20, 15], [100, 5000]] as const) expectChinese(cropWarning(w, h, centreCrop(w, h, 128, 96), 128, 96, zh)!);
    expectChinese(describeCrop(640, 480, centreCrop(640, 480, 128, 96), 128, 96, zh));
    expectChinese(cameraUnavailable({}, true, zh)!);
    expectChinese(cameraUnavailable({}, false, zh)!, ['https']);
    for (const name of ['NotAllowedError', 'NotFoundError', 'NotReadableError']) expectChinese(cameraFailure(Object.assign(new Error('x'), { name }), zh));
    expectChinese(cameraFailure(new Error('故障'), zh));
    for (const kind of ['camvid', 'synthetic', 'untrained'] as const) expectChinese(modelSentence(kind, zh));
    const seg = { width: 2, height: 1, numClasses: 11, labels: Int32Array.from([3, 10]), probabilities: new Float32Array(22).fill(0.5) } as unknown as Segmentation;
    expect(pixelSentence(classAt(seg, 1, 0), all)).toBe('像素（第 0 行，第 1 列）：骑车人，概率 50%。');
    for (const text of [zh.nothingDropped, zh.reading('街景.jpg', 2), zh.previousStays('出错了。'), zh.showing('街景.jpg', null), zh.networkFailed('街景.jpg', '出错'), zh.cameraOn, zh.cameraStarting, zh.cameraNoFrame, zh.cameraOff, zh.cameraPicture('10:02:03'), zh.camvidFailed('出错'), zh.camvidSummary('1,200'), zh.choose, zh.useCamera, zh.opacity, zh.cameraPreview, zh.takePicture, zh.cameraStop, zh.dropHint, zh.legendHeading, zh.sceneLabel('街景.jpg', true), zh.running, zh.labelsLater, zh.noCanvas]) {
      expectChinese(text, FILE_WORDS);
    }
  });
});
