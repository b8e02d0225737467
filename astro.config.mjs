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
  // The engine worker (src/widgets/worker/engine.worker.ts) loads TF.js and the sessions with
  // dynamic imports, which only an ES-module worker can split into chunks.
  vite: { worker: { format: 'es' } },
});
