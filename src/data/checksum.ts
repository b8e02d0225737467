/**
 * Shard checksums. FNV-1a 32 is enough to catch truncation and corruption in transit or on
 * disk (it is not meant to resist tampering), and costs one multiply per byte in plain TS.
 */

/** FNV-1a 32-bit hash of the bytes. */
export function fnv1a32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The checksum string stored in manifests: "fnv1a32:" and 8 lower-case hex digits. */
export function shardChecksum(bytes: Uint8Array): string {
  return `fnv1a32:${fnv1a32(bytes).toString(16).padStart(8, '0')}`;
}
