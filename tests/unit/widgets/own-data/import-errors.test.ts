// @vitest-environment happy-dom
/**
 * The importer's refusals carry a code and parameters; the "your data" panel words each from the
 * page's catalogue, so a Chinese page says them in Chinese while the CLI keeps its English.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, IMPORT_ERROR_CODES, IMPORT_ERROR_ENGLISH, ImportError, type ImportErrorCode, type ImportErrorParams } from '../../../../src/data/browser-import';
import { parseListFile } from '../../../../src/data/camvid/list-file';
import { checkDecodedPair } from '../../../../src/data/camvid/pair-checks';
import { en } from '../../../../src/i18n/en';
import { zh } from '../../../../src/i18n/zh';
import { errorWords, outcomeWords } from '../../../../src/widgets/own-data/render';
import { englishWords, hasChinese } from '../../i18n/same-in-both';

/** One set of parameters per code (the type makes a new code add its sample here). */
const SAMPLES: { [C in ImportErrorCode]: ImportErrorParams[C] } = {
  'no-files': {},
  'no-images': { root: 'streets' },
  'same-name': { kind: 'label', stem: 'a', first: 'streets/labels/a.png', second: 'streets/labels/a_L.png' },
  'image-without-label': { image: 'streets/a.jpg', stem: 'a' },
  'label-without-image': { label: 'streets/labels/b.png', stem: 'b' },
  'missing-split': { split: 'val', root: 'streets', found: 3, splits: ['train', 'test'] },
  'missing-val-list': { location: 'streets/val.txt' },
  'unreadable-zip': { path: 'streets.zip', reason: 'invalid zip data' },
  'empty-zip': { path: 'streets.zip' },
  'not-png': { kind: 'label', location: 'streets/labels/a.png' },
  'undecodable': { kind: 'image', location: 'streets/a.jpg', png: false, reason: 'The source image could not be decoded.' },
  'no-canvas': { kind: 'image', location: 'streets/a.jpg' },
  'rgb-label': { location: 'streets/labels/a.png', max: 11 },
  'colour-label': { location: 'streets/labels/a.png', x: 3, y: 4, max: 11 },
  'label-value': { location: 'streets/labels/a.png', value: 40, x: 3, y: 4, max: 11 },
  'image-size': { image: 'streets/b.jpg', size: '96x128', expected: '360x480' },
  'label-size': { label: 'streets/labels/b.png', size: '96x128', image: 'streets/b.jpg', imageSize: '360x480' },
  'not-found': { location: 'streets/train/a.png' },
  'missing-list': { location: 'streets/train.txt' },
  'empty-list': { location: 'streets/train.txt' },
  'list-path': { list: 'streets/train.txt', line: 2, path: '../a.png', prefix: '/SegNet/CamVid/' },
  'list-no-label': { list: 'streets/train.txt', line: 2, image: 'train/a.png' },
  'list-too-many': { list: 'streets/train.txt', line: 2, count: 3 },
  'listed-without-label': { image: 'streets/train/a.png', missing: 'streets/trainannot/a.png', list: 'train.txt', line: 5 },
  'listed-without-image': { label: 'streets/trainannot/a.png', missing: 'streets/train/a.png', list: 'train.txt', line: 5 },
};

/** Words a refusal quotes as they are: the parameters (paths, reasons), folder and file names the layouts use. */
function quoted(code: ImportErrorCode): string[] {
  const values = Object.values(SAMPLES[code]).flat().map(String);
  return [...values.flatMap((v) => v.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []), 'Tutorial', 'train', 'txt', 'trainannot', 'labels', 'val', 'zip', 'png', 'L'];
}

describe('import error codes', () => {
  it('every code has a text in both catalogues, and no catalogue has a code the importer lacks', () => {
    expect(IMPORT_ERROR_CODES.length).toBeGreaterThan(20);
    expect(Object.keys(en.ownData.importErrors).sort()).toEqual([...IMPORT_ERROR_CODES].sort());
    expect(Object.keys(zh.ownData.importErrors).sort()).toEqual([...IMPORT_ERROR_CODES].sort());
  });

  it('keeps the English message of each error (the CLI’s), and the English page words it the same way', () => {
    for (const code of IMPORT_ERROR_CODES) {
      const error = new ImportError(code, SAMPLES[code] as never);
      expect(error.message).toBe((IMPORT_ERROR_ENGLISH[code] as (p: unknown) => string)(SAMPLES[code]));
      expect(errorWords(error, en.ownData)).toBe(error.message);
    }
  });

  it('words each error in Chinese on a Chinese page, with only its quoted names left in Latin letters', () => {
    for (const code of IMPORT_ERROR_CODES) {
      const text = errorWords(new ImportError(code, SAMPLES[code] as never), zh.ownData);
      expect(hasChinese(text), `${code}: ${text}`).toBe(true);
      expect(englishWords(text, quoted(code)), `${code}: ${text}`).toEqual([]);
    }
    expect(errorWords(new ImportError('missing-split', SAMPLES['missing-split']), zh.ownData)).toBe(
      '“streets”里没有验证集的图像对：训练工作台在训练集上训练、在验证集上验证（共找到 3 对，位于训练集、测试集）',
    );
  });

  it('the importer’s own checks throw coded errors (layout, list file, pair check)', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof ImportError ? e.code : `not an ImportError: ${String(e)}`;
      }
      return undefined;
    };
    expect(codeOf(() => detectLayout(['streets/a.jpg']))).toBe('image-without-label');
    expect(codeOf(() => detectLayout(['streets/train.txt']))).toBe('missing-val-list');
    expect(codeOf(() => parseListFile('train/a.png\n', 'train.txt'))).toBe('list-no-label');
    const raster = (height: number, width: number) => ({ data: new Uint8Array(height * width), height, width, channels: 1 });
    expect(codeOf(() => checkDecodedPair(raster(2, 2), raster(2, 3), 0, { image: 'a.png', label: 'a_L.png' }, { height: 2, width: 2 }))).toBe('label-size');
  });

  it('an import that failed in the worker is told in the page’s language, from its code', () => {
    const error = { code: 'label-value' as const, params: SAMPLES['label-value'] };
    const report = { kind: 'failed' as const, message: new ImportError(error.code, error.params).message, full: false as const, error };
    expect(outcomeWords(report, en.ownData)).toBe(`Not imported: ${report.message}. Nothing was stored.`);
    expect(outcomeWords(report, zh.ownData)).toBe('未导入：标注 streets/labels/a.png 在像素 (3, 4) 处的值为 40；类别编号必须在 0..11 之间。什么都没有保存。');
    expect(outcomeWords({ ...report, error: undefined, message: 'disk on fire' }, zh.ownData)).toBe('未导入：disk on fire。什么都没有保存。');
  });
});
