/** What a browser test reads of the engine worker (src/widgets/worker), where TF.js and the training sessions run. */
import type { Page, Worker } from 'playwright-core';

/** JS and wasm resources fetched in the calling context (the page or a worker): name and encoded bytes. */
function fetchedScripts(): { name: string; bytes: number }[] {
  return performance
    .getEntriesByType('resource')
    .filter((r) => /\.(js|wasm)$/.test(r.name))
    .map((r) => ({ name: r.name, bytes: (r as PerformanceResourceTiming).encodedBodySize }));
}

/** The page's engine worker, once it has started (null before). */
export function engineWorkerOf(page: Page): Worker | null {
  return page.workers().find((w) => /engine\.worker/.test(w.url())) ?? null;
}

/** JS and wasm the page fetched itself, and what its engine worker fetched. */
export async function scriptsBySide(page: Page): Promise<{ page: { name: string; bytes: number }[]; worker: { name: string; bytes: number }[] }> {
  const worker = engineWorkerOf(page);
  return { page: await page.evaluate(fetchedScripts), worker: worker ? await worker.evaluate(fetchedScripts).catch(() => []) : [] };
}

/** Bytes of JS and wasm fetched by the page and its engine worker together. */
export async function scriptBytes(page: Page): Promise<number> {
  const { page: own, worker } = await scriptsBySide(page);
  return [...own, ...worker].reduce((n, s) => n + s.bytes, 0);
}
