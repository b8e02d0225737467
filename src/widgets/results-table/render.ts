/** Pure renders of the results table: the tables, the note on our numbers, the per-class IoU chart. */
import type * as PlotModule from '@observablehq/plot';
import { PALETTE } from '../../data';
import { pageMessages, type Messages } from '../../i18n';
import { h } from '../shared/dom';
import { asAccessibleImage } from '../shared/accessible-chart';
import type { ResultRun } from '../../data/results-file';
import type { ResultsSource } from './results-source';
import { SCORE_KEYS, type ScoreKey, type SortKey, type TableView } from './table-view';

type Words = Messages['resultsTable'];

function renderTable(table: TableView, sort: SortKey, m: Words): HTMLElement {
  const titles: Record<ScoreKey, string> = m.scoreTitles;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, m.variant),
    ...table.costColumns.map((c) => h('th', { scope: 'col', class: 'number', title: c.description }, c.label)),
    ...SCORE_KEYS.map((k) => h('th', { scope: 'col', class: `number${k === sort ? ' is-sorted' : ''}`, title: titles[k], 'aria-sort': k === sort ? 'descending' : null }, k)),
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
    h('table', { class: 'results', 'data-table': table.id }, h('caption', {}, h('strong', {}, table.title), `${m.captionSeparator}${table.setting}`), h('thead', {}, head), h('tbody', {}, ...rows)),
  );
}

/** Said wherever this site's DeconvNet has numbers (it is not the original's whole network), in the page's language. */
export const DECONVNET_NOTE: string = pageMessages().resultsTable.deconvnetNote;

export function renderResultsTables(tables: readonly TableView[], sort: SortKey, m: Words = pageMessages().resultsTable): HTMLElement {
  return h('div', { class: 'results-tables' }, ...tables.map((t) => renderTable(t, sort, m)));
}

/** The line about this site's own numbers: where they come from, or how to produce them. */
export function renderOursNote(source: ResultsSource, command: string, m: Words = pageMessages().resultsTable): HTMLElement {
  if (source.state === 'measured') {
    const date = source.results.createdAt.slice(0, 10);
    const deconvnet = source.results.runs.some((r) => r.decoder === 'deconvnet') ? ` ${m.deconvnetNote}` : '';
    const note = h('p', { class: 'ours-note' }, `${m.measuredNote(date)}${deconvnet}`);
    const withCommands = source.results.runs.filter((r) => r.commands && r.commands.length > 0);
    if (withCommands.length === 0) return h('div', {}, note, h('p', { class: 'ours-note' }, m.madeWith.before, h('code', {}, source.results.command), m.madeWith.after));
    const list = h(
      'dl',
      { class: 'ours-commands' },
      ...withCommands.flatMap((r) => [h('dt', {}, m.runHeading(r.name, r.dataset, m.split(r.split))), ...r.commands!.map((c) => h('dd', {}, h('code', {}, c)))]),
    );
    return h('div', {}, note, h('details', { class: 'ours-provenance' }, h('summary', {}, m.commandsSummary), list));
  }
  const why = source.state === 'invalid' ? h('span', { class: 'ours-error' }, m.invalid(source.error)) : null;
  return h('p', { class: 'ours-note' }, h('strong', {}, m.notMeasured), why, m.afterTraining.before, h('code', {}, command), m.afterTraining.after);
}

/** Per-class IoU of one run as horizontal bars in the class colours (Observable Plot, loaded lazily). */
export function renderIouChart(Plot: typeof PlotModule, run: ResultRun, width = 640, words: Messages = pageMessages()): SVGSVGElement | HTMLElement {
  const m = words.resultsTable;
  const names = words.classes.names;
  const data = names.map((name, c) => {
    const iou = run.classes[c]?.iou;
    const [r, g, b] = PALETTE[c]!;
    return { name, iou: iou === null || iou === undefined ? NaN : iou * 100, colour: `rgb(${r}, ${g}, ${b})` };
  });
  return asAccessibleImage(Plot.plot({
    width,
    // 12 px text, drawn at the box's width: legible on a phone too (Plot's default is 10 px).
    style: { fontSize: '12px' },
    height: 28 + data.length * 22,
    marginLeft: 88,
    marginRight: 44,
    x: { domain: [0, 100], label: m.chartAxis, grid: true },
    y: { domain: [...names], label: null },
    marks: [
      Plot.barX(data, { x: 'iou', y: 'name', fill: 'colour', stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.text(data, { x: (d: { iou: number }) => (Number.isNaN(d.iou) ? 0 : d.iou), y: 'name', text: (d: { iou: number }) => (Number.isNaN(d.iou) ? m.absent : d.iou.toFixed(1)), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
    ariaLabel: m.chartLabel(run.name, run.dataset, m.split(run.split)),
  }));
}
