/**
 * SegNet's upsampling: put every value back where the encoder's max-pool found its maximum,
 * zeros everywhere else. The result is sparse; the decoder's convolutions densify it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { singleInputGrad } from './single-input-grad';
import { unpoolParts, gatherAtIndices } from './unpool-parts';
import { cropTo, padToEven } from './window-parts';
import { assertRank } from './validate';
import { pooledSize } from '../plan';

/** [N, H, W, C], or only [H, W] of the map before pooling. */
export type UnpoolShape = readonly [number, number, number, number] | readonly [number, number];

function checkUnpoolArgs(y: tf.Tensor4D, indices: tf.Tensor4D, outputShape: UnpoolShape): [number, number] {
  const fn = 'maxUnpool';
  assertRank(fn, 'y', y, 4);
  assertRank(fn, 'indices', indices, 4);
  if (indices.shape.join() !== y.shape.join()) {
    throw new Error(`${fn}: indices shape [${indices.shape.join(', ')}] must equal y shape [${y.shape.join(', ')}]`);
  }
  if (indices.dtype !== 'int32') throw new Error(`${fn}: indices must be int32, got ${indices.dtype}`);
  const [height, width] = outputShape.length === 4 ? [outputShape[1], outputShape[2]] : outputShape;
  if (outputShape.length === 4 && (outputShape[0] !== y.shape[0] || outputShape[3] !== y.shape[3])) {
    throw new Error(`${fn}: outputShape [${outputShape.join(', ')}] must keep y's batch and channels [${y.shape.join(', ')}]`);
  }
  if (pooledSize(height) !== y.shape[1] || pooledSize(width) !== y.shape[2]) {
    throw new Error(
      `${fn}: outputShape ${height}x${width} does not pool to y's ${y.shape[1]}x${y.shape[2]} (2x2 windows, stride 2, ceil mode)`,
    );
  }
  return [height, width];
}

/**
 * Unpools y [N, h, w, C] with the indices recorded by `maxPoolWithIndices` into
 * [N, H, W, C], where h = ceil(H/2), w = ceil(W/2).
 * The gradient with respect to y is the gather at the indices; indices get none.
 */
export function maxUnpool(y: tf.Tensor4D, indices: tf.Tensor4D, outputShape: UnpoolShape): tf.Tensor4D {
  const [height, width] = checkUnpoolArgs(y, indices, outputShape);
  const unpool = singleInputGrad<tf.Tensor4D>((values, save) => {
    save([indices]);
    const value = cropTo(unpoolParts(values as tf.Tensor4D, indices), height, width);
    const gradFunc = (dy: tf.Tensor4D, saved: tf.Tensor[]) => gatherAtIndices(padToEven(dy, 0), saved[0] as tf.Tensor4D);
    return { value, gradFunc };
  });
  return unpool(y);
}
