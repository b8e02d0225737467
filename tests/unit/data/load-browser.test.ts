import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../../src/data/load-browser';
import { loadDatasetFromDir } from '../../../src/data/load-node';
import { writeSyntheticDataset } from '../../../src/data/synthetic/write-synthetic';
import type { RoadSceneDataset } from '../../../src/data/types';
import { startStaticServer, type StaticServer } from './helpers/static-server';
import { makeTempDir, removeDir } from './helpers/temp-dir';

/** Counts the shard checksums computed, to check that each loaded shard is hashed once. */
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/data/checksum', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/data/checksum')>();
  return {
    ...real,
    shardChecksum: (bytes: Uint8Array): string => {
      hashes.count++;
      return real.shardChecksum(bytes);
    },
  };
});

/** An in-memory stand-in for the browser's CacheStorage (Node has none). */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, Uint8Array>>();
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, Uint8Array>();
    this.stores.set(name, store);
    return {
      match: async (key: string) => (store.has(key) ? new Response(store.get(key)!.slice()) : undefined),
      put: async (key: string, res: Response) => void store.set(key, new Uint8Array(await res.arrayBuffer())),
      delete: async (key: string) => store.delete(key),
    };
  }
}

describe('loadDataset (HTTP, Cache API)', () => {
  let root: string;
  let server: StaticServer;
  let reference: RoadSceneDataset;
  let base: string;
  const shardRequests = (): number => server.requests.filter((p) => p.endsWith('.bin')).length;

  beforeAll(async () => {
    root = await makeTempDir();
    // 24x32 scenes: one small shard per split.
    const { dir } = await writeSyntheticDataset({ outDir: root, height: 24, width: 32, seed: 5, counts: { train: 5, val: 2, test: 2 } });
    reference = await loadDatasetFromDir(dir);
    server = await startStaticServer(root, {
      transform: (path, bytes) => (path.includes('broken') && path.endsWith('.bin') ? bytes.subarray(0, 40) : bytes),
    });
    base = `${server.url}synthetic-24x32/`;
  });
  afterAll(async () => {
    await server.close();
    await removeDir(root);
  });

  it('loadDataset(url, { cache: false }) decodes the same splits as the disk loader', async () => {
    const loaded = await loadDataset(base, { cache: false });
    expect(loaded).toEqual(reference);
    const noSlash = await loadDataset(base.slice(0, -1), { cache: false, splits: ['val'] });
    expect(noSlash.splits.val).toEqual(reference.splits.val);
  });

  it('serves shards from the cache on the second load, and refetches a corrupted cache entry', async () => {
    const caches = new MemoryCaches();
    const options = { caches: caches as unknown as CacheStorage, cache: 'test-cache' };
    const before = shardRequests();
    expect(await loadDataset(base, options)).toEqual(reference);
    const firstLoad = shardRequests() - before;
    expect(firstLoad).toBe(3);
    expect(await loadDataset(base, options)).toEqual(reference);
    expect(shardRequests() - before).toBe(firstLoad);
    const store = caches.stores.get('test-cache')!;
    const [key, bytes] = [...store.entries()][0]!;
    bytes[30]! ^= 0xff;
    expect(await loadDataset(base, options)).toEqual(reference);
    expect(shardRequests() - before).toBe(firstLoad + 1);
    expect(store.get(key)![30]).toBe(bytes[30]! ^ 0xff);
  });

  it('hashes each of the 3 shards once per load: fetched and cached, served from the cache, or fetched without a cache', async () => {
    const options = { caches: new MemoryCaches() as unknown as CacheStorage, cache: 'hash-count' };
    for (const load of [options, options, { cache: false as const }]) {
      hashes.count = 0;
      expect(await loadDataset(base, load)).toEqual(reference);
      expect(hashes.count).toBe(3);
    }
  });

  it('falls back to plain fetch when the cache cannot be opened', async () => {
    const refusing = { open: () => Promise.reject(new Error('SecurityError')) } as unknown as CacheStorage;
    expect(await loadDataset(base, { caches: refusing })).toEqual(reference);
  });

  it('loads anyway when the cache refuses to store a shard (storage full)', async () => {
    const full = new MemoryCaches();
    const open = full.open.bind(full);
    full.open = async (name: string) => ({ ...(await open(name)), put: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) });
    expect(await loadDataset(base, { caches: full as unknown as CacheStorage, cache: 'full' })).toEqual(reference);
  });

  it('names the file when its request fails at the network level ("Failed to fetch")', async () => {
    const blocking = (blocked: string): typeof fetch => (input, init) => (String(input).includes(blocked) ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    await expect(loadDataset(base, { cache: false, fetch: blocking('manifest.json') })).rejects.toThrow(`${base}manifest.json could not be fetched (Failed to fetch)`);
    await expect(loadDataset(base, { cache: false, fetch: blocking('train-000.bin') })).rejects.toThrow(`shard train-000.bin: ${base}train-000.bin could not be fetched (Failed to fetch)`);
  });

  it('names the shard when the server sends a truncated one, and the URL on a 404', async () => {
    const { cp } = await import('node:fs/promises');
    await cp(`${root}/synthetic-24x32`, `${root}/broken`, { recursive: true });
    await expect(loadDataset(`${server.url}broken/`, { cache: false })).rejects.toThrow(/shard train-000.bin is truncated: expected \d+ bytes, got 40/);
    await expect(loadDataset(`${server.url}nowhere/`, { cache: false })).rejects.toThrow(/nowhere\/manifest.json: HTTP 404/);
  });
});
