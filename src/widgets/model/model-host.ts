/**
 * The model widgets' network where it runs: in the engine worker (see ../worker/engine.worker.ts),
 * one per checkpoint, shared by every widget of the page. A frame's forward pass runs one at a
 * time; the last two frames' recorded activations stay here, and a widget gets only what it asks
 * for (a frame's labels and probabilities, one layer's values), as plain typed arrays that the
 * worker transfers to the page. Words for the reader are made on the page (page-model.ts): what
 * comes from here is facts.
 */
import type { BackendChoice, CheckpointMeta, Segmentation, SegNetModel } from '../../segnet';
import type { Engine } from '../shared/engine';
import { analyseFrame, type FrameAnalysis, type LayerData } from './frame-analysis';
import { KEPT_FRAMES, type FrameInput } from './model-frames';
import { checkpointFit, PAGE_MODEL_CONFIG, type ModelOrigin } from './model-origin';

export type { FrameInput };


/** Runs one network over the page's frames and the reader's pictures. */
export class ModelRunner {
  private readonly analyses = new Map<number, Promise<FrameAnalysis>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly engine: Engine,
    readonly model: SegNetModel,
  ) {}

  get backend(): BackendChoice {
    return this.engine.backend;
  }

  /** The model's labels and class probabilities for a frame. */
  async prediction(frame: FrameInput): Promise<Segmentation> {
    return (await this.analysis(frame)).segmentation;
  }

  /** One recorded layer's output for a frame (runs the network if this frame's pass was dropped). */
  async layer(frame: FrameInput, name: string): Promise<LayerData> {
    let analysis = await this.analysis(frame);
    if (analysis.isDisposed) {
      this.analyses.delete(frame.splitIndex);
      analysis = await this.analysis(frame);
    }
    return analysis.layer(name);
  }

  /**
   * The network's labels and class probabilities for one picture: `rgb` holds height x width x 3
   * bytes at the model's input size, scaled to [0, 1] as the training data were. Runs after any
   * pass already queued.
   */
  segment(rgb: Uint8Array): Promise<Segmentation> {
    const { height, width } = this.model.config;
    if (rgb.length !== height * width * 3) {
      return Promise.reject(new Error(`segmentPicture: expected ${height} x ${width} x 3 = ${height * width * 3} bytes, got ${rgb.length}`));
    }
    const run = this.queue.then(async () => {
      const input = this.engine.segnet.imagesToTensor(rgb, 1, height, width); // [1, H, W, 3]
      try {
        const [segmentation] = await this.model.segment(input);
        return segmentation!;
      } finally {
        input.dispose();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Frees the network and every recorded pass. */
  dispose(): void {
    for (const analysis of this.analyses.values()) void analysis.then((a) => a.dispose(), () => undefined);
    this.analyses.clear();
    this.model.dispose();
  }

  /** The frame's forward pass, run after any pass already queued. */
  private analysis(frame: FrameInput): Promise<FrameAnalysis> {
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
    while (this.analyses.size > KEPT_FRAMES) {
      const [oldest, old] = this.analyses.entries().next().value!;
      this.analyses.delete(oldest);
      void old.then((a) => a.dispose(), () => undefined);
    }
    return run;
  }
}

/** A checkpoint's network ready to run, and what the reader is told about where it came from. */
export interface OpenedModel {
  runner: ModelRunner;
  origin: ModelOrigin;
}

/** Facts of a loaded checkpoint that the page words. */
export function originOf(meta: CheckpointMeta): ModelOrigin {
  const fit = checkpointFit(meta);
  if (fit) return { trained: false, why: 'unfit', fit };
  const dataset = typeof meta.extra.dataset === 'string' ? meta.extra.dataset : null;
  return { trained: true, steps: meta.progress.step, dataset };
}

/**
 * The network of `checkpointUrl` on `engine` (SegNet-Basic at 96x128); an untrained one, and
 * why, when there is no checkpoint, it does not fit, or it fails to load.
 */
export async function openModel(engine: Engine, checkpointUrl: string | null): Promise<OpenedModel> {
  const untrained = (origin: ModelOrigin): OpenedModel => ({ runner: new ModelRunner(engine, engine.segnet.buildSegNet(PAGE_MODEL_CONFIG)), origin });
  if (!checkpointUrl) return untrained({ trained: false, why: 'no-checkpoint' });
  try {
    // loadSegNet resolves the site path (TF.js's HTTP loader needs an absolute URL).
    const { model, meta } = await engine.segnet.loadSegNet(checkpointUrl);
    const origin = originOf(meta);
    if (!origin.trained) {
      model.dispose();
      return untrained(origin);
    }
    return { runner: new ModelRunner(engine, model), origin };
  } catch (e) {
    return untrained({ trained: false, why: 'failed', error: (e as Error).message });
  }
}

/** A copy of a segmentation whose buffers can be transferred (the kept one stays readable here). */
export function segmentationCopy(s: Segmentation): { value: Segmentation; buffers: ArrayBuffer[] } {
  const labels = s.labels.slice();
  const probabilities = s.probabilities.slice();
  return { value: { ...s, labels, probabilities }, buffers: [labels.buffer, probabilities.buffer] };
}

/** A copy of a layer's data whose buffers can be transferred. */
export function layerCopy(d: LayerData): { value: LayerData; buffers: ArrayBuffer[] } {
  const values = d.values.slice();
  const indices = d.indices?.slice() ?? null;
  return { value: { ...d, values, indices }, buffers: indices ? [values.buffer, indices.buffer] : [values.buffer] };
}
