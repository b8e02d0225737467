import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../src/segnet';
import { makeGrid, refConv2dTranspose, refMaxPool2x2, refMaxUnpool, refResizeBilinear } from '../../../src/segnet/core';
import { bilinearKernel, upsampleChannel } from '../../../src/widgets/decoder-side-by-side/upsample';
import { STAGES, stageLayers } from '../../../src/widgets/decoder-side-by-side/state';
import type { Engine } from '../../../src/widgets/shared/engine';
import { maxAbsDiff, randomGrid, useCpu } from '../helpers';

let engine: Engine;

beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
});

describe('bilinearKernel(size)', () => {
  it('is FCN’s upsampling filter: [0.25, 0.75, 0.75, 0.25] squared for size 4', () => {
    const k = bilinearKernel(4);
    const axis = [0.25, 0.75, 0.75, 0.25];
    expect([...k]).toEqual(axis.flatMap((a) => axis.map((b) => a * b)));
    expect([...bilinearKernel(3)]).toEqual([0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25]);
    expect(() => bilinearKernel(0)).toThrow('bilinearKernel: size must be a positive integer, got 0');
  });
});

describe('upsampleChannel(engine, channel)', () => {
  it('matches the plain-TS references of unpooling, transposed convolution and bilinear resizing', async () => {
    const before = randomGrid([1, 6, 8, 1], 7, 0, 1);
    const { pooled, indices } = refMaxPool2x2(before);
    const before2 = tf.memory().numTensors;
    const out = await upsampleChannel(engine, {
      height: 3,
      width: 4,
      values: Float32Array.from(pooled.data),
      indices: Int32Array.from(indices.data),
      outHeight: 6,
      outWidth: 8,
    });
    expect(tf.memory().numTensors).toBe(before2);
    expect(maxAbsDiff(out.unpool, refMaxUnpool(pooled, indices, 6, 8).data)).toBeLessThan(1e-6); // float32 vs float64
    const kernel = makeGrid([4, 4, 1, 1], bilinearKernel(4));
    expect(maxAbsDiff(out.transposed, refConv2dTranspose(pooled, kernel, 6, 8, 2, 'same').output.data)).toBeLessThan(1e-6);
    expect(maxAbsDiff(out.bilinear, refResizeBilinear(pooled, 6, 8).data)).toBeLessThan(1e-6);
  });

  it('disposes its tensors when reading one back fails', async () => {
    const failing: Engine = {
      ...engine,
      segnet: {
        ...segnet,
        resizeBilinear: ((x: tf.Tensor4D, h: number, w: number) => {
          const t = segnet.resizeBilinear(x, h, w);
          t.data = () => Promise.reject(new Error('the read failed'));
          return t;
        }) as typeof segnet.resizeBilinear,
      },
    };
    const { pooled, indices } = refMaxPool2x2(randomGrid([1, 4, 4, 1], 9, 0, 1));
    const before = tf.memory().numTensors;
    await expect(
      upsampleChannel(failing, { height: 2, width: 2, values: Float32Array.from(pooled.data), indices: Int32Array.from(indices.data), outHeight: 4, outWidth: 4 }),
    ).rejects.toThrow('the read failed');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('unpooling puts each maximum back at its position: the pre-pool map agrees there', async () => {
    const before = randomGrid([1, 4, 4, 1], 3, 0, 1);
    const { pooled, indices } = refMaxPool2x2(before);
    const out = await upsampleChannel(engine, { height: 2, width: 2, values: Float32Array.from(pooled.data), indices: Int32Array.from(indices.data), outHeight: 4, outWidth: 4 });
    const kept = [...out.unpool].map((v, i) => (v === 0 ? null : [v, before.data[i]]));
    expect(kept.filter((k) => k !== null)).toHaveLength(4);
    for (const k of kept) if (k) expect(k[0]).toBeCloseTo(k[1]!, 6);
  });
});

describe('stageLayers(stage): the layers a forward pass records', () => {
  it('names, for every stage, an encoder pooling, the map before it, and the SegNet decoder stage at that size (unpooled, then conv + BN)', () => {
    const model = segnet.buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2, seed: 1 });
    const input = tf.tensor4d(Float32Array.from(randomGrid([1, 16, 16, 3], 5, 0, 1).data), [1, 16, 16, 3]);
    const { logits, activations } = model.forward(input, { record: true });
    try {
      const byName = new Map(activations.map((a) => [a.name, a]));
      for (let stage = 1; stage <= STAGES; stage++) {
        const names = stageLayers(stage);
        const shape = (name: string) => byName.get(name)?.tensor.shape;
        const before = shape(names.features)!;
        expect(before, names.features).toBeDefined();
        expect(byName.get(names.pool)?.indices, names.pool).toBeTruthy();
        expect(shape(names.decoderUnpool), names.decoderUnpool).toEqual(before);
        expect(shape(names.decoderOutput), names.decoderOutput).toEqual(before);
      }
      // The unpooled map is sparse (one value per window); the conv + BN output is not.
      const unpooled = byName.get(stageLayers(1).decoderUnpool)!.tensor.dataSync();
      const output = byName.get(stageLayers(1).decoderOutput)!.tensor.dataSync();
      expect(unpooled.filter((v) => v === 0).length).toBeGreaterThanOrEqual((unpooled.length * 3) / 4);
      expect(output.filter((v) => v === 0).length).toBeLessThan(output.length / 4);
    } finally {
      segnet.disposeActivations(activations);
      tf.dispose([input, logits]);
      model.dispose();
    }
  });
});
