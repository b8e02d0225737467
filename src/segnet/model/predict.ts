/**
 * From image bytes to labels: the one input adapter (bytes -> [0, 1] tensor) and the one
 * inference path (logits -> class per pixel, or -> plain-data segmentations), shared by the
 * eval CLI, the studio's validation, the decoder comparison and the widgets' frame analysis.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Segmentation } from '../types';
import type { SegNetModel } from './segnet-model';

/**
 * Images as bytes (RGB, 0..255, row-major, `count` frames of height x width) ->
 * [count, H, W, 3] float32 in [0, 1], what every model takes. `first` skips frames.
 */
export function imagesToTensor(bytes: ArrayLike<number>, count: number, height: number, width: number, first = 0): tf.Tensor4D {
  const size = height * width * 3;
  const start = first * size;
  if (bytes.length < start + count * size) {
    throw new Error(`imagesToTensor: ${bytes.length} bytes hold no ${count} frames of ${height}x${width}x3 from frame ${first}`);
  }
  const values = new Float32Array(count * size);
  for (let i = 0; i < values.length; i++) values[i] = bytes[start + i]! / 255;
  return tf.tensor4d(values, [count, height, width, 3]);
}

/** Class per pixel of a batch in inference mode: images [N, H, W, 3] -> labels [N * H * W], row-major. */
export async function predictLabels(model: SegNetModel, images: tf.Tensor4D): Promise<Uint8Array> {
  const labels = tf.tidy(() => tf.argMax(model.predict(images), -1)); // [N, H, W] int32
  try {
    return Uint8Array.from(await labels.data());
  } finally {
    labels.dispose();
  }
}

/** Logits [N, H, W, K] -> one plain-data segmentation per image: softmax probabilities and their argmax. */
export async function predictSegmentation(logits: tf.Tensor4D): Promise<Segmentation[]> {
  const [n, height, width, k] = logits.shape;
  const probs = tf.softmax(logits); // [N, H, W, K]
  const labels = tf.argMax(probs, -1); // [N, H, W] int32
  const [p, l] = await Promise.all([probs.data() as Promise<Float32Array>, labels.data()]);
  tf.dispose([probs, labels]);
  const pixels = height * width;
  return Array.from({ length: n }, (_, i) => ({
    height,
    width,
    numClasses: k,
    labels: Uint8Array.from(l.subarray(i * pixels, (i + 1) * pixels)),
    probabilities: p.slice(i * pixels * k, (i + 1) * pixels * k),
  }));
}
