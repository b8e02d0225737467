/** Pure renders of the decoder side-by-side: the heat maps with their scores, and the colour bar. */
import { format } from 'd3-format';
import { messages, type Messages } from '../../i18n';
import { h, pixelCanvas } from '../shared/dom';
import { scaleStrip } from './heatmap';
import type { LearntRow, MapPanel, SideBySideView } from './view';

const fraction = (v: number): string => (Number.isNaN(v) ? '–' : v.toFixed(2));
const percent = format('.0%');

type Words = Messages['decoderSideBySide'];
const ENGLISH: Words = messages('en').decoderSideBySide;

function renderScores(panel: MapPanel, t: Words): HTMLElement | null {
  const sc = panel.scores;
  if (!sc) return null;
  const up = sc.upsampling;
  return h(
    'dl',
    { class: 'sbs-scores' },
    ...(up ? [h('dt', {}, t.error), h('dd', {}, fraction(up.relativeError)), h('dt', {}, t.inPlace), h('dd', {}, Number.isNaN(up.maximaInPlace) ? '–' : percent(up.maximaInPlace))] : []),
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

/** A colour scale: `min` (0 unless given) to the largest value shown. */
export function renderColourBar(max: number, t: Words = ENGLISH, min = 0): HTMLElement {
  return h(
    'div',
    { class: 'sbs-colourbar', 'aria-hidden': 'true' },
    h('span', {}, min === 0 ? '0' : min.toPrecision(3)),
    pixelCanvas(scaleStrip(), 128, 1, t.colourScale, 'pixels sbs-strip'),
    h('span', {}, max.toPrecision(3)),
  );
}

/** A trained decoder's stage: its sparse input and dense output, on their own colour scale. */
function renderLearnt(row: LearntRow, t: Words): HTMLElement {
  return h('div', { class: 'sbs-learnt', 'data-decoder': row.decoder }, ...row.panels.map((panel) => renderPanel(panel, t)), renderColourBar(row.max, t, row.min));
}

export function renderSideBySide(view: SideBySideView, t: Words = ENGLISH): HTMLElement {
  const [reference, pooled, ...methods] = view.panels;
  return h(
    'div',
    { class: 'sbs' },
    h('div', { class: 'sbs-inputs' }, renderPanel(reference!, t), renderPanel(pooled!, t), renderColourBar(view.max, t)),
    h('div', { class: 'sbs-methods' }, ...methods.map((panel) => renderPanel(panel, t))),
    ...view.learnt.map((row) => renderLearnt(row, t)),
  );
}
