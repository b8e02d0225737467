/**
 * One widget instance's state: read from the URL when the widget starts, and written back
 * (without a history entry) on every change, so the address always links to what is shown.
 */
import { readState, writeState, type StateCodec } from './url-state';

export interface WidgetState<S> {
  get(): S;
  /** Merge a change, mirror it in the URL and call the listener. */
  set(patch: Partial<S>): void;
}

export function widgetState<S>(id: string, codec: StateCodec<S>, onChange: (state: S) => void): WidgetState<S> {
  let state = readState(id, codec, window.location.search);
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      writeState(id, codec, state);
      onChange(state);
    },
  };
}
