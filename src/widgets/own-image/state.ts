/**
 * State of the own-image widget in the URL (`<id>.opacity`, `<id>.x`, `<id>.y`, and
 * `<id>.sample` when the picture is one of the site's sample streets). A reader's own picture
 * never goes into the URL or anywhere else: it stays in this tab.
 */
import { definedFields, intField, type StateCodec } from '../shared/url-state';
import { PAGE_MODEL_CONFIG } from '../model';

export const INPUT_WIDTH = PAGE_MODEL_CONFIG.width;
export const INPUT_HEIGHT = PAGE_MODEL_CONFIG.height;

export interface OwnImageState {
  /** Opacity of the predicted classes' colours over the picture, in percent. */
  opacity: number;
  /** The probed pixel of the network's input (column, row). */
  x: number;
  y: number;
  /** Seed of the sample street shown, or 0 for none (a reader's own picture, or nothing yet). */
  sample: number;
}

export const ownImageCodec: StateCodec<OwnImageState> = {
  defaults: { opacity: 60, x: 64, y: 72, sample: 0 },
  parse: (f) =>
    definedFields<OwnImageState>({
      opacity: intField(f.opacity, 0, 100),
      x: intField(f.x, 0, INPUT_WIDTH - 1),
      y: intField(f.y, 0, INPUT_HEIGHT - 1),
      sample: intField(f.sample, 0, 1_000_000),
    }),
  serialize: (s) => ({ opacity: String(s.opacity), x: String(s.x), y: String(s.y), sample: String(s.sample) }),
};
