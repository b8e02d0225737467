/**
 * A small in-memory IndexedDB factory for unit tests (node has none): enough of open,
 * transactions, get / getAll / getAllKeys / put / delete for the dataset store's backend, and a
 * record of every connection opened and closed.
 */
type Handler = ((this: unknown, ev: Event) => unknown) | null;

interface StubRequest<T> {
  result: T;
  error: DOMException | null;
  onsuccess: Handler;
  onerror: Handler;
  onupgradeneeded?: Handler;
}

const later = (f: () => void): void => void setTimeout(f, 0);

function answer<T>(value: () => T): StubRequest<T> {
  const r: StubRequest<T> = { result: undefined as T, error: null, onsuccess: null, onerror: null };
  later(() => {
    r.result = value();
    r.onsuccess?.call(r, new Event('success'));
  });
  return r;
}

export interface IdbStub {
  factory: IDBFactory;
  /** Connections opened, and how many of them were closed. */
  opened(): number;
  closed(): number;
  /** Connections opened and not closed. */
  open(): number;
  /** Tells every open connection a newer version wants the database (as another tab's upgrade does). */
  upgradeElsewhere(): void;
}

export function idbStub(): IdbStub {
  const stores = new Map<string, Map<IDBValidKey, unknown>>([
    ['manifests', new Map()],
    ['shards', new Map()],
  ]);
  const connections: { closed: boolean; db: { onversionchange: Handler } }[] = [];
  const factory = {
    open(name: string) {
      const entry = { closed: false, db: null as unknown as { onversionchange: Handler } };
      const db = {
        name,
        onversionchange: null as Handler,
        objectStoreNames: { contains: (n: string) => stores.has(n) },
        close() {
          entry.closed = true;
        },
        transaction(storeName: string) {
          if (entry.closed) throw new DOMException('The database connection is closing.', 'InvalidStateError');
          const data = stores.get(storeName)!;
          const tx = { oncomplete: null as Handler, onabort: null as Handler, onerror: null as Handler, error: null, objectStore: () => store };
          const finish = (): void => later(() => tx.oncomplete?.call(tx, new Event('complete')));
          const store = {
            get: (key: IDBValidKey) => answer(() => data.get(key)),
            getAll: () => answer(() => [...data.values()]),
            getAllKeys: () => answer(() => [...data.keys()]),
            put: (value: { name?: string }, key?: IDBValidKey) => {
              data.set(key ?? value.name!, value);
              finish();
              return answer(() => key);
            },
            delete: (key: IDBValidKey) => {
              data.delete(key);
              finish();
              return answer(() => undefined);
            },
          };
          return tx;
        },
      };
      entry.db = db;
      connections.push(entry);
      return answer(() => db);
    },
  } as unknown as IDBFactory;
  return {
    factory,
    opened: () => connections.length,
    closed: () => connections.filter((c) => c.closed).length,
    open: () => connections.filter((c) => !c.closed).length,
    upgradeElsewhere: () => {
      for (const c of connections) if (!c.closed) c.db.onversionchange?.call(c.db, new Event('versionchange'));
    },
  };
}
