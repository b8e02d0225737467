/**
 * Small helpers for render functions that build DOM and SVG by hand: an element factory, and
 * pixel canvases. They work in any DOM (the browser, happy-dom in unit tests); where a DOM has
 * no 2D canvas (happy-dom), canvases keep their size and label but stay blank.
 */

export type Attributes = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | number | null | undefined | false;

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(node: Element, attributes: Attributes, children: Child[]): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'number' ? String(child) : child);
  }
}

/** An HTML element with attributes (null, undefined and false are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, attributes, children);
  return node;
}

/** An SVG element, as `h` does for HTML. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, attributes, children);
  return node;
}

/** Paints RGBA bytes into a canvas of the same size; does nothing where there is no 2D context. */
export function paintRgba(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, width: number, height: number): void {
  if (rgba.length !== width * height * 4) {
    throw new Error(`paintRgba: ${width}x${height} needs ${width * height * 4} bytes, got ${rgba.length}`);
  }
  canvas.width = width;
  canvas.height = height;
  const context = typeof ImageData === 'undefined' ? null : canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
}

/**
 * A canvas showing an image pixel for pixel, scaled up without smoothing by CSS
 * (class "pixels"), with an accessible name.
 */
export function pixelCanvas(rgba: Uint8ClampedArray, width: number, height: number, label: string, className = 'pixels'): HTMLCanvasElement {
  const canvas = h('canvas', { class: className, role: 'img', 'aria-label': label });
  paintRgba(canvas, rgba, width, height);
  return canvas;
}
