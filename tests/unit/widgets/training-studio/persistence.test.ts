import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../../src/segnet';
import type { DatasetManifest, SplitData } from '../../../../src/data';
import type { Engine } from '../../../../src/widgets/shared/engine';
import { decodeCheckpointFile, encodeCheckpointFile } from '../../../../src/data/checkpoint-file';
import { readContents, snapshot, weightsChecksum } from '../../../../src/widgets/training-studio/persistence';
import { restoreRun, StudioRun, type RunData } from '../../../../src/widgets/training-studio/run';
import { DEFAULT_SETTINGS, type StudioSettings } from '../../../../src/widgets/training-studio/settings';
import { useCpu } from '../../helpers';
import { onceUpdated } from './run-fixture';

/** SegNet-Basic at 32 x 32 (its smallest useful size), trained at half: 16 x 16. */
const settings: StudioSettings = { ...DEFAULT_SETTINGS, decoder: 'bilinear', data: 'synthetic-32x32', res: 'half', batch: 1, opt: 'adam', lr: 0.001 };
const split = (name: string): SplitData => ({ name, count: 2, height: 16, width: 16, images: new Uint8Array(2 * 256 * 3), labels: new Uint8Array(2 * 256) });
const data: RunData = { name: 'synthetic-32x32', manifest: { height: 32, width: 32, medianFrequencyWeights: [] } as unknown as DatasetManifest, train: split('train'), val: split('val') };
let engine: Engine;

beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
});

/** A run whose weights, optimizer slots, progress and curves all differ from a fresh one's. */
function trainedLookingRun(): StudioRun {
  const { model, optimizer } = onceUpdated(settings, data);
  const curves = { loss: [{ step: 1, value: 2.3 }, { step: 2, value: 2.1 }], trainIoU: [{ step: 2, value: 0.1 }], valIoU: [{ step: 2, value: 0.12 }], validation: null };
  return new StudioRun(engine, settings, model, optimizer, data, { step: 2, epoch: 1, batch: 0 }, curves, 'Random initial weights (from scratch).');
}

describe('a run through the export file and back', () => {
  let run: StudioRun;
  afterAll(() => run?.dispose());

  it('restores the same weights (checksum), optimizer state, progress, curves and settings', async () => {
    run = trainedLookingRun();
    const bytes = encodeCheckpointFile(await snapshot(run));
    const loaded = await readContents(engine, decodeCheckpointFile(bytes, 'x.unpooled'), '"x.unpooled"');
    const back = restoreRun(engine, loaded, data, '"x.unpooled"');
    tf.dispose(Object.values(loaded.tensors));
    try {
      expect(await weightsChecksum(back.model)).toBe(await weightsChecksum(run.model));
      expect(back.progress).toEqual({ step: 2, epoch: 1, batch: 0 });
      expect(back.curves).toEqual(run.curves);
      expect(back.settings).toEqual(settings);
      expect(back.origin).toBe(run.origin);
      expect(back.optimizer.updates).toBe(1);
      const slots = (o: segnet.Optimizer) => o.state().slots.map((s) => [s.name, Array.from(s.tensor.dataSync().slice(0, 3))]);
      expect(slots(back.optimizer)).toEqual(slots(run.optimizer));
      expect(back.optimizer.state().slots.length).toBe(2 * run.model.trainableVariables().length);
    } finally {
      back.dispose();
    }
  });

  it('changes the checksum when one weight changes', async () => {
    const before = await weightsChecksum(run.model);
    const v = run.model.variables()[0]!.variable;
    v.assign(tf.add(v, 1e-3));
    expect(await weightsChecksum(run.model)).not.toBe(before);
  });

  it('refuses a checkpoint whose network does not match its own settings, naming the file', async () => {
    const contents = await snapshot(run);
    const extra = (contents.json.modelTopology as { extra: { run: Record<string, string> } }).extra;
    extra.run.decoder = 'segnet';
    const loaded = await readContents(engine, contents, '"odd.unpooled"');
    try {
      expect(() => restoreRun(engine, loaded, data, '"odd.unpooled"')).toThrow('"odd.unpooled" holds a basic/bilinear network at 16 × 16, which does not match its own settings; nothing was changed.');
    } finally {
      tf.dispose(Object.values(loaded.tensors));
    }
  });

  it('refuses a checkpoint with an unknown optimizer kind, naming the file and freeing every tensor it built', async () => {
    const loaded = await readContents(engine, await snapshot(run), '"opt.unpooled"');
    (loaded.meta.optimizer!.config as { kind: string }).kind = 'rmsprop';
    const before = tf.memory().numTensors;
    try {
      expect(() => restoreRun(engine, loaded, data, '"opt.unpooled"')).toThrow('"opt.unpooled" holds "rmsprop" optimizer state, but its settings say adam; nothing was changed.');
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose(Object.values(loaded.tensors));
    }
  });

  it('puts a copy of the curves into a checkpoint, so a step recorded while saving does not slip in', () => {
    const extra = run.extra() as { curves: { loss: unknown[] } };
    const lossBefore = structuredClone(run.curves.loss);
    run.curves.loss = [...run.curves.loss, { step: 3, value: 2 }];
    run.curves.loss[0]!.value = 99;
    expect(extra.curves.loss).toEqual(lossBefore);
    run.curves.loss = lossBefore;
  });

  it('refuses artifacts that are not an Unpooled checkpoint, naming them', async () => {
    const contents = await snapshot(run);
    (contents.json.modelTopology as { format: string }).format = 'layers-model';
    await expect(readContents(engine, contents, '"keras.unpooled"')).rejects.toThrow('"keras.unpooled" is not an Unpooled checkpoint (format \'layers-model\'); nothing was changed.');
  });
});
