/**
 * Bilinear resizing that trains on every backend. The forward pass is TF.js's own
 * resizeBilinear (alignCorners = false, no half-pixel centres); the gradient is written out,
 * because TF.js 4.22's cpu ResizeBilinearGrad returns a transposed shape for non-square maps.
 * Resizing is linear and separable, out = Ry * x * Rx^T per channel, so its gradient is
 * dx = Ry^T * dy * Rx, done here with two matrix products.
 */
import * as tf from '@tensorflow/tfjs-core';
import { singleInputGrad } from './single-input-grad';
import { assertPositiveInt, assertRank } from './validate';

/** [to, from] interpolation matrix of one axis, TF.js's default sampling. */
export function interpolationMatrix(from: number, to: number): tf.Tensor2D {
  const m = new Float32Array(to * from);
  const scale = from / to;
  for (let i = 0; i < to; i++) {
    const f = i * scale;
    const i0 = Math.floor(f);
    const i1 = Math.min(i0 + 1, from - 1);
    const t = f - i0;
    m[i * from + i0] = m[i * from + i0]! + 1 - t;
    m[i * from + i1] = m[i * from + i1]! + t;
  }
  return tf.tensor2d(m, [to, from]);
}

/** Applies a [to, from] matrix along axis 1 of [N, from, B, C] -> [N, to, B, C]. */
function alongAxis1(x: tf.Tensor4D, m: tf.Tensor2D): tf.Tensor4D {
  const [n, from, b, c] = x.shape;
  const to = m.shape[0];
  const cols = tf.reshape(tf.transpose(x, [1, 0, 2, 3]), [from, n * b * c]); // [from, N*B*C]
  return tf.transpose(tf.reshape(tf.matMul(m, cols), [to, n, b, c]), [1, 0, 2, 3]);
}

/** x [N, h, w, C] -> [N, height, width, C], with a gradient on every backend. */
export function resizeBilinear(x: tf.Tensor4D, height: number, width: number): tf.Tensor4D {
  assertRank('resizeBilinear', 'x', x, 4);
  assertPositiveInt('resizeBilinear', 'height', height);
  assertPositiveInt('resizeBilinear', 'width', width);
  const [, h, w] = x.shape;
  const resize = singleInputGrad<tf.Tensor4D>((input) => {
    const value = tf.image.resizeBilinear(input as tf.Tensor4D, [height, width]);
    const gradFunc = (dy: tf.Tensor4D) =>
      tf.tidy(() => {
        const ry = tf.transpose(interpolationMatrix(h, height)); // [h, height]
        const rx = tf.transpose(interpolationMatrix(w, width)); // [w, width]
        const rows = alongAxis1(dy, ry); // [N, h, width, C]
        const swapped = tf.transpose(rows, [0, 2, 1, 3]) as tf.Tensor4D; // [N, width, h, C]
        return tf.transpose(alongAxis1(swapped, rx), [0, 2, 1, 3]); // [N, h, w, C]
      });
    return { value, gradFunc };
  });
  return resize(x);
}
