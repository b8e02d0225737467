/**
 * Which TF.js backends to try, in which order, from what the device offers (see
 * device-probe.ts). WebGL or WebGPU drawn in software (SwiftShader, llvmpipe, Microsoft's
 * Basic Render Driver) is correct but 20-40x slower than WebAssembly for these networks, so
 * it goes after wasm; WebGPU without an adapter is not tried at all (its package is not even
 * loaded). Pure functions: no DOM, no TF.js.
 */
import type { BackendName, BackendRejection } from '../../segnet';

/** What a probe of the device found. */
export interface DeviceProbe {
  /** WebGPU: whether an adapter was granted, and its description (vendor, architecture, ...). */
  webgpu: { adapter: boolean; description: string; fallback: boolean };
  /** WebGL: whether a context was created, and its unmasked renderer string. */
  webgl: { context: boolean; renderer: string };
}

/** The order to try backends in, what was left out, and why each sits where it does. */
export interface BackendPlan {
  preference: BackendName[];
  skipped: BackendRejection[];
  reasons: Partial<Record<BackendName, string>>;
}

/**
 * Software rasterisers as their renderer strings name them: Chromium's SwiftShader (alone or
 * inside an ANGLE string), Mesa's llvmpipe, softpipe and swrast, Microsoft's Basic Render
 * Driver (WARP), Apple's software renderer.
 */
const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/\bswrast\b|software rasterizer/i, 'a software rasteriser'],
  [/microsoft basic render|\bwarp\b/i, 'Microsoft Basic Render Driver'],
  [/apple software renderer/i, 'Apple Software Renderer'],
];

/**
 * The software rasteriser a WebGL renderer string (WEBGL_debug_renderer_info's
 * UNMASKED_RENDERER_WEBGL) or WebGPU adapter description names, or null for hardware:
 * `softwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')`
 * is 'SwiftShader'; `softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 ...)')` is null.
 */
export function softwareRenderer(renderer: string): string | null {
  if (typeof renderer !== 'string') throw new TypeError(`softwareRenderer: renderer must be a string, got ${typeof renderer}`);
  for (const [pattern, name] of SOFTWARE_RENDERERS) if (pattern.test(renderer)) return name;
  return null;
}

/** The backend order for a probed device: hardware GPU first, then wasm, software GPU after it, cpu last. */
export function planBackends(probe: DeviceProbe): BackendPlan {
  const skipped: BackendRejection[] = [];
  const reasons: BackendPlan['reasons'] = {};
  const preference: BackendName[] = [];
  const gpuSoftware = probe.webgpu.adapter ? (softwareRenderer(probe.webgpu.description) ?? (probe.webgpu.fallback ? 'a fallback adapter' : null)) : null;
  if (!probe.webgpu.adapter) skipped.push({ name: 'webgpu', reason: 'no WebGPU adapter' });
  else if (gpuSoftware) skipped.push({ name: 'webgpu', reason: `WebGPU here is software-rendered (${gpuSoftware})` });
  else preference.push('webgpu');

  const glSoftware = probe.webgl.context ? softwareRenderer(probe.webgl.renderer) : null;
  if (!probe.webgl.context) skipped.push({ name: 'webgl', reason: 'no WebGL context' });
  else if (!glSoftware) preference.push('webgl');
  preference.push('wasm');
  if (glSoftware) {
    preference.push('webgl');
    reasons.wasm = `WebGL here is software-rendered (${glSoftware}), slower than WebAssembly`;
  } else if (gpuSoftware && !probe.webgl.context) {
    reasons.wasm = `WebGPU here is software-rendered (${gpuSoftware}), slower than WebAssembly`;
  }
  preference.push('cpu');
  return { preference, skipped, reasons };
}
