/**
 * A labelled grid of cells drawn as SVG: a title with the grid's size, row indices down the
 * left, column indices along the top, an optional number in every cell, and outlines drawn
 * over the cells (a pooling window, a stamped region). Every widget that shows a feature map
 * draws it with this, so grids look and read the same across chapters.
 */
import { create, type Selection } from 'd3';

export interface GridOutline {
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** CSS class: 'outline-current' (the step's region) or 'outline-soft'. */
  className: string;
}

export interface GridPanelSpec {
  /** Panel title; the size "(rows × cols)" is appended. */
  title: string;
  rows: number;
  cols: number;
  /** Cell side in SVG units. */
  cell: number;
  /** Text in a cell; empty for none. */
  text?: (row: number, col: number) => string;
  /** Extra CSS classes of a cell (for example 'is-max', 'is-empty'). */
  cellClass?: (row: number, col: number) => string;
  /** Inline fill of a cell, for heat maps (a CSS colour, may use custom properties). */
  cellFill?: (row: number, col: number) => string | undefined;
  outlines?: readonly GridOutline[];
  /** Rows and columns of space to reserve, so the panel keeps its size as the grid changes. */
  reserve?: { rows: number; cols: number };
  /** Label every n-th row and column index (1: all). */
  tickEvery?: number;
  /** Accessible name of the whole panel; defaults to the title and size. */
  label?: string;
  /** Append "(rows × cols)" to the title (default true). */
  showSize?: boolean;
}

/** Space around the cells: title and column indices above, row indices to the left. */
export const PANEL_MARGIN = { top: 36, left: 24, right: 4, bottom: 4 } as const;

/** Generous width of one character of a 13 px semibold title, so titles never overflow the panel. */
const TITLE_CHAR_WIDTH = 7.6;

/** Width and height of a panel's SVG. */
export function panelSize(
  spec: Pick<GridPanelSpec, 'rows' | 'cols' | 'cell' | 'reserve'>,
  title = '',
): { width: number; height: number } {
  const rows = Math.max(spec.rows, spec.reserve?.rows ?? 0);
  const cols = Math.max(spec.cols, spec.reserve?.cols ?? 0);
  return {
    width: Math.max(PANEL_MARGIN.left + cols * spec.cell + PANEL_MARGIN.right, Math.ceil(title.length * TITLE_CHAR_WIDTH)),
    height: PANEL_MARGIN.top + rows * spec.cell + PANEL_MARGIN.bottom,
  };
}

/** "Input (8 × 8)" */
export function sizedTitle(title: string, rows: number, cols: number): string {
  return `${title} (${rows} × ${cols})`;
}

type Svg = Selection<SVGSVGElement, undefined, null, undefined>;
type Layer = Selection<SVGGElement, undefined, null, undefined>;

/** Draws the panel as a standalone, scalable `<svg role="img">`. */
export function gridPanel(spec: GridPanelSpec): SVGSVGElement {
  const title = spec.showSize === false ? spec.title : sizedTitle(spec.title, spec.rows, spec.cols);
  const { width, height } = panelSize(spec, title);
  const svg = create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', 'grid-panel')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', spec.label ?? title);
  svg.append('text').attr('class', 'panel-title').attr('x', 0).attr('y', 14).text(title);
  drawTicks(svg, spec);
  const cells = svg.append('g').attr('class', 'cells').attr('transform', `translate(${PANEL_MARGIN.left},${PANEL_MARGIN.top})`);
  drawCells(cells, spec);
  drawOutlines(cells, spec);
  return svg.node()!;
}

/** Column indices along the top and row indices down the left, every `tickEvery`-th. */
function drawTicks(svg: Svg, { rows, cols, cell, tickEvery = 1 }: GridPanelSpec): void {
  const ticks = (n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % tickEvery === 0);
  svg
    .append('g')
    .attr('class', 'axis-ticks')
    .selectAll('text')
    .data(ticks(cols))
    .join('text')
    .attr('x', (c) => PANEL_MARGIN.left + (c + 0.5) * cell)
    .attr('y', PANEL_MARGIN.top - 6)
    .attr('text-anchor', 'middle')
    .text((c) => String(c));
  svg
    .append('g')
    .attr('class', 'axis-ticks')
    .selectAll('text')
    .data(ticks(rows))
    .join('text')
    .attr('x', PANEL_MARGIN.left - 6)
    .attr('y', (r) => PANEL_MARGIN.top + (r + 0.5) * cell)
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'central')
    .text((r) => String(r));
}

/** One `<g class="cell ...">` per cell: a square, and its number when there is one. */
function drawCells(layer: Layer, spec: GridPanelSpec): void {
  const { rows, cols, cell, text } = spec;
  const indices = Array.from({ length: rows * cols }, (_, i) => [Math.floor(i / cols), i % cols] as const);
  const g = layer
    .selectAll('g')
    .data(indices)
    .join('g')
    .attr('class', ([r, c]) => ['cell', spec.cellClass?.(r, c) ?? ''].join(' ').trim())
    .attr('transform', ([r, c]) => `translate(${c * cell},${r * cell})`);
  g.append('rect')
    .attr('width', cell)
    .attr('height', cell)
    .attr('style', ([r, c]) => {
      const fill = spec.cellFill?.(r, c);
      return fill ? `fill: ${fill}` : null;
    });
  if (!text) return;
  g.filter(([r, c]) => text(r, c) !== '')
    .append('text')
    .attr('x', cell / 2)
    .attr('y', cell / 2)
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'central')
    .attr('font-size', ([r, c]) => cellFontSize(cell, text(r, c).length))
    .text(([r, c]) => text(r, c));
}

function drawOutlines(layer: Layer, { outlines = [], cell }: GridPanelSpec): void {
  layer
    .append('g')
    .attr('class', 'outlines')
    .selectAll('rect')
    .data(outlines)
    .join('rect')
    .attr('class', (o) => o.className)
    .attr('x', (o) => o.col * cell)
    .attr('y', (o) => o.row * cell)
    .attr('width', (o) => o.cols * cell)
    .attr('height', (o) => o.rows * cell);
}

/** Font size that fits `chars` monospace characters (about 0.62 em wide each) into a cell. */
export function cellFontSize(cell: number, chars: number): number {
  return Math.round(Math.min(14, cell * 0.46, (cell - 5) / (0.62 * Math.max(1, chars))) * 10) / 10;
}
