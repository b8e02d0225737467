/** Reference bilinear resize with TF.js's default sampling (alignCorners = false, no half-pixel centres). */
import { makeGrid, offset, type Grid } from './grid';

export function refResizeBilinear(x: Grid, height: number, width: number): Grid {
  const [n, h, w, c] = x.shape;
  const out = makeGrid([n, height, width, c]);
  const sy = h / height;
  const sx = w / width;
  for (let b = 0; b < n; b++)
    for (let i = 0; i < height; i++) {
      const fy = i * sy;
      const y0 = Math.floor(fy);
      const y1 = Math.min(y0 + 1, h - 1);
      const ty = fy - y0;
      for (let j = 0; j < width; j++) {
        const fx = j * sx;
        const x0 = Math.floor(fx);
        const x1 = Math.min(x0 + 1, w - 1);
        const tx = fx - x0;
        for (let ch = 0; ch < c; ch++) {
          const at = (y: number, xx: number) => x.data[offset(x.shape, b, y, xx, ch)]!;
          const top = at(y0, x0) + (at(y0, x1) - at(y0, x0)) * tx;
          const bottom = at(y1, x0) + (at(y1, x1) - at(y1, x0)) * tx;
          out.data[offset(out.shape, b, i, j, ch)] = top + (bottom - top) * ty;
        }
      }
    }
  return out;
}
