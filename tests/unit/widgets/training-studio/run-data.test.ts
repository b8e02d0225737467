import { afterEach, describe, expect, it } from 'vitest';
import { loadRunData } from '../../../../src/widgets/training-studio/run-data';
import { idbStub } from '../../data/browser-import/idb-stub';

const saved = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
afterEach(() => {
  if (saved) Object.defineProperty(globalThis, 'indexedDB', saved);
  else delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
});

describe('loadRunData for a dataset kept in this browser', () => {
  it('closes its IndexedDB connection once the dataset is read (here: found missing)', async () => {
    const stub = idbStub();
    Object.defineProperty(globalThis, 'indexedDB', { value: stub.factory, configurable: true, writable: true });
    const option = { name: 'own-gone', url: 'stored:own-gone@1', height: 6, width: 8, trainCount: 1, stored: { valCount: 1 } };
    await expect(loadRunData(option, { res: 'half' })).rejects.toThrow(/own-gone/);
    await new Promise((r) => setTimeout(r, 0));
    expect(stub.opened()).toBe(1);
    expect(stub.open()).toBe(0);
  });
});
