/**
 * What every widget that runs the page's model on the demo frames does the same way: read the
 * sources its shell wrote, load the demo frames and paint the frame picker's thumbnails, and
 * start the network through the gate (model-gate.ts), marking where it runs in `data-backend`.
 * The widget gives only what is its own: what to draw when the frames or the network arrive.
 */
import { pageMessages } from '../../i18n';
import { widgetPart } from '../shared/define-widget';
import { loadDemoFrames, type DemoFrames } from './demo-frames';
import { paintFrameThumbnails } from '../shared/frame-thumbnails';
import { gateModel, type ModelGateOptions } from './model-gate';
import type { PageModel } from './page-model';
import { readSources } from './read-sources';
import { errorMessage } from '../../segnet/core';
import { markBackend } from '../shared/backend-sharing';
import { whenNearViewport } from '../shared/near-viewport';

export interface ModelWidgetHooks {
  /** The demo frames have loaded (the thumbnails are painted already). */
  frames(frames: DemoFrames): void;
  /** The demo frames could not be loaded: a sentence saying so, for the reader. */
  framesFailed(message: string): void;
  /** The network is ready to run (`data-backend` is set already). */
  model(model: PageModel): void;
}

/** What the binding reaches outside itself; the page uses the defaults, tests their own. */
export interface ModelWidgetDeps {
  loadFrames(dataUrl: string): Promise<DemoFrames>;
  gate(options: ModelGateOptions): () => void;
  /**
   * Calls `start` when the widget nears the viewport (the frames are most of a megabyte, not
   * worth fetching for a widget the reader may never reach); returns a cancel function.
   * Without it, the frames load at once.
   */
  whenNear?(root: HTMLElement, start: () => void): () => void;
}

const PAGE_DEPS: ModelWidgetDeps = { loadFrames: loadDemoFrames, gate: gateModel, whenNear: whenNearViewport };

/**
 * Binds a model widget's frames and network to `hooks`. The status line is the root's
 * `[data-part="status"]`. Returns a function that stops the gate; no hook is called after it.
 */
export function bindModelWidget(root: HTMLElement, hooks: ModelWidgetHooks, deps: ModelWidgetDeps = PAGE_DEPS): () => void {
  const sources = readSources(root);
  const status = widgetPart(root, 'status');
  let live = true;
  const loadFrames = () =>
    deps.loadFrames(sources.dataUrl).then(
      (frames) => {
        if (!live) return;
        paintFrameThumbnails(root, frames);
        hooks.frames(frames);
      },
      (error: unknown) => {
        if (live) hooks.framesFailed(pageMessages().model.framesFailed(errorMessage(error)));
      },
    );
  let stopBackendMark: () => void = () => undefined;
  const stopFrames = deps.whenNear ? deps.whenNear(root, () => void loadFrames()) : (void loadFrames(), () => {});
  const stopGate = deps.gate({
    root,
    status,
    source: sources.model,
    onReady: (model) => {
      markBackend(root, model.backend);
      stopBackendMark();
      stopBackendMark = model.onBackend((backend) => markBackend(root, backend));
      hooks.model(model);
    },
  });
  return () => {
    live = false;
    stopBackendMark();
    stopFrames();
    stopGate();
  };
}
