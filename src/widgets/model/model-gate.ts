/**
 * Starts the page's model for one widget: when the widget comes near the viewport, unless the
 * device is small, asks to save data or has neither WebGL nor WebGPU (then on a click), and
 * after a second click when only the slow plain-JS backend is available. While the network is
 * held, the widget's precomputed figure (`[data-part="model-fallback"]`, see
 * ModelFallback.astro) is shown in its place, and the root carries `data-fallback="shown"` so
 * that the parts marked `data-live` (empty until the network has run) step aside for it.
 * Keeps the widget's status line up to date.
 */
import { whenNearViewport } from '../shared/near-viewport';
import { isStaleChunk, offerReload } from '../shared/stale-chunk';
import { hasGpu, probeGpu } from './gpu-probe';
import { showModelStatus, type ModelStatusView } from './model-status';
import { loadPageModel, type ModelDescription, type ModelSource, type PageModel } from './page-model';
import type { BackendChoice } from '../../segnet';

/** What the gate needs of a network: what to say of it, where it runs, and when that changes (PageModel, the gallery's). */
export interface GatedModel {
  readonly description: ModelDescription;
  readonly backend: BackendChoice;
  onBackend(listener: (backend: BackendChoice) => void): () => void;
}
import { backendSentence, holdView, isSlowBackend, readRunEnvironment } from './run-policy';
import { errorMessage } from '../../segnet/core';

export interface ModelGateOptions<M extends GatedModel = PageModel> {
  /** The widget element: the model starts when it nears the viewport. */
  root: HTMLElement;
  /** Where the status line is drawn (an aria-live region). */
  status: HTMLElement;
  source: ModelSource;
  /**
   * Loads the network to run; by default the page's shared model from `source`. A widget that
   * runs other weights (the own-image widget's CamVid checkpoint) passes its own loader.
   */
  load?: () => Promise<M>;
  /** Called once, with the page's model, when it is ready to run. */
  onReady: (model: M) => void;
  /**
   * The precomputed figure shown while the network is held; by default the root's
   * `[data-part="model-fallback"]` element, if it has one.
   */
  fallback?: HTMLElement | null;
}

/** Wires the gate; returns a function that stops it (no callback after that). */
export function gateModel<M extends GatedModel = PageModel>(options: ModelGateOptions<M>): () => void {
  const { root, status, source, onReady } = options;
  // Without a loader of its own, the widget runs the page's model (M is PageModel then).
  const loadModel = options.load ?? (() => loadPageModel(source) as unknown as Promise<M>);
  const fallback = options.fallback !== undefined ? options.fallback : root.querySelector<HTMLElement>('[data-part="model-fallback"]');
  let live = true;
  const showFallback = (shown: boolean): void => {
    if (!fallback) return;
    fallback.hidden = !shown;
    if (shown) root.dataset.fallback = 'shown';
    else delete root.dataset.fallback;
  };
  const show = (view: ModelStatusView, action?: () => void): void => {
    if (live) showModelStatus(status, view, action);
  };

  let stopBackendWatch: () => void = () => undefined;
  const showReady = (model: M): void =>
    show({
      state: 'ready',
      summary: model.description.summary,
      backendSentence: backendSentence(model.backend),
      notice: model.description.notice,
    });
  const ready = (model: M): void => {
    if (live) showFallback(false);
    showReady(model);
    // The studio's Backend menu moves this network too: the status line follows.
    stopBackendWatch();
    stopBackendWatch = model.onBackend(() => showReady(model));
    if (live) onReady(model);
  };

  const load = (): void => {
    show({ state: 'loading' });
    loadModel().then(
      (model) => {
        if (isSlowBackend(model.backend.name)) show({ state: 'slow', backendSentence: backendSentence(model.backend) }, () => ready(model));
        else ready(model);
      },
      (error: unknown) => {
        if (live && isStaleChunk(error)) offerReload(status);
        else show({ state: 'failed', message: errorMessage(error) });
      },
    );
  };

  show({ state: 'waiting' });
  const cancel = whenNearViewport(root, () => {
    void probeGpu().then((apis) => {
      if (!live) return;
      const held = holdView(readRunEnvironment(hasGpu(apis)), fallback !== null);
      if (!held) return load();
      showFallback(held.showFallback);
      show({ state: 'held', message: held.message, ...(held.note ? { note: held.note } : {}), action: held.action }, load);
    });
  });
  return () => {
    live = false;
    stopBackendWatch();
    cancel();
  };
}
