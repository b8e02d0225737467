/**
 * Choosing a TF.js backend: webgpu, then webgl, then wasm, then cpu, taking the first that
 * initialises. What each can do is reported, so callers can say why training is off.
 */
import * as tf from '@tensorflow/tfjs';
import { CUSTOM_GRADIENT_KERNELS, hasNativeConvGradients } from './ops/trainable-conv';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /**
   * Whether the model trains here: with TF.js's own convolution gradients, or with the
   * forward-op gradients of ops/trainable-conv.ts where those are missing (wasm).
   */
  canTrain: boolean;
  /** Backends tried before this one, with why each failed. */
  rejected: { name: BackendName; reason: string }[];
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
 * Activates the first backend of `preference` that initialises here. Backends other than cpu
 * must have been registered (by importing @tensorflow/tfjs-backend-webgpu or -wasm; webgl
 * comes with @tensorflow/tfjs).
 */
export async function selectBackend(preference: readonly BackendName[] = BACKEND_PREFERENCE): Promise<BackendChoice> {
  const rejected: BackendChoice['rejected'] = [];
  for (const name of preference) {
    if (!tf.findBackendFactory(name)) {
      rejected.push({ name, reason: 'not registered in this build' });
      continue;
    }
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { name, canTrain: backendCanTrain(name), rejected };
      }
      rejected.push({ name, reason: 'failed to initialise' });
    } catch (e) {
      rejected.push({ name, reason: (e as Error).message });
    }
  }
  throw new Error(`selectBackend: none of ${preference.join(', ')} could start (${rejected.map((r) => `${r.name}: ${r.reason}`).join('; ')})`);
}
