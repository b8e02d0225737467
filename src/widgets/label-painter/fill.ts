/**
 * Flood fills for the label painter (pure): from a seed pixel over 4-connected pixels, either
 * while the photo's colour stays within a tolerance of the seed's (colour edges stop it), or
 * over the prediction's region (pixels of the seed's predicted class, connected to it).
 */

function checkSeed(width: number, height: number, x: number, y: number, what: string): void {
  if (!Number.isInteger(width) || width <= 0 || !Number.isInteger(height) || height <= 0) {
    throw new Error(`${what}: width and height must be positive integers, got ${width} x ${height}`);
  }
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= width || y >= height) {
    throw new Error(`${what}: seed pixel must lie in 0..${width - 1} x 0..${height - 1}, got (${x}, ${y})`);
  }
}

/** The 4-connected pixels reachable from (x, y) through pixels `inside` accepts, in scan order. */
export function floodFill(width: number, height: number, x: number, y: number, inside: (index: number) => boolean): Uint32Array {
  checkSeed(width, height, x, y, 'floodFill');
  const seen = new Uint8Array(width * height);
  const stack = [y * width + x];
  seen[y * width + x] = 1;
  const found: number[] = [];
  while (stack.length > 0) {
    const i = stack.pop()!;
    found.push(i);
    const px = i % width;
    const py = (i - px) / width;
    const next = [px > 0 ? i - 1 : -1, px < width - 1 ? i + 1 : -1, py > 0 ? i - width : -1, py < height - 1 ? i + width : -1];
    for (const j of next) {
      if (j < 0 || seen[j]) continue;
      seen[j] = 1;
      if (inside(j)) stack.push(j);
    }
  }
  return Uint32Array.from(found).sort();
}

/**
 * Pixels connected to (x, y) whose RGB colour differs from the seed's by at most `tolerance`
 * in every channel (0..255).
 * @param rgb height x width x 3 bytes, row-major.
 */
export function colourFill(rgb: Uint8Array, width: number, height: number, x: number, y: number, tolerance: number): Uint32Array {
  if (rgb.length !== width * height * 3) throw new Error(`colourFill: ${width} x ${height} needs ${width * height * 3} RGB bytes, got ${rgb.length}`);
  if (!(tolerance >= 0 && tolerance <= 255)) throw new Error(`colourFill: tolerance must be in 0..255, got ${tolerance}`);
  checkSeed(width, height, x, y, 'colourFill');
  const s = (y * width + x) * 3;
  const [r, g, b] = [rgb[s]!, rgb[s + 1]!, rgb[s + 2]!];
  return floodFill(width, height, x, y, (i) => Math.abs(rgb[3 * i]! - r) <= tolerance && Math.abs(rgb[3 * i + 1]! - g) <= tolerance && Math.abs(rgb[3 * i + 2]! - b) <= tolerance);
}

/** Pixels connected to (x, y) with the seed's label in `labels` (the prediction's region). */
export function regionFill(labels: ArrayLike<number>, width: number, height: number, x: number, y: number): Uint32Array {
  if (labels.length !== width * height) throw new Error(`regionFill: ${width} x ${height} needs ${width * height} labels, got ${labels.length}`);
  checkSeed(width, height, x, y, 'regionFill');
  const seed = labels[y * width + x];
  return floodFill(width, height, x, y, (i) => labels[i] === seed);
}
