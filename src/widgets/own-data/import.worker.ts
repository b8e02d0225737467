/**
 * The import worker: decodes, checks and resizes the reader's files off the page's thread and
 * writes them to this browser's dataset store (the same IndexedDB the page and the engine
 * worker read). One import at a time; a cancel removes what was written.
 */
import { DatasetStore, idbBackend, importErrorData, importFiles, storageEstimate, StorageFullError } from '../../data/browser-import';
import { decodeBitmapPair, measureBitmap } from '../../data/browser-import/decode-bitmap';
import { expandZips } from '../../data/browser-import/zip-files';
import type { ImportReport, ImportRequest } from './import-protocol';

const post = (report: ImportReport): void => postMessage(report);
let running: AbortController | null = null;

async function run(request: Extract<ImportRequest, { kind: 'import' }>): Promise<void> {
  const controller = new AbortController();
  running = controller;
  const backend = idbBackend();
  const store = new DatasetStore(backend, { estimate: storageEstimate });
  try {
    // An import a reload cut off left shards that no manifest names: cleared before writing more
    // (those begun in the last hour are spared: another tab may be importing them now).
    await store.sweep(3_600_000);
    const info = await importFiles({
      files: await expandZips(request.files),
      name: request.name,
      size: { height: request.height, width: request.width },
      store,
      decode: decodeBitmapPair,
      measure: measureBitmap,
      signal: controller.signal,
      onProgress: (progress) => post({ kind: 'progress', progress }),
    });
    post({ kind: 'done', info });
  } catch (e) {
    if (controller.signal.aborted) post({ kind: 'cancelled' });
    else {
      const error = importErrorData(e);
      post({ kind: 'failed', message: e instanceof Error ? e.message : String(e), full: e instanceof StorageFullError ? e.estimate : false, ...(error ? { error } : {}) });
    }
  } finally {
    running = null;
    backend.close();
  }
}

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') running?.abort();
  else if (!running) void run(request);
});
