/**
 * Pure render of the boundary-F1 illustration: the recall and precision panels, each with its
 * own number under it, the legend, then what the two numbers combine into.
 */
import { pageMessages, type Messages } from '../../i18n';
import { h, pixelCanvas } from '../shared/dom';
import { BOUNDARY_COLOURS, type BoundaryScore, type BoundaryView } from './boundary-view';

const css = (c: readonly number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

const scoreList = (scores: readonly BoundaryScore[], className: string): HTMLElement =>
  h('dl', { class: className }, ...scores.flatMap((s) => [h('dt', {}, s.label), h('dd', {}, s.value)]));

function panel(title: string, rgba: Uint8ClampedArray, view: BoundaryView, label: string, score: BoundaryScore): HTMLElement {
  return h(
    'figure',
    { class: 'bf-panel' },
    h('figcaption', {}, title),
    pixelCanvas(rgba, view.width, view.height, label),
    view.present ? scoreList([score], 'bf-scores bf-panel-score') : null,
  );
}

export function renderBoundaryView(view: BoundaryView, m: Messages['boundaryF1'] = pageMessages().boundaryF1): HTMLElement {
  const theta = `θ = ${view.tolerancePx.toFixed(2)} px`;
  return h(
    'div',
    { class: 'bf-view' },
    h(
      'div',
      { class: 'bf-panels' },
      panel(m.recallTitle, view.recallRgba, view, m.recallLabel(view.subject, theta), view.recallScore),
      panel(m.precisionTitle, view.precisionRgba, view, m.precisionLabel(view.subject, theta), view.precisionScore),
    ),
    h(
      'ul',
      { class: 'widget-legend bf-legend' },
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.matched)}`, 'aria-hidden': 'true' }), m.legendMatched),
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.unmatched)}`, 'aria-hidden': 'true' }), m.legendUnmatched),
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.band)}`, 'aria-hidden': 'true' }), m.legendBand(theta)),
    ),
    view.present
      ? scoreList(view.scores, 'bf-scores')
      : h('p', { class: 'bf-absent' }, m.absent(view.subject)),
  );
}
