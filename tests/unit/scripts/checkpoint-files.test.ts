import * as tf from '@tensorflow/tfjs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointKeeper } from '../../../scripts/lib/checkpoint-keeper';
import { checkpointFolder } from '../../../scripts/lib/checkpoint-files';
import { encodeFloat16, toFloat16Bits } from '../../../scripts/lib/float16';
import { buildSegNet, loadSegNet, Optimizer, readCheckpoint, restoreCheckpoint, saveCheckpoint, type SegNetModel } from '../../../src/segnet';
import { makeTempDir, removeDir } from '../data/helpers/temp-dir';
import { startStaticServer } from '../data/helpers/static-server';
import { useCpu } from '../helpers';

beforeAll(useCpu);
const dirs: string[] = [];
const models: SegNetModel[] = [];
afterEach(async () => {
  models.splice(0).forEach((m) => m.dispose());
  await Promise.all(dirs.splice(0).map(removeDir));
});

const config = { encoder: 'basic', decoder: 'fcn', height: 16, width: 16, basicChannels: 3 } as const;
const values = (m: SegNetModel) => m.variables().map((v) => Array.from(v.variable.dataSync()));

async function tempDir(): Promise<string> {
  const dir = await makeTempDir('unpooled-ckpt-');
  dirs.push(dir);
  return dir;
}

function model(seed = 1): SegNetModel {
  const m = buildSegNet({ ...config, seed });
  models.push(m);
  return m;
}

describe('checkpointFolder(dir) (scripts/lib/checkpoint-files.ts)', () => {
  it('writes model.json + weights.bin in the TF.js layout and reads them back exactly', async () => {
    const dir = join(await tempDir(), 'ckpt');
    const a = model(1);
    const optimizer = new Optimizer({ kind: 'adam' });
    const params = a.trainableVariables();
    const grads = new Map(params.map((p) => [p.name, tf.onesLike(p.variable)] as [string, tf.Tensor]));
    for (let i = 0; i < 3; i++) optimizer.apply(params, grads, 0.1);
    await saveCheckpoint(a, checkpointFolder(dir), { optimizer, progress: { step: 5, epoch: 1, batch: 2 }, extra: { run: { data: 'd' } } });
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(json.modelTopology.format).toBe('unpooled-segnet');
    expect(json.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: expect.any(Array) }]);
    const b = model(2);
    const restored = new Optimizer({ kind: 'adam' });
    const meta = await restoreCheckpoint(b, checkpointFolder(dir), restored);
    expect(values(b)).toEqual(values(a));
    expect(meta.progress).toEqual({ step: 5, epoch: 1, batch: 2 });
    expect(restored.updates).toBe(3);
    const slots = (o: Optimizer) => o.state().slots.map((slot) => [slot.name, Array.from(slot.tensor.dataSync())]);
    expect(slots(restored)).toEqual(slots(optimizer));
  });

  it('loads in the browser way too: tf.io.http and readCheckpoint on an http URL of model.json', async () => {
    const root = await tempDir();
    const a = model(1);
    await saveCheckpoint(a, checkpointFolder(join(root, 'models', 'tiny')));
    const server = await startStaticServer(root);
    try {
      const url = `${server.url}models/tiny/model.json`;
      const viaUrl = await loadSegNet(url);
      models.push(viaUrl.model);
      expect(values(viaUrl.model)).toEqual(values(a));
      const viaHandler = await readCheckpoint(tf.io.http(url));
      expect(viaHandler.meta.config.decoder).toBe('fcn');
      tf.dispose(Object.values(viaHandler.tensors));
      expect(server.requests).toContain('/models/tiny/weights.bin');
    } finally {
      await server.close();
    }
  });

  it('stores float16 weights at half size, which TF.js decodes to within float16 precision', async () => {
    const dir = await tempDir();
    const a = model(1);
    await saveCheckpoint(a, checkpointFolder(join(dir, 'f32')));
    await saveCheckpoint(a, checkpointFolder(join(dir, 'f16'), { float16: true }));
    const size = async (d: string) => (await readFile(join(dir, d, 'weights.bin'))).byteLength;
    expect(await size('f16')).toBe((await size('f32')) / 2);
    const { model: b } = await loadSegNet(checkpointFolder(join(dir, 'f16')));
    models.push(b);
    const [va, vb] = [values(a).flat(), values(b).flat()];
    for (let i = 0; i < va.length; i++) expect(Math.abs(vb[i]! - va[i]!)).toBeLessThanOrEqual(Math.abs(va[i]!) / 1024 + 1e-7);
  });

  it('leaves the previous checkpoint whole when a save fails, and names a missing folder', async () => {
    const dir = join(await tempDir(), 'ckpt');
    const a = model(1);
    await saveCheckpoint(a, checkpointFolder(dir));
    const before = await readFile(join(dir, 'weights.bin'));
    await expect(checkpointFolder(dir).save!({ modelTopology: {} })).rejects.toThrow(/nothing to save/);
    expect(await readFile(join(dir, 'weights.bin'))).toEqual(before);
    await expect(readCheckpoint(checkpointFolder(join(dir, 'nope')))).rejects.toThrow(/no model.json at .*nope\/model.json: is it a checkpoint folder\?/);
  });
});

describe('toFloat16Bits(value) (scripts/lib/float16.ts)', () => {
  it.each([
    [0, 0x0000], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800], [65504, 0x7bff], [65520, 0x7c00], [1e-8, 0x0000],
    [6.103515625e-5, 0x0400], [5.960464477539063e-8, 0x0001], [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02], [Infinity, 0x7c00],
  ])('encodes %d as the bits %i', (value, bits) => {
    expect(toFloat16Bits(value)).toBe(bits);
  });

  it('refuses flipped bits, NaN weights and truncated weights, naming the folder', async () => {
    const dir = join(await tempDir(), 'ckpt');
    await saveCheckpoint(model(1), checkpointFolder(dir));
    const bin = join(dir, 'weights.bin');
    const good = await readFile(bin);
    const flipped = Buffer.from(good);
    flipped[100]! ^= 0x10;
    await writeFile(bin, flipped);
    await expect(readCheckpoint(checkpointFolder(dir))).rejects.toThrow(`checkpoint ${dir}: weights.bin does not match the checksum in model.json (damaged or changed on disk); it was not used`);
    await writeFile(bin, good.subarray(0, good.length - 8));
    await expect(readCheckpoint(checkpointFolder(dir))).rejects.toThrow(`checkpoint ${dir}: weights.bin holds ${good.length - 8} bytes where model.json lists ${good.length} (truncated); it was not used`);

    const nan = model(2);
    const first = nan.variables()[0]!;
    first.variable.assign(tf.fill(first.variable.shape, NaN));
    const nanDir = join(await tempDir(), 'nan');
    await saveCheckpoint(nan, checkpointFolder(nanDir));
    await expect(readCheckpoint(checkpointFolder(nanDir))).rejects.toThrow(`checkpoint ${nanDir}: weight "${first.name}" holds NaN or infinite values; it was not used`);
    await saveCheckpoint(nan, checkpointFolder(join(nanDir, 'half'), { float16: true }));
    await expect(readCheckpoint(checkpointFolder(join(nanDir, 'half')))).rejects.toThrow(`weight "${first.name}" holds NaN or infinite values`);
  });

  it('keeps NaN a NaN', () => {
    expect(encodeFloat16(Float32Array.of(Number.NaN))[0]! & 0x7fff).toBeGreaterThan(0x7c00);
  });
});

describe('CheckpointKeeper (scripts/lib/checkpoint-keeper.ts)', () => {
  it('writes a captured checkpoint on commit, and nothing once it was discarded', async () => {
    const dir = join(await tempDir(), 'ckpt');
    const a = model(1);
    const keeper = new CheckpointKeeper(dir);
    await keeper.capture(a, { progress: { step: 1, epoch: 0, batch: 1 } });
    expect(await keeper.commit()).toBe(1);
    await keeper.capture(a, { progress: { step: 2, epoch: 0, batch: 2 } });
    keeper.discard();
    expect(await keeper.commit()).toBeNull();
    expect(keeper.lastWritten).toBe(1);
    expect((await readCheckpoint(checkpointFolder(dir))).meta.progress.step).toBe(1);
  });
});
