/**
 * The "your data" panel's behaviour (loaded by ./element once the panel is on the page): the
 * reader's own road scenes. A folder picked or dropped is sent, as File
 * handles, to an import worker that decodes, checks, resizes and stores it in this browser;
 * the panel shows the progress with counts, the stored datasets (each deletable), the storage
 * used and offered, and asks the browser to keep the data. Every change is announced on a
 * BroadcastChannel, so the studio's Data menu (in any tab) follows.
 */
import { DatasetStore, idbBackend, OWN_DATA_CHANNEL, storageEstimate, storedName, type PickedFile } from '../../data/browser-import';
import { documentLocale, messages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import type { ImportReport, ImportRequest } from './import-protocol';
import { filesOfDrop, filesOfInput } from './picked-files';
import { errorWords, outcomeWords, progressWords, renderStoredList, storageWords } from './render';
import { ownDataCodec } from './state';

/** Binds the panel `root` (instance `id`); returns its cleanup. */
export function setupPanel(root: HTMLElement, id: string): () => void {
  const m = messages(documentLocale()).ownData;
  const listening = new AbortController();
  const { signal } = listening;
  const folder = widgetPart<HTMLInputElement>(root, 'folder');
  const zip = widgetPart<HTMLInputElement>(root, 'zip');
  const drop = widgetPart(root, 'drop');
  const cancel = widgetPart<HTMLButtonElement>(root, 'cancel');
  const bar = widgetPart<HTMLProgressElement>(root, 'progress');
  const message = widgetPart(root, 'message');
  const list = widgetPart(root, 'list');
  const storage = widgetPart(root, 'storage');
  const persist = widgetPart<HTMLButtonElement>(root, 'persist');
  const state = widgetState(id, ownDataCodec, (s) => sync(s));
  const sync = bindFields(root, ownDataCodec, (patch) => state.set(patch), signal, () => state.get());
  sync(state.get());

  const say = (text: string, kind: 'info' | 'error' = 'info'): void => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  if (typeof indexedDB === 'undefined') {
    say(m.noStorage, 'error');
    folder.disabled = true;
    zip.disabled = true;
    return () => listening.abort();
  }
  const backend = idbBackend();
  const store = new DatasetStore(backend, { estimate: storageEstimate });
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(OWN_DATA_CHANNEL);
  let worker: Worker | null = null;

  const showStorage = async (): Promise<void> => {
    const persisted = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => null) : null;
    storage.textContent = storageWords(await storageEstimate().catch(() => null), persisted, m);
    persist.hidden = persisted !== false;
  };
  const showList = async (): Promise<void> => {
    try {
      renderStoredList(list, await store.list(), m);
    } catch (e) {
      say(m.failed(errorWords(e, m)), 'error');
    }
    root.dataset.listed = '';
    await showStorage();
  };
  const changed = (): void => {
    channel?.postMessage('changed');
    void showList();
  };
  if (channel) channel.onmessage = () => void showList();

  const busy = (on: boolean): void => {
    folder.disabled = on;
    zip.disabled = on;
    cancel.hidden = !on;
    bar.hidden = !on;
    root.dataset.importing = on ? 'yes' : 'no';
  };

  const start = (files: PickedFile[]): void => {
    if (worker) return;
    if (files.length === 0) {
      say(m.nothingPicked, 'error');
      return;
    }
    const [height, width] = state.get().size.split('x').map(Number) as [number, number];
    // named after the picked folder, or the zip (opened in the worker), else "data"
    const first = files[0]!.path;
    const name = storedName(first.includes('/') ? first.split('/')[0]! : /\.zip$/i.test(first) ? first : 'data');
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'unpooled-import' });
    busy(true);
    bar.removeAttribute('value');
    say(m.reading(files.length));
    worker.onmessage = (event: MessageEvent<ImportReport>) => {
      const report = event.data;
      if (report.kind === 'progress') {
        bar.max = report.progress.total;
        bar.value = report.progress.done;
        // the bar moves with every pair; words are said at each tenth (a screen reader hears ten, not hundreds)
        const { done, total } = report.progress;
        if (done === 0 || done === total || Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total)) say(progressWords(report.progress, m));
        return;
      }
      worker?.terminate();
      worker = null;
      busy(false);
      say(outcomeWords(report, m), report.kind === 'failed' ? 'error' : 'info');
      root.dataset.outcome = report.kind;
      // A failed or cancelled import stored nothing: the list stays (and keeps the keyboard focus).
      if (report.kind === 'done') changed();
      else void showStorage();
    };
    worker.onerror = (event) => {
      worker?.terminate();
      worker = null;
      busy(false);
      say(m.failed(event.message || m.workerStopped), 'error');
      root.dataset.outcome = 'failed';
    };
    const request: ImportRequest = { kind: 'import', files, name, height, width };
    worker.postMessage(request);
  };

  folder.addEventListener(
    'change',
    () => {
      const files = filesOfInput(folder.files ?? []);
      folder.value = '';
      start(files);
    },
    { signal },
  );
  zip.addEventListener(
    'change',
    () => {
      const files = filesOfInput(zip.files ?? []);
      zip.value = '';
      start(files);
    },
    { signal },
  );
  drop.addEventListener(
    'dragover',
    (event) => {
      event.preventDefault();
      root.classList.add('is-dragging');
    },
    { signal },
  );
  drop.addEventListener('dragleave', () => root.classList.remove('is-dragging'), { signal });
  drop.addEventListener(
    'drop',
    (event) => {
      event.preventDefault();
      root.classList.remove('is-dragging');
      if (event.dataTransfer) void filesOfDrop(event.dataTransfer).then(start, (e: unknown) => say(m.failed(errorWords(e, m)), 'error'));
    },
    { signal },
  );
  cancel.addEventListener(
    'click',
    () => {
      const cancelling = worker;
      cancelling?.postMessage({ kind: 'cancel' } satisfies ImportRequest);
      // A worker that does not answer (out of memory in a large zip, say) is stopped here.
      setTimeout(() => {
        if (worker !== cancelling || !cancelling) return;
        cancelling.terminate();
        worker = null;
        busy(false);
        say(m.cancelled);
        root.dataset.outcome = 'cancelled';
        void showStorage();
      }, 5000);
    },
    { signal },
  );
  list.addEventListener(
    'click',
    (event) => {
      const name = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-remove]')?.dataset.remove;
      if (!name) return;
      void store.remove(name).then(
        () => {
          say(m.removed(name));
          changed();
        },
        (e: unknown) => say(m.failed(errorWords(e, m)), 'error'),
      );
    },
    { signal },
  );
  persist.addEventListener(
    'click',
    () => {
      void navigator.storage
        .persist()
        .then((granted) => {
          if (!granted) say(m.persistRefused);
          return showStorage();
        })
        .catch(() => say(m.persistRefused));
    },
    { signal },
  );

  void showList();
  return () => {
    listening.abort();
    channel?.close();
    worker?.terminate();
    backend.close();
  };
}
