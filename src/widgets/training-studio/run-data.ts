/**
 * Loads a run's data once per page and size: the train and validation splits of a dataset
 * folder, brought to the training size. No TF.js here.
 */
import { loadDataset } from '../../data';
import { withIdbStore } from '../../data/browser-import';
import { resizeSplit } from '../../data';
import { headOfSplit } from './data-prep';
import type { RunData } from './run';
import { trainingSize } from '../../segnet/core';
import type { DatasetOption, StudioSettings } from './settings';

/** Validation frames scored at each validation pass (all of them when the split is smaller). */
export const VALIDATION_FRAMES = 16;
/** Validation frames shown in the strip. */
export const STRIP_FRAMES = 3;

const cache = new Map<string, Promise<RunData>>();

export function loadRunData(option: DatasetOption, settings: Pick<StudioSettings, 'res'>): Promise<RunData> {
  const { height, width } = trainingSize(settings.res, option);
  const key = `${option.url}@${height}x${width}`;
  let data = cache.get(key);
  if (!data) {
    // The reader's own data comes from this browser's store (the worker reads the same IndexedDB),
    // over a connection closed once it is read.
    const loading = option.stored ? withIdbStore((store) => store.load(option.name, ['train', 'val'])) : loadDataset(option.url, { splits: ['train', 'val'] });
    data = loading.then((dataset) => {
      const train = dataset.splits.train;
      const val = dataset.splits.val;
      if (!train || !val) throw new Error(`${option.name} has no ${train ? 'val' : 'train'} split`);
      return {
        name: option.name,
        manifest: dataset.manifest,
        train: resizeSplit(train, height, width),
        val: resizeSplit(headOfSplit(val, VALIDATION_FRAMES), height, width),
      };
    });
    data.catch(() => cache.delete(key));
    cache.set(key, data);
  }
  return data;
}
