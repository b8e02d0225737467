/**
 * The page's model, shared by every model-backed widget on the page: SegNet-Basic at 96x128
 * with the pretrained checkpoint when the site has one, otherwise an untrained network (and a
 * notice saying so). Forward passes run one at a time; the last two frames' activations are
 * kept so widgets can read any layer without running the network again.
 */
import type { BackendChoice, CheckpointMeta, Segmentation, SegNetModel, SegNetOptions } from '../../segnet';
import { pageMessages, type Messages } from '../../i18n';
import { loadEngine, type Engine } from '../shared/engine';
import type { DemoFrame } from './demo-frames';
import { analyseFrame, type FrameAnalysis, type LayerData } from './frame-analysis';

/** The model every widget shows: the paper's SegNet-Basic at the embedded data's size. */
export const PAGE_MODEL_CONFIG: SegNetOptions = Object.freeze({
  encoder: 'basic',
  decoder: 'segnet',
  height: 96,
  width: 128,
  seed: 1,
});

/** Where the page's model comes from; filled at build time (see sources.ts). */
export interface ModelSource {
  /** URL of the checkpoint's model.json, or null when the site was built without one. */
  checkpointUrl: string | null;
}

/** What the reader is told about the model. */
export interface ModelDescription {
  trained: boolean;
  /** e.g. "SegNet-Basic, trained checkpoint (2,000 steps)". */
  summary: string;
  /** Why an untrained network is shown; null when the checkpoint loaded. */
  notice: string | null;
}

/** Said when the build has no checkpoint, in the page's language (read when this module loads). */
export const NO_CHECKPOINT_NOTICE: string = pageMessages().model.noCheckpoint;

/** How many frames keep their recorded activations. */
const KEPT_ANALYSES = 2;

export class PageModel {
  private readonly analyses = new Map<number, Promise<FrameAnalysis>>();
  private readonly predictions = new Map<number, Promise<Segmentation>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly engine: Engine,
    readonly model: SegNetModel,
    readonly description: ModelDescription,
  ) {}

  get backend(): BackendChoice {
    return this.engine.backend;
  }

  /** The model's labels and class probabilities for a frame. */
  prediction(frame: DemoFrame): Promise<Segmentation> {
    let p = this.predictions.get(frame.splitIndex);
    if (!p) {
      p = this.analysis(frame).then((a) => a.segmentation);
      p.catch(() => this.predictions.delete(frame.splitIndex));
      this.predictions.set(frame.splitIndex, p);
    }
    return p;
  }

  /** One recorded layer's output for a frame (runs the network if this frame's pass was dropped). */
  async layer(frame: DemoFrame, name: string): Promise<LayerData> {
    let analysis = await this.analysis(frame);
    if (analysis.isDisposed) {
      this.analyses.delete(frame.splitIndex);
      analysis = await this.analysis(frame);
    }
    return analysis.layer(name);
  }

  /** The frame's forward pass, run after any pass already queued. */
  private analysis(frame: DemoFrame): Promise<FrameAnalysis> {
    const key = frame.splitIndex;
    const cached = this.analyses.get(key);
    if (cached) {
      this.analyses.delete(key); // re-insert: most recently used last
      this.analyses.set(key, cached);
      return cached;
    }
    const run = this.queue.then(() => analyseFrame(this.engine.segnet, this.model, frame));
    this.queue = run.catch(() => undefined);
    run.catch(() => this.analyses.delete(key));
    this.analyses.set(key, run);
    while (this.analyses.size > KEPT_ANALYSES) {
      const [oldest, old] = this.analyses.entries().next().value!;
      this.analyses.delete(oldest);
      void old.then((a) => a.dispose(), () => undefined);
    }
    return run;
  }
}

/** Human summary of a loaded checkpoint. */
export function describeCheckpoint(meta: CheckpointMeta, m: Messages['model'] = pageMessages().model): ModelDescription {
  const steps = meta.progress.step;
  const dataset = typeof meta.extra.dataset === 'string' ? meta.extra.dataset : null;
  return { trained: true, summary: m.pretrainedSummary(steps > 0 ? steps.toLocaleString('en') : null, dataset), notice: null };
}

/** Whether a checkpoint's model can stand in for the page's model (same frame size and encoder). */
export function checkpointMismatch(meta: CheckpointMeta, m: Messages['model'] = pageMessages().model): string | null {
  const { encoder, height, width } = meta.config;
  const want = PAGE_MODEL_CONFIG;
  if (encoder !== want.encoder || height !== want.height || width !== want.width) {
    return m.checkpointMismatch(encoder, `${height}x${width}`, want.encoder, `${want.height}x${want.width}`);
  }
  return null;
}

async function buildPageModel(source: ModelSource): Promise<PageModel> {
  const m = pageMessages().model;
  const engine = await loadEngine();
  const untrained = (notice: string): PageModel =>
    new PageModel(engine, engine.segnet.buildSegNet(PAGE_MODEL_CONFIG), {
      trained: false,
      summary: m.untrainedSummary,
      notice,
    });
  if (!source.checkpointUrl) return untrained(m.noCheckpoint);
  try {
    // loadSegNet resolves the site path (TF.js's HTTP loader needs an absolute URL).
    const { model, meta } = await engine.segnet.loadSegNet(source.checkpointUrl);
    const mismatch = checkpointMismatch(meta, m);
    if (mismatch) {
      model.dispose();
      return untrained(m.checkpointUnfit(mismatch));
    }
    return new PageModel(engine, model, describeCheckpoint(meta, m));
  } catch (e) {
    return untrained(m.checkpointFailed((e as Error).message));
  }
}

let pageModel: Promise<PageModel> | null = null;

/** The page's model, built once per page by whichever widget asks first. */
export function loadPageModel(source: ModelSource): Promise<PageModel> {
  if (!pageModel) {
    pageModel = buildPageModel(source);
    pageModel.catch(() => {
      pageModel = null;
    });
  }
  return pageModel;
}
