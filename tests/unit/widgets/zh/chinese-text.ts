/**
 * What a widget drawn with the Chinese catalogue shows a reader: its text and the words of its
 * aria-label, title and alt attributes; and the English words left in it. Symbols, numbers,
 * units and proper names are allowed; any other Latin word is a string that escaped the catalogue.
 */
import { expect } from 'vitest';

/** Proper names, metric names and units that both editions write alike. */
const SHARED_WORDS = new Set([
  'SegNet', 'Basic', 'FCN', 'DeepLab', 'LargeFOV', 'DeconvNet', 'VGG16', 'CamVid', 'mIoU', 'IoU', 'BF', 'F1', 'G', 'C',
  'TensorFlow', 'js', 'WebGL', 'WebGPU', 'WebAssembly', 'JavaScript', 'CPU', 'GPU', 'Titan', 'https',
  'PNG', 'JPEG', 'GIF', 'WebP', 'BMP', 'AVIF', 'px', 'ms', 'MB', 'KB', 'M', 'x',
  // The activation's name, as the Chinese chapters write it.
  'ReLU',
]);

/** Elements whose text is not prose: a chart's stylesheet, and commands to type, shown as they are typed. */
const NOT_PROSE = new Set(['style', 'script', 'code']);

/** The text nodes under `node`, one per line (table cells and SVG texts do not run together). */
function textNodes(node: Node): string[] {
  if (node.nodeType === 3) return [node.nodeValue ?? ''];
  if (NOT_PROSE.has((node as Element).localName)) return [];
  return [...node.childNodes].flatMap(textNodes);
}

/** Everything a reader sees or hears of `node`: its texts, then aria-label, title and alt values. */
export function readerText(node: Element): string {
  const attributes = [...node.querySelectorAll('[aria-label], [title], [alt]'), node].flatMap((el) =>
    ['aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  );
  return [...textNodes(node), ...attributes].join('\n');
}

/** Latin words of `text` that are not shared names or units (a size such as 96x128 is no word). */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  const extra = new Set(allowed);
  return (text.match(/(?<![0-9A-Za-z])[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !SHARED_WORDS.has(w) && !extra.has(w));
}

/** Asserts that `text` (or a node's reader text) is Chinese, with no English word left in it. */
export function expectChinese(content: string | Element, allowed: readonly string[] = []): void {
  const text = typeof content === 'string' ? content : readerText(content);
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(englishWords(text, allowed)).toEqual([]);
}
