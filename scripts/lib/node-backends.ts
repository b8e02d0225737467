/**
 * Backends for Node CLIs: cpu always; wasm from the installed package (its .wasm files are
 * read from node_modules, no network); webgpu on a real GPU through the `webgpu` package
 * (Dawn's Node binding), when that package is installed and an adapter is found.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../src/segnet';

/** Registers what this machine can run and returns the backend names in preference order. */
export async function registerNodeBackends(): Promise<BackendName[]> {
  const names: BackendName[] = [];
  if (await tryWebGpu()) names.push('webgpu');
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    names.push('wasm');
  } catch {
    // The wasm backend is optional in Node: cpu still runs.
  }
  names.push('cpu');
  return names;
}

async function tryWebGpu(): Promise<boolean> {
  const moduleName = 'webgpu';
  try {
    const dawn = (await import(/* @vite-ignore */ moduleName)) as { create: (flags: string[]) => unknown; globals?: object };
    if (dawn.globals) Object.assign(globalThis, dawn.globals);
    const gpu = dawn.create([]) as { requestAdapter: () => Promise<unknown> };
    if (!(await gpu.requestAdapter())) return false;
    Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true });
    await import('@tensorflow/tfjs-backend-webgpu');
    return true;
  } catch {
    return false;
  }
}

/**
 * Quiets TF.js's advice to install tfjs-node (printed by the cpu backend's first tensor), which
 * does not apply: these CLIs run the same backends as the page. TF.js prints its warnings only
 * outside production mode, which otherwise changes nothing these CLIs rely on.
 */
export function quietTfjs(): void {
  tf.enableProdMode();
}
