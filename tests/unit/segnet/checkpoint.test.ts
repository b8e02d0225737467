import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSegNet,
  captureCheckpoint,
  loadSegNet,
  Optimizer,
  readCheckpoint,
  restoreCheckpoint,
  weightedCrossEntropy,
  type CapturedCheckpoint,
  type SaveOptions,
  type SegNetModel,
} from '../../../src/segnet';
import { seededRandom, useCpu } from '../helpers';

beforeAll(useCpu);
const models: SegNetModel[] = [];
afterEach(() => models.splice(0).forEach((m) => m.dispose()));
const config = { encoder: 'basic', decoder: 'fcn', height: 16, width: 16, basicChannels: 3 } as const;

/** A model (a new one unless given) as a checkpoint in memory, readable through tf.io.fromMemory. */
async function saved(options: SaveOptions = {}, given?: SegNetModel): Promise<{ model: SegNetModel; artifacts: CapturedCheckpoint; store: tf.io.IOHandler }> {
  const model = given ?? buildSegNet(config);
  if (!given) models.push(model);
  const artifacts = await captureCheckpoint(model, options);
  return { model, artifacts, store: tf.io.fromMemory(artifacts) };
}

/** One momentum step on random data, so that weights, moving statistics and optimizer slots all differ from init. */
function trainOnce(model: SegNetModel, optimizer: Optimizer): void {
  const rnd = seededRandom(3);
  const images = tf.tensor4d(Float32Array.from({ length: 2 * 16 * 16 * 3 }, rnd), [2, 16, 16, 3]);
  const labels = tf.tensor3d(Int32Array.from({ length: 2 * 256 }, () => Math.floor(rnd() * 11)), [2, 16, 16], 'int32');
  const params = model.trainableVariables();
  const { grads } = tf.variableGrads(() => weightedCrossEntropy(model.forward(images, { training: true }).logits, labels), params.map((p) => p.variable));
  optimizer.apply(params, new Map(params.map((p) => [p.name, grads[p.variable.name]!])), 0.1);
}

const values = (m: SegNetModel) => m.variables().map((v) => Array.from(v.variable.dataSync()));

describe('saveCheckpoint / restoreCheckpoint', () => {
  it('round-trips weights, batch-norm statistics, optimizer state and progress exactly', async () => {
    const a = buildSegNet(config);
    const optA = new Optimizer();
    models.push(a);
    trainOnce(a, optA);
    const { store } = await saved({ optimizer: optA, progress: { step: 7, epoch: 1, batch: 2 }, extra: { data: 'synthetic' } }, a);

    const b = buildSegNet({ ...config, seed: 99 });
    models.push(b);
    expect(values(b)).not.toEqual(values(a));
    const optB = new Optimizer();
    const meta = await restoreCheckpoint(b, store, optB);
    expect(values(b)).toEqual(values(a));
    expect(meta.progress).toEqual({ step: 7, epoch: 1, batch: 2 });
    expect(meta.extra).toEqual({ data: 'synthetic' });
    expect(optB.updates).toBe(1);
    const slots = (o: Optimizer) => o.state().slots.map((s) => [s.name, Array.from(s.tensor.dataSync())]);
    expect(slots(optB)).toEqual(slots(optA));
    // Identical state gives identical next steps.
    trainOnce(a, optA);
    trainOnce(b, optB);
    expect(values(b)).toEqual(values(a));
  });

  it('builds a model from a checkpoint\'s own config', async () => {
    const { model: a, store } = await saved();
    const { model, meta } = await loadSegNet(store);
    models.push(model);
    expect(meta.config.decoder).toBe('fcn');
    expect(values(model)).toEqual(values(a));
  });

  it('refuses a checkpoint whose config does not match, naming the fields', async () => {
    const { store } = await saved();
    const other = buildSegNet({ ...config, decoder: 'segnet' });
    models.push(other);
    await expect(restoreCheckpoint(other, store)).rejects.toThrow(/does not match the model .*decoder: "fcn" vs "segnet"/);
  });

  it('refuses optimizer state saved by another kind of optimizer', async () => {
    const a = buildSegNet(config);
    models.push(a);
    const adam = new Optimizer({ kind: 'adam' });
    trainOnce(a, adam);
    const { store } = await saved({ optimizer: adam }, a);
    await expect(restoreCheckpoint(a, store, new Optimizer({ kind: 'momentum' }))).rejects.toThrow(/optimizer does not match .*kind: "adam" vs "momentum"/);
  });

  it('refuses files that are not checkpoints, and damaged weights', async () => {
    const notOurs = tf.io.fromMemory({ modelTopology: { class_name: 'Sequential' }, weightSpecs: [], weightData: new ArrayBuffer(0) });
    await expect(readCheckpoint(notOurs)).rejects.toThrow(/is not an Unpooled checkpoint/);
    const { artifacts } = await saved();
    const truncated = { ...artifacts, weightData: artifacts.weightData.slice(0, 100) };
    await expect(readCheckpoint(tf.io.fromMemory(truncated))).rejects.toThrow(/weights of .* are damaged/);
  });
});
