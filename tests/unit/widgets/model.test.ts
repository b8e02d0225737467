import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SplitData } from '../../../src/data';
import * as segnet from '../../../src/segnet';
import { pickDemoFrames, type DemoFrame } from '../../../src/widgets/model/demo-frames';
import { analyseFrame, LOGITS_LAYER } from '../../../src/widgets/model/frame-analysis';
import { ModelRunner } from '../../../src/widgets/model/model-host';
import { checkpointMismatch, describeCheckpoint } from '../../../src/widgets/model/page-model';
import { backendSentence, holdReason } from '../../../src/widgets/model/run-policy';
import { CHECKPOINT_PATH, widgetSources } from '../../../src/widgets/model/sources';
import type { Engine } from '../../../src/widgets/shared/engine';
import { useCpu } from '../helpers';

/** A SegNet-Basic small enough for the cpu backend: 4 channels, 16 x 16 frames. */
const TINY = { encoder: 'basic', decoder: 'segnet', height: 16, width: 16, basicChannels: 4 } as const;

function frame(index: number): DemoFrame {
  const image = Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => (i * 37 + index * 11) % 256);
  return { index, splitIndex: index, image, labels: new Uint8Array(256) };
}

let engine: Engine;
let model: segnet.SegNetModel;

beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
  model = segnet.buildSegNet(TINY);
});

afterAll(() => model.dispose());

describe('pickDemoFrames(split, indices)', () => {
  const split: SplitData = { name: 'val', count: 3, height: 1, width: 2, images: Uint8Array.from({ length: 18 }, (_, i) => i), labels: Uint8Array.from([0, 1, 2, 3, 4, 5]) };

  it('copies the chosen frames, in order, with their positions', () => {
    const { frames, height, width } = pickDemoFrames(split, [2, 0]);
    expect([height, width]).toEqual([1, 2]);
    expect(frames.map((f) => [f.index, f.splitIndex, [...f.labels]])).toEqual([[0, 2, [4, 5]], [1, 0, [0, 1]]]);
    expect([...frames[0]!.image]).toEqual([12, 13, 14, 15, 16, 17]);
    frames[0]!.labels[0] = 9;
    expect(split.labels[4]).toBe(4);
  });

  it('names a frame that is not in the split', () => {
    expect(() => pickDemoFrames(split, [3])).toThrow('pickDemoFrames: frame 3 is not in split "val" (0..2)');
  });
});

describe('run policy', () => {
  it('holds the network on small screens, when saving data, or with little memory', () => {
    const env = { viewportWidth: 1200, saveData: false, deviceMemoryGb: 8 };
    expect(holdReason(env)).toBeNull();
    expect(holdReason({ ...env, viewportWidth: 320 })).toBe('small-screen');
    expect(holdReason({ ...env, saveData: true })).toBe('save-data');
    expect(holdReason({ ...env, deviceMemoryGb: 1 })).toBe('low-memory');
    expect(holdReason({ ...env, deviceMemoryGb: undefined })).toBeNull();
  });

  it('says where the network runs, and why it fell back', () => {
    expect(backendSentence({ name: 'webgl', canTrain: true, rejected: [{ name: 'webgpu', reason: 'no adapter' }] })).toBe('Running on WebGL (the graphics card).');
    expect(
      backendSentence({ name: 'wasm', canTrain: false, rejected: [{ name: 'webgpu', reason: 'x' }, { name: 'webgl', reason: 'y' }] }),
    ).toBe('Running on WebAssembly on the CPU because webgpu and webgl are not available here: slower, but one frame at a time is fine.');
    expect(backendSentence({ name: 'cpu', canTrain: true, rejected: [] })).toContain('expect tens of seconds per frame');
  });

  it('says why wasm runs where WebGL is software-rendered, and on how many threads', () => {
    const reason = 'WebGL here is software-rendered (SwiftShader), slower than WebAssembly';
    expect(backendSentence({ name: 'wasm', canTrain: true, rejected: [], reason, threads: 2 })).toBe(
      'Running on WebAssembly on the CPU (2 threads): WebGL here is software-rendered (SwiftShader), slower than WebAssembly.',
    );
    expect(backendSentence({ name: 'wasm', canTrain: true, rejected: [], reason, threads: 1 })).toBe(`Running on WebAssembly on the CPU: ${reason}.`);
  });
});

describe('checkpoints', () => {
  const meta = (config: Partial<segnet.SegNetConfig>): segnet.CheckpointMeta => ({
    format: 'unpooled-segnet',
    version: 1,
    config: { ...segnet.DEFAULT_CONFIG, encoder: 'basic', decoder: 'segnet', height: 96, width: 128, ...config },
    progress: { step: 2500, epoch: 3, batch: 0 },
    optimizer: null,
    extra: { dataset: 'synthetic-96x128' },
  });

  it('accepts a SegNet-Basic checkpoint at 96 x 128 and describes it', () => {
    expect(checkpointMismatch(meta({}))).toBeNull();
    expect(describeCheckpoint(meta({}))).toEqual({ trained: true, summary: 'SegNet-Basic, pretrained checkpoint (2,500 steps on synthetic-96x128)', notice: null });
  });

  it('refuses one for another size or encoder, saying why', () => {
    expect(checkpointMismatch(meta({ height: 180, width: 240 }))).toBe('the checkpoint is basic at 180x240, not basic at 96x128');
    expect(checkpointMismatch(meta({ encoder: 'vgg16' }))).toBe('the checkpoint is vgg16 at 96x128, not basic at 96x128');
  });
});

describe('widgetSources(base, root)', () => {
  it('offers the checkpoint only when the build finds it under public/', () => {
    const root = mkdtempSync(join(tmpdir(), 'unpooled-sources-'));
    try {
      expect(widgetSources('/', root)).toEqual({ dataUrl: '/data/synthetic-96x128/', model: { checkpointUrl: null } });
      mkdirSync(join(root, 'public', CHECKPOINT_PATH, '..'), { recursive: true });
      writeFileSync(join(root, 'public', CHECKPOINT_PATH), '{}');
      expect(widgetSources('/site', root).model.checkpointUrl).toBe(`/site/${CHECKPOINT_PATH}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('analyseFrame(segnet, model, frame)', () => {
  it('returns the segmentation and every recorded layer, and frees its tensors on dispose', async () => {
    const before = tf.memory().numTensors;
    const analysis = await analyseFrame(segnet, model, frame(0));
    const { segmentation } = analysis;
    expect(segmentation.labels).toHaveLength(256);
    for (let i = 0; i < 256; i += 51) {
      const sum = segmentation.probabilities.subarray(i * 11, (i + 1) * 11).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    await expect(analysis.layer('encoder/stage2/pool')).resolves.toMatchObject({ name: 'encoder/stage2/pool' });
    const logits = await analysis.layer(LOGITS_LAYER);
    expect([logits.name, logits.height, logits.width, logits.channels, logits.indices]).toEqual([LOGITS_LAYER, 16, 16, 11, null]);
    const pool = await analysis.layer('encoder/stage1/pool');
    expect([pool.height, pool.width, pool.channels]).toEqual([8, 8, 4]);
    expect(pool.indices).toHaveLength(8 * 8 * 4);
    expect(Math.max(...pool.indices!)).toBeLessThanOrEqual(3);
    await expect(analysis.layer('encoder/stage9/pool')).rejects.toThrow("FrameAnalysis.layer: no layer 'encoder/stage9/pool'");
    analysis.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(analysis.layer('encoder/stage1/pool')).resolves.toBe(pool);
  });
});

describe('ModelRunner (the page model in the engine worker)', () => {
  it('runs each frame once, keeps the last two frames’ activations, and re-runs a dropped frame', async () => {
    const page = new ModelRunner(engine, model);
    const before = tf.memory().numTensors;
    const [a, b] = await Promise.all([page.prediction(frame(0)), page.prediction(frame(0))]);
    expect(a).toBe(b);
    const conv = await page.layer(frame(0), 'encoder/stage1/conv1');
    await page.prediction(frame(1));
    await page.prediction(frame(2)); // drops frame 0's activations
    await new Promise((r) => setTimeout(r, 0));
    const again = await page.layer(frame(0), 'encoder/stage1/conv1');
    expect([...again.values]).toEqual([...conv.values]);
    expect(tf.memory().numTensors - before).toBeGreaterThan(0);
    const held = tf.memory().numTensors;
    const extra = await analyseFrame(segnet, model, frame(5));
    // per stage: conv before batch norm, after it, after ReLU, pool; unpool + conv; logits; and the four pools' indices
    expect(tf.memory().numTensors - held).toBe(4 * 4 + 4 * 2 + 1 + 4);
    extra.dispose();
  });
});
