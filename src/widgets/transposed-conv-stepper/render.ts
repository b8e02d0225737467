/**
 * Draws the transposed-convolution stepper: the 3 × 3 input and the kernel on top; below, the
 * output as it builds up (the step's stamp outlined) and the overlap counts as a heat map.
 */
import { create } from 'd3';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import { heatFill } from '../shared/heat';
import type { StampView } from './stamps';

export interface TransposedConvRenderOptions {
  /** Cell side in SVG units. */
  cell?: number;
}

export function renderTransposedConv(view: StampView, options: TransposedConvRenderOptions = {}): HTMLElement {
  const cell = options.cell ?? 26;
  const root = create('div').attr('class', 'panel-stack');
  const top = root.append('div').attr('class', 'panel-row');
  top.append(() => inputPanel(view, cell));
  top.append(() => kernelPanel(view, cell));
  const bottom = root.append('div').attr('class', 'panel-row');
  bottom.append(() => outputPanel(view, cell));
  bottom.append(() => overlapPanel(view, cell));
  return root.node()!;
}

/** The current stamp's block of the output. */
function stampOutline(view: StampView): GridOutline[] {
  const c = view.current;
  const k = view.kernel.length;
  return c ? [{ row: c.outRow, col: c.outCol, rows: k, cols: k, className: 'outline-current' }] : [];
}

function inputPanel(view: StampView, cell: number): SVGSVGElement {
  const c = view.current;
  return gridPanel({
    title: 'Input',
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

function kernelPanel(view: StampView, cell: number): SVGSVGElement {
  const k = view.kernel.length;
  return gridPanel({ title: 'Kernel of ones', rows: k, cols: k, cell, text: () => '1', label: `Kernel (${k} × ${k}), every weight 1` });
}

/** The output so far: the current stamp hot, cells reached earlier tinted, the rest blank. */
function outputPanel(view: StampView, cell: number): SVGSVGElement {
  const n = view.outputSize;
  const k = view.kernel.length;
  const c = view.current;
  const inStamp = (r: number, col: number) => c !== null && r >= c.outRow && r < c.outRow + k && col >= c.outCol && col < c.outCol + k;
  return gridPanel({
    title: 'Output',
    rows: n,
    cols: n,
    cell,
    text: (r, col) => (view.reached[r]![col]! ? String(view.output[r]![col]!) : ''),
    cellClass: (r, col) => (inStamp(r, col) ? 'is-hot' : view.reached[r]![col]! ? 'is-done' : 'is-empty'),
    outlines: stampOutline(view),
    label: `Output (${n} × ${n}) after ${view.step} of 9 stamps`,
  });
}

/** Stamps per output cell once all nine are done, as a heat map. */
function overlapPanel(view: StampView, cell: number): SVGSVGElement {
  const n = view.outputSize;
  const { min, max } = view.overlapRange;
  return gridPanel({
    title: 'Stamps per cell',
    rows: n,
    cols: n,
    cell,
    text: (r, col) => String(view.overlaps[r]![col]!),
    cellClass: (r, col) => (view.overlaps[r]![col] === 0 ? 'is-zero' : ''),
    cellFill: (r, col) => heatFill(view.overlaps[r]![col]!, Math.max(4, max)),
    outlines: stampOutline(view),
    label: `Stamps per output cell once all nine are done, from ${min} to ${max}`,
  });
}
