/**
 * Shard files: a 16-byte header, then every example's RGB frame, then every label map.
 *
 *   bytes 0..3   magic "RSD1"
 *   bytes 4..15  count, height, width (uint32, little-endian)
 *   then         count*H*W*3 image bytes, then count*H*W label bytes
 *
 * Keeping images and labels as two contiguous runs lets a loader take views, not copies.
 */
import { shardChecksum } from './checksum';
import type { ShardEntry } from './manifest';

/** Header length in bytes. */
export const SHARD_HEADER_BYTES = 16;

const MAGIC = [0x52, 0x53, 0x44, 0x31]; // "RSD1"

/** Total file size of a shard holding `count` examples of H x W. */
export function shardByteLength(count: number, height: number, width: number): number {
  return SHARD_HEADER_BYTES + count * height * width * 4;
}

/** Encodes `count` examples given as contiguous image and label runs. */
export function encodeShard(images: Uint8Array, labels: Uint8Array, count: number, height: number, width: number): Uint8Array {
  const px = height * width;
  if (images.length !== count * px * 3) throw new Error(`encodeShard: images has ${images.length} bytes, expected ${count * px * 3}`);
  if (labels.length !== count * px) throw new Error(`encodeShard: labels has ${labels.length} bytes, expected ${count * px}`);
  const out = new Uint8Array(shardByteLength(count, height, width));
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, count, true);
  view.setUint32(8, height, true);
  view.setUint32(12, width, true);
  out.set(images, SHARD_HEADER_BYTES);
  out.set(labels, SHARD_HEADER_BYTES + images.length);
  return out;
}

/** A decoded shard: views into the shard's bytes. */
export interface DecodedShard {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/**
 * Why `bytes` are not the shard file `entry` describes (wrong length or checksum), or null when
 * they are. Hashes the bytes once; callers that must know before decoding (a cache) use this.
 */
export function shardMismatch(bytes: Uint8Array, entry: ShardEntry): string | null {
  const name = `shard ${entry.file}`;
  if (bytes.length !== entry.bytes) {
    const what = bytes.length < entry.bytes ? 'is truncated' : 'is too long';
    return `${name} ${what}: expected ${entry.bytes} bytes, got ${bytes.length}`;
  }
  const actual = shardChecksum(bytes);
  return actual === entry.checksum ? null : `${name} is corrupt: checksum ${actual} does not match the manifest's ${entry.checksum}`;
}

/** @throws an error naming the shard file when `bytes` have the wrong length or checksum. */
export function verifyShardBytes(bytes: Uint8Array, entry: ShardEntry): void {
  const problem = shardMismatch(bytes, entry);
  if (problem !== null) throw new Error(problem);
}

/**
 * Decodes a shard whose length and checksum were already verified (`verifyShardBytes`):
 * checks its magic and header against the manifest and returns views of its images and labels.
 */
export function parseShard(bytes: Uint8Array, entry: ShardEntry, height: number, width: number): DecodedShard {
  const name = `shard ${entry.file}`;
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new Error(`${name} is not a shard file (bad magic bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const h = view.getUint32(8, true);
  const w = view.getUint32(12, true);
  if (count !== entry.count || h !== height || w !== width) {
    throw new Error(`${name} holds ${count} examples of ${h}x${w}, but the manifest says ${entry.count} of ${height}x${width}`);
  }
  if (bytes.length !== shardByteLength(count, h, w)) {
    throw new Error(`${name} has ${bytes.length} bytes, but ${count} examples of ${h}x${w} need ${shardByteLength(count, h, w)}`);
  }
  const imageBytes = count * h * w * 3;
  return {
    count,
    images: bytes.subarray(SHARD_HEADER_BYTES, SHARD_HEADER_BYTES + imageBytes),
    labels: bytes.subarray(SHARD_HEADER_BYTES + imageBytes),
  };
}

/**
 * Checks a shard against its manifest entry and returns views of its images and labels.
 * @throws an error naming the shard file when it is truncated, corrupt or inconsistent.
 */
export function decodeShard(bytes: Uint8Array, entry: ShardEntry, height: number, width: number): DecodedShard {
  verifyShardBytes(bytes, entry);
  return parseShard(bytes, entry, height, width);
}

/** A finished shard: its manifest entry and its file contents. */
export interface EncodedShard {
  entry: ShardEntry;
  bytes: Uint8Array;
}

/** Builds the manifest entry of an encoded shard. */
export function shardEntry(file: string, count: number, bytes: Uint8Array): ShardEntry {
  return { file, count, bytes: bytes.length, checksum: shardChecksum(bytes) };
}
