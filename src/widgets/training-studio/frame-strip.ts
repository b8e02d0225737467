/**
 * A strip of validation frames: for each, the image, its ground truth and the network's
 * current prediction, drawn pixel for pixel. Refreshed after every validation pass.
 */
import { labelToRgba } from '../../data';
import { h, pixelCanvas } from '../shared/dom';
import { frameRgba } from '../shared/frame-thumbnails';
import { pixelAccuracy } from '../shared/label-stats';
import { pageMessages, type Messages } from '../../i18n';

export interface StripFrame {
  /** Index in the validation split. */
  index: number;
  /** H*W*3 RGB bytes. */
  image: Uint8Array;
  /** H*W labels (11 = void). */
  truth: Uint8Array;
  /** H*W predicted labels; null before the first validation. */
  prediction: Uint8Array | null;
}

export interface StripView {
  height: number;
  width: number;
  frames: StripFrame[];
  /** Step of the predictions, or null when there are none yet. */
  step: number | null;
}

function column(title: string, canvas: HTMLElement): HTMLElement {
  return h('div', { class: 'studio-frame-part' }, canvas, h('span', { 'aria-hidden': 'true' }, title));
}

export function renderFrameStrip(view: StripView, m: Messages['trainingStudio'] = pageMessages().trainingStudio): HTMLElement {
  const w = m.strip;
  const { height, width } = view;
  const list = h('ul', { class: 'studio-strip', 'data-step': view.step ?? '' });
  for (const f of view.frames) {
    const name = w.frame(f.index + 1);
    const accuracy = f.prediction ? pixelAccuracy(f.truth, f.prediction) : NaN;
    const percent = (accuracy * 100).toFixed(0);
    const predicted = f.prediction
      ? pixelCanvas(labelToRgba(f.prediction, width, height), width, height, w.predictionLabel(name, view.step ?? 0, percent))
      : h('div', { class: 'studio-frame-pending pixels', role: 'img', 'aria-label': w.pendingLabel(name) });
    list.append(
      h(
        'li',
        { class: 'studio-frame' },
        column(w.image, pixelCanvas(frameRgba(f.image, width, height), width, height, w.imageLabel(name))),
        column(w.truth, pixelCanvas(labelToRgba(f.truth, width, height), width, height, w.truthLabel(name))),
        column(f.prediction ? w.predictionShare(percent) : w.prediction, predicted),
      ),
    );
  }
  return list;
}
