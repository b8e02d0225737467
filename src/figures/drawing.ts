/**
 * A static figure as plain shapes, laid out in TypeScript and drawn by Figure.astro at build
 * time (no script in the page). Each figure is laid out twice, wide and narrow, and CSS shows
 * the one that suits the column, so its 12-unit text never renders below 10 px.
 */

/** What a shape stands for; figures.css gives each kind its colour. */
export type ShapeKind =
  | 'conv'
  | 'pool'
  | 'unpool'
  | 'decoder-conv'
  | 'softmax'
  | 'score'
  | 'upsample'
  | 'add'
  | `photo-${number}`
  | `class-${number}`;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: ShapeKind;
  /** Drawn as a circle (an addition node). */
  round?: boolean;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  muted?: boolean;
}

export interface Line {
  d: string;
  /** Dashed lines carry pooling indices; arrows end in a head. */
  dashed?: boolean;
  arrow?: boolean;
}

export interface Drawing {
  width: number;
  height: number;
  boxes: Box[];
  labels: Label[];
  lines: Line[];
}

/** The two layouts of a figure: `wide` from FIGURE_WIDE_MIN_PX of column width, `narrow` below. */
export interface FigureLayouts {
  wide: Drawing;
  narrow: Drawing;
}

/** Logical widths of the two layouts; the narrow one is never drawn wider than NARROW_MAX_PX. */
export const WIDE_UNITS = 680;
export const NARROW_UNITS = 340;
/** Font size of every label, in drawing units. */
export const LABEL_UNITS = 12;

/** Coordinates to 0.1 units. */
export const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * A small road scene (sky, building, tree, road, car) as boxes: in natural colours for the
 * photograph, in CamVid's class colours (ids 0, 1, 5, 3, 8) for its label map.
 */
export function sceneBoxes(x: number, y: number, w: number, h: number, labelled: boolean): Box[] {
  const k = (c: number): ShapeKind => (labelled ? `class-${c}` : `photo-${c}`);
  return [
    { x, y, w, h: h * 0.35, kind: k(0) },
    { x, y: y + h * 0.35, w: w * 0.45, h: h * 0.3, kind: k(1) },
    { x: x + w * 0.45, y: y + h * 0.35, w: w * 0.55, h: h * 0.3, kind: k(5) },
    { x, y: y + h * 0.65, w, h: h * 0.35, kind: k(3) },
    { x: x + w * 0.3, y: y + h * 0.55, w: w * 0.3, h: h * 0.2, kind: k(8) },
  ].map((b) => ({ ...b, x: r1(b.x), y: r1(b.y), w: r1(b.w), h: r1(b.h) }));
}
