/**
 * Draws the pooling stepper: the input with its 2 × 2 windows (the current one outlined, each
 * handled window's maximum marked), the pooled map, the index map as bits, and a key to the bits.
 */
import { create } from 'd3';
import { messages, type Messages } from '../../i18n';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import { indexBits, type PooledExample } from '../shared/pooled-example';

export interface PoolingRenderOptions {
  cell?: number;
  /** The words drawn (default English). */
  messages?: Messages['poolingStepper'];
}

export function renderPooling(example: PooledExample, step: number, options: PoolingRenderOptions = {}): HTMLElement {
  const cell = options.cell ?? 28;
  const t = options.messages ?? messages('en').poolingStepper;
  const n = example.input.length;
  const m = n / 2;
  const current = step > 0 ? example.windows[step - 1]! : null;
  const done = (r: number, c: number) => r * m + c < step - 1;
  const isCurrent = (r: number, c: number) => current !== null && current.row === r && current.col === c;
  const maxOf = new Map(example.windows.map((w, k) => [`${w.maxRow},${w.maxCol}`, k]));

  const windowOutlines: GridOutline[] = [];
  for (let r = 0; r < m; r++)
    for (let c = 0; c < m; c++) windowOutlines.push({ row: 2 * r, col: 2 * c, rows: 2, cols: 2, className: 'outline-grid' });
  if (current) windowOutlines.push({ row: 2 * current.row, col: 2 * current.col, rows: 2, cols: 2, className: 'outline-current' });

  const pooledClass = (r: number, c: number) => (isCurrent(r, c) ? 'is-hot is-strong' : done(r, c) ? 'is-done' : 'is-empty');
  const reached = (r: number, c: number) => r * m + c < step;

  const root = create('div').attr('class', 'panel-row');
  root.append(() =>
    gridPanel({
      title: t.input,
      rows: n,
      cols: n,
      cell,
      text: (r, c) => String(example.input[r]![c]!),
      cellClass: (r, c) => {
        const k = maxOf.get(`${r},${c}`);
        if (k === undefined || k >= step) return example.input[r]![c] === 0 ? 'is-zero' : '';
        return k === step - 1 ? 'is-hot is-strong' : 'is-done is-strong';
      },
      outlines: windowOutlines,
    }),
  );
  root.append(() =>
    gridPanel({
      title: t.pooled,
      rows: m,
      cols: m,
      cell,
      text: (r, c) => (reached(r, c) ? String(example.pooled[r]![c]!) : ''),
      cellClass: pooledClass,
      outlines: current ? [{ row: current.row, col: current.col, rows: 1, cols: 1, className: 'outline-current' }] : [],
    }),
  );
  root.append(() =>
    gridPanel({
      title: t.indices,
      rows: m,
      cols: m,
      cell,
      text: (r, c) => (reached(r, c) ? indexBits(example.indices[r]![c]!) : ''),
      cellClass: pooledClass,
      outlines: current ? [{ row: current.row, col: current.col, rows: 1, cols: 1, className: 'outline-current' }] : [],
      label: t.indicesLabel(step, m * m),
    }),
  );
  root.append(() => indexKey(24, t));
  return root.node()!;
}

/** The key: which bits name which position of a window. */
export function indexKey(cell: number, t: Messages['poolingStepper'] = messages('en').poolingStepper): SVGSVGElement {
  return gridPanel({
    title: t.bits,
    rows: 2,
    cols: 2,
    cell,
    showSize: false,
    text: (r, c) => indexBits(2 * r + c),
    label: t.keyLabel(t.positions.map((position, index) => [indexBits(index), position])),
    outlines: [{ row: 0, col: 0, rows: 2, cols: 2, className: 'outline-grid' }],
  });
}
