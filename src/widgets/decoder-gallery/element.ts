/**
 * <decoder-gallery>: one synthetic validation frame through every trained decoder, their label
 * maps side by side with the photo and the ground truth, a boundary lens that magnifies the same
 * window in every panel, and each decoder's mIoU and BF on the frame and in the lens. The frame,
 * the magnification and the lens's centre live in the URL. The pointer places the lens (a press
 * or a drag on any whole frame); with the panels focused, the arrow keys move it (Shift: four
 * times as far) and + / - change the magnification. The decoders run in the engine worker
 * (gallery-host.ts) once the widget nears the viewport, or on a click where the page holds its
 * networks (a phone, save-data).
 */
import { pageMessages } from '../../i18n';
import { boundaryTolerancePx, errorMessage } from '../../segnet/core';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { throttledState } from '../shared/throttled-state';
import { whenNearViewport } from '../shared/near-viewport';
import { paintFrameThumbnails } from '../shared/frame-thumbnails';
import { markBackend } from '../shared/backend-sharing';
import { loadDemoFrames, type DemoFrames } from '../model/demo-frames';
import { gateModel } from '../model/model-gate';
import type { GallerySources } from './sources';
import { openGalleryModel, type GalleryModel } from './gallery-model';
import { busiestCentre, lensWindow, movedCentre, pointerPixel, windowCentre } from './lens';
import { renderGallery } from './render';
import { galleryCodec, steppedZoom, type GalleryState } from './state';
import { galleryView } from './view';

defineWidget('decoder-gallery', (root, id) => {
  const t = pageMessages().decoderGallery;
  const sources = JSON.parse(root.dataset.sources ?? '{}') as GallerySources;
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const status = widgetPart(root, 'status');
  let frames: DemoFrames | null = null;
  let model: GalleryModel | null = null;
  let waiting = t.waiting;
  let drawn: GalleryState | null = null;
  let alive = true;

  /** The caption is a live region: it is rewritten only when its words change (not on every move of the lens). */
  const say = (text: string): void => {
    if (caption.textContent !== text) caption.textContent = text;
  };

  const message = (text: string): void => {
    stage.replaceChildren(Object.assign(document.createElement('p'), { className: 'widget-loading', textContent: text }));
  };

  const paint = (s: GalleryState, labels: Uint8Array[] | null): void => {
    if (!frames) return;
    const index = Math.min(s.frame, frames.frames.length - 1);
    const frame = frames.frames[index]!;
    const size = { height: frames.height, width: frames.width };
    const view = galleryView({
      frame: size,
      image: frame.image,
      truth: frame.labels,
      decoders: sources.checkpoints.map((c, i) => ({ decoder: c.decoder, labels: labels?.[i] ?? null })),
      zoom: s.zoom,
      centre: s.centre,
    });
    const hadFocus = stage.contains(document.activeElement) || document.activeElement === stage;
    const panels = renderGallery(view, sources.absent, t);
    stage.replaceChildren(panels);
    stage.setAttribute('aria-label', t.lensArea(view.centre.x, view.centre.y, s.zoom));
    if (hadFocus) stage.focus();
    say(t.caption(index + 1, boundaryTolerancePx(size.height, size.width).toFixed(1)));
    root.dataset.shown = `${index}:${s.zoom}:${view.centre.x}:${view.centre.y}:${labels ? 'run' : 'truth'}`;
  };

  const draw = (s: GalleryState): void => {
    drawn = s;
    if (!frames) return message(waiting);
    // No network yet (or none in this build): the photo and the truth, the decoders' places kept.
    if (!model) return paint(s, null);
    const frame = frames.frames[Math.min(s.frame, frames.frames.length - 1)]!;
    const answer = model.labels(frame);
    let settled = false;
    answer.then(
      (labels) => {
        settled = true;
        if (alive && drawn === s) paint(s, labels);
      },
      (error: unknown) => {
        settled = true;
        if (alive && drawn === s) {
          paint(s, null);
          say(t.failed(errorMessage(error)));
        }
      },
    );
    // While the decoders run, the photo and the truth are there, and the caption says why the rest waits.
    queueMicrotask(() => {
      if (!settled && alive && drawn === s) {
        paint(s, null);
        say(t.running(sources.checkpoints.length));
      }
    });
  };

  const state = throttledState(id, galleryCodec, (s) => {
    sync(s);
    draw(s);
  });
  const fields = new AbortController();
  const sync = bindFields(root, galleryCodec, (patch) => state.set(patch), fields.signal, () => state.get());
  sync(state.get());

  // The pointer places the lens: a press, or a drag with the button held, on any whole frame.
  const place = (event: PointerEvent): void => {
    const whole = (event.target as Element).closest('.gallery-whole:not(.gallery-empty)');
    if (!whole || !frames) return;
    const b = whole.getBoundingClientRect();
    const centre = pointerPixel(event.clientX - b.left, event.clientY - b.top, b, { height: frames.height, width: frames.width });
    state.set({ centre });
  };
  const onPointerDown = (event: PointerEvent): void => {
    place(event);
  };
  const onPointerMove = (event: PointerEvent): void => {
    if (event.buttons & 1) place(event);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    // The browser's own shortcuts (zoom, back, forward) stay the browser's.
    if (!frames || event.ctrlKey || event.metaKey || event.altKey) return;
    const s = state.get();
    const size = { height: frames.height, width: frames.width };
    if (event.key === '+' || event.key === '=' || event.key === '-') {
      event.preventDefault();
      state.set({ zoom: steppedZoom(s.zoom, event.key === '-' ? -1 : 1) });
      return;
    }
    const truth = frames.frames[Math.min(s.frame, frames.frames.length - 1)]!.labels;
    const current = windowCentre(lensWindow(size, s.zoom, s.centre ?? busiestCentre(truth, size, s.zoom)));
    const moved = movedCentre(current, event.key, event.shiftKey, size, s.zoom);
    if (!moved) return;
    event.preventDefault();
    state.set({ centre: moved });
  };
  stage.addEventListener('pointerdown', onPointerDown);
  stage.addEventListener('pointermove', onPointerMove);
  stage.addEventListener('keydown', onKeyDown);

  const stopFrames = whenNearViewport(root, () => {
    loadDemoFrames(sources.dataUrl).then(
      (loaded) => {
        if (!alive) return;
        frames = loaded;
        paintFrameThumbnails(root, loaded);
        draw(state.get());
      },
      (error: unknown) => {
        if (!alive) return;
        waiting = pageMessages().model.framesFailed(errorMessage(error));
        draw(state.get());
      },
    );
  });

  let stopBackendMark: () => void = () => undefined;
  if (sources.checkpoints.length === 0) status.textContent = t.noDecoders;
  const stopGate =
    sources.checkpoints.length === 0
      ? () => undefined
      : gateModel<GalleryModel>({
          root,
          status,
          source: { checkpointUrl: null },
          load: () => openGalleryModel(sources.checkpoints, (facts) => ({ trained: true, summary: t.summary(facts.steps.length), notice: null })),
          onReady: (loaded) => {
            model = loaded;
            markBackend(root, loaded.backend);
            stopBackendMark();
            stopBackendMark = loaded.onBackend((backend) => markBackend(root, backend));
            draw(state.get());
          },
        });

  return () => {
    alive = false;
    stopFrames();
    stopGate();
    stopBackendMark();
    model?.close();
    fields.abort();
    state.flush();
    stage.removeEventListener('pointerdown', onPointerDown);
    stage.removeEventListener('pointermove', onPointerMove);
    stage.removeEventListener('keydown', onKeyDown);
  };
});
