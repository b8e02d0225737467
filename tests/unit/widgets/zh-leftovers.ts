/**
 * Checks on a widget drawn with the Chinese catalogue: the words a reader meets (text, and the
 * aria-label, title and placeholder attributes) hold Chinese, and no English word is left over.
 * Symbols, numbers, units and proper names are shared by both editions and allowed.
 */

/** Latin-script words allowed in Chinese text: names, units, type names, key names. */
const SHARED_WORDS = new Set([
  'SegNet', 'Basic', 'FCN', 'DeepLab', 'LargeFOV', 'DeconvNet', 'CamVid', 'VGG16', 'VGG', 'ReLU', 'mIoU', 'IoU', 'BF',
  'px', 'B', 'kB', 'MB', 'GB', 'int32', 'float32', 'fp32', 'softmax', 'argmax', 'TensorFlow', 'TF', 'js', 'WebGL', 'WebGPU', 'WebAssembly', 'SwiftShader', 'llvmpipe',
  'Shift', 'RGB',
]);

/**
 * Everything a reader can read or hear in a node: each text node on its own line (SVG labels
 * sit side by side with no space between them), and the attributes that name things.
 */
export function readerText(node: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    n.childNodes.forEach(walk);
  };
  walk(node);
  for (const el of [node, ...node.querySelectorAll('*')]) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  return parts.join('\n');
}

/** Whether the text holds Chinese (Han) characters. */
export function hasChinese(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Latin words of two or more letters that are not names, units or symbols shared by both editions. */
export function englishLeftovers(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return [...new Set(words.filter((w) => /[A-Za-z].*[A-Za-z]/.test(w) && !SHARED_WORDS.has(w)))];
}
