import { describe, expect, it } from 'vitest';
import { DatasetStore, memoryBackend } from '../../../../src/data/browser-import';
import { addPainted, paintedExample, PAINTED_DATASET } from '../../../../src/widgets/label-painter/my-data';

const photo = (seed: number, width = 8, height = 6) => ({
  name: `p${seed}`,
  width,
  height,
  rgb: Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * seed) % 256),
  labels: Uint8Array.from({ length: width * height }, (_, i) => (i + seed) % 12),
});

describe('addPainted', () => {
  it('creates the dataset with the first photo in train and val, then adds later photos to train', async () => {
    const store = new DatasetStore(memoryBackend());
    const first = await addPainted(store, photo(1));
    expect(first.created).toBe(true);
    expect(first.info).toMatchObject({ name: PAINTED_DATASET, height: 6, width: 8, counts: { train: 1, val: 1 } });
    const second = await addPainted(store, photo(2));
    expect(second.created).toBe(false);
    expect(second.info.counts).toEqual({ train: 2, val: 1 });
    const data = await store.load(PAINTED_DATASET);
    expect(data.splits.train!.labels.subarray(48, 96)).toEqual(photo(2).labels);
    expect(data.splits.val!.images).toEqual(photo(1).rgb);
  });

  it('brings a photo of another size to the dataset’s size', async () => {
    const store = new DatasetStore(memoryBackend());
    await addPainted(store, photo(1));
    const info = (await addPainted(store, photo(3, 16, 12))).info;
    expect(info.counts.train).toBe(2);
    const data = await store.load(PAINTED_DATASET);
    expect(data.splits.train!.labels.subarray(48, 96)).toEqual(paintedExample(photo(3, 16, 12), 6, 8).labels);
  });

  it('names a photo whose bytes do not fit its size', () => {
    expect(() => paintedExample({ ...photo(1), labels: new Uint8Array(5) }, 6, 8)).toThrow(/painted photo “p1”: 8 x 6 needs 48 labels, got 5/);
  });
});
