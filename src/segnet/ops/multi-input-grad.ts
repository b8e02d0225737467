/**
 * A typed wrapper over tf.customGrad for ops of several differentiable inputs (an activation
 * and a filter; an activation, a scale and an offset). Tensors the gradient needs must go
 * through `save`: anything a closure captured from the forward pass has been disposed by the
 * time the backward pass runs.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface MultiInputGrad<T extends tf.Tensor> {
  value: T;
  /** dy has the shape of value; returns one gradient per input, in input order. */
  gradFunc: (dy: T, saved: tf.Tensor[]) => tf.Tensor[];
}

/**
 * Makes an op of the tensors `A` (a tuple, e.g. [x, filter]) whose gradients are given by
 * `forward`'s gradFunc. `arity` is A's length, checked at every call.
 */
export function multiInputGrad<T extends tf.Tensor, A extends tf.Tensor[]>(
  arity: A['length'],
  forward: (inputs: A, save: tf.GradSaveFunc) => MultiInputGrad<T>,
): (...inputs: A) => T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const { value, gradFunc } = forward(args.slice(0, arity) as A, args[arity] as tf.GradSaveFunc);
    // Gradient intermediates are freed per op, not only at the end of the whole backward pass.
    return { value, gradFunc: (dy: T, saved: tf.Tensor[]) => tf.tidy(() => gradFunc(dy, saved)) };
  });
  return (...inputs) => {
    if (inputs.length !== arity) throw new Error(`multiInputGrad: the op takes ${arity} tensors, got ${inputs.length}`);
    return op(...inputs) as T;
  };
}
