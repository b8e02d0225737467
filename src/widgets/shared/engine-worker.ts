/**
 * The page's side of the engine worker: one dedicated module Worker per page, shared by every
 * widget on it, that loads TF.js and runs the training sessions, so a training step never holds
 * the page (the page only draws). Widgets reach it through comlink; see ../worker/api.ts.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from '../worker/api';
import type { BackendChoice } from '../../segnet';

/** The worker's script did not load (a redeploy removed it, or the network is down). */
export const WORKER_START_FAILED = 'The engine worker did not start';

/** The worker died after it started (out of memory, a wasm abort): its sessions are gone. */
export const WORKER_CRASHED = 'The engine worker stopped';

let api: Promise<Comlink.Remote<WorkerApi>> | null = null;

type CrashListener = (error: Error) => void;
const crashListeners = new Set<CrashListener>();

/**
 * Calls `listener` when the running worker dies: comlink's pending calls then never answer, so
 * each widget shows its failure itself. The next engineWorker() starts a fresh worker. Returns
 * a function that stops listening.
 */
export function onEngineCrash(listener: CrashListener): () => void {
  crashListeners.add(listener);
  return () => void crashListeners.delete(listener);
}

type BackendListener = (backend: BackendChoice) => void;
const backendListeners = new Set<BackendListener>();
/** The running worker's backend watch, asked once per worker (null: none asked yet). */
let watching: Promise<void> | null = null;

const watchBackend = (remote: Comlink.Remote<WorkerApi>): Promise<void> =>
  remote.watchBackend(
    Comlink.proxy((backend: BackendChoice) => {
      for (const listener of [...backendListeners]) listener(backend);
    }),
  );

/**
 * Calls `listener` after every switch of the worker's TF.js backend (the studio's Backend menu
 * moves every network in the worker). Starts no worker: the watch begins with the running one,
 * or with the next to start. Returns a function that stops listening.
 */
export function onEngineWorkerBackend(listener: BackendListener): () => void {
  backendListeners.add(listener);
  if (api && !watching) {
    watching = api.then(watchBackend);
    watching.catch(() => (watching = null));
  }
  return () => void backendListeners.delete(listener);
}

/** The browser's words for a worker's error event, if it has any (an ErrorEvent's message). */
const errorDetail = (event: Event): string => {
  const { message } = event as Partial<ErrorEvent>;
  return typeof message === 'string' && message ? ` (${message})` : '';
};

/**
 * The page's engine worker, started by the first call (about 2 MB of code load inside it,
 * once a widget asks for TF.js). Rejects when the worker's script cannot load.
 */
export function engineWorker(): Promise<Comlink.Remote<WorkerApi>> {
  api ??= new Promise<Comlink.Remote<WorkerApi>>((resolve, reject) => {
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'unpooled-engine' });
    const started = (event: MessageEvent): void => {
      if (event.data !== 'engine-worker-ready') return;
      worker.removeEventListener('message', started);
      worker.removeEventListener('error', failed);
      // From now on an error event or an unreadable message means the worker is gone (it stays
      // listened to for the worker's whole life).
      worker.addEventListener('error', crashed);
      worker.addEventListener('messageerror', crashed);
      const remote = Comlink.wrap<WorkerApi>(worker);
      watching = backendListeners.size > 0 ? watchBackend(remote) : null;
      watching?.catch(() => (watching = null));
      resolve(remote);
    };
    const failed = (event: Event): void => {
      worker.removeEventListener('message', started);
      worker.terminate();
      api = null;
      const detail = errorDetail(event);
      reject(new Error(`${WORKER_START_FAILED}${detail}: its script could not be loaded.`));
    };
    const crashed = (event: Event): void => {
      worker.removeEventListener('error', crashed);
      worker.removeEventListener('messageerror', crashed);
      worker.terminate();
      api = null;
      watching = null;
      const detail = errorDetail(event);
      const error = new Error(`${WORKER_CRASHED}${detail}.`);
      for (const listener of [...crashListeners]) listener(error);
    };
    worker.addEventListener('message', started);
    worker.addEventListener('error', failed);
  });
  return api;
}

export { Comlink };
