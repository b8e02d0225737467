/**
 * Transposed convolution ("deconvolution") built on conv2dCustomGrad, so that it trains on
 * backends without the backprop kernels, and runs fast on wasm, whose Conv2DBackpropInput
 * (tf.conv2dTranspose's forward kernel) is a plain loop about 14x slower than its conv2d.
 *
 * A stride-s transposed convolution scatters each input pixel, times the filter, into the
 * output at s-pixel steps. The same result is a stride-1 correlation of the input with zeros
 * inserted between its pixels (s-1 per gap) by the filter rotated 180 degrees with its
 * channel axes swapped, padded by k-1-before in front and whatever reaches the output size
 * behind. Gradients then come from conv2dCustomGrad, and through the zero insertion (pad and
 * reshape) and the filter flip (reverse and transpose), which every backend differentiates.
 */
import * as tf from '@tensorflow/tfjs-core';
import { axisPads, flipFilter, type SpatialPads } from './conv-geometry';
import { conv2dCustomGrad } from './conv2d-custom-grad';
import { assertPositiveInt, assertRank } from './validate';

/** x [N, h, w, C] -> [N, (h-1)s+1, (w-1)s+1, C] with s-1 zero rows and columns between pixels. */
export function insertZeros(x: tf.Tensor4D, stride: number): tf.Tensor4D {
  if (stride === 1) return x;
  const [n, h, w, c] = x.shape;
  return tf.tidy(() => {
    const cells = tf.pad(tf.reshape(x, [n, h, 1, w, 1, c]), [[0, 0], [0, 0], [0, stride - 1], [0, 0], [0, stride - 1], [0, 0]]); // [N, h, s, w, s, C]
    const spread = tf.reshape(cells, [n, h * stride, w * stride, c]);
    return tf.slice(spread, [0, 0, 0, 0], [n, (h - 1) * stride + 1, (w - 1) * stride + 1, c]) as tf.Tensor4D;
  });
}

/** Checks the arguments of a 'same' transposed convolution, as tf.conv2dTranspose would take them. */
export function checkTransposeArgs(fn: string, x: tf.Tensor4D, filter: tf.Tensor4D, outputShape: readonly number[], stride: number): void {
  assertRank(fn, 'x', x, 4);
  assertRank(fn, 'filter', filter, 4);
  assertPositiveInt(fn, 'stride', stride);
  const [n, h, w, cin] = x.shape;
  const [kh, kw, cout, fcin] = filter.shape;
  if (fcin !== cin) throw new Error(`${fn}: filter [kh, kw, out, in] expects ${fcin} input channels but x has ${cin}`);
  const [on, oh, ow, oc] = outputShape;
  if (outputShape.length !== 4 || on !== n || oc !== cout) {
    throw new Error(`${fn}: outputShape must be [${n}, H, W, ${cout}], got [${outputShape.join(', ')}]`);
  }
  if (Math.ceil(oh! / stride) !== h || Math.ceil(ow! / stride) !== w) {
    throw new Error(`${fn}: outputShape ${oh}x${ow} at stride ${stride} ('same') would come from a ${Math.ceil(oh! / stride)}x${Math.ceil(ow! / stride)} input, but x is ${h}x${w}`);
  }
  if (kh < stride || kw < stride) throw new Error(`${fn}: a ${kh}x${kw} kernel is smaller than the stride ${stride}`);
}

/**
 * tf.conv2dTranspose(x, filter, outputShape, stride, 'same') with gradients built from
 * forward convolutions.
 * @param x [N, h, w, Cin], h = ceil(H / stride)
 * @param filter [kh, kw, Cout, Cin] (tf.conv2dTranspose's layout), kh and kw >= stride
 * @returns [N, H, W, Cout]
 */
export function conv2dTransposeCustomGrad(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  outputShape: readonly [number, number, number, number],
  stride: number,
): tf.Tensor4D {
  checkTransposeArgs('conv2dTransposeCustomGrad', x, filter, outputShape, stride);
  const [, h, w] = x.shape;
  const [kh, kw] = filter.shape;
  const [, height, width] = outputShape;
  const [top] = axisPads(height, kh, stride, 'same');
  const [left] = axisPads(width, kw, stride, 'same');
  const pads: SpatialPads = {
    top: kh - 1 - top,
    bottom: height - (h - 1) * stride - 1 + top,
    left: kw - 1 - left,
    right: width - (w - 1) * stride - 1 + left,
  };
  return tf.tidy(() => conv2dCustomGrad(insertZeros(x, stride), flipFilter(filter), pads)); // [N, H, W, Cout]
}
