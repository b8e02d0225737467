/**
 * Draws the unpooling stepper: the pooled values and their index bits with the filter on
 * top; below, the sparse map filling up as values are placed and the dense map after the
 * 3 × 3 convolution.
 */
import { create } from 'd3';
import { messages, type Messages } from '../../i18n';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import { heatFill } from '../shared/heat';
import { indexBits } from '../shared/pooled-example';
import { DENSIFY_DIVISOR, DENSIFY_WEIGHTS, formatValue, type UnpoolingView } from './unpooling-steps';

export interface UnpoolingRenderOptions {
  cell?: number;
  /** The words drawn (default English). */
  messages?: Messages['unpoolingStepper'];
}

type Words = Messages['unpoolingStepper'];

export function renderUnpooling(v: UnpoolingView, options: UnpoolingRenderOptions = {}): HTMLElement {
  const cell = options.cell ?? 28;
  const t = options.messages ?? messages('en').unpoolingStepper;
  const root = create('div').attr('class', 'panel-stack');
  const top = root.append('div').attr('class', 'panel-row');
  for (const panel of encoderPanels(v, cell, t)) top.append(() => panel);
  top.append(() => filterPanel(v, cell, t));
  const bottom = root.append('div').attr('class', 'panel-row');
  bottom.append(() => sparsePanel(v, cell, t));
  bottom.append(() => densePanel(v, cell, t));
  return root.node()!;
}

/** The pooled values and indices the encoder handed over, the current one marked. */
function encoderPanels(v: UnpoolingView, cell: number, t: Words): SVGSVGElement[] {
  const m = v.size / 2;
  const cur = v.current;
  const cellClass = (r: number, c: number) =>
    cur && cur.row === r && cur.col === c ? 'is-hot is-strong' : r * m + c < v.placed ? 'is-done' : '';
  const outlines: GridOutline[] = cur ? [{ row: cur.row, col: cur.col, rows: 1, cols: 1, className: 'outline-current' }] : [];
  return [
    gridPanel({ title: t.pooled, rows: m, cols: m, cell, text: (r, c) => String(v.example.pooled[r]![c]!), cellClass, outlines }),
    gridPanel({
      title: t.indices,
      rows: m,
      cols: m,
      cell,
      text: (r, c) => indexBits(v.example.indices[r]![c]!),
      cellClass,
      outlines,
      label: t.indicesLabel(m),
    }),
  ];
}

function filterPanel(v: UnpoolingView, cell: number, t: Words): SVGSVGElement {
  return gridPanel({
    title: t.filter(DENSIFY_DIVISOR),
    rows: 3,
    cols: 3,
    cell,
    showSize: false,
    text: (r, c) => String(DENSIFY_WEIGHTS[r]![c]!),
    cellClass: () => (v.dense ? 'is-done' : ''),
    label: t.filterLabel({ centre: DENSIFY_WEIGHTS[1]![1]!, side: DENSIFY_WEIGHTS[0]![1]!, corner: DENSIFY_WEIGHTS[0]![0]!, divisor: DENSIFY_DIVISOR }),
  });
}

/** The unpooled map: placed maxima in bold, known zeros muted, windows not reached yet blank. */
function sparsePanel(v: UnpoolingView, cell: number, t: Words): SVGSVGElement {
  const n = v.size;
  const m = n / 2;
  const cur = v.current;
  const outlines: GridOutline[] = [];
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) outlines.push({ row: 2 * r, col: 2 * c, rows: 2, cols: 2, className: 'outline-grid' });
  if (cur) outlines.push({ row: 2 * cur.row, col: 2 * cur.col, rows: 2, cols: 2, className: 'outline-current' });
  const reached = (r: number, c: number) => (r >> 1) * m + (c >> 1) < v.placed;
  return gridPanel({
    title: t.sparse,
    rows: n,
    cols: n,
    cell,
    text: (r, c) => (reached(r, c) ? String(v.sparse[r]![c]!) : ''),
    cellClass: (r, c) => {
      if (cur && cur.maxRow === r && cur.maxCol === c) return 'is-hot is-strong';
      if (v.isPlaced[r]![c]) return 'is-done is-strong';
      return reached(r, c) ? 'is-zero' : 'is-empty';
    },
    outlines,
    label: t.sparseLabel(n, v.placed, m * m),
  });
}

/** The convolved map as a heat map, empty until the last step. */
function densePanel(v: UnpoolingView, cell: number, t: Words): SVGSVGElement {
  const n = v.size;
  const dense = v.dense;
  const top = dense ? Math.max(...dense.flat()) : 1;
  return gridPanel({
    title: t.dense,
    rows: n,
    cols: n,
    cell,
    text: (r, c) => (dense ? formatValue(dense[r]![c]!) : ''),
    cellClass: (r, c) => (!dense ? 'is-empty' : v.isPlaced[r]![c] ? 'is-strong' : dense[r]![c] === 0 ? 'is-zero' : ''),
    cellFill: (r, c) => (dense ? heatFill(dense[r]![c]!, top) : undefined),
    label: dense ? t.denseLabel(n) : t.densePending(n),
  });
}
