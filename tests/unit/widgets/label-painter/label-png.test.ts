import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { labelPng } from '../../../../src/widgets/label-painter/label-png';

describe('labelPng', () => {
  it('writes a greyscale PNG whose values are the labels (read back by pngjs)', () => {
    const width = 128;
    const height = 96;
    const labels = Uint8Array.from({ length: width * height }, (_, i) => (i * 7) % 12);
    const png = PNG.sync.read(Buffer.from(labelPng(labels, width, height)));
    expect([png.width, png.height]).toEqual([width, height]);
    const grey = Uint8Array.from({ length: width * height }, (_, i) => png.data[4 * i]!);
    expect(grey).toEqual(labels);
  });
  it('spans several stored blocks when large', () => {
    const labels = Uint8Array.from({ length: 300 * 300 }, (_, i) => i % 11);
    const png = PNG.sync.read(Buffer.from(labelPng(labels, 300, 300)));
    expect(png.data[4 * 89_999]).toBe(89_999 % 11);
  });
  it('refuses values beyond void and wrong sizes, naming them', () => {
    expect(() => labelPng(Uint8Array.of(0, 12), 2, 1)).toThrow(/labels are 0\.\.11 \(11 is void\), got 12 at pixel 1/);
    expect(() => labelPng(new Uint8Array(3), 2, 1)).toThrow(/2 x 1 needs 2 labels, got 3/);
  });
});
