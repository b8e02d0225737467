/**
 * The page's model and frames, shared by the model-backed widgets (label overlay, architecture
 * explorer, decoder side-by-side, results table), each bound to them by bindModelWidget.
 * Browser-safe and free of TF.js: the network runs in the engine worker (model-host.ts), which
 * loadPageModel starts; the page holds a proxy. Build-time helpers live in ./sources (Node).
 */
export { DEMO_DATASET, DEMO_FRAME_INDICES, loadDemoFrames, pickDemoFrames, type DemoFrame, type DemoFrames } from './demo-frames';
export { LOGITS_LAYER, type LayerData } from './frame-analysis';
export {
  NO_CHECKPOINT_NOTICE,
  PAGE_MODEL_CONFIG,
  loadPageModel,
  type ModelDescription,
  type ModelSource,
  type PageModel,
} from './page-model';
export { gateModel, type ModelGateOptions } from './model-gate';
export { bindModelWidget, type ModelWidgetDeps, type ModelWidgetHooks } from './bind-model-widget';
export { renderModelStatus, showModelStatus, type ModelStatusView } from './model-status';
export { backendSentence, holdReason, readRunEnvironment, type HoldReason, type RunEnvironment } from './run-policy';
export { readSources } from './read-sources';
export { channelPlane, mostVariedChannel } from './layer-planes';
