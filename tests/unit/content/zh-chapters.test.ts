/**
 * The Chinese chapters (content/zh/chapters) against the English ones (content/chapters): the
 * same files, and in each the same widgets with the same ids, the same <Term> and <Cite> ids,
 * the same {expressions} (numbers come from src/facts, never retyped), the same imports one
 * folder deeper, and internal links into the Chinese edition.
 *
 * A chapter in one edition and not the other fails the first test, naming it; the build fails
 * the same way (src/components/chapters.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EN = 'content/chapters';
const ZH = 'content/zh/chapters';
const mdxFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort() : []);
const enFiles = mdxFiles(EN);
const zhFiles = mdxFiles(ZH);
const pairs = zhFiles.filter((f) => enFiles.includes(f));

/** The body of a chapter: front matter removed. */
const body = (text: string): string => text.replace(/^---[\s\S]*?---/, '');
const imports = (text: string): string[] => [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
/** Component tags in order, with their `id` when they have one: `PoolingStepper#pool`, `Predict`. */
const components = (text: string): string[] =>
  [...body(text).matchAll(/<([A-Z][A-Za-z0-9]*)\b([^>]*)>/g)]
    .filter((m) => m[1] !== 'Term' && m[1] !== 'Cite')
    .map((m) => {
      const id = /\bid="([^"]+)"/.exec(m[2]!)?.[1];
      const figure = /\bfigure="([^"]+)"/.exec(m[2]!)?.[1];
      return `${m[1]}${id ? `#${id}` : ''}${figure ? `[${figure}]` : ''}`;
    });
const ids = (tag: string, text: string): string[] => [...text.matchAll(new RegExp(`<${tag} id="([^"]+)"`, 'g'))].map((m) => m[1]!).sort();
/** JSX expressions outside import lines, such as `{facts.parameters}` or `seeds={[1, 2]}`'s value. */
const expressions = (text: string): string[] =>
  [...body(text).replace(/^import .*$/gm, '').matchAll(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g)].map((m) => m[0].replace(/\s+/g, ' ')).sort();
const frontMatterKeys = (text: string): string[] =>
  [...(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '').matchAll(/^([a-z]+):/gm)].map((m) => m[1]!).sort();

describe('the Chinese edition of the chapters', () => {
  it('has a file for every English chapter and none other (fails until every translation lands)', () => {
    expect(enFiles.length).toBeGreaterThan(0);
    expect(zhFiles, `chapters missing from ${ZH}: ${enFiles.filter((f) => !zhFiles.includes(f)).join(', ') || 'none'}`).toEqual(enFiles);
  });

  describe.each(pairs.length > 0 ? pairs : ['(no translated chapter yet)'])('%s', (file) => {
    const read = (dir: string): string => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
    const en = read(EN);
    const zh = read(ZH);

    it('has the English file beside it', () => {
      expect(en, `${EN}/${file}`).not.toBe('');
      expect(zh, `${ZH}/${file}`).not.toBe('');
    });

    it('has the same front matter keys and the same order', () => {
      expect(frontMatterKeys(zh)).toEqual(frontMatterKeys(en));
      expect(/^order: *(\d+)$/m.exec(zh)?.[1]).toBe(/^order: *(\d+)$/m.exec(en)?.[1]);
    });

    it('imports the same modules, one folder deeper', () => {
      expect(imports(zh)).toEqual(imports(en).map((path) => (path.startsWith('../') ? `../${path}` : path)));
    });

    it('has the same widgets and reading aids with the same ids, in the same order', () => {
      expect(components(zh)).toEqual(components(en));
    });

    it('has the same <Term> and <Cite> ids', () => {
      expect(ids('Term', zh)).toEqual(ids('Term', en));
      expect(ids('Cite', zh)).toEqual(ids('Cite', en));
    });

    it('has the same {expressions}', () => {
      expect(expressions(zh)).toEqual(expressions(en));
    });

    it('links within the Chinese edition', () => {
      const english = [...body(zh).matchAll(/\]\((\/(?:chapters|glossary|references)\b[^)]*)\)|href="(\/(?:chapters|glossary|references)\b[^"]*)"/g)];
      expect(english.map((m) => m[1] ?? m[2])).toEqual([]);
    });
  });
});
