/**
 * Draws the checkerboard demo: the input, then for each method its output and its taps per
 * pixel as heat maps, the square away from the border outlined (the caption measures there).
 */
import { pageMessages, type Messages } from '../../i18n';
import { h } from '../shared/dom';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import { heatFill } from '../shared/heat';
import type { CheckerboardView } from './checkerboard';
import type { Rows } from './upsampling';

export interface CheckerboardRenderOptions {
  /** The words drawn (the page's language by default). */
  messages?: Messages['checkerboardDemo'];
}

type Words = Messages['checkerboardDemo'];

/** Width of an output's cells in SVG units: 18 × 18 outputs stay inside a phone's width. */
const OUTPUT_WIDTH = 216;
/** Cells at least this wide show their number: narrower ones would print it below 10 px. */
const NUMBER_CELL = 22;

const short = (v: number): string => String(Math.round(v * 100) / 100);

function range(grid: Rows): { min: number; max: number } {
  const values = grid.flat();
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** A heat map of a grid from 0 (page background) to its own largest value. */
function heatPanel(title: string, grid: Rows, cell: number, outline: GridOutline[], numbers: boolean, t: Words): SVGSVGElement {
  const { min, max } = range(grid);
  const side = grid.length;
  return gridPanel({
    title,
    rows: side,
    cols: side,
    cell,
    text: numbers ? (r, c) => short(grid[r]![c]!) : undefined,
    cellClass: (r, c) => (grid[r]![c] === 0 ? 'is-zero' : ''),
    cellFill: (r, c) => heatFill(grid[r]![c]!, max),
    outlines: outline,
    tickEvery: side > 12 ? 3 : 1,
    label: t.mapLabel(title, side, short(min), short(max)),
  });
}

export function renderCheckerboard(view: CheckerboardView, options: CheckerboardRenderOptions = {}): HTMLElement {
  const t = options.messages ?? pageMessages().checkerboardDemo;
  const { kernel: k, stride: s, method } = view.state;
  const side = view.transposed.output.length;
  const cell = Math.max(11, Math.min(24, Math.floor(OUTPUT_WIDTH / side)));
  const numbers = cell >= NUMBER_CELL;
  const n = view.inside.end - view.inside.start + 1;
  const outline: GridOutline[] = n > 0 ? [{ row: view.inside.start, col: view.inside.start, rows: n, cols: n, className: 'outline-current' }] : [];
  const inputPanel = gridPanel({
    title: t.input,
    rows: view.input.length,
    cols: view.input.length,
    cell: 24,
    text: (r, c) => short(view.input[r]![c]!),
    cellFill: (r, c) => heatFill(view.input[r]![c]!, 2),
  });
  const group = (heading: string, ...panels: SVGSVGElement[]) =>
    h('div', { class: 'checkerboard-group' }, h('p', { class: 'checkerboard-heading' }, heading), h('div', { class: 'panel-row' }, ...panels));
  return h(
    'div',
    { class: 'panel-stack' },
    h('div', { class: 'panel-row' }, inputPanel),
    group(
      t.transposedGroup(k, s),
      heatPanel(t.transposedOutput, view.transposed.output, cell, outline, false, t),
      heatPanel(t.transposedTaps, view.transposed.taps, cell, outline, numbers, t),
    ),
    group(
      t.resizedGroup(method, s, k),
      heatPanel(t.resizedOutput(method), view.resized.output, cell, outline, false, t),
      heatPanel(t.resizedTaps, view.resized.taps, cell, outline, numbers, t),
    ),
  );
}
