/**
 * Pure renders of the label overlay: the frame with its labels (a pixel canvas under an SVG
 * probe marker), the probe's panel of class probabilities, and the class legend.
 */
import { scaleLinear } from 'd3-scale';
import { PALETTE, VOID_LABEL } from '../../data';
import { messages, type Messages } from '../../i18n';
import { h, pixelCanvas, s } from '../shared/dom';
import { probeSentence, type ProbeView } from './probe';

type Words = Messages['labelOverlay'];
const ENGLISH: Words = messages('en').labelOverlay;

export interface SceneView {
  width: number;
  height: number;
  /** width*height*4 RGBA of the composited frame. */
  rgba: Uint8ClampedArray;
  /** Accessible name of the frame, e.g. "Frame 2 with the ground-truth labels at 60%". */
  label: string;
  /** Text laid over the frame while something is missing (the prediction); null for none. */
  note: string | null;
}

/** CSS colour of a label (void gets the hatch class instead). */
export function labelCss(label: number): string {
  const c = PALETTE[label];
  return c ? `rgb(${c[0]} ${c[1]} ${c[2]})` : 'transparent';
}

function swatch(label: number): HTMLElement {
  const isVoid = label === VOID_LABEL || !PALETTE[label];
  return h('span', {
    class: isVoid ? 'swatch swatch-void' : 'swatch',
    style: isVoid ? null : `background: ${labelCss(label)}`,
    'aria-hidden': 'true',
  });
}

/**
 * The frame: a focusable box (arrow keys move the probe, handled by the shell) holding the
 * pixel canvas and an SVG layer for the probe marker.
 */
export function renderScene(view: SceneView, t: Words = ENGLISH): HTMLElement {
  const canvas = pixelCanvas(view.rgba, view.width, view.height, view.label);
  canvas.setAttribute('aria-hidden', 'true');
  canvas.removeAttribute('role');
  return h(
    'div',
    {
      class: 'overlay-scene',
      tabindex: 0,
      role: 'application',
      'aria-label': t.sceneHelp(view.label),
      'data-part': 'scene',
      style: `aspect-ratio: ${view.width} / ${view.height}`,
    },
    canvas,
    s('svg', { class: 'probe-layer', viewBox: `0 0 ${view.width} ${view.height}`, preserveAspectRatio: 'none', 'aria-hidden': 'true', 'data-part': 'marker' }),
    view.note ? h('p', { class: 'scene-note' }, view.note) : null,
  );
}

/** The probe marker (a one-pixel square with cross hairs) for an SVG layer of the frame's size. */
export function renderProbeMarker(x: number, y: number, width: number, height: number): SVGGElement {
  const line = (x1: number, y1: number, x2: number, y2: number): SVGLineElement =>
    s('line', { x1, y1, x2, y2, class: 'probe-hair', 'vector-effect': 'non-scaling-stroke' });
  return s(
    'g',
    { class: 'probe-marker' },
    line(0, y + 0.5, Math.max(0, x - 1), y + 0.5),
    line(Math.min(width, x + 2), y + 0.5, width, y + 0.5),
    line(x + 0.5, 0, x + 0.5, Math.max(0, y - 1)),
    line(x + 0.5, Math.min(height, y + 2), x + 0.5, height),
    s('rect', { x: x - 0.5, y: y - 0.5, width: 2, height: 2, class: 'probe-box', 'vector-effect': 'non-scaling-stroke' }),
  );
}

const BAR = { width: 240, row: 22, label: 86, value: 40 } as const;

/** Horizontal bars of the top classes' probabilities. */
export function renderProbabilityBars(top: readonly { label: number; name: string; probability: number }[], rows: number): SVGSVGElement {
  const x = scaleLinear().domain([0, 1]).range([0, BAR.width - BAR.label - BAR.value]);
  const svg = s('svg', { class: 'probability-bars', viewBox: `0 0 ${BAR.width} ${rows * BAR.row}`, 'aria-hidden': 'true' });
  top.forEach((c, i) => {
    const y = i * BAR.row;
    svg.append(
      s('text', { x: BAR.label - 6, y: y + 15, 'text-anchor': 'end', class: 'bar-name' }, c.name),
      s('rect', { x: BAR.label, y: y + 4, width: x.range()[1]!, height: 14, class: 'bar-track' }),
      s('rect', { x: BAR.label, y: y + 4, width: Math.max(0.5, Math.round(x(c.probability) * 100) / 100), height: 14, fill: labelCss(c.label), class: 'bar' }),
      s('text', { x: BAR.width - 2, y: y + 15, 'text-anchor': 'end', class: 'bar-value' }, `${(c.probability * 100).toFixed(c.probability < 0.1 ? 1 : 0)}%`),
    );
  });
  return svg;
}

/** The probe's panel: the pixel, its ground truth, and the network's probabilities there. */
export function renderProbePanel(view: ProbeView, t: Words = ENGLISH): HTMLElement {
  return h(
    'div',
    { class: 'probe-panel' },
    h('p', { class: 'visually-hidden' }, probeSentence(view, t)),
    h('p', { class: 'probe-title', 'aria-hidden': 'true' }, t.pixel(view.x, view.y)),
    h('p', { class: 'probe-truth', 'aria-hidden': 'true' }, t.labelled, swatch(view.truth.label), view.truth.name),
    h('p', { class: 'probe-heading', 'aria-hidden': 'true' }, t.probabilities),
    view.top
      ? renderProbabilityBars(view.top, view.rows)
      : h('p', { class: 'probe-waiting', 'aria-hidden': 'true', style: `min-height: ${view.rows * 1.375}rem` }, t.probabilitiesPending),
  );
}

/** The legend: every class and void with its colour and its share of this frame. */
export function renderLegend(shares: readonly number[], highlight: number | null, t: Words = ENGLISH): HTMLUListElement {
  const names = [...t.classNames, t.voidName];
  return h(
    'ul',
    { class: 'class-legend', 'aria-label': t.legend },
    ...names.map((name, label) =>
      h(
        'li',
        { class: label === highlight ? 'is-current' : null },
        swatch(label),
        h('span', { class: 'legend-name' }, name),
        h('span', { class: 'legend-share' }, formatShare(shares[label] ?? 0)),
      ),
    ),
  );
}

/** "41%", "0.7%", "<0.1%", or "–" for zero. */
export function formatShare(share: number): string {
  if (share <= 0) return '–';
  if (share < 0.001) return '<0.1%';
  return share < 0.1 ? `${(share * 100).toFixed(1)}%` : `${Math.round(share * 100)}%`;
}
