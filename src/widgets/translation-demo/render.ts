/**
 * Draws the translation demo: the input and its pooled map, then the shifted input and its
 * pooled map with the values that changed marked. Window maxima are tinted in both inputs.
 */
import { create } from 'd3';
import { pageMessages, type Messages } from '../../i18n';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import type { PooledExample } from '../shared/pooled-example';
import type { ShiftComparison } from './shift-comparison';

export interface TranslationRenderOptions {
  cell?: number;
  /** The words drawn (the page's language by default). */
  messages?: Messages['translationDemo'];
}

function windowLines(n: number): GridOutline[] {
  const out: GridOutline[] = [];
  for (let r = 0; r < n; r += 2) for (let c = 0; c < n; c += 2) out.push({ row: r, col: c, rows: 2, cols: 2, className: 'outline-grid' });
  return out;
}

function inputPanel(title: string, p: PooledExample, cell: number): SVGSVGElement {
  const maxima = new Set(p.windows.map((w) => `${w.maxRow},${w.maxCol}`));
  const n = p.input.length;
  return gridPanel({
    title,
    rows: n,
    cols: n,
    cell,
    text: (r, c) => String(p.input[r]![c]!),
    cellClass: (r, c) => (maxima.has(`${r},${c}`) ? 'is-done is-strong' : p.input[r]![c] === 0 ? 'is-zero' : ''),
    outlines: windowLines(n),
  });
}

export function renderTranslation(v: ShiftComparison, options: TranslationRenderOptions = {}): HTMLElement {
  const cell = options.cell ?? 26;
  const t = options.messages ?? pageMessages().translationDemo;
  const m = v.original.pooled.length;
  const root = create('div').attr('class', 'panel-stack');
  const top = root.append('div').attr('class', 'panel-row');
  top.append(() => inputPanel(t.input, v.original, cell));
  top.append(() =>
    gridPanel({ title: t.pooled, rows: m, cols: m, cell, text: (r, c) => String(v.original.pooled[r]![c]!), cellClass: () => 'is-done' }),
  );
  const bottom = root.append('div').attr('class', 'panel-row');
  bottom.append(() => inputPanel(t.shiftedInput, v.shifted, cell));
  bottom.append(() =>
    gridPanel({
      title: t.pooledAfterShift,
      rows: m,
      cols: m,
      cell,
      text: (r, c) => String(v.shifted.pooled[r]![c]!),
      cellClass: (r, c) => (v.changed[r]![c] ? 'is-hot is-strong' : 'is-done'),
      label: t.pooledAfterShiftLabel(`${m} × ${m}`, v.total - v.unchanged, v.total),
    }),
  );
  return root.node()!;
}
