import { describe, expect, it } from 'vitest';
import { DatasetStore, idbBackend, withIdbStore } from '../../../../src/data/browser-import';
import { addPainted, PAINTED_DATASET } from '../../../../src/widgets/label-painter/my-data';
import { idbStub } from './idb-stub';

const photo = {
  name: 'street.jpg',
  width: 4,
  height: 2,
  rgb: Uint8Array.from({ length: 24 }, (_, i) => i * 10),
  labels: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
};

describe('idbBackend: one IndexedDB connection, let go when asked or when another tab upgrades', () => {
  it('opens one connection for its calls, closes it on close(), and opens a fresh one afterwards', async () => {
    const stub = idbStub();
    const backend = idbBackend(stub.factory);
    const store = new DatasetStore(backend);
    await addPainted(store, photo);
    expect((await store.list()).map((d) => d.name)).toEqual([PAINTED_DATASET]);
    expect(stub.opened()).toBe(1);
    backend.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(stub.open()).toBe(0);
    expect((await store.load(PAINTED_DATASET)).splits.val!.labels).toEqual(photo.labels);
    expect(stub.opened()).toBe(2);
    backend.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(stub.open()).toBe(0);
  });

  it('closes a connection still opening when close() comes first', async () => {
    const stub = idbStub();
    const backend = idbBackend(stub.factory);
    const listing = backend.allManifests();
    backend.close();
    await listing.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(stub.opened()).toBe(1);
    expect(stub.open()).toBe(0);
  });

  it('closes its connection when a newer version of the database is opened elsewhere, and reopens on the next call', async () => {
    const stub = idbStub();
    const backend = idbBackend(stub.factory);
    await backend.allManifests();
    stub.upgradeElsewhere();
    expect(stub.open()).toBe(0);
    await expect(backend.allManifests()).resolves.toEqual([]);
    expect(stub.opened()).toBe(2);
    expect(stub.open()).toBe(1);
  });
});

describe('withIdbStore(use): a store whose connection is closed once used', () => {
  it('closes the connection after `use` resolves (adding a painted photo, as the painter does)', async () => {
    const stub = idbStub();
    const { info } = await withIdbStore((store) => addPainted(store, photo), {}, stub.factory);
    expect(info.counts).toEqual({ train: 1, val: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(stub.opened()).toBe(1);
    expect(stub.open()).toBe(0);
  });

  it('closes it after `use` rejects, passing the rejection on', async () => {
    const stub = idbStub();
    await expect(withIdbStore((store) => store.load('nowhere'), {}, stub.factory)).rejects.toThrow(/nowhere/);
    await new Promise((r) => setTimeout(r, 0));
    expect(stub.opened()).toBe(1);
    expect(stub.open()).toBe(0);
  });
});
