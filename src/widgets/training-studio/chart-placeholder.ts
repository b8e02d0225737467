/**
 * What a studio chart shows before it has data: its frame, its axes named with their units,
 * their fixed ticks where the scale is known in advance (percentages, the class names), and one
 * line saying when the chart fills in. The reader sees what each chart will show, not a blank box.
 */
import { h } from '../shared/dom';
import { pageMessages, type Messages } from '../../i18n';

/** The studio's four charts, by the `data-part` of their boxes. */
export const CHART_KINDS = ['loss', 'iou', 'classes', 'confusion'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** An empty chart as plain words: axis names, ticks (y top to bottom, x left to right), the note. */
export interface ChartPlaceholderView {
  kind: ChartKind;
  x: string;
  y: string;
  xTicks: string[];
  yTicks: string[];
  note: string;
}

/** The words of an empty chart of `kind` in the language of `m`. */
export function chartPlaceholderView(kind: ChartKind, m: Messages = pageMessages()): ChartPlaceholderView {
  const w = m.trainingStudio.charts;
  const step = m.controls.stepAxis;
  const percent = ['100', '0'];
  switch (kind) {
    case 'loss':
      return { kind, x: step, y: w.loss, xTicks: [], yTicks: [], note: w.lossEmpty };
    case 'iou':
      return { kind, x: step, y: w.iouAxis, xTicks: [], yTicks: percent, note: w.iouEmpty };
    case 'classes':
      return { kind, x: w.classAxis, y: w.classes, xTicks: [...percent].reverse(), yTicks: [...m.classes.names], note: w.classEmpty };
    case 'confusion':
      return { kind, x: w.predicted, y: w.trueClass, xTicks: [], yTicks: [], note: w.confusionEmpty };
  }
}

/**
 * The empty chart as one labelled image: a framed plot area (its left and bottom edges are the
 * axes) with the note inside, the y axis's name and ticks on its left, the x axis's below.
 */
export function renderChartPlaceholder(view: ChartPlaceholderView, m: Messages = pageMessages()): HTMLElement {
  const ticks = (values: readonly string[], axis: 'x' | 'y') =>
    h('div', { class: `chart-placeholder-ticks is-${axis}` }, ...values.map((v) => h('span', {}, v)));
  return h(
    'div',
    {
      class: `chart-placeholder is-${view.kind}`,
      role: 'img',
      'aria-label': m.trainingStudio.charts.placeholder(view.y, view.x, view.note),
      'data-placeholder': view.kind,
    },
    h('span', { class: 'chart-placeholder-y' }, view.y),
    ticks(view.yTicks, 'y'),
    h('div', { class: 'chart-placeholder-area' }, h('p', { class: 'studio-chart-empty' }, view.note)),
    ticks(view.xTicks, 'x'),
    h('span', { class: 'chart-placeholder-x' }, view.x),
  );
}
