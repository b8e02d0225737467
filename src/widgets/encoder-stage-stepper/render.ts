/**
 * Draws the encoder-stage stepper: the whole map of the current step (the frame, or the chosen
 * channel) with the patch outlined, and the patch's numbers; at the pooling step, the patch
 * after ReLU with each window's maximum marked, beside the pooled values.
 */
import { pageMessages, type Messages } from '../../i18n';
import { h, pixelCanvas } from '../shared/dom';
import { gridPanel, type GridOutline } from '../shared/grid-panel';
import { heatFill } from '../shared/heat';
import { greyscaleRgba, magnitudeRgba } from '../architecture-explorer/feature-maps';
import { valueText } from './caption';
import { isWindowMax, patchRows, type StageView } from './stage-view';
import { PATCH } from './state';

type Words = Messages['encoderStageStepper'];

export interface StageRenderOptions {
  messages?: Words;
  /** The probed patch cell, [row, col] inside the patch. */
  probe?: [number, number] | null;
}

/** Cell side of the patch grids: 8 cells of "−0.43" and the row numbers fit a phone's 342 px. */
const CELL = 38;

/** RGBA of the current step's whole map. */
function mapRgba(view: StageView): { rgba: Uint8ClampedArray; width: number; height: number } {
  const { width, height, state } = view;
  if (state.step === 0) {
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([view.image[i * 3]!, view.image[i * 3 + 1]!, view.image[i * 3 + 2]!, 255], i * 4);
    return { rgba, width, height };
  }
  if (state.step === 4) return { rgba: magnitudeRgba(view.pooled), width: width / 2, height: height / 2 };
  // Signed maps from their minimum (black) to maximum (white); after ReLU, zero is black.
  if (state.step === 3) return { rgba: magnitudeRgba(view.relu), width, height };
  return { rgba: greyscaleRgba(state.step === 1 ? view.conv : view.bn).rgba, width, height };
}

function renderMap(view: StageView, t: Words): HTMLElement {
  const { x, y, step, channel } = view.state;
  const { rgba, width, height } = mapRgba(view);
  const title = t.mapTitle(step, channel);
  const box = h(
    'span',
    {
      class: 'stage-patch-box',
      'aria-hidden': 'true',
      style: `left: ${(100 * x) / view.width}%; top: ${(100 * y) / view.height}%; width: ${(100 * PATCH) / view.width}%; height: ${(100 * PATCH) / view.height}%`,
    },
  );
  return h(
    'figure',
    { class: 'stage-map' },
    h('div', { class: 'stage-map-frame' }, pixelCanvas(rgba, width, height, t.mapLabel(title, height, width, x, y)), box),
    h('figcaption', {}, `${title} (${height} × ${width})`),
  );
}

function patchPanel(view: StageView, t: Words, probe: [number, number] | null): SVGSVGElement {
  const { x, y, step } = view.state;
  const plane = step === 1 ? view.conv : step === 2 ? view.bn : view.relu;
  const rows = patchRows(plane, view.width, x, y);
  const max = Math.max(...rows.flat().map(Math.abs));
  const title = t.patchTitle(step);
  const outlines: GridOutline[] = probe ? [{ row: probe[0], col: probe[1], rows: 1, cols: 1, className: 'outline-current' }] : [];
  if (step === 4) for (let r = 0; r < PATCH; r += 2) for (let c = 0; c < PATCH; c += 2) outlines.push({ row: r, col: c, rows: 2, cols: 2, className: 'outline-soft' });
  const svg = gridPanel({
    title,
    rows: PATCH,
    cols: PATCH,
    cell: CELL,
    showSize: false,
    text: step === 0 ? undefined : (r, c) => valueText(rows[r]![c]!),
    cellClass: (r, c) => {
      if (step === 4 && isWindowMax(view, y + r, x + c)) return 'is-hot is-strong';
      return step >= 3 && rows[r]![c] === 0 ? 'is-zero' : '';
    },
    cellFill: (r, c) => {
      if (step === 0) {
        const i = ((y + r) * view.width + x + c) * 3;
        return `rgb(${view.image[i]} ${view.image[i + 1]} ${view.image[i + 2]})`;
      }
      return step === 4 && isWindowMax(view, y + r, x + c) ? undefined : heatFill(rows[r]![c]!, max);
    },
    outlines,
    label: t.patchLabel(title),
  });
  svg.setAttribute('tabindex', '0');
  // arrow keys move the probe: screen readers pass them through to an application
  svg.setAttribute('role', 'application');
  svg.dataset.part = 'patch';
  return svg;
}

function pooledPanel(view: StageView, t: Words): SVGSVGElement {
  const { x, y } = view.state;
  const rows = patchRows(view.pooled, view.width / 2, x / 2, y / 2, PATCH / 2);
  const max = Math.max(...rows.flat());
  return gridPanel({
    title: t.pooledTitle,
    rows: PATCH / 2,
    cols: PATCH / 2,
    cell: CELL,
    text: (r, c) => valueText(rows[r]![c]!),
    cellClass: (r, c) => (rows[r]![c] === 0 ? 'is-zero' : ''),
    cellFill: (r, c) => heatFill(rows[r]![c]!, max),
  });
}

export function renderStage(view: StageView, options: StageRenderOptions = {}): HTMLElement {
  const t = options.messages ?? pageMessages().encoderStageStepper;
  const probe = options.probe ?? null;
  const panels = h('div', { class: 'panel-row' }, patchPanel(view, t, probe), view.state.step === 4 ? pooledPanel(view, t) : null);
  return h('div', { class: 'stage-view' }, renderMap(view, t), panels);
}
