/**
 * The engine worker: one per page, shared by the widgets on it. TF.js, the networks, their
 * training loops, validation and saves, and the model widgets' forward passes live here, so
 * no step and no pass ever holds the page. Each widget
 * opens its session through the API below (comlink); the session reports back to the page's
 * view, one message per change, with typed arrays transferred. A widget that goes away closes
 * its session, which also closes the channel to its view.
 */
import * as Comlink from 'comlink';
import type { StudioSession } from '../training-studio/session';
import type { WorkerApi } from './api';
import type { LayerData } from '../model/frame-analysis';
import type { OpenedModel } from '../model/model-host';
import type { GalleryCheckpoint, GalleryHost } from '../decoder-gallery/gallery-host';
import type { Segmentation } from '../../segnet';
import { loadEngine, type Engine } from '../shared/engine';
import { onEngineBackend } from '../shared/backend-sharing';

/**
 * A page's view (the page passed it as a comlink proxy) that can be closed: after close() its
 * channel is released and the session's late calls (a loop ending after dispose) go nowhere.
 */
function closable<T extends object>(page: T): { page: T; close: () => void } {
  let closed = false;
  const ignored = (): undefined => undefined;
  return {
    page: new Proxy(page, { get: (target, key) => (!closed ? Reflect.get(target, key) : key === 'then' ? undefined : ignored) }),
    close: () => {
      if (closed) return;
      closed = true;
      const release = (page as Partial<Comlink.ProxyMethods>)[Comlink.releaseProxy];
      if (typeof release === 'function') void Promise.resolve(release.call(page)).catch(() => undefined);
    },
  };
}

const studios = new Map<string, { session: StudioSession; close: () => void }>();

const closeStudio = (id: string): void => {
  const open = studios.get(id);
  if (!open) return;
  studios.delete(id);
  open.session.dispose();
  open.close();
};

/** The model widgets' networks, one per checkpoint URL ('' for the untrained one). */
const models = new Map<string, Promise<OpenedModel>>();

const modelKey = (checkpointUrl: string | null): string => checkpointUrl ?? '';

/** The decoder galleries' networks, one per list of checkpoints. */
const galleries = new Map<string, Promise<GalleryHost>>();

const galleryKey = (checkpoints: GalleryCheckpoint[]): string => JSON.stringify(checkpoints);

/** Settles when a switch away from a lost device has (networks open after it). */
let recovering: Promise<void> = Promise.resolve();

/** Started with the first network opened here: a lost GPU drops the networks and moves the engine to WebAssembly. */
let deviceWatch: Promise<unknown> | null = null;

/**
 * The network kept under `key` in `kept`, opened by the first call with the engine (after any
 * switch away from a lost device); a failed open is tried afresh next time.
 */
function openOnce<T>(kept: Map<string, Promise<T>>, key: string, open: (engine: Engine) => Promise<T>): Promise<T> {
  let opened = kept.get(key);
  if (!opened) {
    opened = (async () => {
      const engine = await loadEngine();
      deviceWatch ??= import('../model/model-device').then(({ recoverModelsOnDeviceLoss }) => recoverModelsOnDeviceLoss(engine, dropModels, switchFailed));
      await recovering;
      return open(engine);
    })();
    opened.catch(() => kept.delete(key));
    kept.set(key, opened);
  }
  return opened;
}

/** Empties `kept`, disposing of each network as it settles (after a lost device, disposing may fail). */
function forget<T>(kept: Map<string, Promise<T>>, dispose: (value: T) => void): void {
  const lost = [...kept.values()];
  kept.clear();
  for (const opened of lost) {
    void opened.then(
      (value) => {
        try {
          dispose(value);
        } catch {
          // The device that held it is gone.
        }
      },
      () => undefined,
    );
  }
}

/** After a lost device the switch to WebAssembly failed: every network asked for from now on fails, saying so. */
function switchFailed(error: unknown): void {
  recovering = Promise.reject(new Error(`The GPU was lost and WebAssembly could not take over (${error instanceof Error ? error.message : String(error)}); reload the page.`));
  recovering.catch(() => undefined);
}

/** Forgets every network (their tensors are gone with the device); none opens before `switched` settles. */
function dropModels(switched: Promise<void>): void {
  recovering = switched;
  forget(galleries, (host) => host.dispose());
  forget(models, ({ runner }) => runner.dispose());
}

/** The gallery networks of `checkpoints`. */
const openedGallery = (checkpoints: GalleryCheckpoint[]): Promise<GalleryHost> =>
  openOnce(galleries, galleryKey(checkpoints), async (engine) => (await import('../decoder-gallery/gallery-host')).GalleryHost.open(engine, checkpoints));

/** The network of `checkpointUrl`. */
const openedModel = (checkpointUrl: string | null): Promise<OpenedModel> =>
  openOnce(models, modelKey(checkpointUrl), async (engine) => (await import('../model/model-host')).openModel(engine, checkpointUrl));

/** Answers with copies whose buffers move to the page (the worker keeps its own). */
async function sendSegmentation(s: Promise<Segmentation>): Promise<Segmentation> {
  const { segmentationCopy } = await import('../model/model-host');
  const { value, buffers } = segmentationCopy(await s);
  return Comlink.transfer(value, buffers);
}

async function sendLayer(d: Promise<LayerData>): Promise<LayerData> {
  const { layerCopy } = await import('../model/model-host');
  const { value, buffers } = layerCopy(await d);
  return Comlink.transfer(value, buffers);
}

const api: WorkerApi = {
  async openModel(checkpointUrl) {
    const { runner, origin } = await openedModel(checkpointUrl);
    return { backend: runner.backend, origin };
  },
  async modelPrediction(checkpointUrl, frame) {
    const { runner } = await openedModel(checkpointUrl);
    return sendSegmentation(runner.prediction(frame));
  },
  async modelLayer(checkpointUrl, frame, name) {
    const { runner } = await openedModel(checkpointUrl);
    return sendLayer(runner.layer(frame, name));
  },
  async segmentPicture(checkpointUrl, rgb) {
    const { runner } = await openedModel(checkpointUrl);
    return sendSegmentation(runner.segment(rgb));
  },
  async upsampleChannel(channel) {
    const [engine, { upsampleChannel }] = await Promise.all([loadEngine(), import('../decoder-side-by-side/upsample')]);
    const maps = await upsampleChannel(engine, channel);
    return Comlink.transfer(maps, [maps.unpool.buffer, maps.transposed.buffer, maps.bilinear.buffer] as ArrayBuffer[]);
  },
  async openGallery(checkpoints) {
    const [host, engine] = await Promise.all([openedGallery(checkpoints), loadEngine()]);
    return { ...host.opened, backend: engine.backend };
  },
  async galleryLabels(checkpoints, frame) {
    const labels = await (await openedGallery(checkpoints)).labels(frame);
    // Copies go to the page; the host keeps its answers.
    const copies = labels.map((l) => l.slice());
    return Comlink.transfer(copies, copies.map((c) => c.buffer as ArrayBuffer));
  },
  async closeGallery(checkpoints) {
    const key = galleryKey(checkpoints);
    const opened = galleries.get(key);
    galleries.delete(key);
    await opened?.then((host) => host.dispose(), () => undefined);
  },
  async closeModel(checkpointUrl) {
    const key = modelKey(checkpointUrl);
    const opened = models.get(key);
    models.delete(key);
    await opened?.then(({ runner }) => runner.dispose(), () => undefined);
  },

  async openStudio(init, page) {
    const { openStudio } = await import('../training-studio/studio-host');
    closeStudio(init.id);
    const view = closable(page);
    const { session, ...facts } = await openStudio(init, view.page, Comlink.transfer);
    studios.set(init.id, { session, close: view.close });
    return facts;
  },
  studio(id) {
    const open = studios.get(id);
    if (!open) throw new Error(`Engine worker: no training studio "${id}" is open here.`);
    return Comlink.proxy(open.session);
  },
  closeStudio,
  watchBackend(listener) {
    onEngineBackend((backend) => void Promise.resolve(listener(backend)).catch(() => undefined));
  },
  async openRace(init, page) {
    // Loaded with the race (its code and both languages' words are not needed by the model widgets).
    const { openRace } = await import('../decoder-comparison/race-host');
    const view = closable(page);
    const race = openRace(init, view.page, Comlink.transfer);
    return Comlink.proxy({
      ...race,
      dispose: async () => {
        try {
          await race.dispose();
        } finally {
          view.close();
        }
      },
    });
  },
};

Comlink.expose(api);
// Tells the page that this script loaded and comlink listens (see ../shared/engine-worker.ts).
postMessage('engine-worker-ready');
