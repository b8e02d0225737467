/** Pure render of the boundary-F1 illustration: recall and precision panels, legend and scores. */
import { pageMessages, type Messages } from '../../i18n';
import { h, pixelCanvas } from '../shared/dom';
import { BOUNDARY_COLOURS, type BoundaryView } from './boundary-view';

const css = (c: readonly number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function panel(title: string, rgba: Uint8ClampedArray, view: BoundaryView, label: string): HTMLElement {
  return h('figure', { class: 'bf-panel' }, h('figcaption', {}, title), pixelCanvas(rgba, view.width, view.height, label));
}

export function renderBoundaryView(view: BoundaryView, m: Messages['boundaryF1'] = pageMessages().boundaryF1): HTMLElement {
  const theta = `θ = ${view.tolerancePx.toFixed(2)} px`;
  return h(
    'div',
    { class: 'bf-view' },
    h(
      'div',
      { class: 'bf-panels' },
      panel(m.recallTitle, view.recallRgba, view, m.recallLabel(view.subject, theta)),
      panel(m.precisionTitle, view.precisionRgba, view, m.precisionLabel(view.subject, theta)),
    ),
    h(
      'ul',
      { class: 'widget-legend bf-legend' },
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.matched)}`, 'aria-hidden': 'true' }), m.legendMatched),
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.unmatched)}`, 'aria-hidden': 'true' }), m.legendUnmatched),
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.band)}`, 'aria-hidden': 'true' }), m.legendBand(theta)),
    ),
    view.present
      ? h('dl', { class: 'bf-scores' }, ...view.scores.flatMap((s) => [h('dt', {}, s.label), h('dd', {}, s.value)]))
      : h('p', { class: 'bf-absent' }, m.absent(view.subject)),
  );
}
