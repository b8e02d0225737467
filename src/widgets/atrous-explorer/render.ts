/**
 * Draws the atrous explorer: the input cells one dilated kernel touches (tap numbers, 0 for the
 * skipped cells, as in the classic figure) and a strip chart of how far a stack of dilated
 * layers sees along one row, next to the same stack at rate 1.
 */
import { create } from 'd3';
import { messages, type Messages } from '../../i18n';
import { gridPanel } from '../shared/grid-panel';
import type { StackLayer, StackView, TapView } from './dilated-taps';

export interface AtrousRenderOptions {
  /** Side of the taps panel's drawing area in SVG units. */
  box?: number;
  /** Width of the strip chart. */
  width?: number;
  /** The words drawn (default English). */
  messages?: Messages['atrousExplorer'];
}

type Words = Messages['atrousExplorer'];
const ENGLISH: Words = messages('en').atrousExplorer;

export function renderTaps(v: TapView, box = 300, t: Words = ENGLISH): SVGSVGElement {
  const side = v.extent + 2;
  const cell = Math.min(40, Math.floor(box / side));
  const inExtent = (r: number, c: number) => r >= 1 && c >= 1 && r <= v.extent && c <= v.extent;
  const tap = (r: number, c: number) => v.taps[r - 1]![c - 1]!;
  return gridPanel({
    title: t.tapsTitle(v.kernel, v.rate, v.extent),
    showSize: false,
    rows: side,
    cols: side,
    cell,
    tickEvery: cell < 18 ? 5 : 1,
    text: (r, c) => (cell < 15 || !inExtent(r, c) ? '' : String(tap(r, c))),
    // Small cells carry no numbers, so the touched ones get a solid mark instead of a tint.
    cellClass: (r, c) => (!inExtent(r, c) ? 'is-empty' : tap(r, c) === 0 ? 'is-zero' : cell < 15 ? 'is-mark' : 'is-hot is-strong'),
    outlines: [{ row: 1, col: 1, rows: v.extent, cols: v.extent, className: 'outline-current' }],
    label: t.tapsLabel(v.kernel, v.rate, v.extent),
  });
}

/** Below this width each row's words go above its strip instead of beside it (phones). */
export const NARROW_STRIP = 520;

/** Row geometry: words beside the strip when wide, above it when narrow. */
function stripLayout(width: number) {
  return width < NARROW_STRIP
    ? { narrow: true, row: 44, left: 0, right: 0, textY: 12, barY: 18, barH: 20 }
    : { narrow: false, row: 30, left: 128, right: 138, textY: 19, barY: 4, barH: 20 };
}

export function renderStack(v: StackView, width = 640, t: Words = ENGLISH): SVGSVGElement {
  const rows: { label: string; layer: StackLayer; baseline: boolean }[] = [
    ...v.layers.slice(1).map((layer) => ({ label: t.layerRow(layer.depth, layer.rate), layer, baseline: false })),
    { label: t.baselineRow, layer: v.baseline[v.baseline.length - 1]!, baseline: true },
  ];
  const L = stripLayout(width);
  const cellW = (width - L.left - L.right) / v.positions;
  const height = 34 + rows.length * L.row + 8;
  const reach = (d: (typeof rows)[number]) => t.reach(d.layer.span, d.layer.touched < d.layer.span ? d.layer.touched : undefined);
  const svg = create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', 'widget-chart')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', t.stackLabel(rows.map((r) => t.labelled(r.label, t.pixels(r.layer.span)))));
  svg.append('text').attr('x', 0).attr('y', 14).attr('font-weight', 600).text(L.narrow ? t.stackTitleNarrow : t.stackTitle);
  const centreX = L.left + ((v.positions - 1) / 2 + 0.5) * cellW;
  svg
    .append('path')
    .attr('d', `M${centreX - 5},22 L${centreX + 5},22 L${centreX},29 Z`)
    .attr('fill', 'var(--color-fg)');
  const g = svg
    .append('g')
    .selectAll('g')
    .data(rows)
    .join('g')
    .attr('transform', (_, i) => `translate(0,${34 + i * L.row})`);
  g.append('text')
    .attr('x', 0)
    .attr('y', L.textY)
    .attr('class', (d) => (d.baseline ? 'muted' : null))
    .text((d) => (L.narrow ? t.labelled(d.label, reach(d)) : d.label));
  g.append('rect')
    .attr('x', L.left)
    .attr('y', L.barY)
    .attr('width', v.positions * cellW)
    .attr('height', L.barH)
    .attr('fill', 'var(--color-bg)')
    .attr('stroke', 'var(--color-border)');
  g.append('g')
    .selectAll('rect')
    .data((d) => d.layer.reached.flatMap((on, i) => (on ? [{ i, baseline: d.baseline }] : [])))
    .join('rect')
    .attr('x', (d) => L.left + d.i * cellW)
    .attr('y', L.barY)
    .attr('width', Math.max(1, cellW - 0.5))
    .attr('height', L.barH)
    .attr('fill', (d) => (d.baseline ? 'var(--color-muted)' : 'var(--color-accent)'));
  if (!L.narrow) {
    g.append('text')
      .attr('x', width - L.right + 8)
      .attr('y', L.textY)
      .attr('class', (d) => (d.baseline ? 'muted' : null))
      .text(reach);
  }
  return svg.node()!;
}

export function renderAtrous(taps: TapView, stack: StackView, options: AtrousRenderOptions = {}): HTMLElement {
  const root = create('div').attr('class', 'panel-stack');
  const t = options.messages ?? ENGLISH;
  root.append(() => renderTaps(taps, options.box, t));
  root.append(() => renderStack(stack, options.width, t));
  return root.node()!;
}
