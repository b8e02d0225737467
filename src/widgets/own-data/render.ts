/** What the "your data" panel shows, from plain data (pure apart from building DOM nodes). */
import { formatBytes, importErrorData, importErrorText, type FolderImportProgress, type ImportErrorData, type StorageEstimate, type StoredDatasetInfo } from '../../data/browser-import';
import { errorMessage } from '../../segnet/core';
import type { Messages } from '../../i18n';
import type { ImportReport } from './import-protocol';

type Words = Messages['ownData'];

/** The list of stored datasets, each with a Delete button (`data-remove` names it). */
export function renderStoredList(list: HTMLElement, infos: readonly StoredDatasetInfo[], m: Words): void {
  list.replaceChildren(
    ...(infos.length === 0
      ? [Object.assign(document.createElement('li'), { className: 'own-data-empty', textContent: m.empty })]
      : infos.map((d) => {
          const li = document.createElement('li');
          li.dataset.name = d.name;
          const text = document.createElement('span');
          text.textContent = m.entry(d.name, d.counts.train ?? 0, d.counts.val ?? 0, d.height, d.width, formatBytes(d.bytes));
          const remove = document.createElement('button');
          remove.type = 'button';
          remove.dataset.remove = d.name;
          remove.textContent = m.remove;
          remove.setAttribute('aria-label', m.removeLabel(d.name));
          li.append(text, ' ', remove);
          return li;
        })),
  );
}

/** "12 of 40 pairs stored (now train)." */
export function progressWords(p: FolderImportProgress, m: Words): string {
  return m.progress(p.done, p.total, p.split);
}

/** An error in the page's words: the importer's refusals from the catalogue, anything else as it says itself. */
export function errorWords(e: unknown, m: Words): string {
  const data: ImportErrorData | null = importErrorData(e);
  return data ? importErrorText(data, m.importErrors) : errorMessage(e);
}

/** How an import ended, in words. */
export function outcomeWords(report: Exclude<ImportReport, { kind: 'progress' }>, m: Words): string {
  if (report.kind === 'done') return m.stored(report.info.name, report.info.counts.train ?? 0, report.info.counts.val ?? 0);
  if (report.kind === 'cancelled') return m.cancelled;
  if (report.full === false) return m.failed(report.error ? importErrorText(report.error, m.importErrors) : report.message);
  return m.failed(report.full ? m.storageFull(formatBytes(report.full.usage), formatBytes(report.full.quota)) : m.storageFull(null, null));
}

/** Storage used and offered, and whether the browser promised to keep it. */
export function storageWords(estimate: StorageEstimate | null, persisted: boolean | null, m: Words): string {
  const used = estimate ? m.storage(formatBytes(estimate.usage), formatBytes(estimate.quota)) : m.storageUnknown;
  return persisted === null ? used : `${used} ${persisted ? m.persisted : m.notPersisted}`;
}
