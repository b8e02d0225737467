/**
 * The label painter's state in the URL (`<id>.tool`, `<id>.fill`, `<id>.size`, `<id>.cls`)
 * and its keyboard shortcuts (pure). The labels painted stay in the page, as the photo does.
 */
import { VOID_LABEL } from '../../data/palette';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { MAX_RADIUS } from './brush';

export const PAINT_TOOLS = ['brush', 'fill'] as const;
export const FILL_MODES = ['colour', 'region'] as const;

export interface PainterState {
  tool: (typeof PAINT_TOOLS)[number];
  /** What a fill follows: the photo's colour edges, or the prediction's regions. */
  fill: (typeof FILL_MODES)[number];
  /** Brush radius in label pixels. */
  size: number;
  /** The class painted: 0..10, or 11 (void). */
  cls: number;
}

export const painterCodec: StateCodec<PainterState> = {
  defaults: { tool: 'brush', fill: 'colour', size: 2, cls: 3 },
  parse: (f) =>
    definedFields<PainterState>({
      tool: choiceField(f.tool, PAINT_TOOLS),
      fill: choiceField(f.fill, FILL_MODES),
      size: intField(f.size, 0, MAX_RADIUS),
      cls: intField(f.cls, 0, VOID_LABEL),
    }),
  serialize: (s) => ({ tool: s.tool, fill: s.fill, size: String(s.size), cls: String(s.cls) }),
};

/** How far a colour fill spreads: the most any channel may differ from the seed's (0..255). */
export const FILL_TOLERANCE = 24;

/** The key that picks each label: 1..9 for classes 0..8, 0 for 9, - for 10, = for void. */
export const CLASS_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='];

export type PainterAction =
  | { kind: 'patch'; patch: Partial<PainterState> }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** What a key press does in the painter, or null when it is not a shortcut. */
export function shortcut(key: string, ctrl: boolean, shift: boolean, s: PainterState): PainterAction | null {
  const k = key.toLowerCase();
  if (ctrl) {
    if (k === 'z') return { kind: shift ? 'redo' : 'undo' };
    if (k === 'y') return { kind: 'redo' };
    return null;
  }
  if (k === 'b') return { kind: 'patch', patch: { tool: 'brush' } };
  if (k === 'f') return { kind: 'patch', patch: { tool: 'fill' } };
  if (key === '[') return { kind: 'patch', patch: { size: Math.max(0, s.size - 1) } };
  if (key === ']') return { kind: 'patch', patch: { size: Math.min(MAX_RADIUS, s.size + 1) } };
  const cls = CLASS_KEYS.indexOf(key);
  return cls >= 0 ? { kind: 'patch', patch: { cls } } : null;
}

/** The cursor moved by an arrow key (Shift: 8 pixels), kept on the map; null for other keys. */
export function movedCursor(key: string, shift: boolean, x: number, y: number, width: number, height: number): { x: number; y: number } | null {
  const step = shift ? 8 : 1;
  const clamp = (v: number, n: number): number => Math.min(n - 1, Math.max(0, v));
  switch (key) {
    case 'ArrowLeft':
      return { x: clamp(x - step, width), y };
    case 'ArrowRight':
      return { x: clamp(x + step, width), y };
    case 'ArrowUp':
      return { x, y: clamp(y - step, height) };
    case 'ArrowDown':
      return { x, y: clamp(y + step, height) };
    default:
      return null;
  }
}
