/**
 * Choosing the backend the studio trains on (page-wide), and noticing when the graphics device
 * goes away under it: the weights on the device are gone, so training must stop at once.
 */
import type { BackendChoice } from '../../segnet';
import { watchEngineDevice } from '../shared/device-watch';
import { setEngineBackend } from '../shared/backend-sharing';
import { activateEngineBackend, type Engine } from '../shared/engine';
import type { StudioBackend } from './settings';
import { pageMessages, type Messages } from '../../i18n';

/** Activates the reader's choice (auto: the device's order, see ../shared/backend-plan), loading its code first. */
export async function activateBackend(engine: Engine, choice: StudioBackend): Promise<BackendChoice> {
  const backend = await activateEngineBackend(engine.segnet, choice);
  // TF.js has one backend per page: every widget on the shared engine now runs there.
  setEngineBackend(engine, backend);
  return backend;
}

/**
 * Calls `onLost` with a sentence when the active backend's device is lost (see
 * ../shared/device-watch, which follows backend switches); returns a function that stops watching.
 */
export function watchDeviceLoss(engine: Engine, onLost: (message: string) => void, m: Messages['widgetRuntime'] = pageMessages().widgetRuntime): () => void {
  return watchEngineDevice(engine, (reason) => onLost(m.lostSentence(reason)), m);
}

/** Whether an error means the device ran out of memory. */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /\bOOM\b/.test(text) || /out of memory|failed to allocate|allocation failed|RangeError.*(Array buffer|memory)/i.test(text);
}
