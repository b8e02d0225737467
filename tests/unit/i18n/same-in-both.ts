/**
 * What may stay English on a Chinese page, and the checks that use it: one list of the proper
 * names, abbreviations, units, key names and symbols both editions write alike, shared by the
 * catalogue test, the widgets' Chinese-edition tests and the browser tests of the Chinese pages.
 * Any other Latin word on a Chinese page is a string that escaped the catalogue.
 */
import { expect } from 'vitest';

/** Written alike in both editions (names with punctuation are matched whole, before their words). */
export const SAME_IN_BOTH = [
  // the site, the papers, their authors and the networks
  'Unpooled', 'SegNet-Basic', 'SegNet', 'Basic', 'CamVid', 'DeepLab-LargeFOV', 'DeepLab', 'LargeFOV', 'DeconvNet', 'FCN-8s', 'FCN', 'VGG16', 'VGG',
  'Badrinarayanan', 'Kendall', 'Cipolla', 'arXiv', 'Caffe', 'NVIDIA Titan', 'Titan', 'pool1', 'pool2', 'pool3', 'pool4', 'pool5', 'fc6–7',
  // engines, backends and processors
  'TensorFlow.js', 'TensorFlow', 'TF.js', 'TF', 'js', 'WebGPU', 'WebGL', 'WebAssembly', 'JavaScript', 'SwiftShader', 'llvmpipe', 'wasm', 'webgpu', 'webgl', 'cpu', 'CPU', 'GPU',
  // functions, metrics and number types
  'softmax', 'Softmax', 'argmax', 'ReLU', 'max(0, x)', 'mIoU', 'IoU', 'BF', 'F1', 'G', 'C', 'int32', 'float32', 'fp32', 'void',
  // units and file types
  'px', 'ms', 'fps', 'B', 'kB', 'KB', 'MB', 'GB', 'M', 'x', 'RGB', 'PNG', 'JPEG', 'GIF', 'WebP', 'BMP', 'AVIF', 'https',
  // key names
  'Shift',
] as const;

const WORD = /(?<![0-9A-Za-z])[A-Za-z][A-Za-z0-9]*/g;
const ONE_WORD = /^[A-Za-z][A-Za-z0-9]*$/;
const escapeName = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The single words of the list: allowed wherever they stand. */
const SHARED_WORDS = new Set<string>(SAME_IN_BOTH.filter((name) => ONE_WORD.test(name)));
/** The names with punctuation or spaces (max(0, x), NVIDIA Titan): allowed only whole, so "max" alone is not. */
const WHOLE_NAMES = SAME_IN_BOTH.filter((name) => !ONE_WORD.test(name))
  .sort((a, b) => b.length - a.length)
  .map((name) => new RegExp(`(?<![0-9A-Za-z])${escapeName(name)}(?![0-9A-Za-z])`, 'g'));

/** Elements whose text is not prose: a chart's stylesheet, and commands to type, shown as they are typed. */
const NOT_PROSE = new Set(['style', 'script', 'code']);

/** The text nodes under `node`, one per line (table cells and SVG texts do not run together). */
function textNodes(node: Node): string[] {
  if (node.nodeType === 3) return [node.nodeValue ?? ''];
  if (NOT_PROSE.has((node as Element).localName)) return [];
  return [...node.childNodes].flatMap(textNodes);
}

/** Everything a reader sees or hears of `node`: its texts, then its and its descendants' aria-label, title, placeholder and alt values. */
export function readerText(node: Element): string {
  const attributes = [node, ...node.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? '').filter(Boolean),
  );
  return [...textNodes(node), ...attributes].join('\n');
}

/** Whether the text holds Chinese (Han) characters. */
export function hasChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Latin words of `text` that are not in the list or in `allowed` (a size such as 96x128 is no word). */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  const extra = new Set(allowed);
  const rest = WHOLE_NAMES.reduce((t, pattern) => t.replace(pattern, ' '), text);
  return (rest.match(WORD) ?? []).filter((w) => !SHARED_WORDS.has(w) && !extra.has(w));
}

/** The distinct words of two or more letters left over: `englishWords` without single letters. */
export function englishLeftovers(text: string, allowed: readonly string[] = []): string[] {
  return [...new Set(englishWords(text, allowed).filter((w) => /[A-Za-z].*[A-Za-z]/.test(w)))];
}

/** Asserts that `text` (or a node's reader text) is Chinese, with no English word left in it. */
export function expectChinese(content: string | Element, allowed: readonly string[] = []): void {
  const text = typeof content === 'string' ? content : readerText(content);
  expect(hasChinese(text), text).toBe(true);
  expect(englishWords(text, allowed), text).toEqual([]);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The list as whole-word patterns, longest first (SegNet-Basic before SegNet). */
const NAME_PATTERNS = [...SAME_IN_BOTH].sort((a, b) => b.length - a.length).map((name) => new RegExp(`(?<![0-9A-Za-z])${escape(name)}(?![0-9A-Za-z])`, 'g'));

/** A text with the names above removed: the words left to translate, if it has any. */
export function leftToTranslate(text: string): string {
  return NAME_PATTERNS.reduce((rest, pattern) => rest.replace(pattern, ' '), text).replace(/[^A-Za-z]+/g, ' ').trim();
}
