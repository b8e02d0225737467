/**
 * Choosing a TF.js backend: webgpu, then webgl, then wasm, then cpu, taking the first that
 * initialises. What each can do is reported, so callers can say why training is off.
 */
import * as tf from '@tensorflow/tfjs';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** False where convolution gradients are missing (TF.js wasm lacks Conv2DBackpropFilter). */
  canTrain: boolean;
  /** Backends tried before this one, with why each failed. */
  rejected: { name: BackendName; reason: string }[];
}

/** Whether a registered backend has every kernel that training a SegNet needs. */
export function backendCanTrain(name: string): boolean {
  return ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'DepthwiseConv2dNativeBackpropFilter'].every(
    (kernel) => tf.getKernel(kernel, name) !== undefined,
  );
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
