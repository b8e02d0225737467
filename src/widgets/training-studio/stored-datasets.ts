/**
 * The reader's stored datasets in the studio's Data menu: listed from this browser's store,
 * shown as "Your data: name (N train, M val, HxW)", and listed again whenever any tab says
 * they changed (an import, a deletion).
 */
import { watchStoredDatasets as watchStored } from '../shared/stored-datasets';
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
  watchStored((infos) => {
    const options = infos.map(storedDatasetOption);
    showStoredOptions(select, options, m);
    onChange(options);
  }, signal);
}
