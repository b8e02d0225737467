/**
 * <label-overlay>: a road frame with its label map. The frame, ground truth and legend need
 * only the dataset; the network (TF.js) loads when the widget nears the viewport and adds
 * its prediction and the class probabilities under the probe.
 */
import type { Segmentation } from '../../segnet/core';
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { bindModelWidget, type DemoFrames, type PageModel } from '../model';
import { throttledState } from '../shared/throttled-state';
import { overlayCaption, sceneLabel } from './caption';
import { compositeOverlay, imageToRgba, labelShares, pixelAccuracy } from './overlay-pixels';
import { probeView } from './probe';
import { renderLegend, renderProbeMarker, renderProbePanel, renderScene } from './render';
import { FRAME_HEIGHT, FRAME_WIDTH, labelOverlayCodec, movedProbe, type LabelOverlayState } from './state';
import { errorMessage } from '../../segnet/core';

defineWidget('label-overlay', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const probe = widgetPart(root, 'probe');
  const legend = widgetPart(root, 'legend');
  const caption = widgetPart(root, 'caption');
  const t = pageMessages().labelOverlay;
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  const predictions = new Map<number, Segmentation>();
  let hover: { x: number; y: number } | null = null;

  const prediction = (s: LabelOverlayState): Segmentation | null => predictions.get(s.frame) ?? null;

  const drawMarker = (s: LabelOverlayState): void => {
    const p = hover ?? s;
    stage.querySelector('[data-part="marker"]')?.replaceChildren(renderProbeMarker(p.x, p.y, FRAME_WIDTH, FRAME_HEIGHT));
  };

  const drawProbe = (s: LabelOverlayState): void => {
    if (!frames) return;
    const p = hover ?? s;
    const labels = frames.frames[s.frame]!.labels;
    const view = probeView(labels, prediction(s), FRAME_WIDTH, p.x, p.y, undefined, t);
    probe.replaceChildren(renderProbePanel(view, t));
    const shown = s.show === 'truth' ? labels : prediction(s)?.labels;
    legend.replaceChildren(renderLegend(labelShares(shown ?? labels), s.show === 'truth' ? view.truth.label : (view.top?.[0]?.label ?? null), t));
  };

  const draw = (s: LabelOverlayState): void => {
    // The CSS shows the held network's precomputed figure only with its prediction chosen.
    root.dataset.labels = s.show;
    if (!frames) return;
    const frame = frames.frames[s.frame]!;
    const predicted = prediction(s);
    const labels = s.show === 'truth' ? frame.labels : (predicted?.labels ?? null);
    const hadFocus = stage.contains(document.activeElement);
    stage.replaceChildren(
      renderScene({
        width: FRAME_WIDTH,
        height: FRAME_HEIGHT,
        rgba: labels ? compositeOverlay(frame.image, labels, FRAME_WIDTH, FRAME_HEIGHT, s.opacity / 100) : imageToRgba(frame.image, FRAME_WIDTH, FRAME_HEIGHT),
        label: sceneLabel(s.frame, s.show, labels !== null, t),
        note: labels ? null : model ? t.running : t.predictionWaiting,
      }, t),
    );
    if (hadFocus) stage.querySelector<HTMLElement>('[data-part="scene"]')?.focus();
    caption.textContent = overlayCaption({
      show: s.show,
      opacity: s.opacity,
      accuracy: predicted ? pixelAccuracy(frame.labels, predicted.labels) : null,
    }, t);
    drawMarker(s);
    drawProbe(s);
  };

  const predict = (s: LabelOverlayState): void => {
    if (!model || !frames || predictions.has(s.frame)) return;
    const index = s.frame;
    model.prediction(frames.frames[index]!).then(
      (seg) => {
        predictions.set(index, seg);
        if (state.get().frame === index) draw(state.get());
      },
      (error: unknown) => {
        caption.textContent = t.failed(errorMessage(error));
      },
    );
  };

  const state = throttledState(id, labelOverlayCodec, (s) => {
    sync(s);
    draw(s);
    predict(s);
  });
  const sync = bindFields(root, labelOverlayCodec, (patch) => state.set(patch));
  sync(state.get());

  const pixelAt = (event: PointerEvent): { x: number; y: number } | null => {
    const scene = stage.querySelector('[data-part="scene"]');
    if (!scene) return null;
    const box = scene.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * FRAME_WIDTH);
    const y = Math.floor(((event.clientY - box.top) / box.height) * FRAME_HEIGHT);
    return x >= 0 && y >= 0 && x < FRAME_WIDTH && y < FRAME_HEIGHT ? { x, y } : null;
  };
  const onPointerMove = (event: PointerEvent): void => {
    hover = pixelAt(event);
    drawMarker(state.get());
    drawProbe(state.get());
  };
  const onPointerLeave = (): void => {
    hover = null;
    drawMarker(state.get());
    drawProbe(state.get());
  };
  const onPointerDown = (event: PointerEvent): void => {
    const p = pixelAt(event);
    if (p) state.set(p);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    if (target?.dataset.part !== 'scene') return;
    const s = state.get();
    const moved = movedProbe(event.key, event.shiftKey, s.x, s.y);
    if (!moved) return;
    event.preventDefault();
    hover = null;
    state.set(moved);
  };
  stage.addEventListener('pointermove', onPointerMove);
  stage.addEventListener('pointerleave', onPointerLeave);
  stage.addEventListener('pointerdown', onPointerDown);
  stage.addEventListener('keydown', onKeyDown);

  const unbind = bindModelWidget(root, {
    frames: (loaded) => {
      frames = loaded;
      root.dataset.ready = 'frames';
      draw(state.get());
      predict(state.get());
    },
    framesFailed: (text) => {
      caption.textContent = text;
    },
    model: (loaded) => {
      model = loaded;
      draw(state.get());
      predict(state.get());
    },
  });

  return () => {
    unbind();
    state.flush();
    stage.removeEventListener('pointermove', onPointerMove);
    stage.removeEventListener('pointerleave', onPointerLeave);
    stage.removeEventListener('pointerdown', onPointerDown);
    stage.removeEventListener('keydown', onKeyDown);
  };
});
