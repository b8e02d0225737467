/**
 * Decoders stored without their encoder: a checkpoint whose meta names `encoderFrom` (another
 * checkpoint's model.json, relative to its own) loads that checkpoint's encoder tensors, so a
 * decoder trained on a frozen shared encoder computes exactly what it computed whole; a base
 * that is missing, or whose encoder is another network, is named.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSegNet, isEncoderName, loadMatchingWeights, loadSegNet, readCheckpoint, resolveBeside, saveCheckpoint, type SegNetModel } from '../../../src/segnet';
import { checkpointFolder, MODEL_JSON, WEIGHTS_BIN } from '../../../scripts/lib/checkpoint-files';
import { useCpu } from '../helpers';

const size = { encoder: 'basic', height: 16, width: 16, basicChannels: 2, atrousRate: 2 } as const;
let dir = '';

beforeAll(async () => {
  await useCpu();
  dir = await mkdtemp(join(tmpdir(), 'encoder-from-'));
});
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

/** Rewrites a saved float32 checkpoint folder without its encoder, pointing at `encoderFrom`. */
async function dropEncoder(folder: string, encoderFrom: string): Promise<void> {
  const json = JSON.parse(await readFile(join(folder, MODEL_JSON), 'utf8')) as tf.io.ModelJSON & { weightsChecksum?: string };
  const data = new Uint8Array(await readFile(join(folder, WEIGHTS_BIN)));
  const kept: tf.io.WeightsManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const spec of json.weightsManifest[0]!.weights) {
    const bytes = spec.shape.reduce((a, b) => a * b, 1) * 4;
    if (!isEncoderName(spec.name)) {
      kept.push(spec);
      parts.push(data.subarray(offset, offset + bytes));
    }
    offset += bytes;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  json.weightsManifest[0]!.weights = kept;
  delete json.weightsChecksum;
  (json.modelTopology as { encoderFrom?: string }).encoderFrom = encoderFrom;
  await writeFile(join(folder, WEIGHTS_BIN), out);
  await writeFile(join(folder, MODEL_JSON), JSON.stringify(json));
}

async function logits(model: SegNetModel, input: tf.Tensor4D): Promise<Float32Array> {
  return (await model.forward(input).logits.data()) as Float32Array;
}

describe('checkpoints that take their encoder from another', () => {
  it('loads a decoder-only checkpoint with its base encoder, and computes what the whole network computed', async () => {
    const base = buildSegNet({ ...size, decoder: 'segnet', seed: 1 });
    const decoder = buildSegNet({ ...size, decoder: 'fcn', seed: 2 });
    loadMatchingWeights(decoder, Object.fromEntries(base.variables().map((v) => [v.name, v.variable])), { only: 'encoder', strict: true });
    await saveCheckpoint(base, checkpointFolder(join(dir, 'base')));
    await saveCheckpoint(decoder, checkpointFolder(join(dir, 'fcn')));
    const whole = (await readFile(join(dir, 'fcn', WEIGHTS_BIN))).byteLength;
    await dropEncoder(join(dir, 'fcn'), '../base/model.json');
    expect((await readFile(join(dir, 'fcn', WEIGHTS_BIN))).byteLength).toBeLessThan(whole);

    const input = tf.randomUniform([1, 16, 16, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const { model, meta } = await loadSegNet(checkpointFolder(join(dir, 'fcn')));
    expect(meta.encoderFrom).toBe('../base/model.json');
    expect(meta.config.decoder).toBe('fcn');
    expect(await logits(model, input)).toEqual(await logits(decoder, input));
    for (const m of [model, base, decoder]) m.dispose();
    input.dispose();
  });

  it('names a base that is missing, that is another network, or that takes its own encoder from elsewhere, and leaks no tensor', async () => {
    const decoder = buildSegNet({ ...size, decoder: 'bilinear', seed: 3 });
    const wider = buildSegNet({ ...size, basicChannels: 3, decoder: 'segnet', seed: 1 });
    const before = tf.memory().numTensors;
    await saveCheckpoint(decoder, checkpointFolder(join(dir, 'lost')));
    await dropEncoder(join(dir, 'lost'), '../nowhere/model.json');
    await expect(readCheckpoint(checkpointFolder(join(dir, 'lost')))).rejects.toThrow(/takes its encoder from '\.\.\/nowhere\/model\.json', which could not be read \(checkpoint: no model\.json at .*nowhere/);

    await saveCheckpoint(wider, checkpointFolder(join(dir, 'wider')));
    await saveCheckpoint(decoder, checkpointFolder(join(dir, 'misfit')));
    await dropEncoder(join(dir, 'misfit'), '../wider/model.json');
    await expect(readCheckpoint(checkpointFolder(join(dir, 'misfit')))).rejects.toThrow("whose encoder differs (basicChannels: 3 there, 2 here)");

    // One step only: the fcn checkpoint of the first test takes its own encoder from base.
    await saveCheckpoint(decoder, checkpointFolder(join(dir, 'chained')));
    await dropEncoder(join(dir, 'chained'), '../fcn/model.json');
    await expect(readCheckpoint(checkpointFolder(join(dir, 'chained')))).rejects.toThrow("takes its encoder from '../fcn/model.json', which itself takes its encoder from elsewhere");
    // A checkpoint naming itself is read once, not followed round and round.
    await saveCheckpoint(decoder, checkpointFolder(join(dir, 'itself')));
    await dropEncoder(join(dir, 'itself'), '../itself/model.json');
    await expect(readCheckpoint(checkpointFolder(join(dir, 'itself')))).rejects.toThrow('which itself takes its encoder from elsewhere');
    // Nothing but a folder beside it: not itself by another name, not the web, not elsewhere on disk.
    for (const where of ['model.json', 'https://example.org/x/model.json', '/etc/x/model.json', '../../x/model.json', '../x/other.json']) {
      await saveCheckpoint(decoder, checkpointFolder(join(dir, 'far')));
      await dropEncoder(join(dir, 'far'), where);
      await expect(readCheckpoint(checkpointFolder(join(dir, 'far'))), where).rejects.toThrow('which is not a checkpoint beside it ("../<folder>/model.json")');
    }
    // A checkpoint that holds an encoder and also names one is refused, not silently overwritten.
    await saveCheckpoint(decoder, checkpointFolder(join(dir, 'both')));
    const json = JSON.parse(await readFile(join(dir, 'both', MODEL_JSON), 'utf8')) as { modelTopology: { encoderFrom?: string } };
    json.modelTopology.encoderFrom = '../base/model.json';
    await writeFile(join(dir, 'both', MODEL_JSON), JSON.stringify(json));
    await expect(readCheckpoint(checkpointFolder(join(dir, 'both')))).rejects.toThrow("holds encoder weights and also takes its encoder from '../base/model.json'");
    expect(tf.memory().numTensors).toBe(before);
    for (const m of [wider, decoder]) m.dispose();
  });

  it('resolves the base beside a URL or a site path', () => {
    expect(resolveBeside('models/fcn/model.json', '../base/model.json')).toBe('models/base/model.json');
    expect(resolveBeside('/site/models/fcn/model.json', '../base/model.json')).toBe('/site/models/base/model.json');
    expect(resolveBeside('https://example.org/m/fcn/model.json', '../base/model.json')).toBe('https://example.org/m/base/model.json');
  });
});
