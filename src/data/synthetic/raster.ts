/**
 * The drawing surface of a synthetic scene: an RGB image and its label map, painted together
 * so they can never disagree. Shapes cover the pixels whose centres (i + 0.5, j + 0.5) lie
 * inside them, painter's-algorithm style (later shapes cover earlier ones).
 */
import { toByte, type Shader } from './color';

/** An RGB image and label map being painted. */
export class SceneRaster {
  /** H*W*3 RGB bytes. */
  readonly rgb: Uint8Array;
  /** H*W labels. */
  readonly labels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    this.labels = new Uint8Array(width * height);
  }

  /** Paints pixel (i, j) with `label` and the shader's colour (unless it returns -1). */
  plot(i: number, j: number, label: number, shader: Shader): void {
    const c = shader(i, j);
    if (c < 0) return;
    const p = j * this.width + i;
    this.labels[p] = label;
    this.rgb[p * 3] = c >> 16;
    this.rgb[p * 3 + 1] = (c >> 8) & 255;
    this.rgb[p * 3 + 2] = c & 255;
  }

  /** Sets pixel (i, j) to a packed colour and label (no bounds check: callers loop in range). */
  put(i: number, j: number, label: number, color: number): void {
    const p = j * this.width + i;
    this.labels[p] = label;
    this.rgb[p * 3] = color >> 16;
    this.rgb[p * 3 + 1] = (color >> 8) & 255;
    this.rgb[p * 3 + 2] = color & 255;
  }

  /** Multiplies the colours inside a polygon by `factor` (rounded), keeping labels (contact shadows). */
  darken(pts: readonly number[], factor: number): void {
    this.scan(pts, (j, x0, x1) => {
      const from = Math.max(0, Math.ceil(x0 - 0.5));
      const to = Math.min(this.width, Math.ceil(x1 - 0.5));
      for (let p = (j * this.width + from) * 3; p < (j * this.width + to) * 3; p++) this.rgb[p] = toByte(this.rgb[p]! * factor);
    });
  }

  /** Row j, pixels whose centres lie in [x0, x1). */
  span(j: number, x0: number, x1: number, label: number, shader: Shader): void {
    if (j < 0 || j >= this.height) return;
    const from = Math.max(0, Math.ceil(x0 - 0.5));
    const to = Math.min(this.width, Math.ceil(x1 - 0.5));
    for (let i = from; i < to; i++) this.plot(i, j, label, shader);
  }

  /** Rows whose centres lie in [y0, y1). */
  private rows(y0: number, y1: number): [number, number] {
    return [Math.max(0, Math.ceil(y0 - 0.5)), Math.min(this.height, Math.ceil(y1 - 0.5))];
  }

  /** An axis-aligned rectangle, widened to at least `minSize` pixels in each direction. */
  rect(x0: number, y0: number, x1: number, y1: number, label: number, shader: Shader, minSize = 0): void {
    const [ax, bx] = widen(x0, x1, minSize);
    const [ay, by] = widen(y0, y1, minSize);
    const [from, to] = this.rows(ay, by);
    for (let j = from; j < to; j++) this.span(j, ax, bx, label, shader);
  }

  /** A polygon given as flat [x0, y0, x1, y1, ...] (even-odd rule, any shape). */
  polygon(pts: readonly number[], label: number, shader: Shader): void {
    this.scan(pts, (j, x0, x1) => this.span(j, x0, x1, label, shader));
  }

  /** Calls `visit(row, xFrom, xTo)` for each run of pixel centres inside the polygon. */
  private scan(pts: readonly number[], visit: (j: number, x0: number, x1: number) => void): void {
    let minY = Infinity;
    let maxY = -Infinity;
    for (let k = 1; k < pts.length; k += 2) {
      minY = Math.min(minY, pts[k]!);
      maxY = Math.max(maxY, pts[k]!);
    }
    const [from, to] = this.rows(minY, maxY);
    const n = pts.length / 2;
    const xs: number[] = [];
    for (let j = from; j < to; j++) {
      const yc = j + 0.5;
      xs.length = 0;
      for (let k = 0; k < n; k++) {
        const ax = pts[2 * k]!, ay = pts[2 * k + 1]!;
        const bx = pts[(2 * k + 2) % pts.length]!, by = pts[(2 * k + 3) % pts.length]!;
        if ((ay <= yc && yc < by) || (by <= yc && yc < ay)) xs.push(ax + ((yc - ay) * (bx - ax)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) visit(j, xs[k]!, xs[k + 1]!);
    }
  }

  /** A filled ellipse. */
  ellipse(cx: number, cy: number, rx: number, ry: number, label: number, shader: Shader): void {
    this.blob(cx, cy, rx, ry, null, label, shader);
  }

  /**
   * A star-shaped blob: radius (rx, ry) scaled by `wobble(angle)` (null: an ellipse).
   * Canopies and bushes use a wobbly outline so they do not read as perfect ellipses.
   */
  blob(cx: number, cy: number, rx: number, ry: number, wobble: ((angle: number) => number) | null, label: number, shader: Shader): void {
    const reach = wobble ? 1.5 : 1;
    const [from, to] = this.rows(cy - ry * reach, cy + ry * reach);
    const i0 = Math.max(0, Math.floor(cx - rx * reach));
    const i1 = Math.min(this.width - 1, Math.ceil(cx + rx * reach));
    for (let j = from; j < to; j++) {
      const dy = (j + 0.5 - cy) / ry;
      for (let i = i0; i <= i1; i++) {
        const dx = (i + 0.5 - cx) / rx;
        const r = wobble ? wobble(Math.atan2(dy, dx)) : 1;
        if (dx * dx + dy * dy < r * r) this.plot(i, j, label, shader);
      }
    }
  }

  /** A thick line segment (at least 1 pixel wide, so far-away thin parts do not vanish). */
  segment(x0: number, y0: number, x1: number, y1: number, thickness: number, label: number, shader: Shader): void {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1e-6;
    const half = Math.max(thickness, 1) / 2;
    const nx = (-(y1 - y0) / len) * half;
    const ny = ((x1 - x0) / len) * half;
    this.polygon([x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny], label, shader);
  }

  /** An elliptical ring (a wheel) of the given thickness. */
  ring(cx: number, cy: number, rx: number, ry: number, thickness: number, label: number, shader: Shader): void {
    const t = Math.max(thickness, 1);
    const inner = (angle: number): number => {
      const ix = Math.max(rx - t, 0);
      const iy = Math.max(ry - t, 0);
      return Math.hypot(ix * Math.cos(angle), iy * Math.sin(angle)) / Math.hypot(rx * Math.cos(angle), ry * Math.sin(angle));
    };
    const outside: Shader = (i, j) => {
      const dx = (i + 0.5 - cx) / rx;
      const dy = (j + 0.5 - cy) / ry;
      const r = inner(Math.atan2(dy, dx));
      return dx * dx + dy * dy >= r * r ? shader(i, j) : -1;
    };
    this.ellipse(cx, cy, rx, ry, label, outside);
  }
}

function widen(a: number, b: number, min: number): [number, number] {
  if (b - a >= min) return [a, b];
  const mid = (a + b) / 2;
  return [mid - min / 2, mid + min / 2];
}
