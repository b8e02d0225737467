/**
 * The reader's datasets stored in this browser (by the own-data panel), listed now and again
 * whenever any tab says they changed (an import, a deletion). Loaded after the page by the
 * widgets that offer them (the studio, the race): the chapter's up-front JavaScript has a budget.
 */
import { DatasetStore, idbBackend, OWN_DATA_CHANNEL, type StoredDatasetInfo } from '../../data/browser-import';

export type { StoredDatasetInfo };

/**
 * Calls `onChange` with the stored datasets, now and after every change, until `signal` aborts.
 * A browser without IndexedDB, or one that refuses it (some private windows), simply has none:
 * `onChange([])` once, so a widget waiting for the first list goes on.
 */
export function watchStoredDatasets(onChange: (infos: StoredDatasetInfo[]) => void, signal: AbortSignal): void {
  if (typeof indexedDB === 'undefined') {
    onChange([]);
    return;
  }
  const backend = idbBackend();
  const store = new DatasetStore(backend);
  signal.addEventListener('abort', () => backend.close());
  let listed = false;
  // Lists can overlap (two changes in quick succession): only the latest asked is shown.
  let asked = 0;
  const list = (): void => {
    const mine = ++asked;
    void store
      .list()
      .then((infos) => {
        listed = true;
        if (!signal.aborted && mine === asked) onChange(infos);
      })
      .catch(() => {
        if (!listed && !signal.aborted) onChange([]);
      });
  };
  list();
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OWN_DATA_CHANNEL);
  channel.onmessage = list;
  signal.addEventListener('abort', () => channel.close());
}
