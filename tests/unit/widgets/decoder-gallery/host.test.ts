/**
 * The gallery's networks (src/widgets/decoder-gallery/gallery-host.ts) on the shipped synthetic
 * checkpoints (FCN's and bilinear's, the fastest on the CPU backend): every decoder built on one encoder gives, for a frame, the very labels its
 * checkpoint gives loaded on its own (loadSegNet follows its encoderFrom), and the encoder's
 * variables exist once.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointFolder } from '../../../../scripts/lib/checkpoint-files';
import * as segnet from '../../../../src/segnet';
import { GalleryHost, type GalleryCheckpoint } from '../../../../src/widgets/decoder-gallery/gallery-host';
import type { Engine } from '../../../../src/widgets/shared/engine';
import { useCpu } from '../../helpers';

const folder = (decoder: string): string => `public/models/${decoder}-decoder-synthetic-180x240`;
const DECODERS = (['fcn', 'bilinear'] as const).filter((d) => existsSync(`${folder(d)}/model.json`));
const missing = DECODERS.length < 2 ? 'fewer than two synthetic decoder checkpoints in public/models' : null;
if (missing) console.warn(`decoder gallery host test skipped: ${missing}`);

let engine: Engine;
const read = (url: string) => segnet.readCheckpoint(checkpointFolder(url));
const checkpoints: GalleryCheckpoint[] = DECODERS.map((decoder) => ({ decoder, url: folder(decoder) }));

beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } } as unknown as Engine;
});

/** A frame of seeded noise at the checkpoints' size (the host only needs pixels). */
function frame(height: number, width: number, seed: number): { splitIndex: number; image: Uint8Array } {
  const image = new Uint8Array(height * width * 3);
  let s = seed;
  for (let i = 0; i < image.length; i++) image[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  return { splitIndex: seed, image };
}

describe.skipIf(missing !== null)('GalleryHost', () => {
  let host: GalleryHost;
  afterAll(() => host?.dispose());

  it('runs every decoder on one encoder, with the labels each checkpoint gives on its own', async () => {
    const before = tf.memory().numTensors;
    host = await GalleryHost.open(engine, checkpoints, read);
    expect(host.opened).toMatchObject({ height: 180, width: 240 });
    const encoderVariables = (await segnet.loadSegNet(checkpointFolder(folder(DECODERS[0]!)))).model;
    const encoderCount = encoderVariables.variables().filter((v) => v.name.startsWith('encoder/')).length;
    encoderVariables.dispose();
    // One encoder: the tensors held are one full network plus the other decoders.
    const held = tf.memory().numTensors - before;
    const alone = await Promise.all(checkpoints.map(async ({ url }) => (await segnet.loadSegNet(checkpointFolder(url))).model));
    const decoderCounts = alone.map((m) => m.variables().filter((v) => !v.name.startsWith('encoder/')).length);
    expect(held).toBe(encoderCount + decoderCounts.reduce((a, b) => a + b, 0));

    const input = frame(180, 240, 7);
    const labels = await host.labels(input);
    expect(labels).toHaveLength(DECODERS.length);
    const x = segnet.imagesToTensor(input.image, 1, 180, 240);
    for (const [i, model] of alone.entries()) {
      const [own] = await model.segment(x);
      expect(Array.from(labels[i]!)).toEqual(Array.from(own!.labels));
      model.dispose();
    }
    x.dispose();
    // Decoders differ on a frame: the gallery is not showing one network five times.
    expect(labels.slice(1).some((l) => l.some((v, p) => v !== labels[0]![p]))).toBe(true);
    // Asked again, the kept answer.
    expect(await host.labels(input)).toBe(await host.labels(input));
  }, 120_000);

  it('refuses a frame of the wrong size, and a checkpoint of another decoder than named, naming it', async () => {
    await expect(host.labels({ splitIndex: 99, image: new Uint8Array(10) })).rejects.toThrow('frame 99 has 10 bytes, expected 180 x 240 x 3');
    const wrong: GalleryCheckpoint[] = [checkpoints[0]!, { decoder: 'deconvnet', url: checkpoints[1]!.url }];
    const before = tf.memory().numTensors;
    await expect(GalleryHost.open(engine, wrong, read)).rejects.toThrow(`${checkpoints[1]!.url} holds a ${DECODERS[1]} decoder, not deconvnet`);
    expect(tf.memory().numTensors).toBe(before);
    // Two full networks (no encoderFrom) have encoders of their own: not one gallery.
    const full = { decoder: 'segnet' as const, url: 'public/models/segnet-basic-synthetic-180x240' };
    await expect(GalleryHost.open(engine, [full, full], read)).rejects.toThrow('does not share the first decoder\'s encoder');
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('frees everything it holds', async () => {
    const before = tf.memory().numTensors;
    const other = await GalleryHost.open(engine, checkpoints.slice(0, 2), read);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
