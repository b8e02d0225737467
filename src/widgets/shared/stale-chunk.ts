/**
 * After a redeploy, a page opened before it asks for its lazy chunks by their old hashed
 * names; the server answers with its 404 page, and the dynamic import fails. The widget then
 * offers a reload: its state lives in the URL (and the studio's run in this browser), so the
 * reload brings it back on the new version of the site.
 */
import { WORKER_START_FAILED } from './engine-worker';

/**
 * Whether `error` is a failed dynamic import (or module preload) of one of the site's chunks,
 * on the page or inside the engine worker, or the engine worker's own script failing to load.
 */
export function isStaleChunk(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload|error loading dynamically imported module/i.test(text) || text.includes(WORKER_START_FAILED);
}

/** The sentence and Reload button put into `where` in place of its content. */
export function offerReload(where: HTMLElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.action = 'reload';
  button.textContent = 'Reload the page';
  button.addEventListener('click', () => window.location.reload(), { once: true });
  where.replaceChildren('This page is older than the site: a newer version was published since it opened, and part of this widget is gone. Reload to get the new version; your settings are kept in the address. ', button);
  where.dataset.kind = 'warning';
}
