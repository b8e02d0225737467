/** Reference 2x2/2 max pooling with indices and index unpooling, written as plain loops. */
import { makeGrid, offset, type Grid } from './grid';

/**
 * Max pool with 2x2 windows, stride 2, ceil mode (odd sizes get a last, partial window).
 * indices hold 2*dy + dx of the first maximum in window order.
 */
export function refMaxPool2x2(x: Grid): { pooled: Grid; indices: Grid } {
  const [n, h, w, c] = x.shape;
  const shape: [number, number, number, number] = [n, Math.ceil(h / 2), Math.ceil(w / 2), c];
  const pooled = makeGrid(shape);
  const indices = makeGrid(shape);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < shape[1]; i++)
      for (let j = 0; j < shape[2]; j++)
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let at = 0;
          for (let k = 0; k < 4; k++) {
            const y = 2 * i + (k >> 1);
            const xx = 2 * j + (k & 1);
            if (y >= h || xx >= w) continue;
            const v = x.data[offset(x.shape, b, y, xx, ch)]!;
            if (v > best) {
              best = v;
              at = k;
            }
          }
          pooled.data[offset(shape, b, i, j, ch)] = best;
          indices.data[offset(shape, b, i, j, ch)] = at;
        }
  return { pooled, indices };
}

/** Puts each pooled value back at its recorded window position in an [N, H, W, C] grid of zeros. */
export function refMaxUnpool(y: Grid, indices: Grid, height: number, width: number): Grid {
  const [n, h, w, c] = y.shape;
  const out = makeGrid([n, height, width, c]);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++)
        for (let ch = 0; ch < c; ch++) {
          const k = indices.data[offset(y.shape, b, i, j, ch)]!;
          const yy = 2 * i + (k >> 1);
          const xx = 2 * j + (k & 1);
          if (yy < height && xx < width) out.data[offset(out.shape, b, yy, xx, ch)] = y.data[offset(y.shape, b, i, j, ch)]!;
        }
  return out;
}
