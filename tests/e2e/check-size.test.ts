import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  budgetFailures,
  entryScripts,
  measurePage,
  pagePath,
  resolveScript,
  staticImports,
} from '../../scripts/check-size';

let dist: string;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'check-size-'));
});

afterEach(() => {
  rmSync(dist, { recursive: true, force: true });
});

function write(file: string, content: string): void {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), content);
}

/** A module that gzip cannot shrink much: a string of random base64. */
const incompressible = (bytes: number): string => `export const blob = "${randomBytes(bytes).toString('base64')}";\n`;

describe('entryScripts(html)', () => {
  it('finds script src, inline scripts, module preloads and eager islands, and skips data and late islands', () => {
    const html = `<head>
      <script type="module" src="/_astro/page.js"></script>
      <script src='classic.js' defer></script>
      <script type="application/ld+json">{"a": 1}</script>
      <script type="importmap">{"imports": {}}</script>
      <link rel="modulepreload" href="/_astro/chunk.js">
      <link rel="stylesheet" href="/_astro/site.css">
      <script type="module">import "./inline-dep.js"; console.log(1)</script>
      </head><body>
      <astro-island client="load" component-url="/_astro/A.js" renderer-url="/_astro/r.js"></astro-island>
      <astro-island client="visible" component-url="/_astro/B.js" renderer-url="/_astro/r.js"></astro-island>
      </body>`;
    expect(entryScripts(html)).toEqual([
      { kind: 'url', url: '/_astro/page.js', isModule: true },
      { kind: 'url', url: 'classic.js', isModule: false },
      { kind: 'inline', code: 'import "./inline-dep.js"; console.log(1)', isModule: true },
      { kind: 'url', url: '/_astro/chunk.js', isModule: true },
      { kind: 'url', url: '/_astro/A.js', isModule: true },
      { kind: 'url', url: '/_astro/r.js', isModule: true },
    ]);
  });
});

describe('staticImports(code)', () => {
  it('lists import and re-export specifiers but not import() or import.meta', async () => {
    const code = `import{a as b}from"./a.js";import"./b.js";export*from"/c.js";export{d}from"./d.js";
      const late=()=>import("./late.js");console.log(import.meta.url, b, late);`;
    await expect(staticImports(code)).resolves.toEqual(['./a.js', './b.js', '/c.js', './d.js']);
  });
});

describe('resolveScript(url, fromPath)', () => {
  it('resolves absolute and relative URLs to dist-relative files', () => {
    expect(resolveScript('/_astro/a.js', '/chapters/pixels/')).toBe('_astro/a.js');
    expect(resolveScript('./b.js', '/_astro/a.js')).toBe('_astro/b.js');
    expect(resolveScript('../c.js?v=1', '/chapters/pixels/')).toBe('chapters/c.js');
  });

  it('refuses other origins and bare specifiers', () => {
    expect(() => resolveScript('https://cdn.example/tf.js', '/')).toThrow(
      '/ loads a script from another origin: https://cdn.example/tf.js',
    );
    expect(() => resolveScript('d3', '/_astro/a.js')).toThrow('bare module specifier "d3" in /_astro/a.js');
  });
});

describe('pagePath(htmlFile)', () => {
  it('maps index.html files to their directory and keeps other names', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath(join('chapters', 'pixels', 'index.html'))).toBe('/chapters/pixels/');
    expect(pagePath('404.html')).toBe('/404.html');
  });
});

describe('measurePage(distDir, htmlFile)', () => {
  it('counts entry scripts and their static imports once each, and not chunks behind import()', async () => {
    const shared = 'export const shared = 1;\n';
    const entry = 'import"./shared.js";import{x}from"./dep.js";const m=()=>import("./heavy.js");\n';
    const dep = 'import"./shared.js";export const x=2;\n';
    write('_astro/shared.js', shared);
    write('_astro/entry.js', entry);
    write('_astro/dep.js', dep);
    write('_astro/heavy.js', incompressible(200_000));
    const inline = 'console.log("hi")';
    write('chapters/one/index.html', `<script type="module" src="/_astro/entry.js"></script><script>${inline}</script>`);
    const cost = await measurePage(dist, join('chapters', 'one', 'index.html'));
    expect(cost.page).toBe('/chapters/one/');
    expect(cost.files.map((f) => f.name)).toEqual(['inline #1', '_astro/entry.js', '_astro/shared.js', '_astro/dep.js']);
    const expected = [inline, entry, shared, dep].reduce((sum, code) => sum + gzipSync(code).length, 0);
    expect(cost.totalGzipBytes).toBe(expected);
  });

  it('counts the page\'s own catalogue, imported before its widgets start, and not the other language\'s', async () => {
    const loader = 'const m=document.documentElement.lang==="zh-CN"?await import("./zh.B2.js"):await import("./en.A1.js");export{m};\n';
    write('_astro/catalogue-loader.js', loader);
    write('_astro/en.A1.js', 'export const en={a:"English words"};\n');
    write('_astro/zh.B2.js', 'export const zh={a:"中文"};\n');
    write('chapters/one/index.html', '<script type="module" src="/_astro/catalogue-loader.js"></script>');
    write('zh/chapters/one/index.html', '<script type="module" src="/_astro/catalogue-loader.js"></script>');
    expect((await measurePage(dist, join('chapters', 'one', 'index.html'))).files.map((f) => f.name)).toEqual(['_astro/catalogue-loader.js', '_astro/en.A1.js']);
    expect((await measurePage(dist, join('zh', 'chapters', 'one', 'index.html'))).files.map((f) => f.name)).toEqual(['_astro/catalogue-loader.js', '_astro/zh.B2.js']);
  });

  it('names the missing file when a page loads a script that is not in dist', async () => {
    write('index.html', '<script type="module" src="/_astro/gone.js"></script>');
    await expect(measurePage(dist, 'index.html')).rejects.toThrow(`/ loads /_astro/gone.js, which is not in ${dist}`);
  });
});

describe('budgetFailures(costs, budgetKb)', () => {
  it('names each page over budget with its size and largest files', () => {
    const costs = [
      { page: '/', files: [{ name: 'a.js', gzipBytes: 40_000 }], totalGzipBytes: 40_000 },
      {
        page: '/chapters/train/',
        files: [
          { name: 'b.js', gzipBytes: 30_000 },
          { name: 'tf.js', gzipBytes: 90_500 },
        ],
        totalGzipBytes: 120_500,
      },
    ];
    expect(budgetFailures(costs, 100)).toEqual([
      '/chapters/train/ loads 120.5 kB of JS (gzip) up front, over the 100 kB budget; largest: tf.js 90.5 kB, b.js 30.0 kB',
    ]);
    expect(budgetFailures(costs, 150)).toEqual([]);
  });
});

describe('tsx scripts/check-size.ts', () => {
  const run = (...args: string[]): { code: number; output: string } => {
    try {
      const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/check-size.ts', ...args], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { code: 0, output };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, output: e.stdout + e.stderr };
    }
  };

  it('prints a table and exits 0 when every page is within budget', () => {
    write('index.html', '<script type="module" src="/_astro/small.js"></script>');
    write('_astro/small.js', 'export const a = 1;\n');
    const { code, output } = run('--dist', dist);
    expect(code).toBe(0);
    expect(output).toMatch(/^page\s+scripts\s+gzip kB\s+of budget$/m);
    expect(output).toMatch(/^\/\s+1\s+0\.0\s+0%$/m);
  });

  it('exits 1 naming the page and its size when a page loads too much up front', () => {
    write('index.html', '<p>no scripts</p>');
    write('chapters/train/index.html', '<script type="module" src="/_astro/big.js"></script>');
    write('_astro/big.js', incompressible(150_000));
    const { code, output } = run('--dist', dist);
    expect(code).toBe(1);
    expect(output).toMatch(/check-size: \/chapters\/train\/ loads 1\d\d\.\d kB of JS \(gzip\) up front, over the 100 kB budget/);
    expect(output).not.toMatch(/check-size: \/ loads/);
  });

  it('measures the Chinese edition\'s pages as well, and names one over budget', () => {
    write('index.html', '<script type="module" src="/_astro/small.js"></script>');
    write('zh/index.html', '<script type="module" src="/_astro/small.js"></script>');
    write('zh/chapters/train/index.html', '<script type="module" src="/_astro/big.js"></script>');
    write('_astro/small.js', 'export const a = 1;\n');
    write('_astro/big.js', incompressible(150_000));
    const { code, output } = run('--dist', dist);
    expect(code).toBe(1);
    expect(output).toMatch(/check-size: \/zh\/chapters\/train\/ loads 1\d\d\.\d kB of JS \(gzip\) up front, over the 100 kB budget/);
    rmSync(join(dist, 'zh/chapters'), { recursive: true });
    const within = run('--dist', dist);
    expect(within.code).toBe(0);
    expect(within.output).toMatch(/^\/zh\/\s+1\s+0\.0\s+0%$/m);
    expect(within.output).toContain('1 English page, 1 Chinese page');
  });

  it('exits 1 when there is nothing to measure', () => {
    const { code, output } = run('--dist', join(dist, 'missing'));
    expect(code).toBe(1);
    expect(output).toContain('run `npm run build` first');
  });
});
