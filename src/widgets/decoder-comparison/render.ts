/**
 * Pure renders of the decoder comparison: the prediction grid (ground truth once, then one
 * column per decoder), one card per decoder (its facts, speed, loss and per-class IoU bars),
 * the loss curves of all decoders on one plot, and the caption. Observable Plot is passed in,
 * so this module loads no chart code by itself and unit tests can hand it the real library.
 */
import { asAccessibleImage } from '../shared/accessible-chart';
import { stepAxis } from '../shared/step-axis';
import type * as PlotModule from '@observablehq/plot';
import { CLASS_NAMES, PALETTE, labelToRgba } from '../../data';
import { frameRgba } from '../shared/frame-thumbnails';
import { h, pixelCanvas, s } from '../shared/dom';
import { rankByMeanIoU, type DecoderTrack, type LossRow } from './bookkeeping';
import { formatBytes, type DecoderFacts } from './facts';
import type { ComparedDecoder } from './state';
import { pageMessages, type Messages } from '../../i18n';

type Plot = typeof PlotModule;
type Words = Messages['decoderComparison'];

/**
 * Line colour and dash of each decoder: the dash (and the label at each curve's end) tells
 * the curves apart without colour; the colours read on light and dark backgrounds alike.
 */
export const DECODER_STYLE: Record<ComparedDecoder, { colour: string; dash: string }> = {
  segnet: { colour: '#d55e00', dash: 'none' },
  fcn: { colour: '#1f83c6', dash: '6 3' },
  'deeplab-largefov': { colour: '#2a9d5c', dash: '2 3' },
  deconvnet: { colour: '#8a5cc2', dash: '10 3 2 3' },
  bilinear: { colour: '#8c7a1e', dash: '1 2' },
};

/** The frames shown: photographs, ground truth, and each decoder's labels (null: not yet predicted). */
export interface PredictionView {
  height: number;
  width: number;
  /** Validation split index of each frame (for the labels read aloud). */
  frames: number[];
  /** Per frame: H*W*3 RGB bytes. */
  images: Uint8Array[];
  /** Per frame: H*W labels. */
  truth: Uint8Array[];
  decoders: { decoder: ComparedDecoder; step: number | null; labels: Uint8Array[] | null }[];
}

function blankCanvas(width: number, height: number, label: string): HTMLCanvasElement {
  return h('canvas', { class: 'pixels', width, height, role: 'img', 'aria-label': label });
}

/** The prediction grid: a row per frame; photo, ground truth, then each decoder's prediction. */
export function renderPredictions(view: PredictionView, m: Words = pageMessages().decoderComparison): HTMLElement {
  const { width, height } = view;
  const w = m.board;
  const head = h(
    'div',
    { class: 'dc-row dc-head', role: 'row' },
    h('span', { role: 'columnheader' }, w.frame),
    h('span', { role: 'columnheader' }, w.truth),
    ...view.decoders.map((d) => h('span', { role: 'columnheader', 'data-decoder': d.decoder }, m.names[d.decoder])),
  );
  const rows = view.frames.map((splitIndex, f) => {
    const name = w.name(splitIndex);
    return h(
      'div',
      { class: 'dc-row', role: 'row' },
      h('span', { role: 'cell' }, pixelCanvas(frameRgba(view.images[f]!, width, height), width, height, w.photograph(name))),
      h('span', { role: 'cell' }, pixelCanvas(labelToRgba(view.truth[f]!, width, height), width, height, w.truthLabel(name))),
      ...view.decoders.map((d) => {
        const label = w.prediction(m.names[d.decoder], name);
        const canvas = d.labels
          ? pixelCanvas(labelToRgba(d.labels[f]!, width, height), width, height, w.after(label, d.step ?? 0))
          : blankCanvas(width, height, w.notYet(label));
        return h('span', { role: 'cell', 'data-decoder': d.decoder }, canvas);
      }),
    );
  });
  return h('div', { class: 'dc-predictions', role: 'table', 'aria-label': w.table, style: `--dc-columns: ${view.decoders.length + 2}` }, head, ...rows);
}

const percent = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

/** A number with thousands separators. */
export const formatCount = (n: number): string => n.toLocaleString('en');

/** What the card says about speed: median of recent steps, or a dash before the first. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** The facts and live numbers of one decoder, as a description list. */
export function renderDecoderFacts(facts: DecoderFacts, track: DecoderTrack, medianMs: number, m: Words = pageMessages().decoderComparison): HTMLElement {
  const w = m.card;
  const items: [string, string, string][] = [
    ['params', w.params, formatCount(facts.decoderParameters)],
    ['kept', w.kept, facts.storedBytes === 0 ? w.nothing : formatBytes(facts.storedBytes)],
    ['ms', w.ms, formatMs(medianMs)],
    ['loss', w.loss, Number.isFinite(track.lastLoss) ? track.lastLoss.toFixed(3) : '–'],
    ['miou', w.miou, track.scores ? percent(track.scores.meanIoU) : '–'],
  ];
  return h('dl', { class: 'dc-facts' }, ...items.flatMap(([key, term, value]) => [h('dt', {}, term), h('dd', { 'data-fact': key }, value)]));
}

/** The small print under a card's numbers: what "kept from encoder" is, and how time is measured. */
export function renderFactsNote(facts: DecoderFacts, m: Words = pageMessages().decoderComparison): HTMLElement {
  const w = m.card;
  const kept = facts.storedBytes === 0 ? w.keptNothing : w.keptPerImage(w.stored[facts.decoder], formatBytes(facts.featureMapBytes));
  return h('p', { class: 'dc-note' }, w.note(kept));
}

/** Per-class IoU of one decoder as horizontal bars in the class colours. */
export function renderIouBars(Plot: Plot, decoder: ComparedDecoder, track: DecoderTrack, width = 240, m: Messages = pageMessages()): SVGSVGElement | HTMLElement {
  const w = m.decoderComparison.card;
  const names = CLASS_NAMES.map((name, c) => m.classes.names[c] ?? name);
  const scores = track.scores;
  const data = names.map((name, c) => {
    const iou = scores ? scores.perClassIoU[c]! : NaN;
    const [r, g, b] = PALETTE[c]!;
    return { name, iou: Number.isFinite(iou) ? iou * 100 : NaN, colour: `rgb(${r}, ${g}, ${b})` };
  });
  const when = scores ? w.afterSteps(scores.step) : w.notMeasured;
  const values = scores ? data.map((d) => `${d.name} ${Number.isNaN(d.iou) ? w.absent : `${d.iou.toFixed(0)}%`}`) : [];
  const chart = Plot.plot({
    width,
    height: 24 + data.length * 17,
    marginLeft: 74,
    marginRight: 34,
    marginTop: 4,
    style: { fontSize: '10px', background: 'transparent' },
    x: { domain: [0, 100], label: w.iouAxis, ticks: 3, grid: true },
    y: { domain: names, label: null },
    marks: [
      Plot.barX(data, { x: 'iou', y: 'name', fill: 'colour', stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.text(data, {
        x: (d: { iou: number }) => (Number.isNaN(d.iou) ? 0 : d.iou),
        y: 'name',
        text: (d: { iou: number }) => (Number.isNaN(d.iou) ? '–' : d.iou.toFixed(0)),
        dx: 3,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
    ariaLabel: w.iouLabel(m.decoderComparison.names[decoder], when, values),
  });
  return asAccessibleImage(chart);
}

/** A decoder's card: name, facts and its IoU chart. */
export function renderDecoderCard(Plot: Plot | null, facts: DecoderFacts, track: DecoderTrack, medianMs: number, chartWidth = 240, m: Messages = pageMessages()): HTMLElement {
  const chart = Plot ? renderIouBars(Plot, track.decoder, track, chartWidth, m) : h('p', { class: 'dc-chart-placeholder' }, m.decoderComparison.card.iouPending);
  const style = DECODER_STYLE[track.decoder];
  return h(
    'section',
    { class: 'dc-card', 'data-decoder': track.decoder, 'aria-label': m.decoderComparison.names[track.decoder] },
    h('h3', { class: 'dc-card-title' }, h('span', { class: 'dc-key', style: `border-color: ${style.colour}; border-top-style: ${style.dash === 'none' ? 'solid' : style.dash === '6 3' ? 'dashed' : 'dotted'}`, 'aria-hidden': 'true' }), m.decoderComparison.names[track.decoder]),
    renderDecoderFacts(facts, track, medianMs, m.decoderComparison),
    renderFactsNote(facts, m.decoderComparison),
    h('div', { class: 'dc-iou' }, chart),
  );
}

/** Which line is which: a sample of each decoder's colour and dash, with its name. */
export function renderLossLegend(decoders: readonly ComparedDecoder[], m: Words = pageMessages().decoderComparison): HTMLElement {
  return h(
    'ul',
    { class: 'dc-legend', 'aria-label': m.loss.legend },
    ...decoders.map((d) => {
      const { colour, dash } = DECODER_STYLE[d];
      const sample = s('svg', { width: 28, height: 8, 'aria-hidden': 'true' }, s('line', { x1: 0, y1: 4, x2: 28, y2: 4, stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': dash === 'none' ? null : dash }));
      return h('li', { 'data-decoder': d }, sample, m.names[d]);
    }),
  );
}

/** The loss curves of every decoder on one plot, with a legend above. */
export function renderLossChart(Plot: Plot, rows: readonly LossRow[], decoders: readonly ComparedDecoder[], width = 640, m: Messages = pageMessages()): HTMLElement {
  const w = m.decoderComparison.loss;
  const steps = rows.length > 0 ? Math.max(...rows.map((r) => r.step)) : 1;
  const chart = Plot.plot({
    width,
    height: 220,
    marginRight: 20,
    style: { background: 'transparent' },
    x: stepAxis(steps, undefined, m.controls.stepAxis),
    // Before the first step there is no loss to scale to: show an empty 0..1 axis.
    y: { label: w.axis, grid: true, zero: true, ...(rows.length === 0 ? { domain: [0, 1] } : {}) },
    marks: [
      ...decoders.map((d) =>
        Plot.line(
          rows.filter((r) => r.decoder === d),
          { x: 'step', y: 'loss', stroke: DECODER_STYLE[d].colour, strokeWidth: 2, strokeDasharray: DECODER_STYLE[d].dash === 'none' ? undefined : DECODER_STYLE[d].dash },
        ),
      ),
      Plot.ruleY([0]),
    ],
    ariaLabel: rows.length > 0 ? lossSummary(rows, decoders, m.decoderComparison) : w.none,
  });
  return h('div', { class: 'dc-loss-chart' }, renderLossLegend(decoders, m.decoderComparison), asAccessibleImage(chart));
}

/** The loss chart in words: each decoder's latest loss (for the chart's accessible name). */
export function lossSummary(rows: readonly LossRow[], decoders: readonly ComparedDecoder[], m: Words = pageMessages().decoderComparison): string {
  const parts = decoders.map((d) => {
    const last = rows.filter((r) => r.decoder === d).at(-1);
    return last ? m.loss.at(m.names[d], last.loss.toFixed(3), last.step) : m.loss.noStep(m.names[d]);
  });
  return m.loss.summary(parts);
}

/** One sentence on where the race stands (`fromScratch`: the networks have no pretrained encoder). */
export function comparisonCaption(step: number, tracks: readonly DecoderTrack[], m: Words = pageMessages().decoderComparison, fromScratch = false): string {
  if (step === 0) return fromScratch ? m.caption.startScratch : m.caption.start;
  const ranked = rankByMeanIoU(tracks).filter((t) => t.scores);
  if (ranked.length === 0) return m.caption.unscored(step);
  const at = ranked[0]!.scores!.step;
  const list = ranked.map((t) => `${m.names[t.decoder]} ${percent(t.scores!.meanIoU)}`);
  return m.caption.scored(at, list);
}
