/**
 * The PyTorch network computes what ours computes: TF.js weights and inputs go through
 * bench/reference-export.ts into bench/pytorch_segnet.py --check-reference, which must give
 * the same eval-mode and training-mode logits and the same weighted loss. Catches what
 * parameter counts cannot: a missing ReLU, a different input normalisation, another pooling
 * rule. Skipped, saying why, without a python3 that has torch.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectReference, writeReference } from '../../../bench/reference-export';
import { buildSegNet, TUTORIAL_CLASS_WEIGHTS, type SegNetOptions } from '../../../src/segnet';
import { seededRandom, useCpu } from '../helpers';
import { findTorchPython } from './torch-python';

const { python, reason } = findTorchPython();
if (!python) console.warn(`tests/unit/bench/pytorch-reference: skipped, ${reason}`);

let dir = '';
beforeAll(async () => {
  await useCpu();
  dir = await mkdtemp(join(tmpdir(), 'unpooled-torch-ref-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Check {
  missingInPytorch: number;
  maxAbsLogit: number;
  maxAbsTrainLogit: number;
  evalMaxAbsDiff: number;
  trainMaxAbsDiff: number;
  lossTfjs: number;
  lossPytorch: number;
}

async function exportAndCheck(name: string, options: SegNetOptions, batch: number): Promise<Check> {
  const model = buildSegNet({ ...options, seed: 7 });
  const { height: h, width: w } = options;
  const rnd = seededRandom(3);
  const images = tf.tensor4d(Float32Array.from({ length: batch * h * w * 3 }, () => rnd()), [batch, h, w, 3]);
  // Labels 0..11: 11 is void, so the loss's masking is compared too.
  const labels = tf.tensor3d(Int32Array.from({ length: batch * h * w }, () => Math.floor(rnd() * 12)), [batch, h, w], 'int32');
  try {
    await writeReference(join(dir, name), await collectReference(model, images, labels, [...TUTORIAL_CLASS_WEIGHTS]));
  } finally {
    tf.dispose([images, labels]);
    model.dispose();
  }
  const r = spawnSync(python!, ['bench/pytorch_segnet.py', '--check-reference', join(dir, name)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Check;
}

function expectSame(c: Check): void {
  expect(c.missingInPytorch).toBe(0);
  // A real signal, not all zeros (eval mode is small: fresh moving statistics, zero biases).
  expect(c.maxAbsLogit).toBeGreaterThan(1e-3);
  expect(c.maxAbsTrainLogit).toBeGreaterThan(0.5);
  // float32 agreement, relative to the size of the logits
  expect(c.evalMaxAbsDiff).toBeLessThan(1e-4 * c.maxAbsLogit);
  expect(c.trainMaxAbsDiff).toBeLessThan(1e-4 * c.maxAbsTrainLogit);
  expect(Math.abs(c.lossTfjs - c.lossPytorch)).toBeLessThan(1e-4 * c.lossTfjs);
}

describe.skipIf(!python)('pytorch_segnet.py --check-reference', () => {
  it('SegNet-Basic (LRN input, 7x7 convs, no decoder ReLU, 1x1 classifier) on odd pooled sizes', async () => {
    // 16x24 pools to 8x12, 4x6, 2x3, 1x2: the 3 -> 2 step uses ceil-mode pooling.
    expectSame(await exportAndCheck('basic', { encoder: 'basic', decoder: 'segnet', height: 16, width: 24, basicChannels: 4 }, 2));
  });

  it('VGG16-SegNet at width 0.125 (13 convs, mirrored decoder with ReLU, 3x3 classifier)', async () => {
    expectSame(await exportAndCheck('vgg16', { encoder: 'vgg16', decoder: 'segnet', height: 32, width: 32, widthMultiplier: 0.125 }, 2));
  });
});
