/**
 * After a redeploy, a page opened before it asks for its lazy chunks by their old hashed
 * names; the server answers with its 404 page, and the dynamic import fails. The widget then
 * offers a reload: its state lives in the URL (and the studio's run in this browser), so the
 * reload brings it back on the new version of the site.
 */
import { pageMessages, type Messages } from '../../i18n';
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
export function offerReload(where: HTMLElement, m: Messages['widgetRuntime'] = pageMessages().widgetRuntime): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.action = 'reload';
  button.textContent = m.reload;
  button.addEventListener('click', () => window.location.reload(), { once: true });
  where.replaceChildren(m.stale, button);
  where.dataset.kind = 'warning';
}
