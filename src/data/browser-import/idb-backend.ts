/**
 * The dataset store's IndexedDB backend (page and workers: same origin, same database). A put
 * resolves when its transaction has completed, not when the request succeeds: a quota abort
 * after the request (IndexedDB aborts the transaction, and only its error names the quota) must
 * reach the caller.
 */
import { DatasetStore, type DatasetStoreOptions, type StoreBackend, type StoredRecord } from './dataset-store';

/** The database every tab and worker of the site shares for the reader's datasets. */
export const OWN_DATA_DB = 'unpooled-own-data';
/** The BroadcastChannel on which a page says its stored datasets changed (every tab and widget re-lists). */
export const OWN_DATA_CHANNEL = 'unpooled-own-data';
const MANIFESTS = 'manifests';
const SHARDS = 'shards';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const r = factory.open(OWN_DATA_DB, 1);
  r.onupgradeneeded = () => {
    const db = r.result;
    if (!db.objectStoreNames.contains(MANIFESTS)) db.createObjectStore(MANIFESTS, { keyPath: 'name' });
    if (!db.objectStoreNames.contains(SHARDS)) db.createObjectStore(SHARDS);
  };
  return request(r);
}

/**
 * Runs `use` on a store over its own IndexedDB connection, closed when `use` settles (a page
 * that adds or loads once holds no connection afterwards).
 */
export async function withIdbStore<T>(use: (store: DatasetStore) => Promise<T>, options?: DatasetStoreOptions, factory: IDBFactory = indexedDB): Promise<T> {
  const backend = idbBackend(factory);
  try {
    return await use(new DatasetStore(backend, options));
  } finally {
    backend.close();
  }
}

/** A backend on IndexedDB that can let go of its connection. */
export interface IdbBackend extends StoreBackend {
  /**
   * Closes the connection (at once, or when a pending open completes); a later call opens a
   * fresh one. Another tab's schema upgrade closes it too, so it is never blocked by this page.
   */
  close(): void;
}

/** A backend on IndexedDB (`indexedDB` of the page or the worker by default). */
export function idbBackend(factory: IDBFactory = indexedDB): IdbBackend {
  let db: Promise<IDBDatabase> | null = null;
  const connect = (): Promise<IDBDatabase> => {
    const opening: Promise<IDBDatabase> = open(factory).then(
      (connection) => {
        // A newer version elsewhere (another tab, a later site) waits on no connection of ours.
        connection.onversionchange = () => {
          connection.close();
          if (db === opening) db = null;
        };
        return connection;
      },
      (e: unknown) => {
        if (db === opening) db = null;
        throw e;
      },
    );
    return opening;
  };
  const store = async (name: string, mode: IDBTransactionMode): Promise<{ s: IDBObjectStore; tx: IDBTransaction }> => {
    db ??= connect();
    const tx = (await db).transaction(name, mode);
    return { s: tx.objectStore(name), tx };
  };
  const read = async <T>(name: string, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => request(f((await store(name, 'readonly')).s));
  const write = async (name: string, f: (s: IDBObjectStore) => void): Promise<void> => {
    const { s, tx } = await store(name, 'readwrite');
    const finished = done(tx);
    f(s);
    await finished;
  };
  return {
    getManifest: (name) => read(MANIFESTS, (s) => s.get(name) as IDBRequest<StoredRecord | undefined>),
    allManifests: () => read(MANIFESTS, (s) => s.getAll() as IDBRequest<StoredRecord[]>),
    putManifest: (record) => write(MANIFESTS, (s) => s.put(record)),
    deleteManifest: (name) => write(MANIFESTS, (s) => s.delete(name)),
    getShard: async (key) => {
      const v = await read(SHARDS, (s) => s.get(key) as IDBRequest<ArrayBuffer | Uint8Array | undefined>);
      return v === undefined ? undefined : v instanceof Uint8Array ? v : new Uint8Array(v);
    },
    putShard: (key, bytes) => write(SHARDS, (s) => s.put(bytes, key)),
    shardKeys: async () => (await read(SHARDS, (s) => s.getAllKeys())).map(String),
    deleteShards: (keys) => (keys.length === 0 ? Promise.resolve() : write(SHARDS, (s) => keys.forEach((k) => s.delete(k)))),
    close: () => {
      const closing = db;
      db = null;
      // Transactions already started finish first: IndexedDB closes once they complete.
      void closing?.then((connection) => connection.close(), () => undefined);
    },
  };
}

/** navigator.storage.estimate() as numbers, or null where the browser has none. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return null;
  const e = await storage.estimate();
  return e.usage === undefined || e.quota === undefined ? null : { usage: e.usage, quota: e.quota };
}
