import { describe, expect, it } from 'vitest';
import { parseListFile } from '../../../src/data/camvid/list-file';

describe('parseListFile', () => {
  it('strips the tutorial prefix /SegNet/CamVid/ and skips blank lines', () => {
    const text = '/SegNet/CamVid/train/a.png /SegNet/CamVid/trainannot/a.png\n\n  train/b.png\ttrainannot/b.png  \r\n';
    expect(parseListFile(text, 'train.txt')).toEqual([
      { image: 'train/a.png', label: 'trainannot/a.png', line: 1 },
      { image: 'train/b.png', label: 'trainannot/b.png', line: 3 },
    ]);
  });

  it('names the list file and line of an image without a label, or of extra paths', () => {
    expect(() => parseListFile('train/a.png trainannot/a.png\ntrain/b.png\n', 'train.txt')).toThrow(
      /train.txt line 2: image train\/b.png has no label/,
    );
    expect(() => parseListFile('a b c', 'val.txt')).toThrow(/val.txt line 1: expected "image label", got 3 paths/);
  });

  it('rejects paths that leave the CamVid folder', () => {
    expect(() => parseListFile('/etc/passwd trainannot/a.png', 'test.txt')).toThrow(/test.txt line 1: path "\/etc\/passwd" must be relative/);
    expect(() => parseListFile('train/../../x.png trainannot/a.png', 'test.txt')).toThrow(/test.txt line 1: path/);
  });
});
