/**
 * The engine worker: one per page, shared by the widgets on it. TF.js, the networks, their
 * training loops, validation and saves live here, so no step ever holds the page. Each widget
 * opens its session through the API below (comlink); the session reports back to the page's
 * view, one message per change, with typed arrays transferred.
 */
import * as Comlink from 'comlink';
import { openRace } from '../decoder-comparison/race-host';
import type { StudioSession } from '../training-studio/session';
import type { WorkerApi } from './api';

const studios = new Map<string, StudioSession>();

const api: WorkerApi = {
  async openStudio(init, page) {
    const { openStudio } = await import('../training-studio/studio-host');
    studios.get(init.id)?.dispose();
    const { session, ...facts } = await openStudio(init, page, Comlink.transfer);
    studios.set(init.id, session);
    return facts;
  },
  studio(id) {
    const session = studios.get(id);
    if (!session) throw new Error(`Engine worker: no training studio "${id}" is open here.`);
    return Comlink.proxy(session);
  },
  openRace(init, page) {
    return Comlink.proxy(openRace(init, page, Comlink.transfer));
  },
};

Comlink.expose(api);
// Tells the page that this script loaded and comlink listens (see ../shared/engine-worker.ts).
postMessage('engine-worker-ready');
