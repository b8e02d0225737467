import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, PALETTE, VOID_COLOR, VOID_LABEL, labelColor, labelToRgba } from '../../../src/data/palette';

const README = '../shared/camvid/README.md';

/** Rows "| index | class | R,G,B | weight |" of the CamVid README's class table. */
function readmeClasses(): Array<{ index: number; name: string; rgb: number[] }> {
  const rows = [...readFileSync(README, 'utf8').matchAll(/^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|\s*(\d+),(\d+),(\d+)\s*\|/gm)];
  return rows.map((m) => ({ index: Number(m[1]), name: m[2]!, rgb: [Number(m[3]), Number(m[4]), Number(m[5])] }));
}

describe('palette', () => {
  it.skipIf(!existsSync(README))('CLASS_NAMES and PALETTE match ../shared/camvid/README.md [needs ../shared/camvid; skipped when absent]', () => {
    const rows = readmeClasses();
    expect(rows).toHaveLength(12);
    for (const row of rows.slice(0, 11)) {
      expect(CLASS_NAMES[row.index]).toBe(row.name);
      expect([...PALETTE[row.index]!]).toEqual(row.rgb);
    }
    expect(rows[11]!.index).toBe(VOID_LABEL);
    expect([...VOID_COLOR]).toEqual(rows[11]!.rgb);
  });

  it('has 11 distinct colours and void = 11 in black', () => {
    expect(CLASS_NAMES).toHaveLength(11);
    expect(new Set(PALETTE.map((c) => c.join(','))).size).toBe(11);
    expect(VOID_LABEL).toBe(11);
    expect(labelColor(11)).toEqual([0, 0, 0]);
  });

  it('labelToRgba(labels, 2, 2) colours each pixel, alpha 255, void black', () => {
    const rgba = labelToRgba(Uint8Array.from([0, 3, 10, 11]), 2, 2);
    expect([...rgba]).toEqual([128, 128, 128, 255, 128, 64, 128, 255, 0, 128, 192, 255, 0, 0, 0, 255]);
  });

  it('labelToRgba rejects a size that does not match the labels, naming it', () => {
    expect(() => labelToRgba(new Uint8Array(5), 2, 2)).toThrow(/labels has 5 values, expected width\*height = 4/);
    expect(() => labelToRgba(new Uint8Array(4), 0, 4)).toThrow(/width must be a positive integer, got 0/);
  });
});
