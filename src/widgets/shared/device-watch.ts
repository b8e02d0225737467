/**
 * Telling a widget when the GPU goes away under it: a lost WebGL context (the browser reclaims
 * it when memory runs short, or a driver resets) or a lost WebGPU device. Either way the
 * tensors on the device are gone, so training must stop at once. TF.js keeps its context
 * inside the backend object; only the shape read here is relied on.
 */
import { onEngineBackend } from './backend-sharing';
import type { Engine } from './engine';
import { pageMessages, type Messages } from '../../i18n';

interface WebGlBackendShape {
  gpgpu?: { gl?: { canvas?: EventTarget } };
}

interface WebGpuBackendShape {
  device?: { lost?: Promise<{ message?: string; reason?: string }> };
}

/**
 * Calls `onLost` once with a reason ("the WebGL context was lost (…)") when the backend's
 * WebGL context or WebGPU device is lost. Backends without either (wasm, cpu) are never lost.
 * Returns a function that stops watching. The reason is worded from `m` (inside the engine
 * worker, the catalogue of the page's language, passed in by the widget).
 */
export function watchDevice(backend: unknown, onLost: (reason: string) => void, m: Messages['widgetRuntime'] = pageMessages().widgetRuntime): () => void {
  let live = true;
  const lost = (reason: string): void => {
    if (!live) return;
    live = false;
    onLost(reason);
  };
  const canvas = (backend as WebGlBackendShape | null)?.gpgpu?.gl?.canvas;
  const onContextLost = (event: Event): void => {
    event.preventDefault(); // lets the browser offer the context back (a backend switch or reload uses it)
    lost(m.webglLost);
  };
  canvas?.addEventListener('webglcontextlost', onContextLost);
  const device = (backend as WebGpuBackendShape | null)?.device;
  device?.lost?.then(
    (info) => lost(m.webgpuLost(info.message ?? '')),
    () => undefined,
  );
  return () => {
    live = false;
    canvas?.removeEventListener('webglcontextlost', onContextLost);
  };
}

/**
 * Watches the shared engine's backend (see watchDevice) and, as TF.js's backend is page-wide
 * and any widget may switch it, the new backend after every switch, so no widget keeps watching
 * a device it no longer runs on. Calls `onLost` with the reason once per lost device; returns a
 * function that stops watching and listening.
 */
export function watchEngineDevice(
  engine: Pick<Engine, 'tf'>,
  onLost: (reason: string) => void,
  m: Messages['widgetRuntime'] = pageMessages().widgetRuntime,
): () => void {
  let stopWatch = watchDevice(engine.tf.backend(), onLost, m);
  const stopListening = onEngineBackend(() => {
    stopWatch();
    stopWatch = watchDevice(engine.tf.backend(), onLost, m);
  });
  return () => {
    stopListening();
    stopWatch();
  };
}
