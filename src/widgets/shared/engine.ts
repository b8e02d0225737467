/**
 * The TF.js engine (about 1 MB) is imported only by the first widget that needs it, once per
 * page, and shared by every widget after that.
 */
import type { BackendChoice } from '../../segnet';

export interface Engine {
  tf: typeof import('@tensorflow/tfjs');
  segnet: typeof import('../../segnet');
  backend: BackendChoice;
}

let engine: Promise<Engine> | null = null;

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
  // A failed load (a chunk gone after a redeploy, the network down) is tried afresh next time.
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
