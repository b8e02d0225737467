/**
 * The gallery's boundary lens in plain TS: the window of the frame it magnifies (the same in
 * every decoder's panel), where it opens (on the frame's busiest true boundaries), and how the
 * keyboard and the pointer move it.
 */
import type { Zoom } from './state';

export interface Size {
  height: number;
  width: number;
}

/** A window of the frame, in its pixels: rows top..top+height-1, columns left..left+width-1. */
export interface LensWindow {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** The lens's size at `zoom`: 1/zoom of the frame each way, at least 4 pixels. */
export function lensSize(frame: Size, zoom: Zoom): Size {
  return { height: Math.min(frame.height, Math.max(4, Math.round(frame.height / zoom))), width: Math.min(frame.width, Math.max(4, Math.round(frame.width / zoom))) };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The window centred on `centre` (as near as the frame's edges allow). */
export function lensWindow(frame: Size, zoom: Zoom, centre: { x: number; y: number }): LensWindow {
  const { height, width } = lensSize(frame, zoom);
  const top = clamp(Math.round(centre.y - height / 2), 0, frame.height - height);
  const left = clamp(Math.round(centre.x - width / 2), 0, frame.width - width);
  return { top, left, height, width };
}

/** The centre of a window (what the URL keeps). */
export function windowCentre(w: LensWindow): { x: number; y: number } {
  return { x: w.left + Math.floor(w.width / 2), y: w.top + Math.floor(w.height / 2) };
}

/**
 * The centre of the window with the most true class boundaries (a pixel whose right or lower
 * neighbour has another class; void, `ignore`, counts as no class), scanned on a grid of
 * quarter-window steps and the last row and column; ties go to the first (top, then left). The frame's centre when it has
 * no boundary at all.
 */
export function busiestCentre(labels: ArrayLike<number>, frame: Size, zoom: Zoom, ignore = 11): { x: number; y: number } {
  const { height: H, width: W } = frame;
  if (labels.length !== H * W) throw new Error(`busiestCentre: ${labels.length} labels for a ${H} x ${W} frame`);
  // Summed-area table of boundary pixels, so every window costs four lookups.
  const sat = new Float64Array((H + 1) * (W + 1));
  for (let y = 0; y < H; y++) {
    let row = 0;
    for (let x = 0; x < W; x++) {
      const c = labels[y * W + x]!;
      const right = x + 1 < W ? labels[y * W + x + 1]! : c;
      const below = y + 1 < H ? labels[(y + 1) * W + x]! : c;
      const edge = c !== ignore && ((right !== c && right !== ignore) || (below !== c && below !== ignore)) ? 1 : 0;
      row += edge;
      sat[(y + 1) * (W + 1) + x + 1] = sat[y * (W + 1) + x + 1]! + row;
    }
  }
  const { height: h, width: w } = lensSize(frame, zoom);
  let best = 0;
  let at: LensWindow | null = null;
  for (const top of scanPositions(H, h)) {
    for (const left of scanPositions(W, w)) {
      const s = sat[(top + h) * (W + 1) + left + w]! - sat[top * (W + 1) + left + w]! - sat[(top + h) * (W + 1) + left]! + sat[top * (W + 1) + left]!;
      if (s > best) {
        best = s;
        at = { top, left, height: h, width: w };
      }
    }
  }
  return at ? windowCentre(at) : { x: Math.floor(W / 2), y: Math.floor(H / 2) };
}

/** Where a window of `size` starts along `length`: every quarter window, and the last position. */
export function scanPositions(length: number, size: number): number[] {
  const step = Math.max(1, Math.floor(size / 4));
  const out: number[] = [];
  for (let p = 0; p + size < length; p += step) out.push(p);
  out.push(Math.max(0, length - size));
  return out;
}

/** Keys that move the lens: arrows by an eighth of the lens, four times that with Shift. */
export function movedCentre(centre: { x: number; y: number }, key: string, shift: boolean, frame: Size, zoom: Zoom): { x: number; y: number } | null {
  const { height, width } = lensSize(frame, zoom);
  const k = shift ? 4 : 1;
  const dx = Math.max(1, Math.round(width / 8)) * k;
  const dy = Math.max(1, Math.round(height / 8)) * k;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, -dy], ArrowDown: [0, dy] };
  const m = moves[key];
  if (!m) return null;
  // Moved, then held where the window still fits, so a key at an edge does not drift the centre.
  return windowCentre(lensWindow(frame, zoom, { x: centre.x + m[0], y: centre.y + m[1] }));
}

/** The frame pixel under a pointer at (px, py) in a panel drawn `drawn` wide and high (CSS pixels). */
export function pointerPixel(px: number, py: number, drawn: { width: number; height: number }, frame: Size): { x: number; y: number } {
  const x = clamp(Math.floor((px / drawn.width) * frame.width), 0, frame.width - 1);
  const y = clamp(Math.floor((py / drawn.height) * frame.height), 0, frame.height - 1);
  return { x, y };
}
