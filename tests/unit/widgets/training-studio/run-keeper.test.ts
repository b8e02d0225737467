/**
 * RunKeeper.onReady: each completed step prepared for a leaving page is handed out (the engine
 * worker passes it to the page, which writes it at pagehide), with the slot's key and step, and
 * the bytes of that step's file; a change of slot, or the deletion of its save, hands out null,
 * so a page never writes an earlier run's step under the new one, nor a deleted run back.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as segnet from '../../../../src/segnet';
import { CLASS_NAMES, type DatasetManifest, type SplitData } from '../../../../src/data';
import { decodeCheckpointFile } from '../../../../src/data/checkpoint-file';
import type { Engine } from '../../../../src/widgets/shared/engine';
import { emptyCurves } from '../../../../src/widgets/training-studio/curves';
import { StudioRun, type RunData } from '../../../../src/widgets/training-studio/run';
import { RunKeeper } from '../../../../src/widgets/training-studio/run-keeper';
import { memoryRunStore, type SavedRun } from '../../../../src/widgets/training-studio/run-store';
import { DEFAULT_SETTINGS, type StudioSettings } from '../../../../src/widgets/training-studio/settings';
import { seededRandom, useCpu } from '../../helpers';
import { onceUpdated } from './run-fixture';

function split(name: string, seed: number): SplitData {
  const rnd = seededRandom(seed);
  return { name, count: 2, height: 16, width: 16, images: Uint8Array.from({ length: 2 * 256 * 3 }, () => rnd() * 256), labels: Uint8Array.from({ length: 2 * 256 }, () => Math.floor(rnd() * CLASS_NAMES.length)) };
}
const data: RunData = { name: 'synthetic-32x32', manifest: { height: 32, width: 32, medianFrequencyWeights: null } as unknown as DatasetManifest, train: split('train', 1), val: split('val', 2) };
const settings: StudioSettings = { ...DEFAULT_SETTINGS, decoder: 'bilinear', data: data.name, res: 'half', batch: 1, epochs: 1, init: 'scratch', weights: 'none', opt: 'adam' };

let engine: Engine;
beforeAll(async () => {
  await useCpu();
  engine = { tf, segnet, backend: { name: 'cpu', canTrain: true, rejected: [] } };
});

describe('RunKeeper.onReady', () => {
  it('hands out each prepared step with its slot and bytes, and null when the slot changes', async () => {
    const { model, optimizer } = onceUpdated(settings, data);
    const run = new StudioRun(engine, settings, model, optimizer, data, { step: 2, epoch: 0, batch: 2 }, emptyCurves(), 'test');
    try {
      const store = memoryRunStore();
      const keeper = new RunKeeper(store, 'studio');
      const handed: ({ info: SavedRun; bytes: Uint8Array } | null)[] = [];
      keeper.onReady = (ready) => handed.push(ready);

      await keeper.prepare(run); // no slot yet: nothing to hand out
      expect(handed).toEqual([]);
      await keeper.adoptNew();
      expect(handed).toEqual([null]);
      await keeper.prepare(run);
      const ready = handed[1]!;
      expect(ready.info).toMatchObject({ key: keeper.current, step: 2 });
      expect(decodeCheckpointFile(ready.bytes, 'handed').json.modelTopology).toMatchObject({ progress: { step: 2 } });

      store.saveNow(ready.info, ready.bytes); // what the page writes at pagehide
      expect(store.runs.get(keeper.current!)!.bytes).toEqual(ready.bytes);

      keeper.forgetSave(); // the reader deleted the open run's save
      expect(handed.at(-1)).toBeNull();
      expect(keeper.savedStep).toBeNull();
      await keeper.prepare(run); // a later step (the run stays open) is handed out again
      expect(handed.at(-1)).toMatchObject({ info: { key: keeper.current, step: 2 } });

      await keeper.adoptNew();
      expect(handed.at(-1)).toBeNull();
    } finally {
      run.dispose();
    }
  }, 60_000);
});
