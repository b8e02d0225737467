/**
 * Draws the transposed-convolution stepper: the 3 × 3 input and the kernel on top; below, the
 * output as it builds up (the step's stamp outlined) and the overlap counts as a heat map.
 */
import { create } from 'd3';
import { pageMessages, type Messages } from '../../i18n';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import { heatFill } from '../shared/heat';
import type { StampView } from './stamps';
import { STAMP_COUNT } from './state';

export interface TransposedConvRenderOptions {
  /** Cell side in SVG units. */
  cell?: number;
  /** The words drawn (the page's language by default). */
  messages?: Messages['transposedConv'];
}

type Words = Messages['transposedConv'];

export function renderTransposedConv(view: StampView, options: TransposedConvRenderOptions = {}): HTMLElement {
  const cell = options.cell ?? 26;
  const t = options.messages ?? pageMessages().transposedConv;
  const root = create('div').attr('class', 'panel-stack');
  const top = root.append('div').attr('class', 'panel-row');
  top.append(() => inputPanel(view, cell, t));
  top.append(() => kernelPanel(view, cell, t));
  const bottom = root.append('div').attr('class', 'panel-row');
  bottom.append(() => outputPanel(view, cell, t));
  bottom.append(() => overlapPanel(view, cell, t));
  return root.node()!;
}

/** The current stamp's block of the output. */
function stampOutline(view: StampView): GridOutline[] {
  const c = view.current;
  const k = view.kernel.length;
  return c ? [{ row: c.outRow, col: c.outCol, rows: k, cols: k, className: 'outline-current' }] : [];
}

function inputPanel(view: StampView, cell: number, t: Words): SVGSVGElement {
  const c = view.current;
  return gridPanel({
    title: t.input,
    rows: 3,
    cols: 3,
    cell,
    text: (r, col) => String(view.input[r]![col]!),
    cellClass: (r, col) => {
      const k = r * 3 + col;
      if (k === view.step - 1) return 'is-hot is-strong';
      return k < view.step - 1 ? 'is-done' : '';
    },
    outlines: c ? [{ row: c.row, col: c.col, rows: 1, cols: 1, className: 'outline-current' }] : [],
  });
}

function kernelPanel(view: StampView, cell: number, t: Words): SVGSVGElement {
  const k = view.kernel.length;
  return gridPanel({ title: t.kernel, rows: k, cols: k, cell, text: () => '1', label: t.kernelLabel(k) });
}

/** The output so far: the current stamp hot, cells reached earlier tinted, the rest blank. */
function outputPanel(view: StampView, cell: number, t: Words): SVGSVGElement {
  const n = view.outputSize;
  const k = view.kernel.length;
  const c = view.current;
  const inStamp = (r: number, col: number) => c !== null && r >= c.outRow && r < c.outRow + k && col >= c.outCol && col < c.outCol + k;
  return gridPanel({
    title: t.output,
    rows: n,
    cols: n,
    cell,
    text: (r, col) => (view.reached[r]![col]! ? String(view.output[r]![col]!) : ''),
    cellClass: (r, col) => (inStamp(r, col) ? 'is-hot' : view.reached[r]![col]! ? 'is-done' : 'is-empty'),
    outlines: stampOutline(view),
    label: t.outputLabel(n, view.step, STAMP_COUNT),
  });
}

/** Stamps per output cell once all nine are done, as a heat map. */
function overlapPanel(view: StampView, cell: number, t: Words): SVGSVGElement {
  const n = view.outputSize;
  const { min, max } = view.overlapRange;
  return gridPanel({
    title: t.overlaps,
    rows: n,
    cols: n,
    cell,
    text: (r, col) => String(view.overlaps[r]![col]!),
    cellClass: (r, col) => (view.overlaps[r]![col] === 0 ? 'is-zero' : ''),
    cellFill: (r, col) => heatFill(view.overlaps[r]![col]!, Math.max(4, max)),
    outlines: stampOutline(view),
    label: t.overlapsLabel(min, max),
  });
}
