/**
 * Choosing the backend the studio trains on, and noticing when the graphics device goes away
 * under it: WebGL reports a lost context on its canvas, WebGPU resolves its device's `lost`
 * promise. Either way the weights on the device are gone, so training must stop at once.
 */
import type { BackendChoice } from '../../segnet';
import { setEngineBackend, type Engine } from '../shared/lazy';
import type { StudioBackend } from './settings';

/** Activates the reader's choice (auto: the first of webgpu, webgl, wasm, cpu that starts). */
export async function activateBackend(engine: Engine, choice: StudioBackend): Promise<BackendChoice> {
  const backend = choice === 'auto' ? await engine.segnet.selectBackend() : await engine.segnet.selectBackend([choice]);
  // TF.js has one backend per page: every widget on the shared engine now runs there.
  setEngineBackend(engine, backend);
  return backend;
}

interface WebGLBackendLike {
  gpgpu?: { gl?: { canvas?: EventTarget } };
}

interface WebGPUBackendLike {
  device?: { lost?: Promise<{ message?: string }> };
}

/** Calls `onLost` once if the active backend's device is lost; returns a function that stops watching. */
export function watchDeviceLoss(engine: Engine, onLost: (message: string) => void): () => void {
  let live = true;
  const name = engine.tf.getBackend();
  const backend = engine.tf.backend() as unknown as WebGLBackendLike & WebGPUBackendLike;
  if (name === 'webgl') {
    const canvas = backend.gpgpu?.gl?.canvas;
    if (!canvas) return () => undefined;
    const listener = (event: Event): void => {
      event.preventDefault(); // lets the browser offer the context back
      if (live) onLost('The WebGL context was lost (the graphics driver reset or the browser reclaimed it).');
    };
    canvas.addEventListener('webglcontextlost', listener);
    return () => {
      live = false;
      canvas.removeEventListener('webglcontextlost', listener);
    };
  }
  if (name === 'webgpu') {
    void backend.device?.lost?.then((info) => {
      if (live) onLost(`The WebGPU device was lost${info?.message ? ` (${info.message})` : ''}.`);
    });
  }
  return () => {
    live = false;
  };
}

/** Whether an error means the device ran out of memory. */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /\bOOM\b/.test(text) || /out of memory|failed to allocate|allocation failed|RangeError.*(Array buffer|memory)/i.test(text);
}
