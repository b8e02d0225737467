/**
 * Field checks of manifest.json, used by `parseManifest`. Every error names the manifest
 * (`where`), the field and the bad value, so a hand-edited or damaged manifest is easy to fix.
 */
import { CAMVID_NUM_CLASSES } from '../segnet/core';
import type { ClassStats, ShardEntry, SplitManifest } from './manifest';

/** Throws `where: message`. */
export function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** An object that is not null or an array (a JSON object). */
export function requireObject(value: unknown, field: string, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(where, `${field} must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** An integer in min..max. */
export function requireInt(value: unknown, field: string, where: string, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `in ${min}..${max}`;
    fail(where, `${field} must be an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A string (non-empty unless `allowEmpty`). */
export function requireString(value: unknown, field: string, where: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value === '')) {
    fail(where, `${field} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** An array of exactly `length` items. */
export function requireArray(value: unknown, field: string, where: string, length?: number): unknown[] {
  if (!Array.isArray(value)) fail(where, `${field} must be an array, got ${JSON.stringify(value)}`);
  if (length !== undefined && value.length !== length) {
    fail(where, `${field} must hold ${length} values, got ${value.length}`);
  }
  return value;
}

/** One value per class (11), each a finite number >= 0 (class weights). */
export function checkClassWeights(value: unknown, field: string, where: string): void {
  requireArray(value, field, where, CAMVID_NUM_CLASSES).forEach((v, c) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      fail(where, `${field}[${c}] must be a finite number >= 0, got ${JSON.stringify(v)}`);
    }
  });
}

/** One integer count >= 0 per class (11). */
function checkClassCounts(value: unknown, field: string, where: string): number[] {
  const counts = requireArray(value, field, where, CAMVID_NUM_CLASSES);
  counts.forEach((v, c) => requireInt(v, `${field}[${c}]`, where, 0));
  return counts as number[];
}

/** One split's class statistics; its pixel counts and void pixels must add up to the total. */
export function checkClassStats(value: unknown, field: string, where: string): void {
  const s = requireObject(value, field, where) as Partial<Record<keyof ClassStats, unknown>>;
  const pixels = checkClassCounts(s.pixelCounts, `${field}.pixelCounts`, where);
  checkClassCounts(s.imagePixelCounts, `${field}.imagePixelCounts`, where);
  const voidPixels = requireInt(s.voidPixels, `${field}.voidPixels`, where, 0);
  const total = requireInt(s.totalPixels, `${field}.totalPixels`, where, 0);
  const labelled = pixels.reduce((a, b) => a + b, 0) + voidPixels;
  if (labelled !== total) {
    fail(where, `${field}.totalPixels is ${total} but its pixelCounts and voidPixels add up to ${labelled}`);
  }
}

/** One colour per class (11), each [r, g, b] with channels 0..255. */
export function checkPalette(value: unknown, where: string): void {
  requireArray(value, 'palette', where, CAMVID_NUM_CLASSES).forEach((rgb, c) => {
    requireArray(rgb, `palette[${c}]`, where, 3).forEach((v, k) => requireInt(v, `palette[${c}][${k}]`, where, 0, 255));
  });
}

function checkShard(entry: unknown, field: string, where: string): ShardEntry {
  const s = requireObject(entry, field, where) as Partial<ShardEntry>;
  if (typeof s.file !== 'string' || !/^[\w.-]+$/.test(s.file) || s.file.startsWith('.')) {
    fail(where, `${field}.file must be a plain file name, got ${JSON.stringify(s.file)}`);
  }
  requireInt(s.count, `${field}.count`, where, 1);
  requireInt(s.bytes, `${field}.bytes`, where, 1);
  if (typeof s.checksum !== 'string' || !/^fnv1a32:[0-9a-f]{8}$/.test(s.checksum)) {
    fail(where, `${field}.checksum must look like "fnv1a32:0123abcd", got ${JSON.stringify(s.checksum)}`);
  }
  return s as ShardEntry;
}

/** A split: its count must equal the examples its shards hold (no shards: count 0). */
export function checkSplit(split: unknown, name: string, where: string): void {
  const s = requireObject(split, `splits.${name}`, where) as Partial<Record<keyof SplitManifest, unknown>>;
  const count = requireInt(s.count, `splits.${name}.count`, where, 0);
  const shards = requireArray(s.shards, `splits.${name}.shards`, where);
  const sum = shards.reduce<number>((acc, entry, i) => acc + checkShard(entry, `splits.${name}.shards[${i}]`, where).count, 0);
  if (sum !== count) fail(where, `splits.${name}.count is ${count} but its shards hold ${sum} examples`);
}

function checkCamvidSource(s: Record<string, unknown>, where: string): void {
  requireString(s.from, 'source.from', where);
  requireArray(s.lists, 'source.lists', where).forEach((v, i) => requireString(v, `source.lists[${i}]`, where));
  if (s.limit !== null) requireInt(s.limit, 'source.limit', where, 1);
  if (typeof s.sourceSize !== 'string' || !/^\d+x\d+$/.test(s.sourceSize)) {
    fail(where, `source.sourceSize must look like "360x480", got ${JSON.stringify(s.sourceSize)}`);
  }
}

function checkSyntheticSource(s: Record<string, unknown>, where: string): void {
  if (typeof s.seed !== 'number' || !Number.isFinite(s.seed)) fail(where, `source.seed must be a finite number, got ${JSON.stringify(s.seed)}`);
  requireInt(s.generatorVersion, 'source.generatorVersion', where, 1);
  for (const [split, n] of Object.entries(requireObject(s.counts, 'source.counts', where))) {
    requireInt(n, `source.counts.${split}`, where, 0);
  }
}

/** Where the dataset came from: a CamVid import or synthetic scenes. */
export function checkSource(value: unknown, where: string): void {
  const s = requireObject(value, 'source', where);
  if (s.kind === 'camvid') checkCamvidSource(s, where);
  else if (s.kind === 'synthetic') checkSyntheticSource(s, where);
  else fail(where, `source.kind must be "camvid" or "synthetic", got ${JSON.stringify(s.kind)}`);
}

/** The tool and version that wrote the dataset. */
export function checkCreatedWith(value: unknown, where: string): void {
  const c = requireObject(value, 'createdWith', where);
  requireString(c.tool, 'createdWith.tool', where);
  requireString(c.version, 'createdWith.version', where);
}
