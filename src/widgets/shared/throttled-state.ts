/**
 * A widget's state mirrored in the URL, like shared/widget-state.ts, but writing the address
 * at most once per `delayMs`: a probe moved with held-down arrow keys changes state dozens of
 * times a second, and browsers throttle (and complain about) that many history updates.
 * The listener still runs on every change.
 */
import { readState, writeState, type StateCodec } from './url-state';

export interface ThrottledState<S> {
  get(): S;
  /** Merge a change, call the listener now, and write the URL soon. */
  set(patch: Partial<S>): void;
  /** Write any pending change to the URL now and stop the timer. */
  flush(): void;
}

export function throttledState<S>(id: string, codec: StateCodec<S>, onChange: (state: S) => void, delayMs = 200): ThrottledState<S> {
  let state = readState(id, codec, window.location.search);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    writeState(id, codec, state);
  };
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      if (timer === null) timer = setTimeout(flush, delayMs);
      onChange(state);
    },
    flush,
  };
}
