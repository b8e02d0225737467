/**
 * The page's side of the page model: a proxy that asks the engine worker (here an in-process
 * stand-in over the worker's own ModelRunner, on the cpu backend) and keeps its answers, the
 * facts the worker sends worded in either language, and the copies the worker transfers.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import * as segnet from '../../../src/segnet';
import type { DemoFrame } from '../../../src/widgets/model/demo-frames';
import { analyseFrame } from '../../../src/widgets/model/frame-analysis';
import { layerCopy, ModelRunner, openModel, originOf, segmentationCopy } from '../../../src/widgets/model/model-host';
import type { ModelOrigin } from '../../../src/widgets/model/model-origin';
import { describeOrigin, openPageModel, originProblem, type ModelConnection, type ModelRemote } from '../../../src/widgets/model/page-model';
import type { Engine } from '../../../src/widgets/shared/engine';
import { useCpu } from '../helpers';

const TINY = { encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 4 } as const;

function frame(index: number): DemoFrame {
  const image = Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => (i * 53 + index * 7) % 256);
  return { index, splitIndex: 10 + index, image, labels: new Uint8Array(256) };
}

let engine: Engine;
let model: segnet.SegNetModel;

beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
  model = segnet.buildSegNet(TINY);
});

afterAll(() => model.dispose());

/** The worker's model calls, in process: what crosses is copied, as structured cloning would. */
function standIn(runner: ModelRunner, origin: ModelOrigin) {
  const calls: string[] = [];
  const remote: ModelRemote = {
    openModel: async (url) => {
      calls.push(`open ${url}`);
      return { backend: runner.backend, origin };
    },
    modelPrediction: async (url, f) => {
      calls.push(`prediction ${f.splitIndex}`);
      return segmentationCopy(await runner.prediction(structuredClone(f))).value;
    },
    modelLayer: async (url, f, name) => {
      calls.push(`layer ${f.splitIndex} ${name}`);
      return layerCopy(await runner.layer(structuredClone(f), name)).value;
    },
    segmentPicture: async (url, rgb) => {
      calls.push('segment');
      return segmentationCopy(await runner.segment(rgb.slice())).value;
    },
    upsampleChannel: () => Promise.reject(new Error('not here')),
    closeModel: () => void calls.push('close'),
  };
  const listeners = new Set<(error: Error) => void>();
  let connects = 0;
  const connection: ModelConnection = {
    remote: async () => {
      connects++;
      return remote;
    },
    onCrash: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  const crash = (error: Error): void => {
    for (const l of [...listeners]) l(error);
  };
  const backendListeners = new Set<(backend: segnet.BackendChoice) => void>();
  connection.onBackend = (listener) => {
    backendListeners.add(listener);
    return () => void backendListeners.delete(listener);
  };
  const switchBackend = (backend: segnet.BackendChoice): void => {
    for (const l of [...backendListeners]) l(backend);
  };
  return { connection, calls, crash, switchBackend, connects: () => connects, listening: () => listeners.size, listeningToBackend: () => backendListeners.size };
}

describe('PageModel (the proxy on the page)', () => {
  it('follows the worker’s backend when the studio switches it, and stops listening on close', async () => {
    const runner = new ModelRunner(engine, model);
    const worker = standIn(runner, { trained: false, why: 'no-checkpoint' });
    const { model: page } = await openPageModel(null, undefined, worker.connection);
    const heard: string[] = [];
    const stop = page.onBackend((b) => heard.push(b.name));
    expect(page.backend.name).toBe('cpu');
    worker.switchBackend({ name: 'wasm', canTrain: true, rejected: [], threads: 2 });
    expect(page.backend).toEqual({ name: 'wasm', canTrain: true, rejected: [], threads: 2 });
    expect(heard).toEqual(['wasm']);
    stop();
    worker.switchBackend({ name: 'webgl', canTrain: true, rejected: [] });
    expect(heard).toEqual(['wasm']);
    expect(page.backend.name).toBe('webgl');
    expect(worker.listeningToBackend()).toBe(1);
    page.close();
    expect(worker.listeningToBackend()).toBe(0);
  });

  it('gives what the network computes, asking the worker once per frame and layer', async () => {
    const runner = new ModelRunner(engine, model);
    const worker = standIn(runner, { trained: false, why: 'no-checkpoint' });
    const { model: page } = await openPageModel('/models/x/model.json', undefined, worker.connection);
    expect(page.description).toEqual({ trained: false, summary: messages('en').model.untrainedSummary, notice: messages('en').model.noCheckpoint });
    expect(page.backend.name).toBe('cpu');

    const reference = await analyseFrame(segnet, model, frame(0));
    const [a, b] = await Promise.all([page.prediction(frame(0)), page.prediction(frame(0))]);
    expect(a).toBe(b);
    expect([...a.labels]).toEqual([...reference.segmentation.labels]);
    expect(Array.from(a.probabilities)).toEqual(Array.from(reference.segmentation.probabilities));
    const pool = await page.layer(frame(0), 'encoder/stage1/pool');
    const expected = await reference.layer('encoder/stage1/pool');
    expect([pool.height, pool.width, pool.channels]).toEqual([8, 8, 4]);
    expect(Array.from(pool.values)).toEqual(Array.from(expected.values));
    expect(Array.from(pool.indices!)).toEqual(Array.from(expected.indices!));
    reference.dispose();
    await page.layer(frame(0), 'encoder/stage1/pool');
    expect(worker.calls).toEqual(['open /models/x/model.json', 'prediction 10', 'layer 10 encoder/stage1/pool']);

    // Layers are kept for the last two frames asked about; a third frame drops the oldest.
    await page.layer(frame(1), 'encoder/stage1/pool');
    await page.layer(frame(2), 'encoder/stage1/pool');
    await page.layer(frame(0), 'encoder/stage1/pool');
    expect(worker.calls.filter((c) => c === 'layer 10 encoder/stage1/pool')).toHaveLength(2);
    runner.dispose();
  });

  it('labels a picture in the worker, and passes on the worker’s refusal of a wrong size', async () => {
    const runner = new ModelRunner(engine, segnet.buildSegNet(TINY));
    const worker = standIn(runner, { trained: true, steps: 3, dataset: null });
    const { model: page } = await openPageModel(null, undefined, worker.connection);
    const rgb = frame(3).image;
    const seg = await page.segment(rgb);
    const direct = await runner.model.segment(segnet.imagesToTensor(rgb, 1, 16, 16));
    expect([...seg.labels]).toEqual([...direct[0]!.labels]);
    await expect(page.segment(new Uint8Array(10))).rejects.toThrow('segmentPicture: expected 16 x 16 x 3 = 768 bytes, got 10');
    runner.dispose();
  });

  it('rejects what was asked of a worker that dies, then opens the network in a fresh one', async () => {
    const runner = new ModelRunner(engine, segnet.buildSegNet(TINY));
    const worker = standIn(runner, { trained: false, why: 'no-checkpoint' });
    const { model: page } = await openPageModel(null, undefined, worker.connection);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const remote = await worker.connection.remote();
    const original = remote.modelPrediction;
    remote.modelPrediction = async (url, f) => {
      await held;
      return original(url, f);
    };
    const pending = page.prediction(frame(4));
    worker.crash(new Error('The engine worker stopped.'));
    await expect(pending).rejects.toThrow('The engine worker stopped.');
    release();
    const before = worker.connects();
    await expect(page.prediction(frame(4))).resolves.toMatchObject({ height: 16, width: 16 });
    expect(worker.connects()).toBe(before + 1);
    expect(worker.calls.filter((c) => c.startsWith('open'))).toHaveLength(2);
    runner.dispose();
  });

  it('stops listening for the worker’s death when closed', async () => {
    const runner = new ModelRunner(engine, segnet.buildSegNet(TINY));
    const worker = standIn(runner, { trained: false, why: 'no-checkpoint' });
    const { model: page } = await openPageModel(null, undefined, worker.connection);
    expect(worker.listening()).toBe(1);
    page.close();
    expect(worker.listening()).toBe(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(worker.calls).toContain('close');
    runner.dispose();
  });
});

describe('what the worker says about a network, worded on the page', () => {
  const unfit: ModelOrigin = { trained: false, why: 'unfit', fit: { encoder: 'vgg16', size: '96x128', wantEncoder: 'basic', wantSize: '96x128' } };

  it('in English', () => {
    const m = messages('en').model;
    expect(describeOrigin({ trained: true, steps: 2500, dataset: 'synthetic-96x128' }, m).summary).toBe('SegNet-Basic, pretrained checkpoint (2,500 steps on synthetic-96x128)');
    expect(describeOrigin(unfit, m).notice).toBe('The pretrained checkpoint does not fit this page (the checkpoint is vgg16 at 96x128, not basic at 96x128): showing an untrained network.');
    expect(describeOrigin({ trained: false, why: 'failed', error: 'HTTP 404' }, m).notice).toBe('The pretrained checkpoint could not be loaded (HTTP 404): showing an untrained network.');
    expect(originProblem(unfit, m)).toBe('the checkpoint is vgg16 at 96x128, not basic at 96x128');
    expect(originProblem({ trained: true, steps: 1, dataset: null }, m)).toBeNull();
  });

  it('in Chinese', () => {
    const m = messages('zh').model;
    expect(describeOrigin(unfit, m).notice).toBe(m.checkpointUnfit(m.checkpointMismatch('vgg16', '96x128', 'basic', '96x128')));
    expect(describeOrigin({ trained: false, why: 'no-checkpoint' }, m).notice).toBe(m.noCheckpoint);
    expect(m.noCheckpoint).not.toBe(messages('en').model.noCheckpoint);
  });

  it('from a checkpoint’s metadata, in the worker', () => {
    const meta = (config: Partial<segnet.SegNetConfig>): segnet.CheckpointMeta => ({
      format: 'unpooled-segnet',
      version: 1,
      config: { ...segnet.DEFAULT_CONFIG, encoder: 'basic', decoder: 'segnet', height: 96, width: 128, ...config },
      progress: { step: 40, epoch: 1, batch: 0 },
      optimizer: null,
      extra: { dataset: 'synthetic-96x128' },
    });
    expect(originOf(meta({}))).toEqual({ trained: true, steps: 40, dataset: 'synthetic-96x128' });
    expect(originOf(meta({ height: 180, width: 240 }))).toEqual({ trained: false, why: 'unfit', fit: { encoder: 'basic', size: '180x240', wantEncoder: 'basic', wantSize: '96x128' } });
  });

  it('opens an untrained network, saying why, when the checkpoint is missing or cannot load', async () => {
    const none = await openModel(engine, null);
    expect(none.origin).toEqual({ trained: false, why: 'no-checkpoint' });
    expect(none.runner.model.config.height).toBe(96);
    none.runner.dispose();
    const broken = await openModel(engine, 'file:///nowhere/model.json');
    expect(broken.origin).toMatchObject({ trained: false, why: 'failed' });
    broken.runner.dispose();
  });
});

describe('copies the worker transfers', () => {
  it('keep the worker’s own arrays readable after the transfer', () => {
    const layer = { name: 'p', height: 1, width: 2, channels: 1, values: Float32Array.of(1, 2), indices: Int32Array.of(0, 3) };
    const { value, buffers } = layerCopy(layer);
    const moved = structuredClone(value, { transfer: buffers });
    expect(value.values.length).toBe(0); // detached, as after postMessage
    expect(Array.from(moved.values)).toEqual([1, 2]);
    expect(Array.from(layer.values)).toEqual([1, 2]);
    expect(Array.from(layer.indices)).toEqual([0, 3]);
    const seg = { height: 1, width: 1, numClasses: 2, labels: Uint8Array.of(1), probabilities: Float32Array.of(0.25, 0.75) };
    const copy = segmentationCopy(seg);
    structuredClone(copy.value, { transfer: copy.buffers });
    expect(Array.from(seg.probabilities)).toEqual([0.25, 0.75]);
  });
});
