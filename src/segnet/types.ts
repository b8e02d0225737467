/**
 * Shared types of the SegNet engine.
 *
 * Axis order everywhere is NHWC: a batch of images is [N, H, W, C] (batch, height, width,
 * channels), a batch of label maps is [N, H, W] of class indices, logits are [N, H, W, K].
 */
import type * as tf from '@tensorflow/tfjs-core';

/** Encoders: SegNet-Basic (4 x 7x7x64) or the 13 conv layers of VGG16. */
export type EncoderKind = 'basic' | 'vgg16';

/** The ways back from coarse features to full resolution that the project compares. */
export type DecoderKind = 'segnet' | 'fcn' | 'deeplab-largefov' | 'deconvnet' | 'bilinear';

export const ENCODER_KINDS: readonly EncoderKind[] = ['basic', 'vgg16'];
export const DECODER_KINDS: readonly DecoderKind[] = ['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear'];

/** A 2x2 max-pool result: the maxima and, per pooled cell, where in its window the maximum was. */
export interface PoolResult {
  /** [N, ceil(H/2), ceil(W/2), C] */
  pooled: tf.Tensor4D;
  /**
   * [N, ceil(H/2), ceil(W/2), C] int32 in 0..3: the window position of the maximum,
   * 2 * dy + dx (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right): two bits per window.
   */
  indices: tf.Tensor4D;
}

/** Plain-data label map: what `segment` returns and what widgets draw. */
export interface Segmentation {
  height: number;
  width: number;
  numClasses: number;
  /** [H * W] row-major class index per pixel (argmax of the probabilities). */
  labels: Uint8Array;
  /** [H * W * K] row-major softmax probabilities, class axis last. */
  probabilities: Float32Array;
}

/** What one encoder stage produced. */
export interface StageOutput {
  /** [N, H_s, W_s, C_s] after the last ReLU, before pooling. */
  features: tf.Tensor4D;
  /** [N, ceil(H_s/2), ceil(W_s/2), C_s], or `features` when the stage does not pool. */
  pooled: tf.Tensor4D;
  /** Pooling indices, null when the stage does not pool. */
  indices: tf.Tensor4D | null;
}
