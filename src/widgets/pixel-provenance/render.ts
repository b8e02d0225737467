/**
 * Draws the pixel-provenance widget: the frame with SegNet-Basic's labels, the followed pixel
 * and its receptive field at each encoder depth (nested squares, clipped at the border); the same
 * frame with DeepLab-LargeFOV's field for the pixel; and the chain of 2 × 2 windows the value
 * came back through, deepest first, the encoder's kept position filled and the pixel's outlined.
 */
import { pageMessages, type Messages } from '../../i18n';
import { h, pixelCanvas, s } from '../shared/dom';
import { gridPanel } from '../shared/grid-panel';
import { compositeOverlay, imageToRgba } from '../label-overlay/overlay-pixels';
import { valueText } from '../encoder-stage-stepper/caption';
import type { FrameBox, ProvenanceView } from './view';

type Words = Messages['pixelProvenance'];

export interface ProvenanceRenderOptions {
  messages?: Words;
  /** The keyboard cursor, when it is away from the followed pixel. */
  cursor?: { row: number; col: number } | null;
}

/** Opacity of the labels over the photograph. */
const LABEL_OPACITY = 0.5;
/** Cell side of the 2 × 2 window grids. */
const CELL = 38;

const side = (b: FrameBox): string => `${b.rows[1] - b.rows[0] + 1} × ${b.cols[1] - b.cols[0] + 1}`;
const clippedAtBorder = (b: FrameBox, size: number): boolean => b.rows[1] - b.rows[0] + 1 < size || b.cols[1] - b.cols[0] + 1 < size;

function boxRect(b: FrameBox, className: string): SVGRectElement {
  return s('rect', {
    x: b.cols[0],
    y: b.rows[0],
    width: b.cols[1] - b.cols[0] + 1,
    height: b.rows[1] - b.rows[0] + 1,
    class: className,
    'vector-effect': 'non-scaling-stroke',
  });
}

function pixelMark(row: number, col: number, className: string): SVGRectElement {
  return s('rect', { x: col - 0.5, y: row - 0.5, width: 2, height: 2, class: className, 'vector-effect': 'non-scaling-stroke' });
}

/** The colour key under a frame: one outlined swatch per square. */
function colourKey(entries: readonly [string, string][]): HTMLElement {
  return h('span', { class: 'field-keys' }, ...entries.map(([className, text]) => h('span', { class: 'field-key' }, h('span', { class: `field-swatch ${className}`, 'aria-hidden': 'true' }), text)));
}

function framePanel(view: ProvenanceView, rgba: Uint8ClampedArray, title: string, marks: SVGElement[], focus: { label: string } | null, key: HTMLElement): HTMLElement {
  const canvas = pixelCanvas(rgba, view.width, view.height, title);
  canvas.setAttribute('aria-hidden', 'true');
  canvas.removeAttribute('role');
  const frame = h(
    'div',
    {
      class: 'provenance-frame',
      style: `aspect-ratio: ${view.width} / ${view.height}`,
      ...(focus ? { tabindex: 0, role: 'application', 'aria-label': focus.label, 'data-part': 'frame' } : {}),
    },
    canvas,
    s('svg', { class: 'provenance-marks', viewBox: `0 0 ${view.width} ${view.height}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' }, ...marks),
  );
  return h('figure', { class: 'provenance-panel' }, frame, h('figcaption', {}, title, key));
}

function windowPanel(view: ProvenanceView, k: number, t: Words): SVGSVGElement {
  const link = view.chain[k]!;
  const at = (r: number, c: number): number => 2 * r + c;
  return gridPanel({
    title: t.chainTitle(link.stage),
    rows: 2,
    cols: 2,
    cell: CELL,
    showSize: false,
    text: (r, c) => (at(r, c) === link.recorded ? valueText(link.value) : '0'),
    cellClass: (r, c) => (at(r, c) === link.recorded ? 'is-hot is-strong' : 'is-zero'),
    outlines: [{ row: link.own >> 1, col: link.own & 1, rows: 1, cols: 1, className: 'outline-current' }],
    label: t.windowLabel(link.stage, t.positions[link.recorded]!, t.positions[link.own]!),
  });
}

/** The sentence per unpooling, deepest first. */
export function chainSentences(view: ProvenanceView, t: Words = pageMessages().pixelProvenance): string[] {
  return view.chain.map((link) =>
    link.value === 0
      ? t.allZero(link.stage, t.positions[link.own]!)
      : link.kept
      ? t.kept(link.stage, t.positions[link.own]!, valueText(link.value))
      : t.zero(link.stage, t.positions[link.recorded]!, t.positions[link.own]!, valueText(link.value)),
  );
}

/** The caption under the widget: the fields' sizes, DeepLab's, and how many unpoolings kept the pixel's position. */
export function provenanceCaption(view: ProvenanceView, t: Words = pageMessages().pixelProvenance): string {
  const { row, col } = view.state;
  const deepest = view.fields.at(-1)!;
  const sizes = view.fields.map((f) => String(f.size));
  const fields = clippedAtBorder(deepest, deepest.size) ? t.fields(row, col, sizes, side(deepest)) : t.fieldsInside(row, col, sizes, side(deepest));
  const kept = view.chain.filter((l) => l.kept).length;
  return t.joinSentences([fields, t.deeplab(view.deeplab.size, view.deeplab.stride, side(view.deeplab)), t.keptCount(kept)]);
}

export function renderProvenance(view: ProvenanceView, options: ProvenanceRenderOptions = {}): HTMLElement {
  const t = options.messages ?? pageMessages().pixelProvenance;
  const { row, col } = view.state;
  const cursor = options.cursor && (options.cursor.row !== row || options.cursor.col !== col) ? options.cursor : null;
  const segnetMarks: SVGElement[] = [
    ...[...view.fields].reverse().map((f) => boxRect(f, `field field-stage${f.stage}`)),
    pixelMark(row, col, 'pixel-mark'),
    ...(cursor ? [pixelMark(cursor.row, cursor.col, 'cursor-mark')] : []),
  ];
  const deeplabMarks: SVGElement[] = [boxRect(view.deeplab, 'field field-deeplab'), boxRect(view.fields.at(-1)!, 'field field-compare'), pixelMark(row, col, 'pixel-mark')];
  const labelled = compositeOverlay(view.image, view.labels, view.width, view.height, LABEL_OPACITY);
  const help = t.frameHelp(row, col) + (cursor ? ` ${t.cursorAt(cursor.row, cursor.col)}` : '');
  return h(
    'div',
    { class: 'provenance-view' },
    h(
      'div',
      { class: 'provenance-frames' },
      framePanel(view, labelled, t.segnetTitle, segnetMarks, { label: help }, colourKey(view.fields.map((f) => [`key-stage${f.stage}`, t.fieldKey(f.stage, f.size)]))),
      framePanel(
        view,
        imageToRgba(view.image, view.width, view.height),
        t.deeplabTitle,
        deeplabMarks,
        null,
        colourKey([
          ['key-deeplab', t.deeplabKey(view.deeplab.size)],
          ['key-compare', t.deepestKey],
        ]),
      ),
    ),
    h(
      'div',
      { class: 'provenance-chain' },
      h('p', {}, t.chainIntro(view.channel, view.autoChannel)),
      h('div', { class: 'panel-row' }, ...view.chain.map((_, k) => windowPanel(view, k, t))),
      h('ol', { class: 'chain-steps' }, ...chainSentences(view, t).map((line) => h('li', {}, line))),
    ),
  );
}
