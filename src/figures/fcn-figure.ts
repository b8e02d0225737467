/**
 * FCN-8s at a glance (chapter 2): VGG16's pooling stages and its fully connected layers as
 * convolutions, class scores at 1/32 of the input, then back up: a learnt ×2 upsampling, the
 * scores of pool4 added, ×2 again, pool3's scores added, and a final ×8 to the input size.
 */
import { en } from '../i18n/en';
import { LABEL_UNITS, NARROW_UNITS, r1, sceneBoxes, WIDE_UNITS, type Box, type Drawing, type FigureLayouts, type Label, type Line } from './drawing';

/** The words drawn inside the figure (src/i18n/<locale>/figures.ts). */
export type FcnFigureWords = (typeof en)['figures']['fcn']['labels'];

/** The encoder, in order: each box's name and, under it, the resolution it leaves (or what it is). */
export function fcnEncoder(words: FcnFigureWords = en.figures.fcn.labels): { text: string; scale: string }[] {
  const names = ['pool1', 'pool2', 'pool3', 'pool4', 'pool5', 'fc6–7', words.score];
  const notes = ['1/2', '1/4', '1/8', '1/16', '1/32', words.asConv, '1 × 1'];
  return names.map((text, i) => ({ text, scale: notes[i]! }));
}
export const FCN_ENCODER = fcnEncoder();

export function fcnFigure(words: FcnFigureWords = en.figures.fcn.labels): FigureLayouts {
  return { wide: layout(WIDE_UNITS, words), narrow: columns(NARROW_UNITS, words) };
}

/** Left to right along the top, back right to left along the bottom (wide columns). */
function layout(width: number, words: FcnFigureWords): Drawing {
  const encoderBoxes = fcnEncoder(words);
  const columns = encoderBoxes.length + 1; // the image, then the encoder row
  const col = width / columns;
  const cx = (c: number): number => r1(col * c + col / 2);
  const boxW = r1(col * 0.8);
  const rowH = 30;
  const [row1, row2, row3] = [20, 86, 146];
  const boxes: Box[] = [];
  const labels: Label[] = [];
  const lines: Line[] = [];
  const labelIn = (b: Box, text: string): void => {
    labels.push({ x: r1(b.x + b.w / 2), y: r1(b.y + b.h / 2 + LABEL_UNITS / 3), text, anchor: 'middle' });
  };
  const box = (c: number, y: number, w: number, kind: Box['kind'], text: string, round = false): Box => {
    const b: Box = { x: r1(cx(c) - w / 2), y, w, h: round ? w : rowH, kind, ...(round ? { round } : {}) };
    boxes.push(b);
    labelIn(b, text);
    return b;
  };
  const sceneW = boxW;
  const sceneH = r1(sceneW * 0.75);
  boxes.push(...sceneBoxes(r1(cx(0) - sceneW / 2), row1 + rowH / 2 - sceneH / 2, sceneW, sceneH, false));
  boxes.push(...sceneBoxes(r1(cx(0) - sceneW / 2), row3 + rowH / 2 - sceneH / 2, sceneW, sceneH, true));
  const encoder = encoderBoxes.map((e, i) => {
    const b = box(i + 1, row1, boxW, i < 5 ? 'pool' : i === 5 ? 'conv' : 'score', e.text);
    labels.push({ x: cx(i + 1), y: row1 + rowH + 14, text: e.scale, anchor: 'middle', muted: true });
    return b;
  });
  // Encoder arrows, left to right.
  for (let i = 0; i < encoder.length; i++) {
    const from = i === 0 ? r1(cx(0) + sceneW / 2) : r1(encoder[i - 1]!.x + boxW);
    lines.push({ d: `M${from + 1},${row1 + rowH / 2} H${r1(encoder[i]!.x - 1)}`, arrow: true });
  }
  // Skips: pool3 and pool4 scored by a 1 x 1 convolution.
  const skip = (c: number) => box(c, row2, boxW, 'score', '1 × 1');
  const [skip3, skip4] = [skip(3), skip(4)];
  for (const [from, to] of [[encoder[2]!, skip3], [encoder[3]!, skip4]] as const) {
    lines.push({ d: `M${r1(from.x + boxW / 2)},${row1 + rowH + 18} V${to.y - 1}`, arrow: true });
  }
  // The way back, right to left.
  const upW = r1(col * 0.55);
  const plusD = 20;
  const up1 = box(6, row3, upW, 'upsample', '×2');
  const add4 = box(4, row3 + rowH / 2 - plusD / 2, plusD, 'add', '+', true);
  const up2 = box(3.5, row3, upW, 'upsample', '×2');
  const add3 = box(3, row3 + rowH / 2 - plusD / 2, plusD, 'add', '+', true);
  const up3 = box(2, row3, boxW, 'upsample', '×8');
  const mid3 = row3 + rowH / 2;
  const score = encoder[encoder.length - 1]!;
  lines.push({ d: `M${r1(score.x + boxW / 2)},${row1 + rowH + 18} V${mid3} H${r1(up1.x + upW + 1)}`, arrow: true });
  const chain: Box[] = [up1, add4, up2, add3, up3];
  for (let i = 1; i < chain.length; i++) lines.push({ d: `M${r1(chain[i - 1]!.x - 1)},${mid3} H${r1(chain[i]!.x + chain[i]!.w + 1)}`, arrow: true });
  lines.push({ d: `M${r1(up3.x - 1)},${mid3} H${r1(cx(0) + sceneW / 2 + 1)}`, arrow: true });
  for (const [from, to] of [[skip3, add3], [skip4, add4]] as const) lines.push({ d: `M${r1(from.x + boxW / 2)},${from.y + rowH} V${to.y - 1}`, arrow: true });
  labels.push({ x: cx(0), y: row1 - 6, text: words.image, anchor: 'middle', muted: true });
  labels.push({ x: cx(0), y: r1(row3 + rowH / 2 + sceneH / 2 + 14), text: words.labels, anchor: 'middle', muted: true });
  return { width, height: r1(row3 + rowH / 2 + sceneH / 2 + 20), boxes, labels, lines };
}

/**
 * For a phone: the encoder down the left column, the way back up the right one, the two skips
 * across the middle, so that every box is wide enough for its words.
 */
function columns(width: number, words: FcnFigureWords): Drawing {
  const encoderBoxes = fcnEncoder(words);
  const rowH = 28;
  const pitch = 48;
  const top = 10;
  const ax = 74;
  const bx = width - 58;
  const mx = r1((ax + 56 + bx - 38) / 2);
  const aw = 112;
  const bw = 76;
  const mid = (r: number): number => r1(top + r * pitch + rowH / 2);
  const boxes: Box[] = [];
  const labels: Label[] = [];
  const lines: Line[] = [];
  const box = (x: number, r: number, w: number, h: number, kind: Box['kind'], text: string, round = false): Box => {
    const b: Box = { x: r1(x - w / 2), y: r1(mid(r) - h / 2), w, h, kind, ...(round ? { round } : {}) };
    boxes.push(b);
    labels.push({ x: r1(x), y: r1(mid(r) + LABEL_UNITS / 3), text, anchor: 'middle' });
    return b;
  };
  const sceneW = 48;
  const sceneH = 36;
  boxes.push(...sceneBoxes(r1(ax - sceneW / 2), r1(mid(0) - sceneH / 2), sceneW, sceneH, false));
  boxes.push(...sceneBoxes(r1(bx - sceneW / 2), r1(mid(0) - sceneH / 2), sceneW, sceneH, true));
  labels.push({ x: r1(ax - sceneW / 2 - 6), y: r1(mid(0) + 4), text: words.image, anchor: 'end', muted: true });
  labels.push({ x: r1(bx - sceneW / 2 - 6), y: r1(mid(0) + 4), text: words.labels, anchor: 'end', muted: true });
  const encoder = encoderBoxes.map((e, i) => box(ax, i + 1, aw, rowH, i < 5 ? 'pool' : i === 5 ? 'conv' : 'score', `${e.text} · ${e.scale}`));
  for (let i = 0; i < encoder.length; i++) {
    const from = i === 0 ? r1(mid(0) + sceneH / 2) : r1(encoder[i - 1]!.y + rowH);
    lines.push({ d: `M${ax},${from + 1} V${r1(encoder[i]!.y - 1)}`, arrow: true });
  }
  // The way back, bottom to top in the right column; the additions sit on the rows of pool4 and pool3.
  const up1 = box(bx, 5.5, bw, 22, 'upsample', '×2');
  const add4 = box(bx, 4, 20, 20, 'add', '+', true);
  const up2 = box(bx, 3.5, bw, 22, 'upsample', '×2');
  const add3 = box(bx, 3, 20, 20, 'add', '+', true);
  const up3 = box(bx, 1.5, bw, 22, 'upsample', '×8');
  const score = encoder[encoder.length - 1]!;
  lines.push({ d: `M${r1(score.x + aw + 1)},${mid(7)} H${bx} V${r1(up1.y + up1.h + 1)}`, arrow: true });
  const chain: Box[] = [up1, add4, up2, add3, up3];
  for (let i = 1; i < chain.length; i++) lines.push({ d: `M${bx},${r1(chain[i - 1]!.y - 1)} V${r1(chain[i]!.y + chain[i]!.h + 1)}`, arrow: true });
  lines.push({ d: `M${bx},${r1(up3.y - 1)} V${r1(mid(0) + sceneH / 2 + 1)}`, arrow: true });
  // Skips: pool3 and pool4 scored by 1 x 1 convolutions on their way across.
  for (const [row, to] of [[3, add3], [4, add4]] as const) {
    const skip = box(mx, row, 44, 22, 'score', '1×1');
    lines.push({ d: `M${r1(ax + aw / 2 + 1)},${mid(row)} H${r1(skip.x - 1)}`, arrow: true });
    lines.push({ d: `M${r1(skip.x + skip.w + 1)},${mid(row)} H${r1(to.x - 1)}`, arrow: true });
  }
  return { width, height: r1(mid(7) + rowH / 2 + 8), boxes, labels, lines };
}
