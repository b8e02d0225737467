/** Checkpoint weights kept with the Cache API, keyed by the model.json that lists them. */
import { describe, expect, it } from 'vitest';
import { cachingCheckpointFetch, textHash, WEIGHT_CACHE_NAME, type CacheStorageLike } from '../../../src/segnet/weight-cache';

/** An in-memory Cache API (one cache per name), recording what was opened. */
function memoryCaches(options: { failPut?: boolean } = {}) {
  const stores = new Map<string, Map<string, Response>>();
  const storage: CacheStorageLike = {
    async open(name) {
      const entries = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, entries);
      return {
        async match(key) {
          return entries.get(key)?.clone();
        },
        async put(key, response) {
          if (options.failPut) throw new DOMException('quota', 'QuotaExceededError');
          entries.set(key, response);
        },
        async keys() {
          return [...entries.keys()].map((url) => ({ url }));
        },
        async delete(key) {
          return entries.delete(typeof key === 'string' ? key : key.url);
        },
      };
    },
  };
  return { storage, stores };
}

/** A site whose files can change between calls; records every URL fetched. */
function site(files: Record<string, string>) {
  const fetched: string[] = [];
  const fetchFile = async (input: RequestInfo | URL) => {
    const url = String(input);
    fetched.push(url);
    const body = files[url];
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body, { status: 200 });
  };
  return { fetched, fetchFile, files };
}

const MODEL = 'https://site.test/models/a/model.json';
const WEIGHTS = 'https://site.test/models/a/weights.bin';

describe('cachingCheckpointFetch(fetch, caches)', () => {
  it('fetches the weights once: a second page (a fresh fetch function) reads them from the cache', async () => {
    const { storage, stores } = memoryCaches();
    const s = site({ [MODEL]: '{"v":1}', [WEIGHTS]: 'WEIGHTS-1' });
    for (let page = 0; page < 2; page++) {
      const fetchFn = cachingCheckpointFetch(s.fetchFile, storage);
      expect(await (await fetchFn(MODEL)).text()).toBe('{"v":1}');
      expect(await (await fetchFn(WEIGHTS)).text()).toBe('WEIGHTS-1');
    }
    expect(s.fetched).toEqual([MODEL, WEIGHTS, MODEL]);
    expect([...stores.get(WEIGHT_CACHE_NAME)!.keys()]).toEqual([`${WEIGHTS}?checkpoint=${textHash('{"v":1}')}`]);
  });

  it('fetches new weights when model.json changed, and drops the old entry', async () => {
    const { storage, stores } = memoryCaches();
    const s = site({ [MODEL]: '{"v":1}', [WEIGHTS]: 'WEIGHTS-1' });
    const first = cachingCheckpointFetch(s.fetchFile, storage);
    await first(MODEL);
    await first(WEIGHTS);
    s.files[MODEL] = '{"v":2}';
    s.files[WEIGHTS] = 'WEIGHTS-2';
    const second = cachingCheckpointFetch(s.fetchFile, storage);
    await second(MODEL);
    expect(await (await second(WEIGHTS)).text()).toBe('WEIGHTS-2');
    expect([...stores.get(WEIGHT_CACHE_NAME)!.keys()]).toEqual([`${WEIGHTS}?checkpoint=${textHash('{"v":2}')}`]);
  });

  it('passes everything through without a Cache API, and weights not listed by a model.json read here', async () => {
    const s = site({ [MODEL]: '{"v":1}', [WEIGHTS]: 'W' });
    const bare = cachingCheckpointFetch(s.fetchFile, undefined);
    await bare(MODEL);
    await bare(WEIGHTS);
    await bare(WEIGHTS);
    const { storage, stores } = memoryCaches();
    const unlisted = cachingCheckpointFetch(s.fetchFile, storage);
    await unlisted(WEIGHTS);
    expect(s.fetched).toEqual([MODEL, WEIGHTS, WEIGHTS, WEIGHTS]);
    expect(stores.size).toBe(0);
  });

  it('does not cache an error response, and still returns the file when the cache is full', async () => {
    const full = memoryCaches({ failPut: true });
    const s = site({ [MODEL]: '{}' });
    const fetchFn = cachingCheckpointFetch(s.fetchFile, full.storage);
    await fetchFn(MODEL);
    expect((await fetchFn(WEIGHTS)).status).toBe(404);
    s.files[WEIGHTS] = 'W';
    expect(await (await fetchFn(WEIGHTS)).text()).toBe('W');
    expect(full.stores.get(WEIGHT_CACHE_NAME)!.size).toBe(0);
  });
});

describe('textHash(text)', () => {
  it('is 8 hex digits, the same for the same text and different for a one-character change', () => {
    expect(textHash('{"v":1}')).toMatch(/^[0-9a-f]{8}$/);
    expect(textHash('{"v":1}')).toBe(textHash('{"v":1}'));
    expect(textHash('{"v":1}')).not.toBe(textHash('{"v":2}'));
    expect(textHash('')).toBe('811c9dc5');
  });
});
