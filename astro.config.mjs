// @ts-check
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * CamVid may be imported into public/data/ for local use, but its licence forbids
 * redistribution: the built site never carries it. Readers import it on their own machine.
 * Besides `camvid-HxW/`, a running or killed import leaves `.camvid-HxW.tmp-<pid>-…` and
 * `.camvid-HxW.old-<pid>-…` beside it, so every entry whose name mentions CamVid is dropped.
 */
const CAMVID_ENTRY = /camvid/i;

function dropCamvidFromBuild() {
  return {
    name: 'unpooled:drop-camvid',
    hooks: {
      /** @param {{ dir: URL, logger: { info: (m: string) => void } }} options */
      'astro:build:done': async ({ dir, logger }) => {
        const data = fileURLToPath(new URL('data/', dir));
        const entries = await readdir(data).catch(() => []);
        for (const name of entries.filter((n) => CAMVID_ENTRY.test(n))) {
          await rm(`${data}${name}`, { recursive: true, force: true });
          logger.info(`left ${name} out of the build (CamVid may not be redistributed)`);
        }
      },
    },
  };
}

/**
 * Astro writes only the root 404 page as `404.html`; the Chinese edition's not-found page
 * (src/pages/zh/404.astro) would land at `zh/404/index.html`. It is moved to `zh/404.html`,
 * where static hosts (and the browser tests' server) look for a folder's not-found page.
 */
const EDITION_PREFIXES = ['zh'];

function editionNotFoundPages() {
  return {
    name: 'unpooled:edition-404',
    hooks: {
      /** @param {{ dir: URL }} options */
      'astro:build:done': async ({ dir }) => {
        for (const prefix of EDITION_PREFIXES) {
          const folder = fileURLToPath(new URL(`${prefix}/404/`, dir));
          await rename(`${folder}index.html`, fileURLToPath(new URL(`${prefix}/404.html`, dir)));
          await rmdir(folder);
        }
      },
    },
  };
}

/**
 * TF.js's threaded wasm backend starts its worker threads from the source text of its module
 * factory (`Function.prototype.toString`), run alone in each worker. The factory reads
 * `_scriptDir`, a variable of the function around it, guarded by `typeof`; a minifier renames
 * that variable and, knowing it is declared, drops the guard, so every worker throws
 * "ReferenceError: e is not defined" and the backend never starts. Without the declaration
 * `_scriptDir` is a global name, which no minifier renames and whose guard stays; TF.js passes
 * the script itself (`mainScriptUrlOrBlob`), so the value was never needed.
 */
const THREADED_WASM_MODULE = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const SCRIPT_DIR_DECLARATIONS = [
  "var _scriptDir = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;",
  "if (typeof __filename !== 'undefined') _scriptDir = _scriptDir || __filename;",
];

function threadedWasmWorkers() {
  return {
    name: 'unpooled:threaded-wasm-workers',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!THREADED_WASM_MODULE.test(id.split('?')[0] ?? id)) return null;
      const missing = SCRIPT_DIR_DECLARATIONS.filter((line) => !code.includes(line));
      if (missing.length > 0) {
        throw new Error(`${id}: expected TF.js 4.22's _scriptDir declarations (${missing.join(' ')}); check that threaded wasm still starts in a minified build`);
      }
      return { code: SCRIPT_DIR_DECLARATIONS.reduce((text, line) => text.replace(line, ''), code), map: null };
    },
  };
}

/**
 * One language's catalogue per page: the page's scripts import src/i18n/page-catalogues.ts in
 * place of src/i18n/catalogues.ts (both languages), so a page's JavaScript carries only the
 * catalogue of its `<html lang>`, loaded before its widgets start. The build (.astro pages,
 * server side) and the engine worker (built with its own plugins, below) keep both.
 */
const I18N_INDEX = /[\\/]src[\\/]i18n[\\/]index\.ts$/;
const PAGE_CATALOGUES = fileURLToPath(new URL('./src/i18n/page-catalogues.ts', import.meta.url));

function onePageCatalogue() {
  return {
    name: 'unpooled:one-page-catalogue',
    enforce: /** @type {const} */ ('pre'),
    /**
     * @this {{ environment?: { config: { consumer: string } } }}
     * @param {string} source @param {string | undefined} importer @param {{ ssr?: boolean } | undefined} options
     */
    resolveId(source, importer, options) {
      if (source !== './catalogues' || !importer || !I18N_INDEX.test(importer.split('?')[0] ?? importer)) return null;
      const server = this.environment ? this.environment.config.consumer === 'server' : options?.ssr === true;
      return server ? null : PAGE_CATALOGUES;
    },
  };
}

/**
 * Cross-origin isolation (SharedArrayBuffer, so TF.js's wasm backend runs on every core):
 * the headers `npm run dev` and `npm run preview` send. A static host that cannot send them
 * gets them from public/isolation-sw.js (see src/layouts/BaseLayout.astro).
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// A static site: every page is prerendered, every widget hydrates in the browser.
// Two editions: English at the root, Chinese under /zh/ (src/i18n/locales.ts maps the locale
// to its `<html lang>`, zh-CN).
export default defineConfig({
  integrations: [mdx(), dropCamvidFromBuild(), editionNotFoundPages()],
  output: 'static',
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  server: { headers: ISOLATION_HEADERS },
  vite: {
    plugins: [threadedWasmWorkers(), onePageCatalogue()],
    // The engine worker (src/widgets/worker/engine.worker.ts) loads TF.js and the sessions with
    // dynamic imports, which only an ES-module worker can split into chunks; its TF.js needs
    // the same threaded-wasm fix as the page's.
    worker: { format: 'es', plugins: () => [threadedWasmWorkers()] },
  },
});
