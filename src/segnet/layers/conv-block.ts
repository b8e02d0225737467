/**
 * The building blocks: convolution (+ bias), batch normalisation, and their composition.
 * Batch norm uses the batch's statistics while training (with the closed-form gradient of
 * ops/batch-norm-training.ts) and updates the moving averages that inference uses, as in
 * Caffe's SegNet.
 */
import * as tf from '@tensorflow/tfjs-core';
import { atrousConv2d } from '../ops/atrous-conv2d';
import { batchNormTraining } from '../ops/batch-norm-training';
import type { ParameterStore } from './parameter-store';

export type ConvParams = ReturnType<ParameterStore['conv']>;
export type BatchNormParams = ReturnType<ParameterStore['batchNorm']>;

/** Momentum of the batch-norm moving averages (new = m * old + (1 - m) * batch). */
export const BN_MOMENTUM = 0.9;
export const BN_EPSILON = 1e-5;

/** 'same'-padded convolution with bias, at any dilation rate. [N, H, W, Cin] -> [N, H, W, Cout] */
export function conv(x: tf.Tensor4D, p: ConvParams, dilation = 1): tf.Tensor4D {
  return tf.add(atrousConv2d(x, p.filter, dilation, 'same'), p.bias) as tf.Tensor4D;
}

/** Batch normalisation over N, H, W. `training` uses batch statistics and updates the moving ones. */
export function batchNorm(x: tf.Tensor4D, p: BatchNormParams, training: boolean): tf.Tensor4D {
  if (!training) return tf.batchNorm4d(x, p.movingMean, p.movingVariance, p.beta, p.gamma, BN_EPSILON);
  const { y, mean, variance } = batchNormTraining(x, p.gamma, p.beta, BN_EPSILON); // mean, variance: [C]
  tf.tidy(() => {
    p.movingMean.assign(tf.add(tf.mul(p.movingMean, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
    p.movingVariance.assign(tf.add(tf.mul(p.movingVariance, BN_MOMENTUM), tf.mul(variance, 1 - BN_MOMENTUM)));
  });
  return y;
}

export interface ConvBnParams {
  conv: ConvParams;
  bn: BatchNormParams;
}

/** conv -> batch norm -> (ReLU). */
export function convBn(x: tf.Tensor4D, p: ConvBnParams, training: boolean, relu: boolean, dilation = 1): tf.Tensor4D {
  const y = batchNorm(conv(x, p.conv, dilation), p.bn, training);
  return relu ? tf.relu(y) : y;
}

/** Defines the parameters of a k x k conv + batch norm block. */
export function defineConvBn(store: ParameterStore, name: string, k: number, cin: number, cout: number): ConvBnParams {
  return { conv: store.conv(`${name}/conv`, [k, k, cin, cout]), bn: store.batchNorm(`${name}/bn`, cout) };
}
