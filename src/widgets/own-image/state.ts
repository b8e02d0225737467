/**
 * State of the own-image widget in the URL (`<id>.opacity`, `<id>.x`, `<id>.y`). The picture
 * itself never goes into the URL or anywhere else: it stays in this tab.
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
}

export const ownImageCodec: StateCodec<OwnImageState> = {
  defaults: { opacity: 60, x: 64, y: 72 },
  parse: (f) =>
    definedFields<OwnImageState>({
      opacity: intField(f.opacity, 0, 100),
      x: intField(f.x, 0, INPUT_WIDTH - 1),
      y: intField(f.y, 0, INPUT_HEIGHT - 1),
    }),
  serialize: (s) => ({ opacity: String(s.opacity), x: String(s.x), y: String(s.y) }),
};
