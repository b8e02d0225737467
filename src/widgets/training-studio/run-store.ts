/**
 * The studio's saved runs in the browser: one IndexedDB record per run (the `.unpooled` file's
 * bytes, so the file's checksum guards it), a small index record per run for the list, and a
 * Web Lock per run held by the tab that has it open, so no tab writes over a run it did not load.
 *
 * A save counts only once its transaction has completed and the record read back carries the
 * checksum that was written: TF.js's own IndexedDB handler resolves when the put request
 * succeeds, before the commit, so a quota abort after it went unseen.
 *
 * A page that goes away writes into a store of its own ("leaving"), which no other transaction
 * touches: Chromium drops a transaction still queued behind another (a background save, or its
 * read-back) when the page unloads. Reading takes whichever copy holds the later step.
 */
import { HEADER_BYTES } from '../../data/checkpoint-file';
import type { StudioSettings } from './settings';
import { pageMessages, type Messages } from '../../i18n';
import { DECODER_LABELS } from '../../segnet/core';

/** One saved run, as the list of saved runs shows it. */
export interface SavedRun {
  /** `<studio id>/<run id>`: unique per run, never reused. */
  key: string;
  step: number;
  /** When it was last saved (ms since 1970). */
  savedAt: number;
  /** What it is, in words: "SegNet-Basic + SegNet decoder, synthetic-96x128". */
  title: string;
}

/** Where the session keeps its runs; the page uses IndexedDB, tests a map. */
export interface RunStore {
  /** Writes a run's file bytes; resolves only once they are stored and read back intact. */
  save(info: SavedRun, bytes: Uint8Array): Promise<void>;
  /**
   * Starts the same write without waiting (the page is going away: pagehide, freeze). Does
   * nothing before the first `list`, `read` or `save` has opened the database.
   */
  saveNow(info: SavedRun, bytes: Uint8Array): void;
  read(key: string): Promise<Uint8Array | null>;
  /** This studio's saved runs, the latest first. */
  list(): Promise<SavedRun[]>;
  remove(key: string): Promise<void>;
  /** Holds `key` for this tab; null when another tab holds it. Call the result to let go. */
  claim(key: string): Promise<(() => void) | null>;
  /** The run this tab had open before a reload (kept per tab), and a setter for it. */
  remembered(): string | null;
  remember(key: string | null): void;
}

/** A run in words, for the list of saved runs. */
export function runTitle(settings: StudioSettings, dataName: string, m: Messages['trainingStudio'] = pageMessages().trainingStudio): string {
  const encoder = settings.encoder === 'vgg16' ? m.saved.vgg(String(settings.width)) : 'SegNet-Basic';
  return m.saved.title(encoder, settings.decoder, dataName, settings.res === 'half', settings.decoder === 'bilinear' ? m.form.bilinear : DECODER_LABELS[settings.decoder]);
}

const DB_NAME = 'unpooled-studio';
const RUNS = 'runs';
const INDEX = 'index';
const LEAVING = 'leaving';

/** What a page going away writes: the run's bytes with their list entry. */
interface LeavingRecord {
  info: SavedRun;
  bytes: Uint8Array;
}

/** The stored file's checksum (header bytes 24..27: FNV-1a of everything after the header). */
function fileChecksum(bytes: Uint8Array): number {
  if (bytes.length < HEADER_BYTES) return -1;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(24, true);
}

function settled(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the IndexedDB transaction was aborted'));
    tx.onerror = (event) => event.preventDefault(); // the abort that follows reports it
  });
}

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A quota error, in words. */
export const STORAGE_FULL = 'the browser’s storage for this site is full';

/** Why IndexedDB refused, in words (STORAGE_FULL for a quota error). */
export function storageFailure(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return STORAGE_FULL;
  if (typeof DOMException !== 'undefined' && error instanceof DOMException) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Where a tab keeps the key of the run it has open, so a reload brings that one back. */
export type RunMemory = Pick<RunStore, 'remembered' | 'remember'>;

/** The tab's sessionStorage (the page's; a worker has none and is given the page's value). */
export function sessionRunMemory(studioId: string): RunMemory {
  const memoryKey = `unpooled-studio-run:${studioId}`;
  return {
    remembered: () => {
      try {
        return sessionStorage.getItem(memoryKey);
      } catch {
        return null;
      }
    },
    remember: (key) => {
      try {
        if (key) sessionStorage.setItem(memoryKey, key);
        else sessionStorage.removeItem(memoryKey);
      } catch {
        // No session storage (a sandboxed frame): a reload then picks the latest run.
      }
    },
  };
}

/** This studio's runs in the browser (IndexedDB, Web Locks, and `memory`: by default sessionStorage). */
export function browserRunStore(studioId: string, idb: IDBFactory = indexedDB, memory: RunMemory = sessionRunMemory(studioId)): RunStore {
  let db: IDBDatabase | null = null;
  let opening: Promise<IDBDatabase> | null = null;
  const prefix = `${studioId}/`;

  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(RUNS);
        request.result.createObjectStore(INDEX);
        request.result.createObjectStore(LEAVING);
      };
      request.onsuccess = () => {
        db = request.result;
        // Another tab's newer version of the site may upgrade the database: let it.
        db.onversionchange = () => {
          db?.close();
          db = null;
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = null;
        reject(request.error);
      };
    });
    return opening;
  };

  const write = (database: IDBDatabase, info: SavedRun, bytes: Uint8Array): IDBTransaction => {
    const tx = database.transaction([RUNS, INDEX], 'readwrite');
    tx.objectStore(RUNS).put(bytes, info.key);
    tx.objectStore(INDEX).put(info, info.key);
    // Committed as soon as the puts are done, even if the page goes away meanwhile.
    tx.commit?.();
    return tx;
  };

  /** The saved copy of `key` alone, as written by `save`. */
  const readSaved = async (key: string): Promise<Uint8Array | null> => {
    const database = await open();
    const value = await requested(database.transaction(RUNS).objectStore(RUNS).get(key));
    return value instanceof Uint8Array ? value : null;
  };

  /** Every list entry, each the later of the saved one and the one a leaving page wrote. */
  const entries = async (): Promise<{ info: SavedRun; leaving: boolean }[]> => {
    const database = await open();
    const tx = database.transaction([INDEX, LEAVING]);
    const [saved, leaving] = await Promise.all([requested(tx.objectStore(INDEX).getAll()) as Promise<SavedRun[]>, requested(tx.objectStore(LEAVING).getAll()) as Promise<LeavingRecord[]>]);
    const byKey = new Map(saved.map((info) => [info.key, { info, leaving: false }]));
    const stale: string[] = [];
    for (const { info } of leaving) {
      if (info.step > (byKey.get(info.key)?.info.step ?? -1)) byKey.set(info.key, { info, leaving: true });
      else stale.push(info.key);
    }
    if (stale.length > 0) {
      // A later save holds these runs: their leaving copies only take room.
      const clean = database.transaction(LEAVING, 'readwrite');
      for (const key of stale) clean.objectStore(LEAVING).delete(key);
    }
    return [...byKey.values()].filter((e) => e.info.key.startsWith(prefix));
  };

  return {
    async save(info, bytes) {
      const database = await open();
      const done = settled(write(database, info, bytes));
      await done;
      const back = await readSaved(info.key);
      if (!back || back.length !== bytes.length || fileChecksum(back) !== fileChecksum(bytes)) {
        throw new Error('the saved copy did not read back intact');
      }
    },
    saveNow(info, bytes) {
      if (!db) return;
      const tx = db.transaction(LEAVING, 'readwrite');
      tx.objectStore(LEAVING).put({ info, bytes } satisfies LeavingRecord, info.key);
      tx.onerror = (event) => event.preventDefault();
      tx.commit?.();
    },
    async read(key) {
      const entry = (await entries()).find((e) => e.info.key === key);
      if (!entry?.leaving) return readSaved(key);
      const database = await open();
      const record = (await requested(database.transaction(LEAVING).objectStore(LEAVING).get(key))) as LeavingRecord | undefined;
      return record?.bytes ?? null;
    },
    async list() {
      return (await entries()).map((e) => e.info).sort((a, b) => b.savedAt - a.savedAt);
    },
    async remove(key) {
      const database = await open();
      const tx = database.transaction([RUNS, INDEX, LEAVING], 'readwrite');
      for (const store of [RUNS, INDEX, LEAVING]) tx.objectStore(store).delete(key);
      await settled(tx);
    },
    claim: (key) => claimLock(`unpooled-run:${key}`),
    remembered: () => memory.remembered(),
    remember: (key) => memory.remember(key),
  };
}

/**
 * Holds the Web Lock `name` until the returned function is called; null when another tab (or
 * this one) holds it. Without Web Locks (old browsers) every claim succeeds.
 */
async function claimLock(name: string): Promise<(() => void) | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return () => undefined;
  return new Promise((resolve) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((release) => resolve(() => release()));
    });
  });
}

/** A new run's key in the studio `studioId`. */
export function newRunKey(studioId: string): string {
  const id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${studioId}/${id}`;
}

/** A store in memory (no IndexedDB): for Node, where the soak benchmark and tests run sessions. */
export interface MemoryRunStore extends RunStore {
  runs: Map<string, { info: SavedRun; bytes: Uint8Array }>;
  held: Set<string>;
  memory: string | null;
}

export function memoryRunStore(): MemoryRunStore {
  return {
    runs: new Map(),
    held: new Set(),
    memory: null,
    async save(info, bytes) {
      this.runs.set(info.key, { info, bytes });
    },
    saveNow(info, bytes) {
      this.runs.set(info.key, { info, bytes });
    },
    async read(key) {
      return this.runs.get(key)?.bytes ?? null;
    },
    async list() {
      return [...this.runs.values()].map((r) => r.info).sort((a, b) => b.savedAt - a.savedAt);
    },
    async remove(key) {
      this.runs.delete(key);
    },
    async claim(key) {
      if (this.held.has(key)) return null;
      this.held.add(key);
      return () => this.held.delete(key);
    },
    remembered() {
      return this.memory;
    },
    remember(key) {
      this.memory = key;
    },
  };
}
