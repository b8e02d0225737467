/**
 * The reader's stored datasets in the studio's Data menu: listed from this browser's store,
 * shown as "Your data: name (N train, M val, HxW)", and listed again whenever any tab says
 * they changed (an import, a deletion).
 */
import { DatasetStore, idbBackend, OWN_DATA_CHANNEL } from '../../data/browser-import';
import type { Messages } from '../../i18n';
import type { DatasetOption } from './settings';
import { storedDatasetOption } from './stored-settings';

export { fineTuneNote, withDataDefaults } from './stored-settings';

/** Puts the stored datasets' options at the end of `select` (replacing earlier ones). */
export function showStoredOptions(select: HTMLSelectElement, options: readonly DatasetOption[], m: Messages['trainingStudio']): void {
  const chosen = select.value;
  for (const o of select.querySelectorAll('option[data-stored]')) o.remove();
  for (const d of options) {
    const option = document.createElement('option');
    option.value = d.name;
    option.dataset.stored = '';
    option.textContent = m.form.storedOption(d.name, d.trainCount, d.stored?.valCount ?? 0, d.height, d.width);
    select.append(option);
  }
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

/** Lists the stored datasets now and after every change; `onChange` gets their options. */
export function watchStoredDatasets(select: HTMLSelectElement, m: Messages['trainingStudio'], onChange: (options: DatasetOption[]) => void, signal: AbortSignal): void {
  if (typeof indexedDB === 'undefined') return;
  const backend = idbBackend();
  const store = new DatasetStore(backend);
  signal.addEventListener('abort', () => backend.close());
  const list = (): void => {
    void store
      .list()
      .then((infos) => {
        if (signal.aborted) return;
        const options = infos.map(storedDatasetOption);
        showStoredOptions(select, options, m);
        onChange(options);
      })
      // A browser that refuses IndexedDB (some private windows) simply has no stored datasets.
      .catch(() => undefined);
  };
  list();
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OWN_DATA_CHANNEL);
  channel.onmessage = list;
  signal.addEventListener('abort', () => channel.close());
}
