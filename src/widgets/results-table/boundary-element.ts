/**
 * <boundary-f1-demo>: how the boundary F1 score sees a prediction. The "blocky" comparison
 * needs only the dataset; the network's prediction loads TF.js when the widget nears the viewport.
 */
import type { Segmentation } from '../../segnet/core';
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { bindModelWidget, type DemoFrames, type PageModel } from '../model';
import { h } from '../shared/dom';
import { blockyLabels } from './boundary-masks';
import { renderBoundaryView } from './boundary-render';
import { BLOCK, boundaryCodec, toleranceFraction, type BoundaryState } from './boundary-state';
import { boundaryView } from './boundary-view';
import { errorMessage } from '../../segnet/core';

defineWidget('boundary-f1-demo', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const tolText = widgetPart(root, 'tol-text');
  const words = pageMessages();
  const t = words.boundaryF1;
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  const predictions = new Map<number, Segmentation>();

  const message = (text: string): void => {
    stage.replaceChildren(h('p', { class: 'bf-message' }, text));
  };

  const draw = (s: BoundaryState): void => {
    const fraction = toleranceFraction(s.tol);
    tolText.textContent = t.tolerance((fraction * 100).toFixed(2));
    // The CSS shows the network's precomputed figure (while the network is held) only beside the
    // network's prediction: the 1/8 comparison is drawn live without the network.
    root.dataset.compare = s.compare;
    const frame = frames?.frames[s.frame];
    if (!frames || !frame) return;
    let prediction: ArrayLike<number> | null = null;
    if (s.compare === 'blocky') prediction = blockyLabels(frame.labels, frames.height, frames.width, BLOCK);
    else prediction = predictions.get(s.frame)?.labels ?? null;
    if (!prediction) {
      message(model ? t.running : t.waiting);
      if (model) predict(s.frame);
      return;
    }
    const view = boundaryView({ image: frame.image, truth: frame.labels, prediction, height: frames.height, width: frames.width, cls: s.cls, toleranceFraction: fraction }, words);
    stage.replaceChildren(renderBoundaryView(view, t));
    root.dataset.shown = `${s.frame}:${s.compare}:${s.cls}:${s.tol}`;
  };

  const predict = (index: number): void => {
    const frame = frames?.frames[index];
    if (!model || !frame || predictions.has(index)) return;
    model.prediction(frame).then(
      (seg) => {
        predictions.set(index, seg);
        draw(state.get());
      },
      (error: unknown) => message(t.failed(errorMessage(error))),
    );
  };

  const state = widgetState(id, boundaryCodec, (s) => {
    sync(s);
    draw(s);
  });
  const sync = bindFields(root, boundaryCodec, (patch) => state.set(patch));
  sync(state.get());
  message(t.loadingFrames);
  draw(state.get());

  return bindModelWidget(root, {
    frames: (loaded) => {
      frames = loaded;
      draw(state.get());
    },
    framesFailed: message,
    model: (loaded) => {
      model = loaded;
      draw(state.get());
    },
  });
});
