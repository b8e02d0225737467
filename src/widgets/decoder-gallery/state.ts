/**
 * State of the decoder gallery, and how it is written in the URL: `<id>.frame` (which
 * demo frame, 0-based), `<id>.zoom` (the lens's magnification) and `<id>.x` / `<id>.y` (the lens's
 * centre, in the frame's pixels; absent: the lens opens on the frame's busiest boundaries).
 */
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES } from '../model/demo-frames';

/** Magnifications offered: the lens shows 1/zoom of the frame's height and width. */
export const ZOOMS = [2, 3, 4, 6] as const;
export type Zoom = (typeof ZOOMS)[number];

/** The next magnification up (+1) or down (-1), held at the ends (the + and - keys). */
export function steppedZoom(zoom: Zoom, step: 1 | -1): Zoom {
  const i = ZOOMS.indexOf(zoom);
  return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i + step))]!;
}

/** The frames offered: the demo frames of the synthetic validation set (the frame picker's). */
export const MAX_FRAMES = DEMO_FRAME_INDICES.length;

export interface GalleryState {
  frame: number;
  zoom: Zoom;
  /** The lens's centre, or null to open on the frame's busiest boundaries. */
  centre: { x: number; y: number } | null;
}

/** Largest coordinate a link may carry (frames are at most 360 x 480 here). */
const MAX_COORD = 4096;

export const galleryCodec: StateCodec<GalleryState> = {
  defaults: { frame: 1, zoom: 4, centre: null },
  parse: (f) => {
    const x = intField(f.x, 0, MAX_COORD);
    const y = intField(f.y, 0, MAX_COORD);
    const zoom = choiceField(f.zoom, ZOOMS.map(String));
    return definedFields<GalleryState>({
      frame: intField(f.frame, 0, MAX_FRAMES - 1),
      zoom: zoom === undefined ? undefined : (Number(zoom) as Zoom),
      // Both or neither: half a centre is no centre.
      centre: x !== undefined && y !== undefined ? { x, y } : undefined,
    });
  },
  serialize: (s) => ({
    frame: String(s.frame),
    zoom: String(s.zoom),
    ...(s.centre ? { x: String(s.centre.x), y: String(s.centre.y) } : {}),
  }),
};
