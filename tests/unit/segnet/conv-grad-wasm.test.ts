/**
 * The custom convolution gradients on the backend they exist for: TF.js wasm in Node (it
 * reads its .wasm files from node_modules). Checks the ops against cpu's native gradients,
 * then trains a tiny SegNet-Basic with every decoder.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendCanTrain, buildSegNet, DECODER_KINDS, Optimizer, trainSteps, type BatchSource } from '../../../src/segnet';
import { hasNativeConvGradients, trainableConv2d, trainableConv2dTranspose, trainableDepthwiseConv2d } from '../../../src/segnet/ops';
import { maxAbsDiff, randomGrid, seededRandom, toTensor } from '../helpers';

type Shape4 = [number, number, number, number];

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
});
afterAll(() => tf.setBackend('cpu'));

/** Value and gradients of sum(op(x, f) * r) on `backend`, as plain arrays. */
async function onBackend(backend: string, op: (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D, xs: Shape4, fs: Shape4): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const out = tf.tidy(() => {
    const x = toTensor(randomGrid(xs, 1));
    const f = toTensor(randomGrid(fs, 2));
    const y = op(x, f);
    const r = toTensor(randomGrid(y.shape as Shape4, 3));
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(op(a as tf.Tensor4D, b as tf.Tensor4D), r)))([x, f]);
    return [y, ...grads].map((t) => t.dataSync() as Float32Array);
  });
  await tf.setBackend('wasm');
  return out;
}

describe('convolutions on wasm', () => {
  it('lacks the native gradient kernels there, and can train all the same', () => {
    expect(hasNativeConvGradients('wasm')).toBe(false);
    expect(backendCanTrain('wasm')).toBe(true);
  });

  it.each([
    ['conv2d 7x7 same', (x: tf.Tensor4D, f: tf.Tensor4D) => trainableConv2d(x, f, 'same'), [2, 9, 7, 3], [7, 7, 3, 4]],
    ['conv2dTranspose stride 2', (x: tf.Tensor4D, f: tf.Tensor4D) => trainableConv2dTranspose(x, f, [2, 9, 8, 3], 2), [2, 5, 4, 2], [7, 7, 3, 2]],
    ['depthwiseConv2d 3x3 same', (x: tf.Tensor4D, f: tf.Tensor4D) => trainableDepthwiseConv2d(x, f, 'same'), [2, 6, 5, 3], [3, 3, 3, 1]],
  ] as [string, (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D, Shape4, Shape4][])('%s: value and gradients equal cpu\'s native ones', async (_name, op, xs, fs) => {
    const wasm = await onBackend('wasm', op, xs, fs);
    const cpu = await onBackend('cpu', op, xs, fs);
    cpu.forEach((ref, i) => {
      const scale = Math.max(1, ...Array.from(ref, Math.abs));
      expect(maxAbsDiff(wasm[i]!, ref) / scale).toBeLessThan(1e-4);
    });
  });
});

describe('trainSteps on wasm', () => {
  /** One fixed batch of two 16x16 scenes: a bright top half (class 0) over a dark bottom (class 3), with noise. */
  const source: BatchSource = function* () {
    const rnd = seededRandom(5);
    const images = Float32Array.from({ length: 2 * 16 * 16 * 3 }, (_, i) => (Math.floor(i / 48) % 16 < 8 ? 0.8 : 0.2) + 0.1 * rnd());
    const labels = Int32Array.from({ length: 2 * 16 * 16 }, (_, p) => (Math.floor(p / 16) % 16 < 8 ? 0 : 3));
    yield { images: tf.tensor4d(images, [2, 16, 16, 3]), labels: tf.tensor3d(labels, [2, 16, 16], 'int32') };
  };

  it.each(DECODER_KINDS.map((d) => [d]))('SegNet-Basic (4 channels) with the %s decoder: the loss goes down in 5 steps', async (decoder) => {
    const model = buildSegNet({ encoder: 'basic', decoder, height: 16, width: 16, basicChannels: 4, atrousRate: 2 });
    const losses: number[] = [];
    try {
      const optimizer = new Optimizer({ kind: 'adam', weightDecay: 0 });
      for await (const p of trainSteps(model, { batches: source, schedule: { kind: 'constant', rate: 0.01 }, optimizer, epochs: 5, metricsEvery: 0 })) losses.push(p.loss);
    } finally {
      model.dispose();
    }
    expect(losses).toHaveLength(5);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[4]!).toBeLessThan(losses[0]!);
  });
});
