import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles, pagePath } from '../../scripts/check-size';
import { chapterIdFromFile } from '../../src/components/chapter-id';

/** The built site the browser tests run against. */
export const DIST_DIR = 'dist';

/** Site paths of every built page, such as `/`, `/chapters/pixels/` and `/404.html`. */
export function builtPages(): string[] {
  return htmlFiles(DIST_DIR).map(pagePath);
}

/** Ids of the chapters in content/chapters, as the site derives them from file names. */
export function chapterSources(): string[] {
  return readdirSync('content/chapters')
    .filter((file) => file.endsWith('.mdx'))
    .map(chapterIdFromFile)
    .sort();
}

/** The first built English page that embeds `<tag>` (an element name such as `own-image`). */
export function pageEmbedding(tag: string): string {
  const path = builtPages().find((p) => !p.startsWith('/zh/') && readFileSync(join(DIST_DIR, p.endsWith('/') ? `${p}index.html` : p), 'utf8').includes(`<${tag} `));
  if (!path) throw new Error(`no built page embeds <${tag}>`);
  return path;
}
