import { describe, expect, it } from 'vitest';
import { fnv1a32, shardChecksum } from '../../../src/data/checksum';
import { parseManifest } from '../../../src/data/manifest';
import { buildManifest } from '../../../src/data/manifest-build';
import { decodeShard, encodeShard, shardEntry } from '../../../src/data/shard-codec';
import { ShardPacker, examplesPerShard } from '../../../src/data/shard-packer';
import { exampleAt } from '../../../src/data/types';
import { ClassStatsAccumulator, classFrequencies } from '../../../src/data/class-stats';
import { randomSplit } from './helpers/random-split';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('checksum', () => {
  it('fnv1a32 matches the published FNV-1a test vectors', () => {
    expect(fnv1a32(enc(''))).toBe(0x811c9dc5);
    expect(fnv1a32(enc('a'))).toBe(0xe40c292c);
    expect(fnv1a32(enc('foobar'))).toBe(0xbf9cf968);
    expect(shardChecksum(enc('a'))).toBe('fnv1a32:e40c292c');
  });
});

describe('shard codec', () => {
  const split = randomSplit('train', 3, 4, 5, 1);

  it('decodeShard(encodeShard(...)) returns the same images and labels', () => {
    const bytes = encodeShard(split.images, split.labels, 3, 4, 5);
    const decoded = decodeShard(bytes, shardEntry('train-000.bin', 3, bytes), 4, 5);
    expect(decoded.count).toBe(3);
    expect(decoded.images).toEqual(split.images);
    expect(decoded.labels).toEqual(split.labels);
  });

  it('names the shard when it is truncated, corrupt, or holds another size', () => {
    const bytes = encodeShard(split.images, split.labels, 3, 4, 5);
    const entry = shardEntry('train-007.bin', 3, bytes);
    expect(() => decodeShard(bytes.subarray(0, bytes.length - 10), entry, 4, 5)).toThrow(
      /shard train-007.bin is truncated: expected 256 bytes, got 246/,
    );
    const corrupt = bytes.slice();
    corrupt[100]! ^= 0xff;
    expect(() => decodeShard(corrupt, entry, 4, 5)).toThrow(/shard train-007.bin is corrupt: checksum fnv1a32:\w+ does not match/);
    expect(() => decodeShard(bytes, entry, 5, 4)).toThrow(/shard train-007.bin holds 3 examples of 4x5, but the manifest says 3 of 5x4/);
  });

  it('ShardPacker cuts 7 examples into shards of 3, 3 and 1, in order', () => {
    const s = randomSplit('val', 7, 4, 5, 2);
    const packer = new ShardPacker('val', 4, 5, 3);
    const shards = [];
    for (let n = 0; n < 7; n++) {
      const ex = exampleAt(s, n);
      const out = packer.add(ex.image, ex.labels);
      if (out) shards.push(out);
    }
    const last = packer.flush();
    if (last) shards.push(last);
    expect(shards.map((x) => [x.entry.file, x.entry.count])).toEqual([['val-000.bin', 3], ['val-001.bin', 3], ['val-002.bin', 1]]);
    const second = decodeShard(shards[1]!.bytes, shards[1]!.entry, 4, 5);
    expect(second.labels).toEqual(s.labels.subarray(3 * 20, 6 * 20));
    expect(packer.count).toBe(7);
  });

  it('examplesPerShard keeps shards near the target size (4 MiB)', () => {
    expect(examplesPerShard(180, 240)).toBe(24);
    expect(examplesPerShard(360, 480)).toBe(6);
    expect(examplesPerShard(4000, 4000)).toBe(1);
  });
});

describe('class statistics and manifest', () => {
  it('classFrequencies counts pixels per class and the pixels of images containing each class', () => {
    const split = { name: 's', count: 2, height: 1, width: 4, images: new Uint8Array(24), labels: Uint8Array.from([0, 0, 3, 11, 3, 3, 3, 5]) };
    const stats = classFrequencies(split);
    expect(stats.pixelCounts[0]).toBe(2);
    expect(stats.pixelCounts[3]).toBe(4);
    expect(stats.pixelCounts[5]).toBe(1);
    expect(stats.imagePixelCounts[0]).toBe(4);
    expect(stats.imagePixelCounts[3]).toBe(8);
    expect(stats.imagePixelCounts[5]).toBe(4);
    expect(stats.voidPixels).toBe(1);
    expect(stats.totalPixels).toBe(8);
  });

  it('ClassStatsAccumulator.add rejects label 12, naming the pixel', () => {
    expect(() => new ClassStatsAccumulator().add(Uint8Array.from([0, 12]))).toThrow(/label 12 at pixel 1 is outside 0..11/);
  });

  it('buildManifest computes median-frequency weights from train, and parseManifest accepts the result', () => {
    const train = randomSplit('train', 2, 4, 4, 3);
    const shard = shardEntry('train-000.bin', 2, encodeShard(train.images, train.labels, 2, 4, 4));
    const m = buildManifest({
      name: 'x', source: { kind: 'synthetic', seed: 1, generatorVersion: 1, counts: { train: 2 } }, height: 4, width: 4,
      splits: { train: { count: 2, shards: [shard] } }, classFrequencies: { train: classFrequencies(train) }, createdWith: { tool: 't', version: '1' },
    });
    expect(m.weightsSplit).toBe('train');
    expect(m.medianFrequencyWeights).toHaveLength(11);
    expect(m.tutorialClassWeights[6]).toBeCloseTo(9.6446);
    expect(parseManifest(JSON.parse(JSON.stringify(m)), 'm.json')).toEqual(m);
  });
});
