/** Pure render of the boundary-F1 illustration: recall and precision panels, legend and scores. */
import { h, pixelCanvas } from '../shared/dom';
import { BOUNDARY_COLOURS, type BoundaryView } from './boundary-view';

const css = (c: readonly number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function panel(title: string, rgba: Uint8ClampedArray, view: BoundaryView, label: string): HTMLElement {
  return h('figure', { class: 'bf-panel' }, h('figcaption', {}, title), pixelCanvas(rgba, view.width, view.height, label));
}

export function renderBoundaryView(view: BoundaryView): HTMLElement {
  const theta = `θ = ${view.tolerancePx.toFixed(2)} px`;
  return h(
    'div',
    { class: 'bf-view' },
    h(
      'div',
      { class: 'bf-panels' },
      panel('True boundaries: recalled or missed', view.recallRgba, view, `True boundaries of ${view.subject}, coloured by whether a predicted boundary lies within ${theta}`),
      panel('Predicted boundaries: within θ or not', view.precisionRgba, view, `Predicted boundaries of ${view.subject}, coloured by whether they lie within ${theta} of a true one`),
    ),
    h(
      'ul',
      { class: 'widget-legend bf-legend' },
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.matched)}`, 'aria-hidden': 'true' }), 'within θ of the other map’s boundary'),
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.unmatched)}`, 'aria-hidden': 'true' }), 'farther than θ'),
      h('li', {}, h('span', { class: 'swatch', style: `background: ${css(BOUNDARY_COLOURS.band)}`, 'aria-hidden': 'true' }), `tolerance band: within ${theta} of a true boundary`),
    ),
    view.present
      ? h('dl', { class: 'bf-scores' }, ...view.scores.flatMap((s) => [h('dt', {}, s.label), h('dd', {}, s.value)]))
      : h('p', { class: 'bf-absent' }, `${view.subject} appears in neither map of this frame.`),
  );
}
