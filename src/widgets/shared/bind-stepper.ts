/**
 * The wiring every stepping widget shares: its state lives in the URL, its form fields edit
 * that state, and a step player (back / play / step / scrub) moves `state.step`. Each change
 * redraws; when a change alters how many steps there are, the player is told.
 */
import { bindFields } from './bind-fields';
import { bindPlayer, type BoundPlayer } from './bind-player';
import { widgetState } from './widget-state';
import type { StateCodec } from './url-state';

export interface StepperBinding<S extends { step: number }> {
  /** The last step for a state (it may depend on the state, e.g. the grid size). */
  lastStep: (state: S) => number;
  /** Redraws the widget for a state. */
  draw: (state: S) => void;
}

/** Binds a stepping widget's state, fields and player; returns its dispose function. */
export function bindStepper<S extends { step: number }>(root: HTMLElement, id: string, codec: StateCodec<S>, binding: StepperBinding<S>): () => void {
  let bound: BoundPlayer | null = null;
  const state = widgetState(id, codec, (s) => {
    const last = binding.lastStep(s);
    // A change that shortens the run (8 x 8 -> 6 x 6 past the last 6 x 6 step) first brings the
    // step back into range; the redraw happens for that corrected state, never for the stale one.
    if (s.step > last) {
      state.set({ step: last } as Partial<S>);
      return;
    }
    sync(s);
    if (bound && bound.player.last !== last) bound.player.setLast(last, s.step);
    binding.draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, codec, (patch) => state.set(patch), listening.signal);
  bound = bindPlayer(root, {
    last: binding.lastStep(state.get()),
    step: state.get().step,
    onStep: (step) => state.set({ step } as Partial<S>),
  });
  sync(state.get());
  binding.draw(state.get());
  return () => {
    listening.abort();
    bound?.dispose();
  };
}
