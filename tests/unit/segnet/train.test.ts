import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSegNet,
  learningRateAt,
  NonFiniteLossError,
  Optimizer,
  TrainingController,
  trainSteps,
  type BatchSource,
  type SegNetModel,
  type TrainProgress,
} from '../../../src/segnet';
import { seededRandom, useCpu } from '../helpers';

beforeAll(useCpu);
let model: SegNetModel | null = null;
afterEach(() => model?.dispose());

/**
 * Two tiny road-like scenes: sky above a horizon, road below, a car box, one void stripe.
 * Colours are class-specific with noise, so the task is learnable but not a lookup.
 */
function twoScenes(h: number, w: number): { images: Float32Array; labels: Int32Array } {
  const rnd = seededRandom(42);
  const colours = [[0.5, 0.5, 0.5], [0.5, 0.25, 0.5], [0.25, 0, 0.5]]; // sky, road, car
  const classes = [0, 3, 8];
  const images = new Float32Array(2 * h * w * 3);
  const labels = new Int32Array(2 * h * w);
  for (let n = 0; n < 2; n++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const inCar = y >= h / 2 && y < h / 2 + 4 && x >= 3 + 8 * n && x < 11 + 8 * n;
        const kind = inCar ? 2 : y < h / 2 - n ? 0 : 1;
        const p = (n * h + y) * w + x;
        labels[p] = x === w - 1 ? 11 : classes[kind]!;
        for (let c = 0; c < 3; c++) images[p * 3 + c] = colours[kind]![c]! + 0.1 * (rnd() - 0.5);
      }
  return { images, labels };
}

function sceneSource(h: number, w: number): BatchSource {
  const { images, labels } = twoScenes(h, w);
  return function* () {
    yield { images: tf.tensor4d(images, [2, h, w, 3]), labels: tf.tensor3d(labels, [2, h, w], 'int32') };
  };
}

async function collect(it: AsyncGenerator<TrainProgress>): Promise<TrainProgress[]> {
  const out: TrainProgress[] = [];
  for await (const p of it) out.push(p);
  return out;
}

describe('trainSteps(model, options)', () => {
  it('overfits two synthetic scenes to >= 95% pixel accuracy', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 24, basicChannels: 4 });
    const progress = await collect(
      trainSteps(model, { batches: sceneSource(16, 24), schedule: { kind: 'constant', rate: 0.03 }, optimizer: new Optimizer({ kind: 'adam', weightDecay: 0 }), epochs: 60, metricsEvery: 20 }),
    );
    const last = progress[progress.length - 1]!;
    expect(last.step).toBe(60);
    expect(last.loss).toBeLessThan(progress[0]!.loss / 4);
    // Inference mode (moving batch-norm statistics), scored on labelled pixels only.
    const { images, labels } = twoScenes(16, 24);
    const [a, b] = await model.segment(tf.tensor4d(images, [2, 16, 24, 3]));
    const predicted = [...a!.labels, ...b!.labels];
    let correct = 0;
    let counted = 0;
    predicted.forEach((p, i) => {
      if (labels[i] === 11) return;
      counted += 1;
      if (p === labels[i]) correct += 1;
    });
    expect(correct / counted).toBeGreaterThanOrEqual(0.95);
    expect(last.metrics?.globalAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('holds no more tensors at step 20 than at step 2', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3 });
    const counts: number[] = [];
    for await (const p of trainSteps(model, { batches: sceneSource(16, 16), schedule: { kind: 'constant', rate: 0.01 }, epochs: 20 })) {
      counts[p.step] = tf.memory().numTensors;
    }
    expect(counts[20]).toBe(counts[2]);
  });

  it('pauses, resumes and aborts between steps', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 });
    const controller = new TrainingController();
    const loop = trainSteps(model, { batches: sceneSource(16, 16), schedule: { kind: 'constant', rate: 0.01 }, epochs: 100, controller });
    expect((await loop.next()).value).toMatchObject({ step: 1 });
    controller.pause();
    let resolved = false;
    const next = loop.next().then((r) => {
      resolved = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(resolved).toBe(false);
    controller.resume();
    expect((await next).value).toMatchObject({ step: 2 });
    controller.abort();
    expect((await loop.next()).done).toBe(true);
  });

  it('resumes mid-epoch from a start point, skipping the batches already done', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 });
    const seen: string[] = [];
    const { images, labels } = twoScenes(16, 16);
    const batches: BatchSource = function* (epoch, skip) {
      for (let b = skip; b < 3; b++) {
        seen.push(`${epoch}:${b}`);
        yield { images: tf.tensor4d(images, [2, 16, 16, 3]), labels: tf.tensor3d(labels, [2, 16, 16], 'int32') };
      }
    };
    const progress = await collect(trainSteps(model, { batches, schedule: { kind: 'constant', rate: 0.01 }, epochs: 2, start: { step: 4, epoch: 1, batch: 1 } }));
    expect(seen).toEqual(['1:1', '1:2']);
    expect(progress.map((p) => [p.step, p.epoch, p.batch])).toEqual([[5, 1, 2], [6, 1, 3]]);
  });

  it('stops on a NaN loss leaving weights and batch-norm statistics untouched', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 });
    const before = model.variables().map((v) => Array.from(v.variable.dataSync()));
    const batches: BatchSource = function* () {
      yield { images: tf.fill([2, 16, 16, 3], NaN) as tf.Tensor4D, labels: tf.zeros([2, 16, 16], 'int32') as tf.Tensor3D };
    };
    const loop = trainSteps(model, { batches, schedule: { kind: 'constant', rate: 0.01 }, epochs: 1 });
    await expect(loop.next()).rejects.toThrow(NonFiniteLossError);
    const after = model.variables().map((v) => Array.from(v.variable.dataSync()));
    expect(after).toEqual(before);
    expect(model.predict(tf.zeros([1, 16, 16, 3]) as tf.Tensor4D).dataSync().every(Number.isFinite)).toBe(true);
  });

  it('refuses a batch whose shape differs from the first, and a source with no batches', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 });
    const { images, labels } = twoScenes(16, 16);
    const uneven: BatchSource = function* () {
      yield { images: tf.tensor4d(images, [2, 16, 16, 3]), labels: tf.tensor3d(labels, [2, 16, 16], 'int32') };
      yield { images: tf.tensor4d(images.slice(0, 768), [1, 16, 16, 3]), labels: tf.tensor3d(labels.slice(0, 256), [1, 16, 16], 'int32') };
    };
    const before = tf.memory().numTensors;
    await expect(collect(trainSteps(model, { batches: uneven, schedule: { kind: 'constant', rate: 0.01 }, epochs: 1 }))).rejects.toThrow(
      /batch images are \[1, 16, 16, 3\] but the run started with \[2, 16, 16, 3\]/,
    );
    expect(tf.memory().numTensors).toBe(before);
    const empty: BatchSource = function* () {};
    await expect(collect(trainSteps(model, { batches: empty, schedule: { kind: 'constant', rate: 0.01 } }))).rejects.toThrow(/gave no batch for epoch 0/);
  });

  it('rejects a schedule with a bad rate, naming it', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 2 });
    const loop = trainSteps(model, { batches: sceneSource(16, 16), schedule: { kind: 'constant', rate: -1 } });
    await expect(loop.next()).rejects.toThrow(/schedule 'constant': rate must be a positive number, got -1/);
    const poly = trainSteps(model, { batches: sceneSource(16, 16), schedule: { kind: 'poly', rate: 0.1, totalSteps: 10, power: Number.NaN } });
    await expect(poly.next()).rejects.toThrow(/schedule 'poly': power must be a number >= 0, got NaN/);
    const cosine = trainSteps(model, { batches: sceneSource(16, 16), schedule: { kind: 'cosine', rate: 0.1, totalSteps: 10, minRate: 0.5 } });
    await expect(cosine.next()).rejects.toThrow(/minRate must be between 0 and rate \(0.1\), got 0.5/);
  });
});

describe('trainSteps with a learning rate read at every step', () => {
  it('applies a rate changed mid-run from the next step, with the same step counter and optimizer state', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3 });
    const optimizer = new Optimizer({ kind: 'adam', weightDecay: 0 });
    let rate = 0.01;
    const asked: number[] = [];
    const weights = () => model!.trainableVariables().map((v) => Array.from(v.variable.dataSync()));
    const steps = trainSteps(model, {
      batches: sceneSource(16, 16),
      schedule: (step) => (asked.push(step), rate),
      optimizer,
      epochs: 4,
      metricsEvery: 0,
    });
    const seen: TrainProgress[] = [];
    let slotsAfter2: number[][] = [];
    let weightsAfter3: number[][] = [];
    for await (const p of steps) {
      seen.push(p);
      if (p.step === 2) {
        slotsAfter2 = optimizer.state().slots.map((s) => Array.from(s.tensor.dataSync()));
        rate = 0.05; // the setter behind the schedule: no new loop
      }
      if (p.step === 3) {
        weightsAfter3 = weights();
        rate = 0; // Adam's step is proportional to the rate: the weights stop, its moments go on
      }
    }
    expect(seen.map((p) => [p.step, p.epoch, p.learningRate])).toEqual([[1, 0, 0.01], [2, 1, 0.01], [3, 2, 0.05], [4, 3, 0]]);
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(optimizer.updates).toBe(4);
    // One optimizer throughout: four updates counted (Adam's bias correction), moments still moving.
    const slotsAfter4 = optimizer.state().slots.map((s) => Array.from(s.tensor.dataSync()));
    expect(slotsAfter2.length).toBeGreaterThan(0);
    expect(slotsAfter4).not.toEqual(slotsAfter2);
    // Rate 0 at step 4 was read at that step: the weights are those after step 3.
    expect(weights()).toEqual(weightsAfter3);
  });

  it('rejects a rate function that gives a negative or non-finite rate, naming the step', async () => {
    model = buildSegNet({ encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 3 });
    await expect(collect(trainSteps(model, { batches: sceneSource(16, 16), schedule: (step) => (step < 1 ? 0.01 : Number.NaN), epochs: 3, metricsEvery: 0 }))).rejects.toThrow(
      'trainSteps: the learning rate at step 1 is NaN',
    );
  });
});

describe('learningRateAt(schedule, step)', () => {
  it('follows each schedule', () => {
    expect(learningRateAt({ kind: 'constant', rate: 0.1 }, 99)).toBe(0.1);
    expect(learningRateAt({ kind: 'step', rate: 0.1, every: 10, gamma: 0.5 }, 25)).toBeCloseTo(0.025);
    expect(learningRateAt({ kind: 'poly', rate: 0.1, totalSteps: 100, power: 0.9 }, 50)).toBeCloseTo(0.1 * 0.5 ** 0.9);
    expect(learningRateAt({ kind: 'cosine', rate: 0.1, totalSteps: 100, minRate: 0 }, 50)).toBeCloseTo(0.05);
    expect(learningRateAt({ kind: 'cosine', rate: 0.1, totalSteps: 100, minRate: 0.01 }, 200)).toBeCloseTo(0.01);
  });
});

describe('Optimizer', () => {
  it('matches hand-computed momentum and Adam updates', () => {
    const v = tf.variable(tf.tensor1d([1, -2]));
    const params = [{ name: 'p', variable: v, role: 'weight' as const }];
    const grads = new Map([['p', tf.tensor1d([0.5, 1])]]);
    const momentum = new Optimizer({ kind: 'momentum', momentum: 0.9, weightDecay: 0 });
    momentum.apply(params, grads, 0.1); // v1 = -0.1 g; p = p - 0.1 g
    momentum.apply(params, grads, 0.1); // v2 = 0.9 v1 - 0.1 g = -0.19 g
    expect(v.dataSync()[0]).toBeCloseTo(1 - 0.145, 5);
    expect(v.dataSync()[1]).toBeCloseTo(-2.29, 5);
    v.assign(tf.tensor1d([1, -2]));
    const adam = new Optimizer({ kind: 'adam', weightDecay: 0 });
    adam.apply(params, grads, 0.1); // first Adam step moves each weight by lr * sign(g)
    expect(v.dataSync()[0]).toBeCloseTo(0.9, 4);
    expect(v.dataSync()[1]).toBeCloseTo(-2.1, 4);
    expect(() => new Optimizer({ kind: 'rmsprop' as never })).toThrow(/kind must be 'sgd', 'momentum' or 'adam', got 'rmsprop'/);
  });
});
