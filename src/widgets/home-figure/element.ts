/**
 * <home-figure>: the precomputed labelled frame, replaced by the network's live labels once it
 * runs here, with a button that labels the next demo frame.
 */
import type { BackendName, Segmentation } from '../../segnet';
import { pageMessages } from '../../i18n';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { pixelCanvas } from '../shared/dom';
import { bindModelWidget, type DemoFrames, type PageModel } from '../model';
import { compositeOverlay, pixelAccuracy } from '../label-overlay/overlay-pixels';
import { errorMessage } from '../../segnet/core';
import { liveAlt, liveCaption } from './caption';
import { labelOverlayCodec } from '../label-overlay/state';

/** The opacity of the class colours: the label overlay's default, as in the precomputed figure. */
const OPACITY = labelOverlayCodec.defaults.opacity / 100;

defineWidget('home-figure', (root) => {
  const t = pageMessages().homeFigure;
  const backendLabel = (name: BackendName): string => pageMessages().model.backends[name];
  const picture = widgetPart(root, 'picture');
  const caption = widgetPart(root, 'caption');
  const next = widgetPart<HTMLButtonElement>(root, 'next');
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  let index = 0;
  let busy = false;

  const show = (): void => {
    if (!frames || !model || busy) return;
    const frame = frames.frames[index]!;
    busy = true;
    // Kept focusable while busy (aria-disabled, not disabled), so keyboard focus stays on it.
    next.setAttribute('aria-disabled', 'true');
    const started = performance.now();
    model.prediction(frame).then(
      (seg: Segmentation) => {
        busy = false;
        if (!frames || !model) return;
        const live = { index, count: frames.frames.length, accuracy: pixelAccuracy(frame.labels, seg.labels), backend: backendLabel(model.backend.name), ms: performance.now() - started };
        picture.replaceChildren(pixelCanvas(compositeOverlay(frame.image, seg.labels, frames.width, frames.height, OPACITY), frames.width, frames.height, liveAlt(t, live)));
        caption.textContent = liveCaption(t, live);
        root.dataset.live = String(index);
        next.hidden = false;
        next.setAttribute('aria-disabled', 'false');
      },
      (error: unknown) => {
        busy = false;
        caption.textContent = t.failed(errorMessage(error));
        // The button stays, so the reader can try this frame or the next again.
        next.setAttribute('aria-disabled', 'false');
      },
    );
  };

  next.addEventListener('click', () => {
    if (!frames || busy) return;
    index = (index + 1) % frames.frames.length;
    show();
  });

  const stop = bindModelWidget(root, {
    frames: (f) => {
      frames = f;
      show();
    },
    framesFailed: (message) => {
      caption.textContent = message;
    },
    model: (m) => {
      model = m;
      show();
    },
  });
  return () => {
    stop();
    frames = null;
    model = null;
  };
});
