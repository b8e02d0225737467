/**
 * The convolutions the model uses, routed to TF.js's own ops where the backend has their
 * gradient kernels (cpu, webgl, webgpu) and to the forward-op formulations of
 * *-custom-grad.ts where it does not (wasm), so every backend trains and the native
 * kernels are kept wherever they exist.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ConvPadding } from './conv-geometry';
import { conv2dCustomGrad } from './conv2d-custom-grad';
import { checkTransposeArgs, conv2dTransposeCustomGrad } from './conv2d-transpose-custom-grad';
import { depthwiseConv2dCustomGrad } from './depthwise-conv2d-custom-grad';

/** 'auto': native gradients where the backend has their kernels; 'native' or 'custom' force one path. */
export type ConvGradients = 'auto' | 'native' | 'custom';

/** The kernels TF.js's own gradients (and, for the transposed conv, its forward pass) call. */
const NATIVE_GRADIENT_KERNELS = {
  conv2d: ['Conv2DBackpropInput', 'Conv2DBackpropFilter'],
  conv2dTranspose: ['Conv2DBackpropInput', 'Conv2D', 'Conv2DBackpropFilter'],
  depthwiseConv2d: ['DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter'],
} as const;

/** Kernels a backend needs for the custom-gradient path: forward ops only. */
export const CUSTOM_GRADIENT_KERNELS = ['Conv2D', 'DepthwiseConv2dNative', 'Transpose', 'Reverse', 'PadV2', 'Slice', 'Reshape', 'AvgPool', 'Sum'] as const;

/** Whether `backend` (default: the active one) has every kernel of TF.js's own convolution gradients. */
export function hasNativeConvGradients(backend: string = tf.getBackend()): boolean {
  return Object.values(NATIVE_GRADIENT_KERNELS).every((names) => names.every((k) => tf.getKernel(k, backend) !== undefined));
}

function useCustom(fn: string, op: keyof typeof NATIVE_GRADIENT_KERNELS, gradients: ConvGradients): boolean {
  if (gradients === 'custom') return true;
  if (gradients === 'native') return false;
  if (gradients !== 'auto') throw new Error(`${fn}: gradients must be 'auto', 'native' or 'custom', got '${String(gradients)}'`);
  const backend = tf.getBackend();
  return NATIVE_GRADIENT_KERNELS[op].some((k) => tf.getKernel(k, backend) === undefined);
}

/** Stride-1 conv2d that trains on every backend. x [N, H, W, Cin], filter [kh, kw, Cin, Cout] -> [N, H', W', Cout] */
export function trainableConv2d(x: tf.Tensor4D, filter: tf.Tensor4D, padding: ConvPadding, gradients: ConvGradients = 'auto'): tf.Tensor4D {
  if (useCustom('trainableConv2d', 'conv2d', gradients)) return conv2dCustomGrad(x, filter, padding);
  return tf.conv2d(x, filter, 1, padding);
}

/**
 * 'same' transposed convolution that trains on every backend.
 * x [N, h, w, Cin], filter [kh, kw, Cout, Cin], outputShape [N, H, W, Cout] with h = ceil(H / stride).
 */
export function trainableConv2dTranspose(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  outputShape: readonly [number, number, number, number],
  stride: number,
  gradients: ConvGradients = 'auto',
): tf.Tensor4D {
  if (useCustom('trainableConv2dTranspose', 'conv2dTranspose', gradients)) return conv2dTransposeCustomGrad(x, filter, outputShape, stride);
  checkTransposeArgs('trainableConv2dTranspose', x, filter, outputShape, stride);
  return tf.conv2dTranspose(x, filter, [...outputShape], stride, 'same');
}

/** Stride-1 depthwise conv (multiplier 1) that trains on every backend. x [N, H, W, C], filter [kh, kw, C, 1] -> [N, H', W', C] */
export function trainableDepthwiseConv2d(x: tf.Tensor4D, filter: tf.Tensor4D, padding: ConvPadding, gradients: ConvGradients = 'auto'): tf.Tensor4D {
  if (useCustom('trainableDepthwiseConv2d', 'depthwiseConv2d', gradients)) return depthwiseConv2dCustomGrad(x, filter, padding);
  return tf.depthwiseConv2d(x, filter, 1, padding);
}
