import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../../src/segnet';
import { CLASS_NAMES, type DatasetManifest, type SplitData } from '../../../../src/data';
import type { Engine } from '../../../../src/widgets/shared/engine';
import { emptyCurves } from '../../../../src/widgets/training-studio/curves';
import { weightsChecksum } from '../../../../src/widgets/training-studio/persistence';
import { networkConfig, StudioRun, type RunData } from '../../../../src/widgets/training-studio/run';
import { DEFAULT_SETTINGS, type StudioSettings } from '../../../../src/widgets/training-studio/settings';
import { runTrainingLoop } from '../../../../src/widgets/training-studio/train-loop';
import { seededRandom, useCpu } from '../../helpers';

/** Three 16x16 training frames of random pixels and labels: SegNet-Basic's smallest size, so a step takes ~2 s on cpu. */
function split(name: string, seed: number): SplitData {
  const rnd = seededRandom(seed);
  return { name, count: 3, height: 16, width: 16, images: Uint8Array.from({ length: 3 * 256 * 3 }, () => rnd() * 256), labels: Uint8Array.from({ length: 3 * 256 }, () => Math.floor(rnd() * CLASS_NAMES.length)) };
}

function data(medianWeights: number[]): RunData {
  return { name: 'synthetic-32x32', manifest: { height: 32, width: 32, medianFrequencyWeights: medianWeights } as unknown as DatasetManifest, train: split('train', 3), val: split('val', 4) };
}

let engine: Engine;
beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
});

function run(settings: Partial<StudioSettings>, d: RunData): StudioRun {
  const s: StudioSettings = { ...DEFAULT_SETTINGS, decoder: 'bilinear', data: d.name, batch: 1, epochs: 1, every: 2, init: 'scratch', ...settings };
  return new StudioRun(engine, s, segnet.buildSegNet(networkConfig(s, d.manifest)), new segnet.Optimizer({ kind: s.opt }), d, { step: 0, epoch: 0, batch: 0 }, emptyCurves(), 'test');
}

describe('runTrainingLoop(run, controller, hooks)', () => {
  it('trains real steps, records the loss, validates every `every` steps and stands still while paused', async () => {
    const r = run({ weights: 'none' }, data([]));
    const before = await weightsChecksum(r.model);
    const controller = new segnet.TrainingController();
    const events: string[] = [];
    await runTrainingLoop(r, controller, {
      step: (_, p) => {
        events.push(`step ${p.step}`);
        if (p.step === 1) controller.pause();
      },
      checkpoint: async (x) => {
        events.push(`checkpoint ${x.progress.step}`);
      },
      idle: () => {
        events.push('idle');
        setTimeout(() => controller.resume(), 10);
      },
    });
    expect(events).toEqual(['step 1', 'idle', 'step 2', 'checkpoint 2', 'step 3', 'checkpoint 3']);
    expect(r.progress).toEqual({ step: 3, epoch: 0, batch: 3 });
    expect(r.curves.loss.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(r.curves.loss.every((p) => Number.isFinite(p.value) && p.value > 0)).toBe(true);
    expect(await weightsChecksum(r.model)).not.toBe(before);
    r.dispose();
  }, 60_000);

  it('reports standing still when paused before its first step (a Pause during the first load)', async () => {
    const r = run({ weights: 'none', epochs: 1 }, data([]));
    r.progress = { step: 2, epoch: 0, batch: 2 };
    const controller = new segnet.TrainingController();
    controller.pause();
    const events: string[] = [];
    // Without an idle report the session would wait forever; this only unblocks such a loop so the test ends.
    const unblock = setTimeout(() => controller.resume(), 3000);
    await runTrainingLoop(r, controller, {
      step: (_, p) => events.push(`step ${p.step}`),
      checkpoint: async () => undefined,
      idle: () => {
        events.push('idle');
        controller.resume();
      },
    });
    clearTimeout(unblock);
    expect(events).toEqual(['idle', 'step 3']);
    r.dispose();
  }, 60_000);

  it('resumes mid-epoch from the run’s progress (only the remaining batches)', async () => {
    const r = run({ weights: 'none' }, data([]));
    r.progress = { step: 2, epoch: 0, batch: 2 };
    const steps: number[] = [];
    await runTrainingLoop(r, new segnet.TrainingController(), { step: (_, p) => steps.push(p.step), checkpoint: async () => undefined, idle: () => undefined });
    expect(steps).toEqual([3]);
    r.dispose();
  }, 60_000);

  it('on an infinite loss throws NonFiniteLossError and leaves weights, progress and curves as they were', async () => {
    // Median-frequency weights this large make the weighted loss overflow float32.
    const r = run({ weights: 'median' }, data([3e38, ...Array(10).fill(1)]));
    r.progress = { step: 1, epoch: 0, batch: 1 };
    r.curves.loss = [{ step: 1, value: 2 }];
    const before = await weightsChecksum(r.model);
    const failure = await runTrainingLoop(r, new segnet.TrainingController(), { step: () => undefined, checkpoint: async () => undefined, idle: () => undefined }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(segnet.NonFiniteLossError);
    expect((failure as segnet.NonFiniteLossError).step).toBe(2);
    expect(await weightsChecksum(r.model)).toBe(before);
    expect(r.progress).toEqual({ step: 1, epoch: 0, batch: 1 });
    expect(r.curves.loss).toEqual([{ step: 1, value: 2 }]);
    r.dispose();
  }, 60_000);
});
