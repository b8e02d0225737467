/**
 * TF.js has one backend per thread (module instance): who is training on it now (a switch would
 * pull tensors from under them), and who wants to hear when it switches. These records, too,
 * are per thread: inside the engine worker they see the studio and the race, on the page the
 * widgets that still run TF.js there (the own-image widget), never one another.
 */
import type { BackendChoice } from '../../segnet';
import type { Engine } from './engine';

/** Who is training on this thread's engine now: a backend switch would pull tensors from under them. */
const holders = new Map<symbol, string>();

/** Marks `who` (e.g. "the decoder comparison") as training; returns the release function. */
export function holdBackend(who: string): () => void {
  const key = Symbol(who);
  holders.set(key, who);
  return () => void holders.delete(key);
}

/** Names of the widgets training now in this thread (a backend switch here should wait for them). */
export function backendHolders(): string[] {
  return [...new Set(holders.values())];
}

type BackendListener = (backend: BackendChoice) => void;
const backendListeners = new Set<BackendListener>();

/**
 * Records a switch of TF.js's backend (shared by this thread's widgets) on the shared engine,
 * and tells every widget of this thread listening, so none keeps reporting or watching the old one.
 */
export function setEngineBackend(shared: Engine, backend: BackendChoice): void {
  shared.backend = backend;
  for (const listener of [...backendListeners]) listener(backend);
}

/** Calls `listener` after every backend switch; returns a function that stops listening. */
export function onEngineBackend(listener: BackendListener): () => void {
  backendListeners.add(listener);
  return () => void backendListeners.delete(listener);
}

/** Marks a widget's root with where its network runs: `data-backend`, and `data-threads` for wasm. */
export function markBackend(root: HTMLElement, backend: BackendChoice): void {
  root.dataset.backend = backend.name;
  if (backend.threads !== undefined) root.dataset.threads = String(backend.threads);
  else delete root.dataset.threads;
}
