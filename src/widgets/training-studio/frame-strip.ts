/**
 * A strip of validation frames: for each, the image, its ground truth and the network's
 * current prediction, drawn pixel for pixel. Refreshed after every validation pass.
 */
import { labelToRgba } from '../../data';
import { h, pixelCanvas } from '../shared/dom';
import { frameRgba } from '../shared/frame-thumbnails';
import { pixelAccuracy } from '../shared/label-stats';

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

export function renderFrameStrip(view: StripView): HTMLElement {
  const { height, width } = view;
  const list = h('ul', { class: 'studio-strip', 'data-step': view.step ?? '' });
  for (const f of view.frames) {
    const name = `Validation frame ${f.index + 1}`;
    const accuracy = f.prediction ? pixelAccuracy(f.truth, f.prediction) : NaN;
    const predicted = f.prediction
      ? pixelCanvas(labelToRgba(f.prediction, width, height), width, height, `${name}: prediction at step ${view.step}, ${(accuracy * 100).toFixed(0)}% of labelled pixels right`)
      : h('div', { class: 'studio-frame-pending pixels', role: 'img', 'aria-label': `${name}: no prediction yet` });
    list.append(
      h(
        'li',
        { class: 'studio-frame' },
        column('image', pixelCanvas(frameRgba(f.image, width, height), width, height, `${name}: image`)),
        column('truth', pixelCanvas(labelToRgba(f.truth, width, height), width, height, `${name}: ground truth`)),
        column(f.prediction ? `prediction · ${(accuracy * 100).toFixed(0)}%` : 'prediction', predicted),
      ),
    );
  }
  return list;
}
