/** Argument checks shared by the public ops: each message names the function, the parameter and the bad value. */
import type * as tf from '@tensorflow/tfjs-core';

export function assertRank(fn: string, name: string, t: tf.Tensor, rank: number): void {
  if (t.rank !== rank) {
    throw new Error(`${fn}: ${name} must have rank ${rank} (NHWC), got shape [${t.shape.join(', ')}]`);
  }
}

export function assertPositiveInt(fn: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${fn}: ${name} must be a positive integer, got ${v}`);
}
