/**
 * The three ways back to full resolution, applied to one channel of an encoder stage's pooled
 * output with the page's TF.js engine: SegNet's unpooling with the recorded max-pooling
 * indices, a stride-2 transposed convolution whose 4x4 kernel is initialised to bilinear
 * interpolation (FCN's upsampling before training changes it), and bilinear resizing.
 */
import type * as tfjs from '@tensorflow/tfjs-core';
import type { Engine } from '../shared/engine';

export const UPSAMPLERS = ['unpool', 'transposed', 'bilinear'] as const;
export type Upsampler = (typeof UPSAMPLERS)[number];

/** One channel of a pooling layer: h x w maxima and their window positions, plus the size before pooling. */
export interface PooledChannel {
  height: number;
  width: number;
  values: Float32Array;
  indices: Int32Array;
  /** Height and width before pooling (the upsampled size). */
  outHeight: number;
  outWidth: number;
}

/**
 * The size x size kernel of bilinear upsampling, as FCN initialises its transposed
 * convolutions (upsample_filt in the FCN code): with f = ceil(size / 2) and centre
 * c = f - 1 for odd sizes, f - 0.5 for even ones, w(i, j) = (1 - |i - c| / f) * (1 - |j - c| / f).
 * Size 4 with stride 2 doubles a map: w = [0.25, 0.75, 0.75, 0.25] along each axis.
 * Returned row-major, size*size values.
 */
export function bilinearKernel(size: number): Float32Array {
  if (!Number.isInteger(size) || size < 1) throw new Error(`bilinearKernel: size must be a positive integer, got ${size}`);
  const f = Math.ceil(size / 2);
  const centre = size % 2 === 1 ? f - 1 : f - 0.5;
  const out = new Float32Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) out[i * size + j] = (1 - Math.abs(i - centre) / f) * (1 - Math.abs(j - centre) / f);
  }
  return out;
}

/** The three upsampled maps, each outHeight x outWidth, row-major. */
export async function upsampleChannel(engine: Engine, channel: PooledChannel): Promise<Record<Upsampler, Float32Array>> {
  const { tf, segnet } = engine;
  const { height: h, width: w, outHeight: H, outWidth: W } = channel;
  const results = tf.tidy(() => {
    const x = tf.tensor4d(channel.values, [1, h, w, 1]);
    const indices = tf.tensor4d(channel.indices, [1, h, w, 1], 'int32');
    const unpool = segnet.maxUnpool(x, indices, [H, W]); // [1, H, W, 1]
    const kernel = tf.tensor4d(bilinearKernel(4), [4, 4, 1, 1]);
    const up = tf.conv2dTranspose(x, kernel, [1, 2 * h, 2 * w, 1], 2, 'same'); // [1, 2h, 2w, 1]
    const transposed = tf.slice(up, [0, 0, 0, 0], [1, H, W, 1]);
    const bilinear = segnet.resizeBilinear(x, H, W); // [1, H, W, 1]
    return [unpool, transposed, bilinear] as tfjs.Tensor4D[];
  });
  // Disposed whether the reads succeed or not: a lost context or a failed read must not leak them.
  let data: Float32Array[];
  try {
    data = await Promise.all(results.map((t) => t.data() as Promise<Float32Array>));
  } finally {
    tf.dispose(results);
  }
  return { unpool: data[0]!, transposed: data[1]!, bilinear: data[2]! };
}
