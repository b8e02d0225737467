/**
 * Checkpoint weights kept with the Cache API (pages and workers), so that a second chapter that
 * runs the same checkpoint does not download its megabytes again, whatever cache headers the
 * host sends. A weight file is cached under its URL plus a hash of the model.json that listed
 * it: a new checkpoint comes with a new model.json (other scores, steps, manifest), so stale
 * weights are never read; model.json itself, a few kilobytes, is always fetched.
 * Where there is no Cache API (Node), files are fetched as they are.
 */

/** The fetch TF.js's http handler is given. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The part of the Cache API used here (globalThis.caches in browsers and workers). */
export interface CacheStorageLike {
  open(name: string): Promise<{
    match(key: string): Promise<Response | undefined>;
    put(key: string, response: Response): Promise<void>;
    keys(): Promise<readonly { url: string }[]>;
    delete(key: string | { url: string }): Promise<boolean>;
  }>;
}

/** The cache's name; a new format of cached entries gets a new name. */
export const WEIGHT_CACHE_NAME = 'unpooled-weights-v1';

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two model.json files apart. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const folderOf = (url: string): string => url.slice(0, url.lastIndexOf('/') + 1);

/**
 * A fetch for checkpoint files: model.json from the network (its hash remembered for its
 * folder), weight files from `storage` when a model.json of their folder has been read, else
 * from the network and then stored. A failing store (a full quota) still returns the file.
 */
export function cachingCheckpointFetch(fetchFile: FetchFunction = (input, init) => fetch(input, init), storage: CacheStorageLike | undefined = (globalThis as { caches?: CacheStorageLike }).caches): FetchFunction {
  const versions = new Map<string, string>();
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const path = url.split(/[?#]/)[0]!;
    if (path.endsWith('.json')) {
      const response = await fetchFile(input, init);
      if (!response.ok || !storage) return response;
      const text = await response.text();
      versions.set(folderOf(path), textHash(text));
      return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    const version = versions.get(folderOf(path));
    if (!storage || !version) return fetchFile(input, init);
    const key = `${path}?checkpoint=${version}`;
    const cache = await storage.open(WEIGHT_CACHE_NAME).catch(() => null);
    const cached = await cache?.match(key).catch(() => undefined);
    if (cached) return cached;
    const response = await fetchFile(input, init);
    // Kept in the background: the loader reads the file while the cache writes its copy.
    if (response.ok && cache) void store(cache, key, path, response.clone());
    return response;
  };
}

/** Stores `response` under `key` and drops the entries of the same file from older checkpoints. */
async function store(cache: Awaited<ReturnType<CacheStorageLike['open']>>, key: string, path: string, response: Response): Promise<void> {
  try {
    for (const old of await cache.keys()) {
      if (old.url.startsWith(`${path}?checkpoint=`) && old.url !== key) await cache.delete(old);
    }
    await cache.put(key, response);
  } catch {
    // No room (or no permission) to keep it: the file was fetched, the next chapter fetches it again.
  }
}
