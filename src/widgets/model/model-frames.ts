/** What the page and the engine worker agree on about the demo frames the page's model runs. */

/** A demo frame as the page sends it to the worker: its key (the validation split index) and its pixels. */
export interface FrameInput {
  splitIndex: number;
  /** H*W*3 RGB bytes at the model's size. */
  image: Uint8Array;
}

/** How many frames keep their recorded layers (in the worker, and their answers on the page). */
export const KEPT_FRAMES = 2;
