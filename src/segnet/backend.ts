/**
 * Choosing a TF.js backend: the first of a preference order (webgpu, webgl, wasm, cpu by
 * default) that initialises. What each can do is reported, and why it was chosen, so callers
 * can say why training is off or why a slower-looking backend runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CUSTOM_GRADIENT_KERNELS, hasNativeConvGradients } from './ops/trainable-conv';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** A backend left out, with why ("no WebGPU adapter", "failed to initialise"). */
export interface BackendRejection {
  name: BackendName;
  reason: string;
}

export interface BackendChoice {
  name: BackendName;
  /**
   * Whether the model trains here: with TF.js's own convolution gradients, or with the
   * forward-op gradients of ops/trainable-conv.ts where those are missing (wasm).
   */
  canTrain: boolean;
  /** Backends tried or left out before this one, with why. */
  rejected: BackendRejection[];
  /**
   * Why this backend runs where a faster-looking one was available, such as "WebGL here is
   * software-rendered (SwiftShader), slower than WebAssembly"; absent when it is simply the first choice.
   */
  reason?: string;
  /** Threads the backend computes on (wasm only; 1 without cross-origin isolation). */
  threads?: number;
}

export interface SelectOptions {
  /**
   * Registers a backend's code before it is tried (a lazy import), so that only the code of
   * the backend that runs is loaded. A rejection leaves that backend out, with its message.
   */
  load?: (name: BackendName) => Promise<unknown>;
  /** Backends left out before any was tried (no adapter, software rendering), reported first in `rejected`. */
  skipped?: readonly BackendRejection[];
  /** Why each backend sits where it does in the order; becomes the chosen one's `reason`. */
  reasons?: Partial<Record<BackendName, string>>;
}

/**
 * Whether a registered backend can train a SegNet: it has TF.js's own convolution gradient
 * kernels, or the forward kernels that the custom gradients are built from (TF.js wasm has
 * no Conv2DBackpropFilter, and trains through the latter).
 */
export function backendCanTrain(name: string): boolean {
  return hasNativeConvGradients(name) || CUSTOM_GRADIENT_KERNELS.every((kernel) => tf.getKernel(kernel, name) !== undefined);
}

/**
 * Activates the first backend of `preference` that initialises here. A backend must be
 * registered (by importing its package, e.g. @tensorflow/tfjs-backend-wasm), or be
 * registered by `options.load`, which is called for each backend just before it is tried.
 */
export async function selectBackend(preference: readonly BackendName[] = BACKEND_PREFERENCE, options: SelectOptions = {}): Promise<BackendChoice> {
  if (preference.length === 0) throw new Error('selectBackend: preference must name at least one backend, got none');
  const rejected: BackendRejection[] = [...(options.skipped ?? [])];
  for (const name of preference) {
    const problem = await startBackend(name, options.load);
    if (problem) {
      rejected.push({ name, reason: problem });
      continue;
    }
    const reason = options.reasons?.[name];
    return { name, canTrain: backendCanTrain(name), rejected, ...(reason ? { reason } : {}) };
  }
  throw new Error(`selectBackend: none of ${preference.join(', ')} could start (${rejected.map((r) => `${r.name}: ${r.reason}`).join('; ')})`);
}

/** Makes `name` TF.js's backend; returns why it could not, or null once it runs. */
async function startBackend(name: BackendName, load: SelectOptions['load']): Promise<string | null> {
  try {
    if (load && !tf.findBackendFactory(name)) await load(name);
    if (!tf.findBackendFactory(name)) return 'not registered in this build';
    if (!(await tf.setBackend(name))) return 'failed to initialise';
    await tf.ready();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
