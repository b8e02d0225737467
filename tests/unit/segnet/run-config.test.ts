import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN, halfSize, runExtra, runFromExtra, runNetwork, trainingSize, validateRunConfig, type RunConfig } from '../../../src/segnet/core';

const studioRun: RunConfig = { ...DEFAULT_RUN, encoder: 'vgg16', widthMultiplier: 0.25, decoder: 'fcn', resolution: 'half', batch: 2, lr: 0.003, optimizer: 'sgd', weights: 'tutorial', freezeEncoder: true, epochs: 3 };

describe('runFromExtra(extra): the run a checkpoint was trained with', () => {
  it('reads the stored RunConfig back as it was written', () => {
    expect(runFromExtra(JSON.parse(JSON.stringify(runExtra(studioRun))))).toEqual(studioRun);
  });

  it("reads the train CLI's older options: 'computed' weights are the median-frequency ones, at full resolution", () => {
    const old = { encoder: 'basic', decoder: 'segnet', data: 'runs/data/synthetic-96x128', epochs: 6, maxSteps: null, batch: 4, lr: 0.001, optimizer: 'adam', schedule: 'poly', weights: 'computed', widthMultiplier: 1, seed: 1, augment: true, freezeEncoder: false, init: null, checkpointEvery: 25 };
    expect(runFromExtra({ run: old })).toEqual({ ...DEFAULT_RUN, data: old.data, epochs: 6, batch: 4, lr: 0.001, optimizer: 'adam', schedule: 'poly', weights: 'median', augment: true });
  });

  it("reads the studio's older URL fields (strings)", () => {
    const settings = { encoder: 'vgg16', width: '0.25', decoder: 'fcn', data: 'synthetic-96x128', res: 'half', batch: '2', lr: '0.003', opt: 'sgd', weights: 'tutorial', init: 'scratch', freeze: 'yes', epochs: '3', every: '10', backend: 'auto' };
    expect(runFromExtra({ studio: 1, settings })).toEqual(studioRun);
  });

  it('reads every shipped checkpoint in public/models', () => {
    for (const name of ['segnet-basic-synthetic-96x128', 'segnet-basic-camvid-96x128', 'segnet-vgg16x0.25-camvid-96x128']) {
      const json = JSON.parse(readFileSync(`public/models/${name}/model.json`, 'utf8')) as { modelTopology: { config: { encoder: string; widthMultiplier: number }; extra: Record<string, unknown> } };
      const run = runFromExtra(json.modelTopology.extra)!;
      expect(run.encoder, name).toBe(json.modelTopology.config.encoder);
      expect(run.widthMultiplier, name).toBe(json.modelTopology.config.widthMultiplier);
      expect(run.resolution, name).toBe('full');
    }
  });

  it('gives null without a run, and names the field of an invalid one', () => {
    expect(runFromExtra({ curves: [] })).toBeNull();
    expect(() => runFromExtra({ run: { ...studioRun, batch: 0 } })).toThrow("the checkpoint's run: batch must be a positive integer, got 0");
  });
});

describe('validateRunConfig, trainingSize, runNetwork', () => {
  it('names the field as the caller spells it', () => {
    expect(() => validateRunConfig({ ...DEFAULT_RUN, optimizer: 'rmsprop' as 'adam' }, (f) => `--${f}`)).toThrow("--optimizer must be one of momentum, adam, sgd, got 'rmsprop'");
    expect(() => validateRunConfig({ ...DEFAULT_RUN, lr: 0 })).toThrow('lr must be a positive number, got 0');
  });

  it('halves a size one way only: rounding down', () => {
    expect(halfSize({ height: 45, width: 61 })).toEqual({ height: 22, width: 30 });
    expect(trainingSize('half', { height: 96, width: 128 })).toEqual({ height: 48, width: 64 });
  });

  it('builds the network of a run at its training size; SegNet-Basic ignores the width', () => {
    expect(runNetwork({ ...DEFAULT_RUN, resolution: 'half', widthMultiplier: 0.5 }, { height: 96, width: 128 })).toEqual({ encoder: 'basic', decoder: 'segnet', widthMultiplier: 1, seed: 1, height: 48, width: 64 });
  });
});
