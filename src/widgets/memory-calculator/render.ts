/**
 * Draws the memory calculator: a log-scale bar chart of what each decoder keeps from the
 * encoder, and a table with the exact numbers per decoder.
 */
import { create, scaleLog } from 'd3';
import { messages, type Messages } from '../../i18n';
import { formatBytes, formatCount, formatRelative, type MemoryView } from './memory-bars';

export interface MemoryRenderOptions {
  width?: number;
  /** The words drawn (default English); the view's own words come from memoryView. */
  messages?: Messages['memoryCalculator'];
}

const ENGLISH: Messages['memoryCalculator'] = messages('en').memoryCalculator;

/** Below this width the labels go above the bars instead of beside them (phones). */
export const NARROW_CHART = 520;

/** Where things go: labels beside the bars when wide, above them when narrow. */
function chartLayout(width: number) {
  const narrow = width < NARROW_CHART;
  return narrow
    ? { narrow, row: 74, left: 4, right: 4, labelY: 14, whatY: 14, barY: 22, valueY: 62 }
    : { narrow, row: 46, left: 150, right: 150, labelY: 15, whatY: 31, barY: 6, valueY: 23 };
}

export function renderMemoryChart(view: MemoryView, options: MemoryRenderOptions = {}): SVGSVGElement {
  const width = options.width ?? 640;
  const t = options.messages ?? ENGLISH;
  const L = chartLayout(width);
  const top = 40;
  const height = top + view.bars.length * L.row + 24;
  // One fixed domain from 1 kB to 10 GB, so bars move when the input changes instead of the axis.
  const x = scaleLog([1e3, 1e10], [L.left, width - L.right]).clamp(true);
  const svg = create('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', 'widget-chart')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr(
      'aria-label',
      t.chartLabel(view.bars.map((b) => `${b.label} ${formatBytes(b.bytes)} (${formatRelative(b.relative)})`)),
    );
  svg.append('text').attr('x', 0).attr('y', 14).attr('font-weight', 600).text(L.narrow ? t.chartTitleNarrow : t.chartTitle);

  const axis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${top + view.bars.length * L.row})`);
  const ticks = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
  axis.append('line').attr('class', 'domain').attr('x1', L.left).attr('x2', width - L.right);
  const tick = axis.selectAll('g').data(ticks).join('g').attr('class', 'tick').attr('transform', (t) => `translate(${x(t)},0)`);
  tick.append('line').attr('y1', 0).attr('y2', 5);
  // Narrow: every other tick is named, so the names never collide.
  tick
    .filter((_, i) => !L.narrow || i % 2 === 0)
    .append('text')
    .attr('y', 18)
    .attr('text-anchor', (_, i) => (L.narrow && i === 0 ? 'start' : 'middle'))
    .text((t) => formatBytes(t));
  svg
    .append('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(ticks)
    .join('line')
    .attr('x1', (t) => x(t))
    .attr('x2', (t) => x(t))
    .attr('y1', 30)
    .attr('y2', top + view.bars.length * L.row)
    .attr('stroke', 'var(--color-border)')
    .attr('stroke-dasharray', '2 3');

  const bars = svg
    .append('g')
    .selectAll('g')
    .data(view.bars)
    .join('g')
    .attr('transform', (_, i) => `translate(0,${top + i * L.row})`);
  const label = bars.append('text').attr('x', 0).attr('y', L.labelY).attr('font-weight', 600).text((b) => b.label);
  if (L.narrow) {
    label.append('tspan').attr('class', 'muted').attr('font-weight', 400).text((b) => t.whatAfterLabel(b.what));
  } else {
    bars.append('text').attr('class', 'muted').attr('x', 0).attr('y', L.whatY).attr('font-size', 11).text((b) => b.what);
  }
  bars
    .append('rect')
    .attr('x', L.left)
    .attr('y', L.barY)
    .attr('height', 24)
    .attr('width', (b) => Math.max(1, x(b.bytes) - L.left))
    .attr('fill', (b) => (b.key === 'indices' || b.key === 'held' ? 'var(--color-accent)' : 'color-mix(in srgb, var(--color-focus) 55%, var(--color-surface))'));
  bars
    .append('text')
    .attr('x', (b) => (L.narrow ? L.left : x(b.bytes) + 6))
    .attr('y', L.valueY)
    .text((b) => `${formatBytes(b.bytes)} (${formatRelative(b.relative)})`);
  return svg.node()!;
}

/** The exact numbers, one row per decoder. */
export function renderMemoryTable(view: MemoryView, t: Messages['memoryCalculator'] = ENGLISH): HTMLElement {
  const wrap = create('div').attr('class', 'table-scroll');
  const table = wrap.append('table');
  table.append('caption').text(
    t.tableCaption({
      title: view.title,
      windows: formatCount(view.windows),
      bytes: formatCount(Math.ceil(view.windows / 4)),
      heldBytes: formatCount(view.heldIndexBytes),
    }),
  );
  const head = table.append('thead').append('tr');
  const { columns } = t;
  for (const [text, numeric] of [
    [columns.decoder, false],
    [columns.keeps, false],
    [columns.bytes, true],
    [columns.relative, true],
    [columns.parameters, true],
    [columns.activations, true],
  ] as const) {
    head.append('th').attr('scope', 'col').attr('class', numeric ? 'number' : null).text(text);
  }
  const body = table.append('tbody');
  for (const row of view.rows) {
    const tr = body.append('tr');
    tr.append('th').attr('scope', 'row').text(row.name);
    tr.append('td').text(row.stored);
    tr.append('td').attr('class', 'number').text(formatCount(row.storedBytes));
    tr.append('td').attr('class', 'number').text(row.storedBytes === 0 ? '–' : formatRelative(row.relative));
    tr.append('td').attr('class', 'number').text(formatCount(row.parameters));
    tr.append('td').attr('class', 'number').text(formatBytes(row.activationBytes));
  }
  return wrap.node()!;
}

export function renderMemory(view: MemoryView, options: MemoryRenderOptions = {}): HTMLElement {
  const t = options.messages ?? ENGLISH;
  const root = create('div').attr('class', 'memory-view');
  root.append(() => renderMemoryChart(view, options));
  root
    .append('p')
    .attr('class', 'memory-note')
    .text(t.note(view.keepNothing));
  root.append(() => renderMemoryTable(view, t));
  return root.node()!;
}
