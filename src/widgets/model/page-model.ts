/**
 * The page's model, shared by every model-backed widget on the page: SegNet-Basic at 96x128
 * with the pretrained checkpoint when the site has one, otherwise an untrained network (and a
 * notice saying so). The network runs in the engine worker (model-host.ts); here is its proxy,
 * which sends a frame or a picture and gets back only what a widget asks for, as typed arrays.
 * The page loads no TF.js for it. Answers are kept: a frame's prediction for the page's life, a
 * layer for the last two frames asked about. A worker that dies rejects what was asked of it,
 * in the page's language, and the next question starts a fresh one.
 */
import type { BackendChoice, CheckpointMeta, Segmentation } from '../../segnet';
import { pageMessages, type Messages } from '../../i18n';
import type { PooledChannel, Upsampler } from '../decoder-side-by-side/upsample';
import type { DemoFrame } from './demo-frames';
import type { LayerData } from './frame-analysis';
import { KEPT_FRAMES, type FrameInput } from './model-frames';
import { checkpointFit, PAGE_MODEL_CONFIG, type ModelOrigin } from './model-origin';
import { RemoteCalls, type WorkerConnection } from './remote-calls';
import type { Remote as ComlinkRemote } from 'comlink';
import type { WorkerApi } from '../worker/api';

export { PAGE_MODEL_CONFIG };

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

/** Said when the build has no checkpoint, in the page's language. */
export const NO_CHECKPOINT_NOTICE: string = pageMessages().model.noCheckpoint;

/** What the worker says when it has opened a checkpoint's network. */
export interface ModelOpened {
  backend: BackendChoice;
  origin: ModelOrigin;
}

/**
 * The engine worker's model calls (see ../worker/api.ts), each naming its network by its
 * checkpoint's URL (null: the untrained network).
 */
export interface ModelRemote {
  openModel(checkpointUrl: string | null): Promise<ModelOpened>;
  modelPrediction(checkpointUrl: string | null, frame: FrameInput): Promise<Segmentation>;
  modelLayer(checkpointUrl: string | null, frame: FrameInput, name: string): Promise<LayerData>;
  segmentPicture(checkpointUrl: string | null, rgb: Uint8Array): Promise<Segmentation>;
  upsampleChannel(channel: PooledChannel): Promise<Record<Upsampler, Float32Array>>;
  closeModel(checkpointUrl: string | null): Promise<void> | void;
}

/** How the proxy reaches the worker; the page uses the engine worker, tests their own. */
export type ModelConnection = WorkerConnection<ModelRemote>;

export class PageModel {
  private readonly predictions = new Map<number, Promise<Segmentation>>();
  private readonly layers = new Map<number, Map<string, Promise<LayerData>>>();
  private readonly calls: RemoteCalls<ModelRemote>;
  private readonly stopBackendWatch: () => void;
  private readonly backendListeners = new Set<(backend: BackendChoice) => void>();
  private current: BackendChoice;

  constructor(
    connection: ModelConnection,
    readonly checkpointUrl: string | null,
    backend: BackendChoice,
    readonly description: ModelDescription,
    remote: ModelRemote,
  ) {
    this.current = backend;
    this.stopBackendWatch =
      connection.onBackend?.((next) => {
        this.current = next;
        for (const listener of [...this.backendListeners]) listener(next);
      }) ?? (() => undefined);
    this.calls = new RemoteCalls(connection, (r) => r.openModel(checkpointUrl), remote, () => {
      this.predictions.clear();
      this.layers.clear();
    });
  }

  /** Where the network runs now (the worker's backend, which the studio may switch). */
  get backend(): BackendChoice {
    return this.current;
  }

  /** Calls `listener` with the new backend after every switch; returns a function that stops listening. */
  onBackend(listener: (backend: BackendChoice) => void): () => void {
    this.backendListeners.add(listener);
    return () => void this.backendListeners.delete(listener);
  }

  /** The model's labels and class probabilities for a frame. */
  prediction(frame: DemoFrame): Promise<Segmentation> {
    let p = this.predictions.get(frame.splitIndex);
    if (!p) {
      p = this.ask((r) => r.modelPrediction(this.checkpointUrl, frameInput(frame)));
      p.catch(() => this.predictions.delete(frame.splitIndex));
      this.predictions.set(frame.splitIndex, p);
    }
    return p;
  }

  /** One recorded layer's output for a frame (the worker runs the network if this frame's pass was dropped). */
  layer(frame: DemoFrame, name: string): Promise<LayerData> {
    const key = frame.splitIndex;
    let kept = this.layers.get(key);
    if (kept) this.layers.delete(key); // re-insert: most recently used last
    kept ??= new Map();
    this.layers.set(key, kept);
    while (this.layers.size > KEPT_FRAMES) this.layers.delete(this.layers.keys().next().value!);
    let p = kept.get(name);
    if (!p) {
      p = this.ask((r) => r.modelLayer(this.checkpointUrl, frameInput(frame), name));
      p.catch(() => kept.delete(name));
      kept.set(name, p);
    }
    return p;
  }

  /**
   * The network's labels and class probabilities for one picture: `rgb` holds height x width x 3
   * bytes at the model's input size (the worker checks it).
   */
  segment(rgb: Uint8Array): Promise<Segmentation> {
    return this.ask((r) => r.segmentPicture(this.checkpointUrl, rgb));
  }

  /** One pooled channel brought back to full size three ways (see ../decoder-side-by-side/upsample.ts). */
  upsampleChannel(channel: PooledChannel): Promise<Record<Upsampler, Float32Array>> {
    return this.ask((r) => r.upsampleChannel(channel));
  }

  /** Forgets this network in the worker (its widgets went away). */
  close(): void {
    this.stopBackendWatch();
    this.backendListeners.clear();
    this.calls.close((r) => r.closeModel(this.checkpointUrl));
  }

  private ask<T>(call: (remote: ModelRemote) => Promise<T>): Promise<T> {
    return this.calls.ask(call);
  }
}

/** A demo frame as sent to the worker (its labels stay here). */
const frameInput = (frame: DemoFrame): FrameInput => ({ splitIndex: frame.splitIndex, image: frame.image });

/** What the reader is told about a network, from the worker's facts. */
export function describeOrigin(origin: ModelOrigin, m: Messages['model'] = pageMessages().model): ModelDescription {
  if (origin.trained) {
    return { trained: true, summary: m.pretrainedSummary(origin.steps > 0 ? origin.steps.toLocaleString('en') : null, origin.dataset), notice: null };
  }
  const notice =
    origin.why === 'no-checkpoint'
      ? m.noCheckpoint
      : origin.why === 'unfit'
        ? m.checkpointUnfit(fitSentence(origin.fit, m))
        : m.checkpointFailed(origin.error);
  return { trained: false, summary: m.untrainedSummary, notice };
}

const fitSentence = (fit: NonNullable<ReturnType<typeof checkpointFit>>, m: Messages['model']): string =>
  m.checkpointMismatch(fit.encoder, fit.size, fit.wantEncoder, fit.wantSize);

/** Human summary of a loaded checkpoint. */
export function describeCheckpoint(meta: CheckpointMeta, m: Messages['model'] = pageMessages().model): ModelDescription {
  const dataset = typeof meta.extra.dataset === 'string' ? meta.extra.dataset : null;
  return describeOrigin({ trained: true, steps: meta.progress.step, dataset }, m);
}

/** Whether a checkpoint's model can stand in for the page's model (same frame size and encoder); null when it can. */
export function checkpointMismatch(meta: CheckpointMeta, m: Messages['model'] = pageMessages().model): string | null {
  const fit = checkpointFit(meta);
  return fit ? fitSentence(fit, m) : null;
}

type EngineWorkerModule = typeof import('../shared/engine-worker');

/** A listener registered through the engine-worker module once it has loaded; the stop works before that too. */
function listenWhenLoaded<T>(listen: (w: EngineWorkerModule, listener: (value: T) => void) => () => void): (listener: (value: T) => void) => () => void {
  return (listener) => {
    let stop: (() => void) | null = null;
    let stopped = false;
    void import('../shared/engine-worker').then((w) => {
      if (!stopped) stop = listen(w, listener);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  };
}

/** The page's engine worker, reached when a network is first opened (its module loads then). */
export const ENGINE_CONNECTION: WorkerConnection<ComlinkRemote<WorkerApi>> = {
  remote: async () => (await import('../shared/engine-worker')).engineWorker(),
  onCrash: listenWhenLoaded<Error>((w, listener) => w.onEngineCrash(listener)),
  onBackend: listenWhenLoaded<BackendChoice>((w, listener) => w.onEngineWorkerBackend(listener)),
};

/**
 * Opens the network of `checkpointUrl` in the worker; the proxy (described by `describe`) and
 * what the worker said about where the network came from (an untrained one, and why, when the
 * checkpoint did not load).
 */
export async function openPageModel(
  checkpointUrl: string | null,
  describe: (origin: ModelOrigin) => ModelDescription = (origin) => describeOrigin(origin),
  connection: ModelConnection = ENGINE_CONNECTION,
): Promise<{ model: PageModel; origin: ModelOrigin }> {
  const remote = await connection.remote();
  const { backend, origin } = await remote.openModel(checkpointUrl);
  return { model: new PageModel(connection, checkpointUrl, backend, describe(origin), remote), origin };
}

/** Why a checkpoint is not running, in the page's language (the worker's facts, worded). */
export function originProblem(origin: ModelOrigin, m: Messages['model'] = pageMessages().model): string | null {
  if (origin.trained) return null;
  if (origin.why === 'failed') return origin.error;
  if (origin.why === 'unfit') return fitSentence(origin.fit, m);
  return m.noCheckpoint;
}

let pageModel: Promise<PageModel> | null = null;

/** The page's model, opened once per page by whichever widget asks first. */
export function loadPageModel(source: ModelSource, connection: ModelConnection = ENGINE_CONNECTION): Promise<PageModel> {
  if (!pageModel) {
    pageModel = openPageModel(source.checkpointUrl, undefined, connection).then(({ model }) => model);
    pageModel.catch(() => {
      pageModel = null;
    });
  }
  return pageModel;
}
