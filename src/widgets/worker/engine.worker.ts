/**
 * The engine worker: one per page, shared by the widgets on it. TF.js, the networks, their
 * training loops, validation and saves live here, so no step ever holds the page. Each widget
 * opens its session through the API below (comlink); the session reports back to the page's
 * view, one message per change, with typed arrays transferred. A widget that goes away closes
 * its session, which also closes the channel to its view.
 */
import * as Comlink from 'comlink';
import { openRace } from '../decoder-comparison/race-host';
import type { StudioSession } from '../training-studio/session';
import type { WorkerApi } from './api';

/**
 * A page's view (the page passed it as a comlink proxy) that can be closed: after close() its
 * channel is released and the session's late calls (a loop ending after dispose) go nowhere.
 */
function closable<T extends object>(page: T): { page: T; close: () => void } {
  let closed = false;
  const ignored = (): undefined => undefined;
  return {
    page: new Proxy(page, { get: (target, key) => (!closed ? Reflect.get(target, key) : key === 'then' ? undefined : ignored) }),
    close: () => {
      if (closed) return;
      closed = true;
      const release = (page as Partial<Comlink.ProxyMethods>)[Comlink.releaseProxy];
      if (typeof release === 'function') void Promise.resolve(release.call(page)).catch(() => undefined);
    },
  };
}

const studios = new Map<string, { session: StudioSession; close: () => void }>();

const closeStudio = (id: string): void => {
  const open = studios.get(id);
  if (!open) return;
  studios.delete(id);
  open.session.dispose();
  open.close();
};

const api: WorkerApi = {
  async openStudio(init, page) {
    const { openStudio } = await import('../training-studio/studio-host');
    closeStudio(init.id);
    const view = closable(page);
    const { session, ...facts } = await openStudio(init, view.page, Comlink.transfer);
    studios.set(init.id, { session, close: view.close });
    return facts;
  },
  studio(id) {
    const open = studios.get(id);
    if (!open) throw new Error(`Engine worker: no training studio "${id}" is open here.`);
    return Comlink.proxy(open.session);
  },
  closeStudio,
  openRace(init, page) {
    const view = closable(page);
    const race = openRace(init, view.page, Comlink.transfer);
    return Comlink.proxy({
      ...race,
      dispose: async () => {
        try {
          await race.dispose();
        } finally {
          view.close();
        }
      },
    });
  },
};

Comlink.expose(api);
// Tells the page that this script loaded and comlink listens (see ../shared/engine-worker.ts).
postMessage('engine-worker-ready');
