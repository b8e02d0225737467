/**
 * Weights trained by the PyTorch factory (factory/) run in our engine as they ran in PyTorch:
 * factory/parity.py trains a small network of each decoder for a few steps, exports it with
 * the same writer as factory/export.py, and records the logits PyTorch computes for one input
 * in eval mode (moving statistics) and in training mode (batch statistics). The TF.js engine
 * loads each checkpoint folder as it loads any other (checkpointFolder + loadSegNet) and must
 * compute the same logits. Skipped, saying why, without a python3 that has torch.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { DECODER_KINDS, loadSegNet, type DecoderKind } from '../../../src/segnet';
import { findTorchPython } from '../bench/torch-python';
import { useCpu } from '../helpers';

const { python, reason } = findTorchPython();
if (!python) console.warn(`tests/unit/factory/export-parity: skipped, ${reason}`);

interface Reference {
  shape: [number, number, number];
  input: number[];
  evalLogits: number[];
  trainLogits: number[];
}

let dir = '';
beforeAll(async () => {
  await useCpu();
  if (!python) return;
  dir = await mkdtemp(join(tmpdir(), 'unpooled-factory-'));
  const basic = spawnSync(python, ['factory/parity.py', '--out', join(dir, 'basic'), '--height', '16', '--width', '24'], { encoding: 'utf8' });
  expect(basic.status, basic.stderr).toBe(0);
  // VGG16 adds decoder ReLUs, 3x3 classifiers, FCN's 4x4 upsamplers and the bilinear decoder's projections.
  const vgg = ['--encoder', 'vgg16', '--width-multiplier', '0.125', '--decoders', 'segnet,fcn,bilinear', '--height', '32', '--width', '32'];
  const r = spawnSync(python, ['factory/parity.py', '--out', join(dir, 'vgg16'), ...vgg], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 120_000);
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

async function compare(encoder: 'basic' | 'vgg16', decoder: DecoderKind): Promise<void> {
  const folder = join(dir, encoder, decoder);
  const ref = JSON.parse(await readFile(join(folder, 'reference.json'), 'utf8')) as Reference;
  const { model, meta } = await loadSegNet(checkpointFolder(folder));
  try {
    expect(meta.config.decoder).toBe(decoder);
    expect(meta.config.encoder).toBe(encoder);
    const [n, h, w] = ref.shape;
    const images = tf.tensor4d(ref.input, [n, h, w, 3]);
    const evalLogits = await model.forward(images).logits.data();
    const trainLogits = await model.forward(images, { training: true }).logits.data();
    images.dispose();
    // a real signal in both modes, then float32 agreement relative to it
    expect(maxAbs(ref.evalLogits)).toBeGreaterThan(1e-2);
    expect(maxAbs(ref.trainLogits)).toBeGreaterThan(1e-2);
    expect(maxAbsDiff(evalLogits, ref.evalLogits)).toBeLessThan(1e-4 * maxAbs(ref.evalLogits) + 1e-5);
    expect(maxAbsDiff(trainLogits, ref.trainLogits)).toBeLessThan(1e-4 * maxAbs(ref.trainLogits) + 1e-5);
  } finally {
    model.dispose();
  }
}

describe.skipIf(!python)('factory export: the engine computes what PyTorch computed', () => {
  for (const decoder of DECODER_KINDS) {
    it(`SegNet-Basic encoder, ${decoder} decoder: eval-mode and training-mode logits`, () => compare('basic', decoder));
  }
  for (const decoder of ['segnet', 'fcn', 'bilinear'] as const) {
    it(`VGG16 encoder at x0.125, ${decoder} decoder: eval-mode and training-mode logits`, () => compare('vgg16', decoder));
  }
});
