/**
 * Collects intermediate activations (and pooling indices) during a forward pass, for the
 * widgets that show feature maps. Recorded tensors are kept alive until the caller disposes them.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface Activation {
  /** Layer name, e.g. "encoder/stage2/pool". */
  name: string;
  /** [N, H, W, C] */
  tensor: tf.Tensor4D;
  /** Pooling indices [N, H, W, C] int32 for pooling layers, else null. */
  indices: tf.Tensor4D | null;
}

export class ActivationRecorder {
  readonly activations: Activation[] = [];

  record(name: string, tensor: tf.Tensor4D, indices: tf.Tensor4D | null = null): void {
    this.activations.push({ name, tensor: tf.keep(tensor.clone()), indices: indices ? tf.keep(indices.clone()) : null });
  }

}

/** Frees recorded activations and indices. */
export function disposeActivations(activations: Activation[]): void {
  for (const a of activations) tf.dispose([a.tensor, ...(a.indices ? [a.indices] : [])]);
}
