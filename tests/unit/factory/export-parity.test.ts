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
import { existsSync } from 'node:fs';
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
  // Decoders on one encoder, exported without it (export.py --encoder-from).
  const shared = spawnSync(python, ['factory/parity.py', '--out', join(dir, 'shared'), '--height', '16', '--width', '24', '--shared-encoder'], { encoding: 'utf8' });
  expect(shared.status, shared.stderr).toBe(0);
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

async function compare(encoder: 'basic' | 'vgg16', decoder: DecoderKind, set: string = encoder): Promise<void> {
  const folder = join(dir, set, decoder);
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
  for (const decoder of DECODER_KINDS.filter((d) => d !== 'segnet')) {
    it(`${decoder} decoder stored without the encoder it shares with segnet: the same logits, fewer bytes`, async () => {
      const json = JSON.parse(await readFile(join(dir, 'shared', decoder, 'model.json'), 'utf8')) as { modelTopology: { encoderFrom?: string }; weightsManifest: { weights: { name: string }[] }[] };
      expect(json.modelTopology.encoderFrom).toBe('../segnet/model.json');
      expect(json.weightsManifest[0]!.weights.filter((w) => w.name.startsWith('encoder/'))).toEqual([]);
      await compare('basic', decoder, 'shared');
    });
  }
  it('refuses to drop an encoder that differs from the one it names', () => {
    const script = [
      'import sys; sys.path.insert(0, "factory")',
      'from export import engine_config, write_checkpoint',
      'from nets import SegNet',
      'net = SegNet("basic", "fcn", 1.0, basic_channels=4, atrous_rate=2)',
      'run = {"encoder": "basic", "decoder": "fcn", "widthMultiplier": 1.0, "basicChannels": 4, "atrousRate": 2, "seed": 5}',
      `write_checkpoint(net, engine_config(run, 16, 24), sys.argv[1], {"step": 0, "epoch": 0, "batch": 0}, {}, float16=False, encoder_from=sys.argv[2])`,
    ].join('\n');
    const r = spawnSync(python!, ['-c', script, join(dir, 'shared', 'refused'), join(dir, 'shared', 'segnet')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/factory export: encoder\/stage1\/\S+ differs from .*shared\/segnet's \(max \|difference\| [\d.e-]+\): was the encoder frozen\?/);
    expect(existsSync(join(dir, 'shared', 'refused'))).toBe(false);
    // Only a folder beside the one written (the engine reads ../<folder>/model.json), never the folder itself.
    const away = spawnSync(python!, ['-c', script, join(dir, 'refused'), join(dir, 'shared', 'segnet')], { encoding: 'utf8' });
    expect(away.stderr).toContain('must sit beside');
    const itself = spawnSync(python!, ['-c', script, join(dir, 'shared', 'segnet'), join(dir, 'shared', 'segnet')], { encoding: 'utf8' });
    expect(itself.stderr).toContain('is the folder being written');
  });
});
