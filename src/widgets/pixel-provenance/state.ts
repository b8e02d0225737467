/** State of the pixel-provenance widget, and how it is written in the URL (`<id>.frame`, `.row`, `.col`, `.channel`). */
import { definedFields, intField, type StateCodec } from '../shared/url-state';
import { DEMO_FRAME_INDICES, PAGE_MODEL_CONFIG } from '../model';

export const FRAME_HEIGHT = PAGE_MODEL_CONFIG.height;
export const FRAME_WIDTH = PAGE_MODEL_CONFIG.width;
/** Channels of SegNet-Basic's encoder stages. */
export const CHANNELS = 64;
/** Encoder stages of SegNet-Basic, each pooling once. */
export const STAGES = 4;

export interface ProvenanceState {
  /** Demo frame, 0-based. */
  frame: number;
  /** The output pixel followed. */
  row: number;
  col: number;
  /** Channel whose indices are followed, 1..64; 0: the one largest at the pixel. */
  channel: number;
}

export const provenanceCodec: StateCodec<ProvenanceState> = {
  defaults: { frame: 0, row: 58, col: 70, channel: 0 },
  parse: (f) =>
    definedFields<ProvenanceState>({
      frame: intField(f.frame, 0, DEMO_FRAME_INDICES.length - 1),
      row: intField(f.row, 0, FRAME_HEIGHT - 1),
      col: intField(f.col, 0, FRAME_WIDTH - 1),
      channel: intField(f.channel, 0, CHANNELS),
    }),
  serialize: (s) => ({ frame: String(s.frame), row: String(s.row), col: String(s.col), channel: String(s.channel) }),
};

const KEY_MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** The keyboard cursor moved by an arrow key (8 pixels with Shift), kept in the frame; null for other keys. */
export function movedCursor(key: string, shift: boolean, at: { row: number; col: number }): { row: number; col: number } | null {
  const move = KEY_MOVES[key];
  if (!move) return null;
  const step = shift ? 8 : 1;
  return {
    row: Math.min(FRAME_HEIGHT - 1, Math.max(0, at.row + move[0] * step)),
    col: Math.min(FRAME_WIDTH - 1, Math.max(0, at.col + move[1] * step)),
  };
}
