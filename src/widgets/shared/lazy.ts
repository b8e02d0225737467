/**
 * Heavy things load late: a widget starts its work when it comes near the viewport, and the
 * TF.js engine (about 1 MB) is imported only by the first widget that needs it, once per page.
 */
import type { BackendChoice } from '../../segnet';

/** Runs `start` once, when `element` comes within `margin` of the viewport. Returns a cancel function. */
export function whenNearViewport(element: Element, start: () => void, margin = '300px'): () => void {
  if (!('IntersectionObserver' in window)) {
    start();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        start();
      }
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

export interface Engine {
  tf: typeof import('@tensorflow/tfjs');
  segnet: typeof import('../../segnet');
  backend: BackendChoice;
}

let engine: Promise<Engine> | null = null;

/** Who is training on the shared engine now: a page-wide backend switch would pull tensors from under them. */
const holders = new Map<symbol, string>();

/** Marks `who` (e.g. "the decoder comparison") as training; returns the release function. */
export function holdBackend(who: string): () => void {
  const key = Symbol(who);
  holders.set(key, who);
  return () => void holders.delete(key);
}

/** Names of the widgets training now (a backend switch should wait for them). */
export function backendHolders(): string[] {
  return [...new Set(holders.values())];
}

type BackendListener = (backend: BackendChoice) => void;
const backendListeners = new Set<BackendListener>();

/**
 * Records a switch of TF.js's backend (which is page-wide) on the shared engine, and tells
 * every widget listening, so none keeps reporting or watching the old one.
 */
export function setEngineBackend(shared: Engine, backend: BackendChoice): void {
  shared.backend = backend;
  for (const listener of [...backendListeners]) listener(backend);
}

/** Calls `listener` after every backend switch; returns a function that stops listening. */
export function onEngineBackend(listener: BackendListener): () => void {
  backendListeners.add(listener);
  return () => void backendListeners.delete(listener);
}

/**
 * The TF.js engine with the best backend this browser offers (webgpu, webgl, wasm, cpu).
 * Shared by every widget on the page; the first call starts the download.
 */
export function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const [tf, segnet] = await Promise.all([import('@tensorflow/tfjs'), import('../../segnet')]);
    await Promise.all([import('@tensorflow/tfjs-backend-webgpu'), registerWasm()]);
    const backend = await segnet.selectBackend();
    return { tf, segnet, backend };
  })();
  // A failed load (a chunk gone, the network down) is tried afresh on the next call.
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

/** Registers the wasm backend with its binaries served from this site (no CDN). */
async function registerWasm(): Promise<void> {
  const [wasm, plain, simd, threaded] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
  ]);
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': plain.default,
    'tfjs-backend-wasm-simd.wasm': simd.default,
    'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
  });
}

/** True when the reader asked for less motion: animations jump to their end state. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
