import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, truncate, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medianFrequencyWeights } from '../../../src/segnet/core';
import { classFrequencies } from '../../../src/data/class-stats';
import { loadDatasetFromDir } from '../../../src/data/load-node';
import { exampleAt, type SplitData } from '../../../src/data/types';
import { writeDataset, type DatasetSink } from '../../../src/data/write-dataset';
import { randomSplit } from './helpers/random-split';
import { leftoverTemps, makeTempDir, removeDir } from './helpers/temp-dir';

const H = 6;
const W = 8;
const bytesPerExample = H * W * 4;

async function addSplit(sink: DatasetSink, split: SplitData, failAt = -1): Promise<void> {
  for (let n = 0; n < split.count; n++) {
    if (n === failAt) throw new Error('producer failed on purpose');
    const ex = exampleAt(split, n);
    await sink.add(split.name, ex.image, ex.labels);
  }
}

const description = { source: { kind: 'synthetic' as const, seed: 0, generatorVersion: 1, counts: {} }, createdWith: { tool: 'test', version: '0' } };

describe('writeDataset / loadDatasetFromDir', () => {
  let out: string;
  const train = randomSplit('train', 7, H, W, 1);
  const val = randomSplit('val', 2, H, W, 2);
  const write = (fill: (sink: DatasetSink) => Promise<void>, signal?: AbortSignal) =>
    writeDataset({ outDir: out, name: 'tiny-6x8', height: H, width: W, shardBytes: 3 * bytesPerExample, signal }, async (sink) => {
      await fill(sink);
      return description;
    });

  beforeEach(async () => {
    out = await makeTempDir();
  });
  afterEach(() => removeDir(out));

  it('round-trips images, labels and class statistics through shards of 3 examples', async () => {
    const { dir, manifest } = await write(async (sink) => {
      await addSplit(sink, train);
      await addSplit(sink, val);
    });
    expect(manifest.splits.train!.shards.map((s) => s.count)).toEqual([3, 3, 1]);
    expect(manifest.classFrequencies.train).toEqual(classFrequencies(train));
    expect(manifest.medianFrequencyWeights).toEqual(medianFrequencyWeights(classFrequencies(train)));
    const loaded = await loadDatasetFromDir(dir);
    expect(loaded.manifest).toEqual(manifest);
    for (const split of [train, val]) {
      expect(loaded.splits[split.name]).toEqual(split);
    }
    const onlyVal = await loadDatasetFromDir(dir, { splits: ['val'] });
    expect(Object.keys(onlyVal.splits)).toEqual(['val']);
    await expect(loadDatasetFromDir(dir, { splits: ['test'] })).rejects.toThrow(/has no split "test" \(it has train, val\)/);
  });

  it('names the shard that is truncated, corrupt or missing on disk', async () => {
    const { dir } = await write((sink) => addSplit(sink, train));
    await truncate(join(dir, 'train-001.bin'), 100);
    await expect(loadDatasetFromDir(dir)).rejects.toThrow(/shard train-001.bin is truncated: expected 592 bytes, got 100/);
    const bytes = await readFile(join(dir, 'train-000.bin'));
    bytes[50]! ^= 1;
    await writeFile(join(dir, 'train-000.bin'), bytes);
    await expect(loadDatasetFromDir(dir)).rejects.toThrow(/shard train-000.bin is corrupt/);
    await unlink(join(dir, 'train-000.bin'));
    await expect(loadDatasetFromDir(dir)).rejects.toThrow(/shard train-000.bin is missing from/);
  });

  it('names a folder without manifest.json', async () => {
    await expect(loadDatasetFromDir(out)).rejects.toThrow(/manifest.json: no manifest.json/);
  });

  it('a failing producer leaves the previous dataset byte-identical and no temporary folder', async () => {
    const { dir } = await write((sink) => addSplit(sink, train));
    const before = await Promise.all((await readdir(dir)).sort().map(async (f) => [f, await readFile(join(dir, f))] as const));
    await expect(write((sink) => addSplit(sink, val, 1))).rejects.toThrow(/producer failed on purpose/);
    const after = await Promise.all((await readdir(dir)).sort().map(async (f) => [f, await readFile(join(dir, f))] as const));
    expect(after).toEqual(before);
    expect(await leftoverTemps(out)).toEqual([]);
  });

  it('an abort mid-write leaves nothing behind when there was no previous dataset', async () => {
    const controller = new AbortController();
    await expect(
      write(async (sink) => {
        await addSplit(sink, train);
        controller.abort(new Error('stop'));
      }, controller.signal),
    ).rejects.toThrow(/stop/);
    expect(await readdir(out)).toEqual([]);
  });

  it('removes temporary folders left by a killed run (dead pid), and keeps a live one', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const stale = join(out, `.tiny-6x8.tmp-${dead}-abcdef`);
    const live = join(out, `.tiny-6x8.tmp-${process.ppid}-abcdef`);
    await mkdir(stale);
    await mkdir(live);
    await write((sink) => addSplit(sink, val));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('rejects a dataset name that is not a plain folder name', async () => {
    await expect(writeDataset({ outDir: out, name: '../x', height: 2, width: 2 }, async () => description)).rejects.toThrow(
      /name must be a plain folder name, got "..\/x"/,
    );
  });
});
