/**
 * The studio's worker side: loads the engine inside the engine worker, picks the backend the
 * reader asked for, and opens a StudioSession there whose view is the page (studio-remote.ts).
 * Everything heavy (steps, validation, saves, checksums) runs here; the page only draws.
 */
import { errorMessage } from '../../segnet/core';
import { backendHolders } from '../shared/backend-sharing';
import { loadEngine } from '../shared/engine';
import { activateBackend } from './backend-watch';
import { browserRunStore } from './run-store';
import { StudioSession } from './session';
import type { StudioBackend } from './settings';
import { leavingHandOff, remoteSessionView, type StudioPageView, type Transfer } from './studio-remote';
import type { StudioSources } from './studio-sources';
import { messages, type Locale } from '../../i18n';

export interface StudioInit {
  /** The widget's id: its save slots and locks are named after it. */
  id: string;
  sources: StudioSources;
  /** The backend the reader asked for (the URL's `studio.backend`). */
  backend: StudioBackend;
  /** The run key this tab had open before a reload (from the page's sessionStorage). */
  remembered: string | null;
  /** The page's language: the session words its messages in it (the worker has no page to read). */
  locale: Locale;
}

export interface StudioOpened {
  session: StudioSession;
  /** The backend the engine runs on, and whether it can train. */
  backend: string;
  canTrain: boolean;
  /** Why this backend was chosen over a faster-looking one (a software renderer passed over), if it was. */
  reason?: string;
  /** Said first when the backend asked for did not start (another was taken); else ''. */
  refused: string;
}

/** Loads TF.js here, activates the backend, and opens the session reporting to `page`. */
export async function openStudio(init: StudioInit, page: StudioPageView, transfer: Transfer): Promise<StudioOpened> {
  const engine = await loadEngine();
  const m = messages(init.locale);
  const wanted = init.backend;
  // TF.js has one backend per thread, shared by the widgets training in this worker (the page's
  // own TF.js widgets are not seen here): while one of them trains on it, the studio takes it as it is.
  const keep = wanted === 'auto' || backendHolders().length > 0;
  // A backend that does not start (a blocked .wasm file, no WebGPU) is said, not silently replaced.
  let refused = '';
  const backend = keep
    ? engine.backend
    : await activateBackend(engine, wanted).catch((e: unknown) => {
        refused = m.trainingStudio.page.refused(wanted, errorMessage(e).replace(/^selectBackend: /, ''));
        return activateBackend(engine, 'auto');
      });
  let remembered = init.remembered;
  const memory = {
    remembered: () => remembered,
    remember: (key: string | null) => {
      remembered = key;
      void Promise.resolve(page.remember(key)).catch(() => undefined);
    },
  };
  const view = remoteSessionView(page, transfer);
  view.backend(backend.name, backend.threads);
  // At most one copy of the latest step a second moves to the page (see leavingHandOff).
  const leaving = leavingHandOff(page, transfer);
  const session = new StudioSession(engine, init.id, init.sources, view, { store: browserRunStore(init.id, indexedDB, memory), leaving, messages: m });
  return { session, backend: backend.name, canTrain: backend.canTrain, refused, ...(backend.reason ? { reason: backend.reason } : {}) };
}
