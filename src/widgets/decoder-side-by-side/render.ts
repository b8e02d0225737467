/** Pure renders of the decoder side-by-side: the heat maps with their scores, and the colour bar. */
import { format } from 'd3-format';
import { messages, type Messages } from '../../i18n';
import { h, pixelCanvas } from '../shared/dom';
import { scaleStrip } from './heatmap';
import type { MapPanel, SideBySideView } from './view';

const ratio = (v: number): string => (Number.isNaN(v) ? '–' : `${v.toFixed(2)}×`);
const fraction = (v: number): string => (Number.isNaN(v) ? '–' : v.toFixed(2));
const percent = format('.0%');

type Words = Messages['decoderSideBySide'];
const ENGLISH: Words = messages('en').decoderSideBySide;

function renderScores(panel: MapPanel, t: Words): HTMLElement | null {
  const sc = panel.scores;
  if (!sc) return null;
  return h(
    'dl',
    { class: 'sbs-scores' },
    h('dt', {}, t.edgeEnergy),
    h('dd', {}, ratio(sc.relativeEdgeEnergy)),
    h('dt', {}, t.error),
    h('dd', {}, fraction(sc.relativeError)),
    h('dt', {}, t.zeros),
    h('dd', {}, percent(sc.zeroShare)),
  );
}

function renderPanel(panel: MapPanel, t: Words): HTMLElement {
  return h(
    'figure',
    { class: `sbs-panel sbs-${panel.key}`, 'data-panel': panel.key },
    h("figcaption", {}, h("span", { class: "sbs-title" }, panel.title), h("span", { class: "sbs-size" }, `${panel.height} × ${panel.width}`)),
    h('div', { class: 'sbs-image' }, pixelCanvas(panel.rgba, panel.width, panel.height, t.heatMap(panel.title, panel.height, panel.width))),
    h('p', { class: 'sbs-note' }, panel.note),
    renderScores(panel, t),
  );
}

/** The colour scale shared by every map: 0 to the largest value shown. */
export function renderColourBar(max: number, t: Words = ENGLISH): HTMLElement {
  return h(
    'div',
    { class: 'sbs-colourbar', 'aria-hidden': 'true' },
    h('span', {}, '0'),
    pixelCanvas(scaleStrip(), 128, 1, t.colourScale, 'pixels sbs-strip'),
    h('span', {}, max.toPrecision(3)),
  );
}

export function renderSideBySide(view: SideBySideView, t: Words = ENGLISH): HTMLElement {
  const [reference, pooled, ...methods] = view.panels;
  return h(
    'div',
    { class: 'sbs' },
    h('div', { class: 'sbs-inputs' }, renderPanel(reference!, t), renderPanel(pooled!, t), renderColourBar(view.max, t)),
    h('div', { class: 'sbs-methods' }, ...methods.map((panel) => renderPanel(panel, t))),
  );
}
