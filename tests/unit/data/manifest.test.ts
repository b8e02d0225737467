import { describe, expect, it } from 'vitest';
import { classFrequencies } from '../../../src/data/class-stats';
import { parseManifest, type DatasetManifest } from '../../../src/data/manifest';
import { buildManifest } from '../../../src/data/manifest-build';
import { encodeShard, shardEntry } from '../../../src/data/shard-codec';
import { randomSplit } from './helpers/random-split';

/** A valid manifest of one train split (2 examples of 4x4 in one shard), as parsed JSON. */
function validManifest(): DatasetManifest {
  const train = randomSplit('train', 2, 4, 4, 3);
  const shard = shardEntry('train-000.bin', 2, encodeShard(train.images, train.labels, 2, 4, 4));
  const m = buildManifest({
    name: 'x', source: { kind: 'synthetic', seed: 1, generatorVersion: 1, counts: { train: 2 } }, height: 4, width: 4,
    splits: { train: { count: 2, shards: [shard] } }, classFrequencies: { train: classFrequencies(train) }, createdWith: { tool: 't', version: '1' },
  });
  return JSON.parse(JSON.stringify(m)) as DatasetManifest;
}

/** parseManifest of a valid manifest changed by `edit`. */
function parseEdited(edit: (m: DatasetManifest) => void): () => DatasetManifest {
  const m = validManifest();
  edit(m);
  return () => parseManifest(m, 'data/x/manifest.json');
}

describe('parseManifest', () => {
  it('parseManifest(valid) returns it unchanged, camvid sources included', () => {
    expect(parseManifest(validManifest(), 'm.json')).toEqual(validManifest());
    const camvid = validManifest();
    camvid.source = { kind: 'camvid', from: '../shared/camvid', lists: ['train.txt'], limit: null, sourceSize: '360x480' };
    expect(parseManifest(camvid, 'm.json')).toEqual(camvid);
  });

  it('names the manifest and the bad field: format, version, shard file names', () => {
    expect(() => parseManifest({ format: 'nope' }, 'data/manifest.json')).toThrow(/data\/manifest.json: format must be "unpooled-road-scenes", got "nope"/);
    expect(() => parseManifest(null, 'm.json')).toThrow(/m.json: manifest must be a JSON object/);
    expect(parseEdited((m) => (m.formatVersion = 2))).toThrow(/formatVersion 2 is not supported/);
    expect(parseEdited((m) => (m.splits.train!.shards[0]!.file = '../evil.bin'))).toThrow(
      /splits.train.shards\[0\].file must be a plain file name, got "..\/evil.bin"/,
    );
  });

  it('parseManifest({count: 5, shards: []}) fails: a split holds exactly what its shards hold', () => {
    expect(parseEdited((m) => (m.splits.val = { count: 5, shards: [] }))).toThrow(
      /data\/x\/manifest.json: splits.val.count is 5 but its shards hold 0 examples/,
    );
    expect(parseEdited((m) => (m.splits.train!.count = 3))).toThrow(/splits.train.count is 3 but its shards hold 2 examples/);
  });

  it('names the bad class statistics', () => {
    expect(parseEdited((m) => delete (m as Partial<DatasetManifest>).classFrequencies)).toThrow(
      /data\/x\/manifest.json: classFrequencies must be an object, got undefined/,
    );
    expect(parseEdited((m) => (m.classFrequencies = {}))).toThrow(/classFrequencies has no entry for split "train"/);
    expect(parseEdited((m) => (m.classFrequencies.train!.pixelCounts[4] = -1))).toThrow(
      /classFrequencies.train.pixelCounts\[4\] must be an integer >= 0, got -1/,
    );
    expect(parseEdited((m) => m.classFrequencies.train!.imagePixelCounts.pop())).toThrow(
      /classFrequencies.train.imagePixelCounts must hold 11 values, got 10/,
    );
    expect(parseEdited((m) => (m.classFrequencies.train!.totalPixels += 1))).toThrow(
      /classFrequencies.train.totalPixels is 33 but its pixelCounts and voidPixels add up to 32/,
    );
  });

  it('names the bad class weights and weightsSplit', () => {
    expect(parseEdited((m) => (m.medianFrequencyWeights[2] = -0.5))).toThrow(
      /data\/x\/manifest.json: medianFrequencyWeights\[2\] must be a finite number >= 0, got -0.5/,
    );
    expect(parseEdited((m) => ((m.medianFrequencyWeights as unknown[])[0] = null))).toThrow(/medianFrequencyWeights\[0\] must be a finite number >= 0, got null/);
    expect(parseEdited((m) => (m.medianFrequencyWeights = [1, 2]))).toThrow(/medianFrequencyWeights must hold 11 values, got 2/);
    expect(parseEdited((m) => ((m.tutorialClassWeights as unknown[])[10] = '1'))).toThrow(/tutorialClassWeights\[10\] must be a finite number >= 0, got "1"/);
    expect(parseEdited((m) => (m.weightsSplit = 'test'))).toThrow(/weightsSplit must name a split of classFrequencies \(train\), got "test"/);
  });

  it('names the bad palette, class names, source and createdWith', () => {
    expect(parseEdited((m) => (m.palette[3] = [128, 64, 256]))).toThrow(/data\/x\/manifest.json: palette\[3\]\[2\] must be an integer in 0..255, got 256/);
    expect(parseEdited((m) => m.palette.pop())).toThrow(/palette must hold 11 values, got 10/);
    expect(parseEdited((m) => ((m.classNames as unknown[])[1] = 7))).toThrow(/classNames\[1\] must be a non-empty string, got 7/);
    expect(parseEdited((m) => ((m.source as { kind: string }).kind = 'kitti'))).toThrow(/source.kind must be "camvid" or "synthetic", got "kitti"/);
    expect(parseEdited((m) => ((m.source as { seed: unknown }).seed = 'one'))).toThrow(/source.seed must be a finite number, got "one"/);
    expect(parseEdited((m) => (m.createdWith = { tool: 't', version: 1 as unknown as string }))).toThrow(
      /createdWith.version must be a non-empty string, got 1/,
    );
  });
});
