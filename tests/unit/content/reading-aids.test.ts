/**
 * The reading aids in the chapters: glossary links at each term's first use, references cited,
 * one predict-then-reveal question and one set of key takeaways per chapter, and the closing
 * summary that links every chapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterIdFromFile } from '../../../src/components/chapter-id';
import { GLOSSARY, glossaryEntry } from '../../../src/reading/glossary';
import { reference, REFERENCES } from '../../../src/reading/references';

const DIR = 'content/chapters';
const files = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort();
/** Chapter id -> prose (front matter and imports removed). */
const prose = new Map(
  files.map((f) => [chapterIdFromFile(f), readFileSync(join(DIR, f), 'utf8').replace(/^---[\s\S]*?---/, '').replace(/^import .*$/gm, '')] as const),
);
const all = [...prose.values()].join('\n');
const ids = (tag: string, text: string): string[] => [...text.matchAll(new RegExp(`<${tag} id="([^"]+)"`, 'g'))].map((m) => m[1]!);
/** Words as a reader sees them: tags, emphasis and line breaks removed, lower case. */
const plain = (text: string): string => text.replace(/<[^>]+>/g, '').replace(/\*+/g, '').replace(/\s+/g, ' ').toLowerCase();

describe('glossary', () => {
  it('has unique ids, and every <Term> names an entry', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    for (const id of ids('Term', all)) expect(() => glossaryEntry(id)).not.toThrow();
    expect(() => glossaryEntry('no-such-term')).toThrow('no glossary entry "no-such-term" (src/reading/glossary.ts)');
  });

  it.each(GLOSSARY.map((e) => [e.id, e.chapter] as const))('links %s from its first use in chapter %s', (id, chapter) => {
    const text = prose.get(chapter);
    expect(text, `chapter ${chapter}`).toBeDefined();
    const link = text!.match(new RegExp(`<Term id="${id}">([\\s\\S]*?)</Term>`));
    expect(link, `<Term id="${id}"> in chapter ${chapter}`).not.toBeNull();
    const words = plain(link![1]!);
    // Nothing before the link says the same words unlinked (headings aside: they name the section).
    const before = text!.slice(0, link!.index).replace(/^#.*$/gm, '');
    expect(plain(before).includes(words), `"${words}" is used before its link`).toBe(false);
    // No earlier chapter links the term: the chapter named is where it is introduced.
    const earlier = [...prose.entries()].slice(0, [...prose.keys()].indexOf(chapter));
    for (const [other, otherText] of earlier) expect(ids('Term', otherText), `chapter ${other}`).not.toContain(id);
  });
});

describe('references', () => {
  it('are each cited at least once, with https links, and every <Cite> names one', () => {
    const cited = new Set(ids('Cite', all));
    for (const r of REFERENCES) {
      expect(cited.has(r.id), `<Cite id="${r.id}">`).toBe(true);
      expect(r.url).toMatch(/^https:\/\//);
    }
    for (const id of cited) expect(() => reference(id)).not.toThrow();
    expect(REFERENCES.map((r) => r.id).sort()).toEqual(['batchnorm', 'camvid', 'checkerboard', 'deconvnet', 'deeplab', 'fcn', 'segnet', 'vgg']);
  });
});

describe.each([...prose.keys()])('chapter %s', (chapter) => {
  const text = prose.get(chapter)!;

  it('asks one predict-then-reveal question, before the point that answers it', () => {
    const questions = [...text.matchAll(/<Predict question="([^"]+)">([\s\S]*?)<\/Predict>/g)];
    expect(questions).toHaveLength(1);
    expect(questions[0]![1]).toMatch(/\?$/);
    expect(questions[0]![2]!.trim().length).toBeGreaterThan(80);
  });

  it('ends with its key takeaways, three points', () => {
    const box = text.match(/<Takeaways>([\s\S]*?)<\/Takeaways>/);
    expect(box).not.toBeNull();
    expect(box![1]!.match(/^- /gm)).toHaveLength(3);
    const after = text.slice(box!.index! + box![0].length).trim();
    // Only the closing summary may follow, in the last chapter.
    if (chapter === [...prose.keys()].at(-1)) expect(after).toMatch(/^## In closing/);
    else expect(after).toBe('');
  });
});

describe('the closing summary', () => {
  it('links every chapter, the glossary and the references', () => {
    const closing = [...prose.values()].at(-1)!.split('## In closing')[1]!;
    for (const chapter of [...prose.keys()].slice(0, -1)) expect(closing).toContain(`(/chapters/${chapter}/)`);
    expect(closing).toContain('(/glossary/)');
    expect(closing).toContain('(/references/)');
  });
});
