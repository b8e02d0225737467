/**
 * SegNet's loss: pixel-wise softmax cross-entropy with class weights, ignoring void.
 *   L = sum_p w[y_p] * (-log softmax(z_p)[y_p]) / #{p : y_p is not void}
 * Pixels whose label is outside 0..K-1 (CamVid's void is 11) add nothing to the sum or the count.
 * Normalising by the count of labelled pixels (not by the sum of weights) follows Caffe's
 * SoftmaxWithLoss as SegNet used it.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * @param logits [N, H, W, K] unnormalised scores
 * @param labels [N, H, W] int32 class indices; values >= K are void
 * @param classWeights K weights (default: all 1)
 */
export function weightedCrossEntropy(logits: tf.Tensor4D, labels: tf.Tensor3D, classWeights?: readonly number[]): tf.Scalar {
  const fn = 'weightedCrossEntropy';
  const [n, h, w, k] = logits.shape;
  if (labels.rank !== 3 || labels.shape[0] !== n || labels.shape[1] !== h || labels.shape[2] !== w) {
    throw new Error(`${fn}: labels shape [${labels.shape.join(', ')}] must be [${n}, ${h}, ${w}] to match logits`);
  }
  if (labels.dtype !== 'int32') throw new Error(`${fn}: labels must be int32, got ${labels.dtype}`);
  if (classWeights && classWeights.length !== k) {
    throw new Error(`${fn}: classWeights has ${classWeights.length} values but logits have ${k} classes`);
  }
  if (classWeights?.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new Error(`${fn}: classWeights must be finite and >= 0, got [${classWeights.join(', ')}]`);
  }
  return tf.tidy(() => {
    const valid = tf.logicalAnd(tf.greaterEqual(labels, 0), tf.less(labels, k)); // [N, H, W] bool
    const safe = tf.where(valid, labels, tf.zerosLike(labels)); // void -> class 0, masked out below
    const logp = tf.logSoftmax(logits); // [N, H, W, K]
    const picked = tf.sum(tf.mul(logp, tf.oneHot(safe, k)), -1); // [N, H, W]
    const weights = classWeights ? tf.gather(tf.tensor1d(classWeights as number[]), safe) : tf.onesLike(picked);
    const perPixel = tf.mul(tf.neg(picked), tf.mul(weights, tf.cast(valid, 'float32')));
    const count = tf.maximum(tf.sum(tf.cast(valid, 'float32')), 1);
    return tf.div(tf.sum(perPixel), count) as tf.Scalar;
  });
}
