/**
 * The figures drawn by code (src/figures): both layouts of each keep every box and word inside
 * the drawing, words do not collide, words in boxes fit their boxes, and each figure draws what
 * its caption says.
 */
import { describe, expect, it } from 'vitest';
import { LABEL_UNITS, NARROW_UNITS, WIDE_UNITS, type Drawing, type Label } from '../../src/figures/drawing';
import { FCN_ENCODER, fcnFigure } from '../../src/figures/fcn-figure';
import { segnetFigure, VGG16_STAGE_CONVS } from '../../src/figures/segnet-figure';

/** A word's box, estimated generously: 0.62 em per character of a sans-serif face. */
function extent(l: Label): { x1: number; x2: number; y1: number; y2: number } {
  const w = l.text.length * LABEL_UNITS * 0.62;
  const x1 = l.anchor === 'middle' ? l.x - w / 2 : l.anchor === 'end' ? l.x - w : l.x;
  return { x1, x2: x1 + w, y1: l.y - LABEL_UNITS * 0.8, y2: l.y + LABEL_UNITS * 0.25 };
}

const layouts: Array<[string, Drawing]> = [
  ['segnet wide', segnetFigure().wide],
  ['segnet narrow', segnetFigure().narrow],
  ['fcn wide', fcnFigure().wide],
  ['fcn narrow', fcnFigure().narrow],
];

describe.each(layouts)('%s', (_, d) => {
  it('keeps every box and word inside the drawing', () => {
    for (const b of d.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(d.width + 0.01);
      expect(b.y + b.h).toBeLessThanOrEqual(d.height + 0.01);
    }
    for (const l of d.labels) {
      const e = extent(l);
      expect(e.x1, l.text).toBeGreaterThanOrEqual(-0.01);
      expect(e.x2, l.text).toBeLessThanOrEqual(d.width + 0.01);
      expect(e.y2, l.text).toBeLessThanOrEqual(d.height + 0.01);
    }
  });

  it('has no two words on top of each other', () => {
    const boxes = d.labels.map((l) => ({ l, e: extent(l) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.e;
        const b = boxes[j]!.e;
        const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        expect(overlap, `"${boxes[i]!.l.text}" and "${boxes[j]!.l.text}"`).toBe(false);
      }
    }
  });

  it('is drawn at its layout width', () => {
    expect([WIDE_UNITS, NARROW_UNITS]).toContain(d.width);
  });
});

describe('segnetFigure()', () => {
  it('draws VGG16’s thirteen convolutions and five poolings, the mirrored decoder, a softmax, and five index arrows', () => {
    for (const d of [segnetFigure().wide, segnetFigure().narrow]) {
      const count = (kind: string) => d.boxes.filter((b) => b.kind === kind).length;
      const convs = VGG16_STAGE_CONVS.reduce((a, b) => a + b, 0);
      expect([count('conv'), count('pool'), count('unpool'), count('decoder-conv'), count('softmax')]).toEqual([convs, 5, 5, convs, 1]);
      expect(d.lines.filter((l) => l.dashed && l.arrow)).toHaveLength(5);
      expect(d.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['pooling indices', 'Encoder', 'Decoder']));
      // Block heights shrink through the encoder and grow back through the decoder.
      const pools = d.boxes.filter((b) => b.kind === 'pool').map((b) => b.h);
      expect([...pools].sort((a, b) => b - a)).toEqual(pools);
    }
  });
});

describe('fcnFigure()', () => {
  it('draws the encoder, two skips, ×2, ×2 and ×8, with every boxed word inside its box', () => {
    for (const d of [fcnFigure().wide, fcnFigure().narrow]) {
      const texts = d.labels.map((l) => l.text);
      for (const e of FCN_ENCODER) expect(texts.some((t) => t.startsWith(e.text))).toBe(true);
      expect(texts.filter((t) => t === '×2')).toHaveLength(2);
      expect(texts.filter((t) => t === '×8')).toHaveLength(1);
      expect(texts.filter((t) => t === '+')).toHaveLength(2);
      expect(d.boxes.filter((b) => b.round)).toHaveLength(2);
      for (const l of d.labels.filter((x) => !x.muted)) {
        const e = extent(l);
        const inside = d.boxes.find((b) => l.x >= b.x && l.x <= b.x + b.w && l.y >= b.y && l.y - 8 <= b.y + b.h);
        expect(inside, l.text).toBeDefined();
        expect(e.x2 - e.x1, l.text).toBeLessThanOrEqual(inside!.w + 0.01);
      }
    }
  });
});
