/**
 * What the device offers TF.js, asked without loading TF.js: a WebGPU adapter (asked first
 * through navigator.gpu, so that TF.js's webgpu backend, which logs an error without one, is
 * only loaded when there is one) and a WebGL context with its unmasked renderer string.
 * Works in a page and in a module Worker (OffscreenCanvas; no document or window needed).
 */
import type { DeviceProbe } from './backend-plan';

interface GpuAdapterShape {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

interface NavigatorGpu {
  gpu?: { requestAdapter(): Promise<GpuAdapterShape | null> };
}

async function probeWebGpu(): Promise<DeviceProbe['webgpu']> {
  const gpu = (globalThis.navigator as unknown as NavigatorGpu | undefined)?.gpu;
  if (!gpu) return { adapter: false, description: '', fallback: false };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { adapter: false, description: '', fallback: false };
    const info = adapter.info ?? {};
    const description = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
    return { adapter: true, description, fallback: info.isFallbackAdapter === true || adapter.isFallbackAdapter === true };
  } catch {
    return { adapter: false, description: '', fallback: false };
  }
}

/** A canvas to ask for a WebGL context: OffscreenCanvas where there is one (workers too). */
function scratchCanvas(): OffscreenCanvas | HTMLCanvasElement | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  return typeof document !== 'undefined' ? document.createElement('canvas') : null;
}

function probeWebGl(): DeviceProbe['webgl'] {
  try {
    const canvas = scratchCanvas();
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as WebGLRenderingContext | null | undefined;
    if (!gl) return { context: false, renderer: '' };
    // Browsers that hide the unmasked string (Firefox's resistFingerprinting) still name software rendering in RENDERER.
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // give the context back at once
    return { context: true, renderer };
  } catch {
    return { context: false, renderer: '' };
  }
}

let probe: Promise<DeviceProbe> | null = null;

/** What this device offers, probed once per page or worker. */
export function probeDevice(): Promise<DeviceProbe> {
  probe ??= (async () => ({ webgpu: await probeWebGpu(), webgl: probeWebGl() }))();
  return probe;
}
