/**
 * The comparison's TF.js side on the cpu backend at a tiny size: one shared, frozen encoder
 * under three decoders. A step leaves every encoder variable (weights and batch-norm
 * statistics) exactly as it was, changes each decoder's weights, gives the same batch to all,
 * and leaks no tensor; the encoder loads from checkpoint tensors by name only.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSegNet } from '../../../../src/segnet';
import { applyEncoderWeights, BatchStream, SharedEncoderComparison } from '../../../../src/widgets/decoder-comparison/comparison-engine';
import { COMPARED_DECODERS } from '../../../../src/widgets/decoder-comparison/state';
import { useCpu } from '../../helpers';
import { SIZE, tinySplit } from './tiny-split';

const tiny = { height: SIZE, width: SIZE, basicChannels: 2, atrousRate: 2, seed: 3 };

const snapshot = (vars: { name: string; variable: tf.Variable }[]): Map<string, Float32Array> =>
  new Map(vars.map((v) => [v.name, v.variable.dataSync().slice() as Float32Array]));

const changed = (before: Map<string, Float32Array>, vars: { name: string; variable: tf.Variable }[]): string[] =>
  vars.filter((v) => v.variable.dataSync().some((x, i) => x !== before.get(v.name)![i])).map((v) => v.name);

beforeAll(useCpu);

describe('SharedEncoderComparison', () => {
  let comparison: SharedEncoderComparison;
  const split = tinySplit(4, 11);

  beforeAll(() => {
    comparison = new SharedEncoderComparison({ ...tiny, decoders: COMPARED_DECODERS, learningRate: 0.01 });
  });
  afterAll(async () => {
    await comparison?.dispose();
  });

  it('builds every decoder on the very same encoder variables', () => {
    const [first, ...rest] = comparison.lanes.map((l) => l.model);
    for (const m of rest) {
      expect(m.encoder).toBe(first!.encoder);
      expect(m.encoder.store.list().map((v) => v.variable)).toEqual(first!.encoder.store.list().map((v) => v.variable));
    }
    // Frozen: only decoder weights are trained.
    for (const m of comparison.lanes.map((l) => l.model)) {
      expect(m.trainableVariables().length).toBeGreaterThan(0);
      expect(m.trainableVariables().every((v) => v.name.startsWith('decoder/'))).toBe(true);
    }
  });

  it('one step leaves the encoder unchanged, changes each decoder, and leaks no tensor', async () => {
    const stream = new BatchStream(split, 2, 5);
    // Warm up once (the optimizer makes its slot variables on its first update).
    await comparison.step(stream.next());
    const encoder = comparison.encoderOwner.encoder.store.list();
    const encoderBefore = snapshot(encoder);
    const decoderBefore = comparison.lanes.map((l) => snapshot(l.model.decoder.store.list()));
    const tensorsBefore = tf.memory().numTensors;

    const records = await comparison.step(stream.next());

    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(records.map((r) => r.decoder)).toEqual([...COMPARED_DECODERS]);
    for (const r of records) {
      expect(Number.isFinite(r.loss)).toBe(true);
      expect(r.loss).toBeGreaterThan(0);
      expect(r.ms).toBeGreaterThanOrEqual(0);
    }
    expect(changed(encoderBefore, encoder)).toEqual([]);
    comparison.lanes.forEach((lane, i) => {
      const weights = lane.model.decoder.store.list().filter((v) => v.role === 'weight');
      const moved = changed(decoderBefore[i]!, weights);
      // Every decoder weight gets a gradient (and Adam moves it), not just some of them.
      expect(moved.sort(), lane.decoder).toEqual(weights.map((v) => v.name).sort());
    });
  });

  it('from scratch: every decoder has its own encoder, from the same random weights, trained with it', async () => {
    const scratch = new SharedEncoderComparison({ ...tiny, decoders: ['segnet', 'bilinear'], learningRate: 0.01, fromScratch: true });
    try {
      const [a, b] = scratch.lanes.map((l) => l.model);
      expect(a!.encoder).not.toBe(b!.encoder);
      const weightsOf = (m: typeof a) => m!.encoder.store.list().filter((v) => v.role === 'weight');
      const before = snapshot(weightsOf(a));
      // The same initial encoder weights in both networks (one seed).
      expect(snapshot(weightsOf(b))).toEqual(before);
      for (const m of [a, b]) expect(m!.trainableVariables().some((v) => v.name.startsWith('encoder/'))).toBe(true);
      const stream = new BatchStream(split, 2, 5);
      await scratch.step(stream.next());
      const tensors = tf.memory().numTensors;
      await scratch.step(stream.next());
      expect(tf.memory().numTensors).toBe(tensors);
      expect(changed(before, weightsOf(a)).sort()).toEqual(weightsOf(a).map((v) => v.name).sort());
      // Each encoder learnt from its own decoder's gradients: they no longer agree.
      expect(changed(snapshot(weightsOf(a)), weightsOf(b)).length).toBeGreaterThan(0);
    } finally {
      await scratch.dispose();
    }
  });

  it('gives every decoder the same batch: identical decoders get identical losses', async () => {
    const twins = new SharedEncoderComparison({ ...tiny, decoders: ['segnet', 'segnet'], learningRate: 0.01 });
    try {
      const stream = new BatchStream(split, 2, 9);
      for (let i = 0; i < 2; i++) {
        const [a, b] = await twins.step(stream.next());
        expect(b!.loss).toBe(a!.loss);
      }
    } finally {
      await twins.dispose();
    }
  });

  it('keeps training after a learning-rate change, from the same optimizer state', async () => {
    const stream = new BatchStream(split, 2, 7);
    const stepsBefore = comparison.lanes.map((l) => l.steps);
    await comparison.setLearningRate(0.001);
    const tensors = tf.memory().numTensors;
    const records = await comparison.step(stream.next());
    expect(tf.memory().numTensors).toBe(tensors);
    expect(records.every((r) => Number.isFinite(r.loss))).toBe(true);
    expect(comparison.lanes.map((l) => l.steps)).toEqual(stepsBefore.map((s) => s + 1));
    expect(comparison.lanes.map((l) => l.optimizer.updates)).toEqual(stepsBefore.map((s) => s + 1));
  });

  it('reports a non-finite loss per decoder without applying that update', async () => {
    const lane = comparison.lanes.find((l) => l.decoder === 'fcn')!;
    const weights = lane.model.decoder.store.list();
    const before = snapshot(weights);
    const updates = lane.optimizer.updates;
    // A NaN image makes every decoder's loss NaN; none may change.
    const images = tf.fill([2, SIZE, SIZE, 3], NaN) as tf.Tensor4D;
    const labels = tf.zeros([2, SIZE, SIZE], 'int32') as tf.Tensor3D;
    const tensors = tf.memory().numTensors;
    const records = await comparison.step({ images, labels });
    expect(records.every((r) => Number.isNaN(r.loss))).toBe(true);
    expect(changed(before, weights)).toEqual([]);
    expect(lane.optimizer.updates).toBe(updates);
    expect(tf.memory().numTensors).toBe(tensors - 2);
    // And it trains again on the next good batch.
    const next = await comparison.step(new BatchStream(split, 2, 1).next());
    expect(next.every((r) => Number.isFinite(r.loss))).toBe(true);
  });

  it('scores and predicts every decoder on the same frames, leaking nothing', async () => {
    const tensors = tf.memory().numTensors;
    const predicted = await comparison.predict(split, 3);
    const { scores, predicted: evaluated } = await comparison.evaluate(split, 2);
    expect(tf.memory().numTensors).toBe(tensors);
    expect([...predicted.keys()]).toEqual([...COMPARED_DECODERS]);
    for (const [decoder, labels] of predicted) {
      // Chunks of 3 and of 2 frames: the same labels.
      expect(evaluated.get(decoder), decoder).toEqual(labels);
      expect(labels.length).toBe(4 * SIZE * SIZE);
      expect(labels.every((l) => l < 11)).toBe(true);
      const s = scores.get(decoder)!;
      expect(s.pixelCount).toBe(4 * SIZE * SIZE);
      expect(s.meanIoU).toBeGreaterThanOrEqual(0);
      expect(s.meanIoU).toBeLessThanOrEqual(1);
      const correct = labels.reduce((n, l, i) => n + (l === split.labels[i] ? 1 : 0), 0);
      expect(s.globalAccuracy).toBeCloseTo(correct / labels.length, 10);
    }
  });
});

describe('SharedEncoderComparison construction', () => {
  it('frees the networks already built when a later decoder cannot be built', () => {
    const before = tf.memory().numTensors;
    const decoders = ['segnet', 'fcn', 'no-such-decoder'] as unknown as typeof COMPARED_DECODERS;
    expect(() => new SharedEncoderComparison({ ...tiny, decoders, learningRate: 0.01 })).toThrow("got 'no-such-decoder'");
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('applyEncoderWeights', () => {
  it('copies exactly the encoder variables by name, and names a missing one', async () => {
    const source = buildSegNet({ encoder: 'basic', decoder: 'segnet', ...tiny, seed: 40 });
    const comparison = new SharedEncoderComparison({ ...tiny, decoders: ['fcn', 'deeplab-largefov'], learningRate: 0.001 });
    try {
      const tensors: tf.NamedTensorMap = Object.fromEntries(source.variables().map((v) => [v.name, v.variable]));
      const decoderBefore = comparison.lanes.map((l) => snapshot(l.model.decoder.store.list()));
      expect(applyEncoderWeights(comparison.encoderOwner, tensors)).toBe(source.encoder.store.list().length);
      const target = comparison.encoderOwner.encoder.store.list();
      source.encoder.store.list().forEach((v, i) => expect(Array.from(target[i]!.variable.dataSync())).toEqual(Array.from(v.variable.dataSync())));
      comparison.lanes.forEach((l, i) => expect(changed(decoderBefore[i]!, l.model.decoder.store.list())).toEqual([]));

      const name = target[5]!.name;
      expect(name).toMatch(/^encoder\/stage1\//);
      const missing = { ...tensors };
      delete missing[name];
      expect(() => applyEncoderWeights(comparison.encoderOwner, missing)).toThrow(`the checkpoint has no value for '${name}'`);
    } finally {
      source.dispose();
      await comparison.dispose();
    }
  });
});

describe('BatchStream', () => {
  it('draws seeded batches of a fixed shape, across epochs', () => {
    const split = tinySplit(5, 2);
    const a = new BatchStream(split, 2, 4);
    const b = new BatchStream(split, 2, 4);
    for (let i = 0; i < 5; i++) {
      const x = a.next();
      const y = b.next();
      expect(x.images.shape).toEqual([2, SIZE, SIZE, 3]);
      expect(x.indices).toEqual(y.indices);
      expect(Array.from(x.labels.dataSync())).toEqual(Array.from(y.labels.dataSync()));
      tf.dispose([x.images, x.labels, y.images, y.labels]);
    }
  });
});
