/** Pure renders of the results table: the tables, the note on our numbers, the per-class IoU chart. */
import type * as PlotModule from '@observablehq/plot';
import { CLASS_NAMES, PALETTE } from '../../data';
import { h } from '../shared/dom';
import { asAccessibleImage } from '../shared/accessible-chart';
import type { ResultRun } from '../../data/results-file';
import type { ResultsSource } from './results-source';
import { SCORE_KEYS, type ScoreKey, type SortKey, type TableView } from './table-view';

const SCORE_TITLES: Record<ScoreKey, string> = {
  G: 'global accuracy',
  C: 'class-average accuracy',
  mIoU: 'mean intersection over union',
  BF: 'boundary F1',
};

function renderTable(table: TableView, sort: SortKey): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Variant'),
    ...table.costColumns.map((c) => h('th', { scope: 'col', class: 'number', title: c.description }, c.label)),
    ...SCORE_KEYS.map((k) => h('th', { scope: 'col', class: `number${k === sort ? ' is-sorted' : ''}`, title: SCORE_TITLES[k], 'aria-sort': k === sort ? 'descending' : null }, k)),
  );
  const rows = table.rows.map((row) =>
    h(
      'tr',
      { class: `row-${row.kind}` },
      h('th', { scope: 'row' }, row.label, row.detail ? h('span', { class: 'row-detail' }, row.detail) : null),
      ...row.costs.map((c) => h('td', { class: 'number' }, c)),
      ...SCORE_KEYS.map((k) => h('td', { class: `number${k === sort ? ' is-sorted' : ''}` }, row.scores[k])),
    ),
  );
  return h(
    'div',
    { class: 'table-scroll' },
    h('table', { class: 'results', 'data-table': table.id }, h('caption', {}, h('strong', {}, table.title), `: ${table.setting}`), h('thead', {}, head), h('tbody', {}, ...rows)),
  );
}

export function renderResultsTables(tables: readonly TableView[], sort: SortKey): HTMLElement {
  return h('div', { class: 'results-tables' }, ...tables.map((t) => renderTable(t, sort)));
}

/** The line about this site's own numbers: where they come from, or how to produce them. */
export function renderOursNote(source: ResultsSource, command: string): HTMLElement {
  if (source.state === 'measured') {
    const date = source.results.createdAt.slice(0, 10);
    const note = h('p', { class: 'ours-note' }, `Rows marked “this site” were measured on ${date}. They come from our own small models and data, so they show trends, not the paper’s numbers.`);
    const withCommands = source.results.runs.filter((r) => r.commands && r.commands.length > 0);
    if (withCommands.length === 0) return h('div', {}, note, h('p', { class: 'ours-note' }, 'Made with ', h('code', {}, source.results.command), '.'));
    const list = h(
      'dl',
      { class: 'ours-commands' },
      ...withCommands.flatMap((r) => [h('dt', {}, `${r.name} (${r.dataset} ${r.split})`), ...r.commands!.map((c) => h('dd', {}, h('code', {}, c)))]),
    );
    return h('div', {}, note, h('details', { class: 'ours-provenance' }, h('summary', {}, 'The commands that reproduce each of our rows'), list));
  }
  const why = source.state === 'invalid' ? h('span', { class: 'ours-error' }, ` (public/models/results.json could not be read: ${source.error})`) : null;
  return h('p', { class: 'ours-note' }, h('strong', {}, 'Our numbers: not measured yet'), why, '. After training, ', h('code', {}, command), ' writes them; rebuild the site to see them here.');
}

/** Per-class IoU of one run as horizontal bars in the class colours (Observable Plot, loaded lazily). */
export function renderIouChart(Plot: typeof PlotModule, run: ResultRun, width = 640): SVGSVGElement | HTMLElement {
  const data = CLASS_NAMES.map((name, c) => {
    const iou = run.classes[c]?.iou;
    const [r, g, b] = PALETTE[c]!;
    return { name, iou: iou === null || iou === undefined ? NaN : iou * 100, colour: `rgb(${r}, ${g}, ${b})` };
  });
  return asAccessibleImage(Plot.plot({
    width,
    height: 28 + data.length * 22,
    marginLeft: 88,
    marginRight: 44,
    x: { domain: [0, 100], label: 'IoU (%)', grid: true },
    y: { domain: [...CLASS_NAMES], label: null },
    marks: [
      Plot.barX(data, { x: 'iou', y: 'name', fill: 'colour', stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.text(data, { x: (d: { iou: number }) => (Number.isNaN(d.iou) ? 0 : d.iou), y: 'name', text: (d: { iou: number }) => (Number.isNaN(d.iou) ? 'absent' : d.iou.toFixed(1)), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
    ariaLabel: `Per-class IoU of ${run.name} on ${run.dataset} ${run.split}`,
  }));
}
