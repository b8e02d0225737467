/**
 * Exact squared Euclidean distance transform (Felzenszwalb & Huttenlocher 2012, "Distance
 * transforms of sampled functions"), O(H * W): a vertical pass gives each pixel its distance
 * to the nearest site in its own column, g(x, y); a pass along each row then takes the lower
 * envelope of the parabolas (x - x')^2 + g(x', y)^2, which is exactly
 *   D(x, y) = min over sites (x', y') of (x - x')^2 + (y - y')^2.
 * BF itself uses a truncated, sparse form of the same decomposition (tolerance-match.ts);
 * this full transform draws tolerance bands and serves as a reference.
 */
import { checkInteger } from './validate';

/** Vertical distance of a pixel whose column has no site (larger than any real distance). */
const NO_SITE_DISTANCE = 2 ** 30;
/** Squared distance standing for "no site"; integer sums with it stay exact in float64. */
const NO_SITE_SQUARED = 1e15;

/**
 * Squared Euclidean distance from every pixel to the nearest site (a pixel with mask != 0)
 * of a height x width row-major mask: 0 at sites, Infinity everywhere when there is no site.
 */
export function squaredDistanceTransform(mask: ArrayLike<number>, height: number, width: number): Float64Array {
  const fn = 'squaredDistanceTransform';
  checkInteger(fn, 'height', height, 1);
  checkInteger(fn, 'width', width, 1);
  if (mask.length !== height * width) {
    throw new Error(`${fn}: height*width = ${height * width} but mask has ${mask.length} values`);
  }
  const grid = new Float64Array(height * width);
  let sites = 0;
  for (let i = 0; i < grid.length; i++) {
    const site = mask[i] !== 0;
    if (site) sites++;
    grid[i] = site ? 0 : NO_SITE_DISTANCE;
  }
  if (sites === 0) return grid.fill(Infinity);
  verticalSquaredDistances(grid, width, height);
  const out = new Float64Array(height * width);
  const v = new Int32Array(width);
  const z = new Float64Array(width + 1);
  for (let y = 0; y < height; y++) rowTransform(grid, out, y * width, width, v, z);
  return out;
}

/**
 * In place over a height x width grid holding 0 at sites and NO_SITE_DISTANCE elsewhere:
 * each value becomes the squared distance to the nearest site in its column (NO_SITE_SQUARED
 * if none). Sweeps down then up row by row, so memory is read in order.
 */
function verticalSquaredDistances(grid: Float64Array, width: number, height: number): void {
  for (let k = width; k < width * height; k++) {
    const fromAbove = grid[k - width]! + 1;
    if (fromAbove < grid[k]!) grid[k] = fromAbove;
  }
  for (let k = width * (height - 1) - 1; k >= 0; k--) {
    const fromBelow = grid[k + width]! + 1;
    if (fromBelow < grid[k]!) grid[k] = fromBelow;
  }
  for (let k = 0; k < width * height; k++) {
    const g = grid[k]!;
    grid[k] = g >= NO_SITE_DISTANCE ? NO_SITE_SQUARED : g * g;
  }
}

/**
 * One row: out[start + q] = min over p of (q - p)^2 + f[start + p], q and p in 0..n-1.
 * v holds the roots of the parabolas of the lower envelope, z[k]..z[k+1] where v[k] is lowest.
 */
function rowTransform(
  f: Float64Array,
  out: Float64Array,
  start: number,
  n: number,
  v: Int32Array,
  z: Float64Array,
): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[start + q]! + q * q;
    let s: number;
    for (;;) {
      const p = v[k]!;
      s = (fq - (f[start + p]! + p * p)) / (2 * (q - p)); // where parabola q overtakes parabola p
      if (s > z[k]!) break;
      k--;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    out[start + q] = (q - p) * (q - p) + f[start + p]!;
  }
}
