/**
 * The TF.js engine is imported only by the first widget that needs it, once per page (or
 * worker), and shared by every widget after that. Only TF.js's core and the code of the
 * backend that runs are loaded: the device is probed first (device-probe.ts), the backends
 * are tried in the order backend-plan.ts gives, and each backend's package is imported just
 * before it is tried. Nothing here needs a document or a window, so a module Worker can call
 * loadEngine() too.
 */
import type { BackendChoice, BackendName } from '../../segnet';
import { planBackends } from './backend-plan';
import { probeDevice } from './device-probe';

export interface Engine {
  tf: typeof import('@tensorflow/tfjs-core');
  segnet: typeof import('../../segnet');
  backend: BackendChoice;
}

let engine: Promise<Engine> | null = null;

/**
 * The TF.js engine on the best backend this device offers (a hardware GPU through webgpu or
 * webgl, else wasm, else cpu; see backend-plan.ts). Shared by every widget on the page; the
 * first call starts the download.
 */
export function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    // TF.js's core registers no gradients of its own (the @tensorflow/tfjs umbrella, which Node
    // scripts and tests use, does): training needs them. They are registered after the core's
    // entry has run (it registers the flags that registering a gradient reads): two dynamic
    // imports in parallel run their shared chunks in whatever order they arrive.
    const tf = await import('@tensorflow/tfjs-core');
    const [, segnet] = await Promise.all([import('@tensorflow/tfjs-core/dist/register_all_gradients'), import('../../segnet')]);
    const backend = await activateEngineBackend(segnet, 'auto');
    return { tf, segnet, backend };
  })();
  // A failed load (a chunk gone after a redeploy, the network down) is tried afresh next time.
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

/**
 * Makes `choice` TF.js's backend (page-wide), loading its code first; 'auto' follows the
 * device's plan. The result says why it runs and, for wasm, on how many threads.
 */
export async function activateEngineBackend(segnet: Engine['segnet'], choice: BackendName | 'auto'): Promise<BackendChoice> {
  const plan = choice === 'auto' ? planBackends(await probeDevice()) : { preference: [choice] };
  // Counted before the cap is lifted, from the navigator's true core count.
  const threads = wasmThreadCount();
  const restore = plan.preference.includes('wasm') ? liftWasmThreadCap() : () => {};
  let backend: BackendChoice;
  try {
    backend = await segnet.selectBackend(plan.preference, { ...plan, load: (name) => registerBackend(name, threads) });
  } finally {
    restore();
  }
  if (backend.name === 'wasm') backend.threads = (await loadWasm(threads)).getThreadsCount();
  return backend;
}

/** How many backend choices are under way with the cap lifted (the navigator is put back after the last). */
let capLifts = 0;

/**
 * TF.js 4.22's wasm backend caps its thread pool at half of navigator.hardwareConcurrency
 * (backend.cc counts two hardware threads per core), read once when its module starts: one
 * thread on two cores, whatever setThreadsCount asks. While a backend is chosen, the
 * navigator reports twice its cores, so that the cap is the core count and the count given to
 * setThreadsCount (wasmThreadCount, taken before the lift) is what the pool gets. Choices
 * that overlap share one lift. Returns the function that puts the navigator back.
 */
function liftWasmThreadCap(): () => void {
  const nav = globalThis.navigator as (Navigator & { hardwareConcurrency: number }) | undefined;
  if (!nav || wasmThreadCount() <= 1) return () => {};
  if (capLifts === 0) {
    if (Object.hasOwn(nav, 'hardwareConcurrency')) return () => {};
    try {
      Object.defineProperty(nav, 'hardwareConcurrency', { value: nav.hardwareConcurrency * 2, configurable: true });
    } catch {
      return () => {};
    }
  }
  capLifts++;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (--capLifts === 0) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}

/** Imports the package that registers backend `name` with TF.js (wasm with `threads` threads). */
function registerBackend(name: BackendName, threads: number): Promise<unknown> {
  switch (name) {
    case 'webgpu':
      return import('@tensorflow/tfjs-backend-webgpu');
    case 'webgl':
      return import('@tensorflow/tfjs-backend-webgl');
    case 'wasm':
      return loadWasm(threads);
    case 'cpu':
      return import('@tensorflow/tfjs-backend-cpu');
  }
}

/**
 * The wasm backend's worker pool holds 8 threads (TF.js 4.22's PTHREAD_POOL_SIZE); asking
 * for more would wait on workers that the blocked main thread cannot start.
 */
const WASM_MAX_THREADS = 8;

/**
 * Threads for the wasm backend: every core when the page is cross-origin isolated (threads
 * need SharedArrayBuffer), as TF.js would otherwise take half of them (one on two cores).
 */
export function wasmThreadCount(): number {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return isolated ? Math.max(1, Math.min(cores, WASM_MAX_THREADS)) : 1;
}

let wasm: Promise<typeof import('@tensorflow/tfjs-backend-wasm')> | null = null;

/**
 * Registers the wasm backend with its binaries served from this site (no CDN) and its thread
 * count set (the count of the first call: the backend initialises once in a page or worker).
 */
function loadWasm(threads: number): Promise<typeof import('@tensorflow/tfjs-backend-wasm')> {
  wasm ??= (async () => {
    const [module, plain, simd, threaded] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    module.setWasmPaths({
      'tfjs-backend-wasm.wasm': plain.default,
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
    });
    // Read by the backend when it initialises, so it must come before the first setBackend('wasm').
    if (threads > 1) module.setThreadsCount(threads);
    return module;
  })();
  wasm.catch(() => {
    wasm = null;
  });
  return wasm;
}
