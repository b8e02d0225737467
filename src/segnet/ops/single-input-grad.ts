/** A typed wrapper over tf.customGrad for the common case of one differentiable input. */
import * as tf from '@tensorflow/tfjs-core';

export interface SingleInputGrad<T extends tf.Tensor> {
  value: T;
  /** dy has the shape of value; returns the gradient for the input. */
  gradFunc: (dy: T, saved: tf.Tensor[]) => tf.Tensor;
}

/** Makes an op of one tensor whose gradient is given by `forward`'s gradFunc. */
export function singleInputGrad<T extends tf.Tensor>(
  forward: (x: tf.Tensor, save: tf.GradSaveFunc) => SingleInputGrad<T>,
): (x: tf.Tensor) => T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) =>
    forward(args[0] as tf.Tensor, args[1] as tf.GradSaveFunc),
  );
  return (x) => op(x) as T;
}
