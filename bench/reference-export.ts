/**
 * A TF.js model's weights, an input batch and what the model computes from it (eval-mode and
 * training-mode logits, and the weighted loss), written as one little-endian float32 file
 * plus a JSON manifest. `python3 bench/pytorch_segnet.py --check-reference DIR` loads the
 * weights into its own network and compares: equal parameter counts do not prove the same
 * network (a missing ReLU or a different input normalisation has no parameters), equal
 * outputs do.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { weightedCrossEntropy, type SegNetModel } from '../src/segnet';

export interface ReferenceTensor {
  name: string;
  shape: number[];
  /** Offset in float32 values (not bytes) into data.bin. */
  offset: number;
}

export interface ReferenceManifest {
  encoder: 'basic' | 'vgg16';
  widthMultiplier: number;
  basicChannels: number;
  numClasses: number;
  classWeights: number[];
  /** Model variables by checkpoint name, then 'input' (NHWC), 'labels', 'logits/eval', 'logits/train' (NHWC), 'loss/train'. */
  tensors: ReferenceTensor[];
}

/**
 * Runs `model` on `images` (eval mode first, since training mode moves the batch-norm
 * statistics) and collects everything the PyTorch side needs. Weights are read before either
 * pass, so they are the ones both passes used.
 */
export async function collectReference(
  model: SegNetModel,
  images: tf.Tensor4D,
  labels: tf.Tensor3D,
  classWeights: number[],
): Promise<{ manifest: ReferenceManifest; data: Float32Array }> {
  const parts: { name: string; tensor: tf.Tensor }[] = model.variables().map((v) => ({ name: v.name, tensor: v.variable.clone() }));
  const evalLogits = model.forward(images).logits;
  const trainLogits = model.forward(images, { training: true }).logits;
  const loss = weightedCrossEntropy(trainLogits, labels, classWeights);
  const floatLabels = tf.cast(labels, 'float32');
  parts.push(
    { name: 'input', tensor: images },
    { name: 'labels', tensor: floatLabels },
    { name: 'logits/eval', tensor: evalLogits },
    { name: 'logits/train', tensor: trainLogits },
    { name: 'loss/train', tensor: loss },
  );
  const tensors: ReferenceTensor[] = [];
  let offset = 0;
  for (const p of parts) {
    tensors.push({ name: p.name, shape: p.tensor.shape, offset });
    offset += p.tensor.size;
  }
  const data = new Float32Array(offset);
  for (const [i, p] of parts.entries()) data.set(await p.tensor.data<'float32'>(), tensors[i]!.offset);
  tf.dispose(parts.filter((p) => p.tensor !== images).map((p) => p.tensor));
  const { encoder, widthMultiplier, basicChannels, numClasses } = model.config;
  return { manifest: { encoder, widthMultiplier, basicChannels, numClasses, classWeights, tensors }, data };
}

/** Writes manifest.json and data.bin (little-endian float32) into `dir`. */
export async function writeReference(dir: string, ref: { manifest: ReferenceManifest; data: Float32Array }): Promise<void> {
  await mkdir(dir, { recursive: true });
  const le = new DataView(new ArrayBuffer(ref.data.length * 4));
  ref.data.forEach((v, i) => le.setFloat32(i * 4, v, true));
  await writeFile(join(dir, 'data.bin'), new Uint8Array(le.buffer));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(ref.manifest, null, 1));
}
