/**
 * Initial-JS budget: after `astro build`, measure for every built HTML page the gzip size of
 * the JavaScript it loads up front, and fail when a page exceeds the budget.
 *
 * "Up front" means: classic and module scripts in the HTML (inline or by `src`), modules named
 * by `<link rel="modulepreload">`, the component and renderer of Astro islands that hydrate at
 * once (`client:load`, `client:idle`, `client:only`), and, transitively, every module those
 * import statically. Chunks reachable only through dynamic `import()` load late and do not count,
 * except the page's own message catalogue (`en.<hash>.js` on English pages, `zh.<hash>.js` on
 * Chinese ones), which src/i18n/page-catalogues.ts imports before any widget starts.
 * Each file counts once per page, gzipped on its own at zlib's default level. Both editions
 * are measured: the English pages at the root and the Chinese ones under /zh/.
 *
 * Usage: tsx scripts/check-size.ts [--dist dist] [--budget-kb 100]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { errorMessage } from '../src/segnet/core';

/** Budget per page, in kB of gzip (1 kB = 1000 bytes). */
export const DEFAULT_BUDGET_KB = 100;

/** A script a page loads up front: a URL as written in the HTML, or inline code. */
export type EntryScript =
  | { kind: 'url'; url: string; isModule: boolean }
  | { kind: 'inline'; code: string; isModule: boolean };

/** What one page loads up front. */
export interface PageCost {
  /** Site path of the page, such as `/chapters/pixels/`. */
  page: string;
  /** Gzip bytes per file (dist-relative path, or `inline #n` for inline scripts). */
  files: { name: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const EAGER_ISLANDS = new Set(['load', 'idle', 'only']);

/** Attributes of a start tag's attribute text, lower-cased names, entities `&amp;` decoded. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of text.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    attributes.set(m[1]!.toLowerCase(), value.replaceAll('&amp;', '&'));
  }
  return attributes;
}

/** The scripts an HTML document loads before any user interaction. */
export function entryScripts(html: string): EntryScript[] {
  const scripts: EntryScript[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = parseAttributes(m[1]!);
    const type = (attributes.get('type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    const isModule = type === 'module';
    const src = attributes.get('src');
    if (src !== undefined) scripts.push({ kind: 'url', url: src, isModule });
    else if (m[2]!.trim() !== '') scripts.push({ kind: 'inline', code: m[2]!, isModule });
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = parseAttributes(m[1]!);
    const href = attributes.get('href');
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (href && rel.includes('modulepreload')) scripts.push({ kind: 'url', url: href, isModule: true });
  }
  for (const m of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attributes = parseAttributes(m[1]!);
    if (!EAGER_ISLANDS.has(attributes.get('client') ?? '')) continue;
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = attributes.get(name);
      if (url) scripts.push({ kind: 'url', url, isModule: true });
    }
  }
  return scripts;
}

/** Specifiers of the static `import` and `export ... from` statements of a module. */
export async function staticImports(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  // d === -1 marks a static import; dynamic import() has d >= 0, import.meta has d === -2.
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}

/** A language's catalogue chunk, named after its folder (src/i18n/en, src/i18n/zh). */
const CATALOGUE_CHUNK = /(?:^|\/)(en|zh)\.[\w-]+\.js$/;

/**
 * Specifiers of a module's `import()` of a catalogue chunk for `locale` (the one loaded before
 * the page's widgets start; the other language's never loads on that page).
 */
export async function catalogueImports(code: string, locale: 'en' | 'zh'): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.filter((i) => i.d >= 0 && i.n !== undefined && CATALOGUE_CHUNK.exec(i.n)?.[1] === locale).map((i) => i.n!);
}

const ORIGIN = 'https://site.invalid';

/** Site path of the page stored at `htmlFile` (a dist-relative path). */
export function pagePath(htmlFile: string): string {
  const path = `/${htmlFile.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The dist-relative file a script URL points at, resolved against the URL of the document or
 * module that names it (`fromPath`, a site path). Throws for other origins and bare specifiers:
 * neither can be measured, and neither belongs in this site.
 */
export function resolveScript(url: string, fromPath: string): string {
  if (!/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(url)) {
    throw new Error(`bare module specifier "${url}" in ${fromPath} cannot be resolved`);
  }
  const resolved = new URL(url, ORIGIN + fromPath);
  if (resolved.origin !== ORIGIN) {
    throw new Error(`${fromPath} loads a script from another origin: ${url}`);
  }
  return decodeURIComponent(resolved.pathname).replace(/^\//, '');
}

const gzipBytes = (data: string | Buffer): number => gzipSync(data).length;

/** Measure the JS one built page loads up front. `htmlFile` is relative to `distDir`. */
export async function measurePage(distDir: string, htmlFile: string): Promise<PageCost> {
  const page = pagePath(htmlFile);
  const files: PageCost['files'] = [];
  const seen = new Set<string>();
  const queue: { file: string; isModule: boolean }[] = [];
  const enqueue = (url: string, fromPath: string, isModule: boolean): void => {
    const file = resolveScript(url, fromPath);
    if (!seen.has(file)) {
      seen.add(file);
      queue.push({ file, isModule });
    }
  };
  let inlineCount = 0;
  for (const script of entryScripts(readFileSync(join(distDir, htmlFile), 'utf8'))) {
    if (script.kind === 'url') {
      enqueue(script.url, page, script.isModule);
      continue;
    }
    files.push({ name: `inline #${++inlineCount}`, gzipBytes: gzipBytes(script.code) });
    if (script.isModule) for (const spec of await staticImports(script.code)) enqueue(spec, page, true);
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    const path = join(distDir, next.file);
    if (!existsSync(path)) throw new Error(`${page} loads /${next.file}, which is not in ${distDir}`);
    const code = readFileSync(path);
    files.push({ name: next.file, gzipBytes: gzipBytes(code) });
    if (next.isModule) {
      const text = code.toString('utf8');
      for (const spec of await staticImports(text)) enqueue(spec, `/${next.file}`, true);
      for (const spec of await catalogueImports(text, page.startsWith('/zh/') ? 'zh' : 'en')) enqueue(spec, `/${next.file}`, true);
    }
  }
  return { page, files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** Dist-relative paths of every HTML file under `distDir`, sorted. */
export function htmlFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
}

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/** Messages for the pages over budget, naming the page, its size and its largest files. */
export function budgetFailures(costs: PageCost[], budgetKb: number): string[] {
  return costs
    .filter((cost) => cost.totalGzipBytes > budgetKb * 1000)
    .map((cost) => {
      const largest = [...cost.files]
        .sort((a, b) => b.gzipBytes - a.gzipBytes)
        .slice(0, 3)
        .map((f) => `${f.name} ${kB(f.gzipBytes)} kB`)
        .join(', ');
      return `${cost.page} loads ${kB(cost.totalGzipBytes)} kB of JS (gzip) up front, over the ${budgetKb} kB budget; largest: ${largest}`;
    });
}

/** A plain-text table: page, number of files, gzip size and share of the budget. */
export function formatTable(costs: PageCost[], budgetKb: number): string {
  const rows = costs.map((c) => [
    c.page,
    String(c.files.length),
    kB(c.totalGzipBytes),
    `${Math.round((100 * c.totalGzipBytes) / (budgetKb * 1000))}%`,
  ]);
  const header = ['page', 'scripts', 'gzip kB', 'of budget'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** How many pages of each edition were measured: `9 English pages, 9 Chinese pages`. */
export function editionSummary(costs: PageCost[]): string {
  const zh = costs.filter((c) => c.page.startsWith('/zh/')).length;
  const en = costs.length - zh;
  const pages = (n: number): string => `${n} ${n === 1 ? 'page' : 'pages'}`;
  return `${pages(en).replace(/ /, ' English ')}, ${pages(zh).replace(/ /, ' Chinese ')}`;
}

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

async function main(args: string[]): Promise<number> {
  const distDir = option(args, '--dist', 'dist');
  const budgetKb = Number(option(args, '--budget-kb', String(DEFAULT_BUDGET_KB)));
  if (!(budgetKb > 0)) throw new Error(`--budget-kb must be a positive number, got "${option(args, '--budget-kb', '')}"`);
  const pages = existsSync(distDir) ? htmlFiles(distDir) : [];
  if (pages.length === 0) {
    console.error(`check-size: no HTML pages in ${relative('.', distDir) || distDir}; run \`npm run build\` first`);
    return 1;
  }
  const costs = await Promise.all(pages.map((file) => measurePage(distDir, file)));
  const failures = budgetFailures(costs, budgetKb);
  if (failures.length > 0) {
    for (const failure of failures) console.error(`check-size: ${failure}`);
    return 1;
  }
  console.log(`Initial JS per page (gzip), budget ${budgetKb} kB:\n${formatTable(costs, budgetKb)}\n${editionSummary(costs)}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`check-size: ${errorMessage(error)}`);
      process.exit(1);
    },
  );
}
