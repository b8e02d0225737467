/** State of the label overlay, and how it is written in the URL (`<id>.frame`, `<id>.show`, ...). */
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES, PAGE_MODEL_CONFIG } from '../model';

export const LAYERS = ['truth', 'prediction'] as const;
/** Which label map lies over the frame: the scene generator's (ground truth) or the network's. */
export type OverlayLayer = (typeof LAYERS)[number];

export const FRAME_WIDTH = PAGE_MODEL_CONFIG.width;
export const FRAME_HEIGHT = PAGE_MODEL_CONFIG.height;

export interface LabelOverlayState {
  /** Demo frame, 0-based. */
  frame: number;
  show: OverlayLayer;
  /** Opacity of the label colours over the photograph, in percent. */
  opacity: number;
  /** The probed pixel (column, row). */
  x: number;
  y: number;
}

export const labelOverlayCodec: StateCodec<LabelOverlayState> = {
  defaults: { frame: 0, show: 'truth', opacity: 60, x: 64, y: 72 },
  parse: (f) =>
    definedFields<LabelOverlayState>({
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
      show: choiceField(f.show, LAYERS),
      opacity: intField(f.opacity, 0, 100),
      x: intField(f.x, 0, FRAME_WIDTH - 1),
      y: intField(f.y, 0, FRAME_HEIGHT - 1),
    }),
  serialize: (s) => ({
    frame: String(s.frame),
    show: s.show,
    opacity: String(s.opacity),
    x: String(s.x),
    y: String(s.y),
  }),
};

/** The probe after an arrow key (Shift: 8 pixels), clamped to the frame; null for other keys. */
export function movedProbe(key: string, shift: boolean, x: number, y: number): { x: number; y: number } | null {
  const step = shift ? 8 : 1;
  const clampX = (v: number): number => Math.min(FRAME_WIDTH - 1, Math.max(0, v));
  const clampY = (v: number): number => Math.min(FRAME_HEIGHT - 1, Math.max(0, v));
  switch (key) {
    case 'ArrowLeft':
      return { x: clampX(x - step), y };
    case 'ArrowRight':
      return { x: clampX(x + step), y };
    case 'ArrowUp':
      return { x, y: clampY(y - step) };
    case 'ArrowDown':
      return { x, y: clampY(y + step) };
    case 'Home':
      return { x: 0, y };
    case 'End':
      return { x: FRAME_WIDTH - 1, y };
    default:
      return null;
  }
}
