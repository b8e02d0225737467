/**
 * Splitting a map into the four members of its 2x2 windows, and weaving four maps back.
 * Both are built from reshape and slice only, so they run and differentiate on every backend.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Pads [N, H, W, C] at the bottom/right to even H and W with `value`. */
export function padToEven(x: tf.Tensor4D, value: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  const ph = h % 2;
  const pw = w % 2;
  if (ph === 0 && pw === 0) return x;
  return tf.pad(x, [[0, 0], [0, ph], [0, pw], [0, 0]], value);
}

/**
 * The four window members of an even-sized map, in window order 2*dy + dx.
 * [N, 2h, 2w, C] -> 4 x [N, h, w, C]
 */
export function windowParts(x: tf.Tensor4D): tf.Tensor4D[] {
  const [n, h2, w2, c] = x.shape;
  const h = h2 / 2;
  const w = w2 / 2;
  // x[n, 2i+dy, 2j+dx, c] = rows[n*h + i, dy, j, dx*C + c]
  const rows = tf.reshape(x, [n * h, 2, w, 2 * c]);
  const parts: tf.Tensor4D[] = [];
  for (let dy = 0; dy < 2; dy++) {
    for (let dx = 0; dx < 2; dx++) {
      const part = tf.slice(rows, [0, dy, 0, dx * c], [n * h, 1, w, c]); // [N*h, 1, w, C]
      parts.push(tf.reshape(part, [n, h, w, c]));
    }
  }
  return parts;
}

/**
 * Inverse of `windowParts`: weaves four [N, h, w, C] maps into one [N, 2h, 2w, C] map.
 */
export function weaveParts(parts: tf.Tensor4D[]): tf.Tensor4D {
  const [p0, p1, p2, p3] = parts as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
  const [n, h, w, c] = p0.shape;
  const top = tf.concat([p0, p1], 3); // [N, h, w, 2C]: dx = 0 then dx = 1
  const bottom = tf.concat([p2, p3], 3);
  const rows = tf.stack([top, bottom], 2); // [N, h, 2, w, 2C]
  return tf.reshape(rows, [n, 2 * h, 2 * w, c]);
}

/** Crops [N, H', W', C] to its top-left [N, H, W, C]. */
export function cropTo(x: tf.Tensor4D, height: number, width: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  if (h === height && w === width) return x;
  return tf.slice(x, [0, 0, 0, 0], [n, height, width, c]);
}
