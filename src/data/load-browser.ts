/**
 * Loads a dataset folder over HTTP (browser, worker, or Node's fetch). Shards are cached with
 * the Cache API when it exists, keyed by their checksum, so a revisit reads nothing from the
 * network and a re-imported dataset can never be served stale.
 */
import { assembleDataset, type LoadOptions, type ShardReader } from './dataset-assembly';
import { parseManifest, type DatasetManifest, type ShardEntry } from './manifest';
import { shardMismatch, verifyShardBytes } from './shard-codec';
import type { RoadSceneDataset } from './types';

/** The Cache API cache the loader uses unless told otherwise. */
export const DEFAULT_DATA_CACHE = 'unpooled-data-v1';

/** Options of `loadDataset`. */
export interface BrowserLoadOptions extends LoadOptions {
  /** Cache API cache name, or false for plain fetches (default DEFAULT_DATA_CACHE). */
  cache?: string | false;
  /** The fetch to use (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** The cache storage to use (default globalThis.caches where it exists). */
  caches?: CacheStorage;
  signal?: AbortSignal;
}

function folderUrl(baseUrl: string | URL): URL {
  const where = typeof location === 'undefined' ? undefined : location.href;
  const url = new URL(String(baseUrl), where);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** A fetch whose network-level failure ("Failed to fetch", says nothing of what) names the URL. */
async function fetchNamed(doFetch: typeof fetch, url: URL, init: RequestInit): Promise<Response> {
  try {
    return await doFetch(url, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new Error(`${url.href} could not be fetched (${(err as Error).message})`);
  }
}

async function fetchBytes(url: URL, what: string, doFetch: typeof fetch, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetchNamed(doFetch, url, signal ? { signal } : {}).catch((err: Error) => {
    throw err.name === 'AbortError' ? err : new Error(`${what}: ${err.message}`);
  });
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} from ${url.href}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Fetches and validates a dataset's manifest.json (revalidated, so re-imports show up). */
export async function fetchManifest(baseUrl: string | URL, options: BrowserLoadOptions = {}): Promise<DatasetManifest> {
  const url = new URL('manifest.json', folderUrl(baseUrl));
  const doFetch = options.fetch ?? globalThis.fetch;
  const res = await fetchNamed(doFetch, url, { cache: 'no-cache', ...(options.signal ? { signal: options.signal } : {}) });
  if (!res.ok) throw new Error(`${url.href}: HTTP ${res.status} while fetching the manifest`);
  let json: unknown;
  try {
    json = await res.json();
  } catch (err) {
    throw new Error(`${url.href}: not valid JSON (${(err as Error).message})`);
  }
  return parseManifest(json, url.href);
}

async function openCache(options: BrowserLoadOptions): Promise<Cache | null> {
  if (options.cache === false) return null;
  const storage = options.caches ?? (typeof caches === 'undefined' ? undefined : caches);
  if (!storage) return null;
  try {
    return await storage.open(options.cache ?? DEFAULT_DATA_CACHE);
  } catch {
    // Some contexts (private windows, opaque origins) expose caches but refuse to open them.
    return null;
  }
}

/** Fetches a shard and checks its length and checksum (the one hash of these bytes). */
async function fetchShard(url: URL, entry: ShardEntry, doFetch: typeof fetch, signal?: AbortSignal): Promise<Uint8Array> {
  const bytes = await fetchBytes(url, `shard ${entry.file}`, doFetch, signal);
  verifyShardBytes(bytes, entry);
  return bytes;
}

function shardReader(folder: URL, cache: Cache | null, options: BrowserLoadOptions): ShardReader {
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (entry) => {
    const url = new URL(entry.file, folder);
    if (!cache) return fetchShard(url, entry, doFetch, options.signal);
    const key = `${url.href}?${entry.checksum}`;
    const hit = await cache.match(key);
    if (hit) {
      const bytes = new Uint8Array(await hit.arrayBuffer());
      if (shardMismatch(bytes, entry) === null) return bytes;
      await cache.delete(key);
    }
    // Only verified bytes are cached: a bad download throws before the put.
    const bytes = await fetchShard(url, entry, doFetch, options.signal);
    // A cache that cannot keep the shard (storage full) costs a download next time, nothing more.
    await cache.put(key, new Response(bytes.slice(), { headers: { 'content-type': 'application/octet-stream' } })).catch(() => undefined);
    return bytes;
  };
}

/**
 * Loads a dataset folder by URL, e.g. `loadDataset('/data/synthetic-96x128/')`.
 * Relative URLs resolve against the page.
 */
export async function loadDataset(baseUrl: string | URL, options: BrowserLoadOptions = {}): Promise<RoadSceneDataset> {
  const folder = folderUrl(baseUrl);
  const manifest = await fetchManifest(folder, options);
  const cache = await openCache(options);
  return assembleDataset(manifest, shardReader(folder, cache, options), options);
}
