/**
 * SegNet's encoder-decoder at a glance (chapter 3), in the manner of the paper's Figure 2: the
 * image, VGG16's five encoder stages shrinking, the mirrored decoder growing, the pixel-wise
 * softmax and the label map, with the pooling indices carried from each pooling layer to the
 * unpooling layer that uses them.
 */
import { en } from '../i18n/en';
import { LABEL_UNITS, NARROW_UNITS, r1, sceneBoxes, WIDE_UNITS, type Box, type Drawing, type FigureLayouts, type Label, type Line } from './drawing';

/** Convolutions per VGG16 stage; each stage then pools. */
export const VGG16_STAGE_CONVS = [2, 2, 3, 3, 3] as const;

/** The words drawn inside the figure (src/i18n/<locale>/figures.ts). */
export type SegnetFigureWords = (typeof en)['figures']['segnet']['labels'];

export function segnetFigure(words: SegnetFigureWords = en.figures.segnet.labels): FigureLayouts {
  return { wide: layout(WIDE_UNITS, words), narrow: layout(NARROW_UNITS, words) };
}

function layout(width: number, words: SegnetFigureWords): Drawing {
  const narrow = width < WIDE_UNITS;
  const stages = VGG16_STAGE_CONVS.length;
  const imageW = narrow ? 40 : 78;
  const imageH = imageW * 0.75;
  const arcsTop = 34;
  const arcGap = narrow ? 8 : 10;
  const top = arcsTop + stages * arcGap + 6;
  const tallest = narrow ? 96 : 140;
  const mid = top + tallest / 2;
  // Blocks between the two pictures: encoder convs and pools, decoder unpools and convs, softmax.
  const kinds: { kind: Box['kind']; stage: number }[] = [];
  VGG16_STAGE_CONVS.forEach((n, s) => {
    for (let i = 0; i < n; i++) kinds.push({ kind: 'conv', stage: s });
    kinds.push({ kind: 'pool', stage: s });
  });
  [...VGG16_STAGE_CONVS].reverse().forEach((n, i) => {
    const s = stages - 1 - i;
    kinds.push({ kind: 'unpool', stage: s });
    for (let j = 0; j < n; j++) kinds.push({ kind: 'decoder-conv', stage: s });
  });
  kinds.push({ kind: 'softmax', stage: 0 });
  // A margin each side leaves room for the words centred under the two pictures.
  const pad = narrow ? 6 : 8;
  const left = pad + imageW + (narrow ? 10 : 18);
  const right = width - pad - imageW - (narrow ? 10 : 18);
  const unit = (right - left) / kinds.length;
  const blockW = r1(unit * 0.7);
  const heightOf = (k: { kind: Box['kind']; stage: number }): number => {
    // The map a layer outputs: pooling halves it, unpooling doubles it back.
    const level = k.kind === 'pool' ? k.stage + 1 : k.kind === 'softmax' ? 0 : k.stage;
    return tallest * Math.pow(0.72, level);
  };
  const boxes: Box[] = kinds.map((k, i) => {
    const h = heightOf(k);
    return { x: r1(left + i * unit + (unit - blockW) / 2), y: r1(mid - h / 2), w: blockW, h: r1(h), kind: k.kind };
  });
  const pictures = [...sceneBoxes(pad, mid - imageH / 2, imageW, imageH, false), ...sceneBoxes(width - pad - imageW, mid - imageH / 2, imageW, imageH, true)];
  const lines: Line[] = [];
  const centre = (b: Box): number => r1(b.x + b.w / 2);
  const pools = boxes.filter((b) => b.kind === 'pool');
  const unpools = boxes.filter((b) => b.kind === 'unpool').reverse();
  pools.forEach((p, s) => {
    const u = unpools[s]!;
    const y = arcsTop + s * arcGap;
    lines.push({ d: `M${centre(p)},${p.y} V${y} H${centre(u)} V${r1(u.y - 2)}`, dashed: true, arrow: true });
  });
  const first = boxes[0]!;
  const last = boxes[boxes.length - 1]!;
  lines.push({ d: `M${pad + imageW + 2},${r1(mid)} H${r1(first.x - 2)}`, arrow: true });
  lines.push({ d: `M${r1(last.x + last.w + 2)},${r1(mid)} H${width - pad - imageW - 2}`, arrow: true });
  const bottom = top + tallest + 8;
  const encoderEnd = pools[stages - 1]!;
  const decoderStart = unpools[stages - 1]!;
  const labels: Label[] = [
    { x: r1((centre(pools[0]!) + centre(unpools[0]!)) / 2), y: arcsTop - 8, text: words.poolingIndices, anchor: 'middle', muted: true },
    { x: r1((first.x + encoderEnd.x + encoderEnd.w) / 2), y: bottom + 16, text: words.encoder, anchor: 'middle', bold: true },
    { x: r1((decoderStart.x + last.x + last.w) / 2), y: bottom + 16, text: words.decoder, anchor: 'middle', bold: true },
    { x: r1(pad + imageW / 2), y: r1(mid + imageH / 2 + 16), text: narrow ? words.image : words.inputImage, anchor: 'middle' },
    { x: r1(width - pad - imageW / 2), y: r1(mid + imageH / 2 + 16), text: narrow ? words.labels : words.labelMap, anchor: 'middle' },
  ];
  if (!narrow) labels.push({ x: centre(last), y: r1(last.y - 6), text: words.softmax, anchor: 'middle', muted: true });
  lines.push({ d: `M${r1(first.x)},${bottom} H${r1(encoderEnd.x + encoderEnd.w)}` }, { d: `M${r1(decoderStart.x)},${bottom} H${r1(last.x + last.w)}` });
  return { width, height: r1(bottom + 16 + LABEL_UNITS), boxes: [...pictures, ...boxes], labels, lines };
}
