/**
 * <own-image>: the reader's own picture (a file, a drop, or the camera) labelled by the
 * network. The picture is decoded and cropped in the page; TF.js loads when the widget nears
 * the viewport (or on a click on small devices); nothing is sent anywhere.
 */
import type { Segmentation } from '../../segnet/core';
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { gateModel } from '../model';
import { throttledState } from '../shared/throttled-state';
import { compositeOverlay, imageToRgba, labelShares } from '../label-overlay/overlay-pixels';
import { renderProbeMarker, renderScene } from '../label-overlay/render';
import { movedProbe } from '../label-overlay/state';
import { bindCamera, bindFileSources } from './bind-sources';
import { bindSamples } from './bind-samples';
import type { Picture, PictureResult } from './picture';
import { cropWarning } from './geometry';
import { classAt, pixelSentence, pointerPixel } from './probe';
import { renderEmptyStage, renderPresentLegend, renderRegion, sceneCaption } from './render';
import { INPUT_HEIGHT, INPUT_WIDTH, ownImageCodec, type OwnImageState } from './state';
import { loadStreetModel, modelSentence, readOwnImageSources, segmentPicture, streetModelSentence, type StreetModel } from './street-model';
import { errorMessage } from '../../segnet/core';
import { markBackend } from '../shared/backend-sharing';
import type { Painter } from '../label-painter/painter';
import { askDiscard, type DiscardQuestion } from './confirm-discard';

defineWidget('own-image', (root, id) => {
  const sources = readOwnImageSources(root);
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const region = widgetPart(root, 'region');
  const probe = widgetPart(root, 'probe');
  const legend = widgetPart(root, 'legend');
  const message = widgetPart(root, 'message');
  const whichModel = widgetPart(root, 'which-model');
  const correct = widgetPart<HTMLButtonElement>(root, 'correct');
  const painterHost = widgetPart(root, 'painter');
  const confirmHost = widgetPart(root, 'confirm-host');
  const words = pageMessages();
  const t = words.ownImage;
  const abort = new AbortController();
  const on = <K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, fn: (e: HTMLElementEventMap[K]) => void): void =>
    el.addEventListener(type, fn, { signal: abort.signal });

  let picture: Picture | null = null;
  let segmentation: Segmentation | null = null;
  let street: StreetModel | null = null;
  /** Set once the gate lets the network run (after a click where it asks for one). */
  let ready = false;
  let hover: { x: number; y: number } | null = null;
  /** The label painter, once the reader asked to correct the labels of the picture shown. */
  let painter: Painter | null = null;
  /** The open "Discard your label edits?" question, while a new picture waits on it. */
  let question: DiscardQuestion | null = null;

  const closePainter = (): void => {
    painter?.close();
    painter = null;
    correct.setAttribute('aria-expanded', 'false');
  };

  const say = (text: string, kind: 'info' | 'error'): void => {
    message.textContent = text;
    message.dataset.kind = kind;
  };

  const drawProbe = (s: OwnImageState): void => {
    const p = hover ?? s;
    stage.querySelector('[data-part="marker"]')?.replaceChildren(renderProbeMarker(p.x, p.y, INPUT_WIDTH, INPUT_HEIGHT));
    const here = segmentation ? classAt(segmentation, p.x, p.y) : null;
    probe.textContent = here ? pixelSentence(here, words) : '';
    legend.replaceChildren(segmentation ? renderPresentLegend(labelShares(segmentation.labels), here?.label ?? null, words) : '');
  };

  const draw = (s: OwnImageState): void => {
    caption.textContent = sceneCaption(picture?.name ?? null, segmentation !== null, s.opacity, t);
    if (!picture) {
      stage.replaceChildren(renderEmptyStage(t));
      return;
    }
    const hadFocus = stage.contains(document.activeElement);
    const rgba = segmentation
      ? compositeOverlay(picture.rgb, segmentation.labels, INPUT_WIDTH, INPUT_HEIGHT, s.opacity / 100)
      : imageToRgba(picture.rgb, INPUT_WIDTH, INPUT_HEIGHT);
    stage.replaceChildren(
      renderScene({
        width: INPUT_WIDTH,
        height: INPUT_HEIGHT,
        rgba,
        label: t.sceneLabel(picture.name, segmentation !== null),
        note: segmentation ? null : ready ? t.running : t.labelsLater,
      }),
    );
    if (hadFocus) stage.querySelector<HTMLElement>('[data-part="scene"]')?.focus();
    drawProbe(s);
  };

  const state = throttledState(id, ownImageCodec, (s) => {
    sync(s);
    draw(s);
    painter?.setOpacity(s.opacity / 100);
  });
  const sync = bindFields(root, ownImageCodec, (patch) => state.set(patch), abort.signal);
  sync(state.get());

  const predict = (): void => {
    const shown = picture;
    if (!ready || !street || !shown || segmentation) return;
    segmentPicture(street.model, shown.rgb).then(
      (seg) => {
        if (picture !== shown) return;
        segmentation = seg;
        draw(state.get());
        correct.hidden = false;
        root.dataset.prediction = 'ready';
      },
      (error: unknown) => say(t.networkFailed(shown.name, errorMessage(error)), 'error'),
    );
  };

  /**
   * Shows a new picture (`then` runs once it is shown), or says why a file was refused and keeps
   * what is shown. Painted labels are never dropped unasked: the reader keeps or discards them.
   */
  const accept = (result: PictureResult, then?: () => void): void => {
    if (!result.ok) {
      say(picture ? t.previousStays(result.message) : result.message, 'error');
      return;
    }
    question?.cancel();
    if (painter?.edited) {
      const asked = askDiscard(confirmHost, id, result.picture.name, t);
      question = asked;
      void asked.answer.then((discard) => {
        if (question !== asked) return; // a later picture asked again
        question = null;
        if (discard) {
          show(result.picture);
          then?.();
        } else if (!abort.signal.aborted) {
          say(t.editsKept(result.picture.name), 'info');
          painterHost.querySelector<HTMLElement>('[data-part="canvas"]')?.focus();
        }
      });
      return;
    }
    show(result.picture);
    then?.();
  };

  const show = (shown: Picture): void => {
    picture = shown;
    segmentation = null;
    closePainter();
    correct.hidden = true;
    delete root.dataset.prediction;
    hover = null;
    const warning = cropWarning(picture.width, picture.height, picture.crop, INPUT_WIDTH, INPUT_HEIGHT, t);
    say(t.showing(picture.name, warning), 'info');
    region.replaceChildren(renderRegion(picture, t));
    draw(state.get());
    predict();
  };

  /** A reader's own picture (file, drop, camera) replaces any sample, and the link forgets it. */
  const acceptOwn = (result: PictureResult): void => accept(result, () => state.set({ sample: 0 }));
  const sourceOptions = { root, accept: acceptOwn, say, signal: abort.signal };
  bindFileSources(sourceOptions);
  const closeCamera = bindCamera(sourceOptions);
  const openSample = bindSamples({
    root,
    say,
    signal: abort.signal,
    accept: (result, seed) => accept(result, () => state.set({ sample: seed })),
  });
  // A link to the widget with a sample shows that sample.
  if (state.get().sample > 0) openSample(state.get().sample);

  on(stage, 'pointermove', (event) => {
    const scene = stage.querySelector('[data-part="scene"]');
    hover = scene ? pointerPixel(event.clientX, event.clientY, scene.getBoundingClientRect(), INPUT_WIDTH, INPUT_HEIGHT) : null;
    drawProbe(state.get());
  });
  on(stage, 'pointerleave', () => {
    hover = null;
    drawProbe(state.get());
  });
  on(stage, 'pointerdown', (event) => {
    const scene = stage.querySelector('[data-part="scene"]');
    const p = scene ? pointerPixel(event.clientX, event.clientY, scene.getBoundingClientRect(), INPUT_WIDTH, INPUT_HEIGHT) : null;
    if (p) state.set(p);
  });
  on(stage, 'keydown', (event) => {
    if ((event.target as HTMLElement | null)?.dataset.part !== 'scene') return;
    const s = state.get();
    const moved = movedProbe(event.key, event.shiftKey, s.x, s.y);
    if (!moved) return;
    event.preventDefault();
    hover = null;
    state.set(moved);
  });

  // The painter loads only when asked for, starting from the network's labels.
  on(correct, 'click', () => {
    const shown = picture;
    const seg = segmentation;
    if (!shown || !seg) return;
    if (painter) {
      painterHost.querySelector<HTMLElement>('[data-part="canvas"]')?.focus();
      return;
    }
    void import('../label-painter/painter').then(
      ({ openPainter }) => {
        if (picture !== shown || painter) return;
        painter = openPainter(painterHost, {
          id: `${id}-paint`,
          name: shown.name,
          width: INPUT_WIDTH,
          height: INPUT_HEIGHT,
          rgb: shown.rgb,
          prediction: Uint8Array.from(seg.labels),
          opacity: state.get().opacity / 100,
        });
        correct.setAttribute('aria-expanded', 'true');
        painterHost.querySelector<HTMLElement>('[data-part="canvas"]')?.focus();
      },
      (error: unknown) => say(errorMessage(error), 'error'),
    );
  });

  whichModel.textContent = modelSentence(sources.camvidUrl ? 'camvid' : sources.page.checkpointUrl ? 'synthetic' : 'untrained', t);
  let stopBackendMark: () => void = () => undefined;
  const stopGate = gateModel({
    root,
    status: widgetPart(root, 'status'),
    source: sources.page,
    load: () =>
      loadStreetModel(sources, t).then((loaded) => {
        street = loaded;
        return loaded.model;
      }),
    onReady: (loaded) => {
      ready = true;
      markBackend(root, loaded.backend);
      // The studio's Backend menu moves this network too.
      stopBackendMark();
      stopBackendMark = loaded.onBackend((backend) => markBackend(root, backend));
      if (street) whichModel.textContent = [street.fallback, streetModelSentence(street, Boolean(sources.camvidUrl || sources.page.checkpointUrl), t)].filter(Boolean).join(' ');
      draw(state.get());
      predict();
    },
  });
  draw(state.get());

  return () => {
    question?.cancel();
    closePainter();
    stopBackendMark();
    stopGate();
    closeCamera();
    state.flush();
    abort.abort();
  };
});
