/**
 * The Chinese catalogue translates every message of the English one: the same keys, and for
 * each a non-empty value that differs from the English, unless the value is made only of
 * names, units and symbols both languages write the same way (SegNet, CamVid, mIoU, ms, ×2).
 * Messages that are functions are compared on the sentence they build from sample arguments.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n';
import { englishLeftovers, englishWords, leftToTranslate } from './same-in-both';

/**
 * Values that are identifiers, not words: the colour names of a figure's legend (figures.css),
 * and a dataset split the catalogue has no name for (passed through as it is). And a sentence's
 * closing full stop, which Chinese leaves out after a command. And the training studio's names of
 * an optimizer (Adam) and a backend (WebAssembly), and the names it joins from parts that are
 * themselves names (a VGG16 width, a part of the network and the layer name the engine gives it).
 */
const IDENTIFIER_PATHS = [
  /^figures\.\w+\.legend\.\d+\.0$/,
  /^resultsTable\.split\(X0\)$/,
  /^resultsTable\.madeWith\.after$/,
  /^trainingStudio\.form\.(optimizers\.adam|backends\.wasm)$/,
  /^trainingStudio\.(saved\.vgg|origin\.layer)\(X0(, X1)?\)$/,
];

type Leaf = { path: string; en: string; zh: string };

/** Arguments for messages of structured values, which no generic sample fits. */
const STRUCTURED_SAMPLES: Record<string, unknown[]> = {
  'poolingStepper.keyLabel': [[['00', 'X0'], ['01', 'X1']]],
  'resultsTable.variantName': ['FCN-Basic, decoder only'],
  'poolingStepper.window': [{ step: 7, total: 9, rows: [0, 1], cols: [2, 3], values: [1, 2, 3, 4] }],
};

/** Every string of the two catalogues, side by side, by key path; functions called with samples. */
function leaves(en: unknown, zh: unknown, path: string, out: Leaf[], problems: string[]): void {
  if (typeof en === 'string') {
    if (typeof zh === 'string') out.push({ path, en, zh });
    else problems.push(`${path}: a string in English, ${typeof zh} in Chinese`);
  } else if (typeof en === 'function') {
    if (typeof zh !== 'function') {
      problems.push(`${path}: a function in English, ${typeof zh} in Chinese`);
      return;
    }
    // Arguments are numbers or names, or lists of them: call with each, so every signature
    // builds a sentence. A list item is a name with a share, which also prints as its name.
    const call = (f: unknown, args: unknown[]): unknown => (f as (...a: unknown[]) => unknown)(...args);
    const item = (i: number) => ({ name: `X${i}`, percent: 7 + i, toString: () => `X${i}` });
    const samples = [Array.from({ length: en.length }, () => 7), Array.from({ length: en.length }, (_, i) => `X${i}`)];
    const lists = Array.from({ length: en.length }, () => [item(0), item(1), item(2)]);
    const attempt = (args: unknown[]): [unknown, unknown] | null => {
      try {
        return [call(en, args), call(zh, args)];
      } catch {
        return null;
      }
    };
    const structured = STRUCTURED_SAMPLES[path];
    if (structured) {
      leaves(call(en, structured), call(zh, structured), `${path}(sample)`, out, problems);
      return;
    }
    for (const args of samples) {
      // A message of names fails on numbers, and a message of lists on both: try the next kind.
      const sentences = attempt(args) ?? attempt(samples[1]!) ?? attempt(lists);
      if (sentences) leaves(sentences[0], sentences[1], `${path}(${args.join(', ')})`, out, problems);
      else problems.push(`${path}: cannot be called with numbers, names or lists`);
    }
  } else if (en !== null && typeof en === 'object') {
    if (zh === null || typeof zh !== 'object') {
      problems.push(`${path}: missing in Chinese`);
      return;
    }
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zh).sort();
    for (const key of zhKeys.filter((k) => !enKeys.includes(k))) problems.push(`${path}.${key}: only in Chinese`);
    for (const key of enKeys) {
      const next = path ? `${path}.${key}` : key;
      if (!(key in zh)) problems.push(`${next}: missing in Chinese`);
      else leaves((en as Record<string, unknown>)[key], (zh as Record<string, unknown>)[key], next, out, problems);
    }
  } else if (en !== zh) {
    problems.push(`${path}: ${String(en)} in English, ${String(zh)} in Chinese`);
  }
}

const problems: string[] = [];
const all: Leaf[] = [];
leaves(messages('en'), messages('zh'), '', all, problems);

describe('the Chinese catalogue', () => {
  it('has every key of the English catalogue, of the same kind, and no other', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('gives every message a non-empty Chinese value that differs from the English one', () => {
    const untranslated = all
      .filter(({ path }) => !IDENTIFIER_PATHS.some((p) => p.test(path)))
      .filter(({ en, zh }) => zh.trim() === '' || (zh === en && leftToTranslate(en) !== ''))
      .map(({ path, en }) => `${path}: "${en}"`);
    expect(untranslated).toEqual([]);
  });

  it('accepts only names, units and symbols as the same in both languages', () => {
    expect(leftToTranslate('SegNet · CamVid (mIoU, 12 ms, ×2)')).toBe('');
    expect(leftToTranslate('Reveal the answer')).toBe('Reveal the answer');
    expect(leftToTranslate('SegNet decoder')).toBe('decoder');
    // names and units are removed as whole words only: a word holding "x" or "B" is still a word
    expect(leftToTranslate('Box 96 x 128 B')).toBe('Box');
    expect(englishWords('输入 Next：SegNet-Basic，fp32，96x128', ['Next'])).toEqual([]);
    expect(englishLeftovers('Shift 键 and x')).toEqual(['and']);
    // a name with punctuation or a space is allowed whole, not its words one by one
    expect(englishWords('ReLU 即 max(0, x)，在 NVIDIA Titan 上')).toEqual([]);
    expect(englishWords('取 max，用 NVIDIA 显卡')).toEqual(['max', 'NVIDIA']);
  });
});
