// @ts-check
import { readdir, rm } from 'node:fs/promises';
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

// A static site: every page is prerendered, every widget hydrates in the browser.
export default defineConfig({
  integrations: [mdx(), dropCamvidFromBuild()],
  output: 'static',
  // The engine worker (src/widgets/shared/engine.worker.ts) loads TF.js and the sessions with
  // dynamic imports, which only an ES-module worker can split into chunks.
  vite: { worker: { format: 'es' } },
});
