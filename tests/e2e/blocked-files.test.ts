/**
 * Files the page cannot get (a content blocker, a proxy, a half-deployed site), in Chromium on
 * the built site: each widget names the file that failed instead of saying something false
 * ("no checkpoint came with this site") or empty ("Failed to fetch"), and a backend the reader
 * asked for that cannot start is said, not silently replaced. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { builtPages, DIST_DIR } from './site';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

/** A page of a fresh context at `path`, with requests matching `blocked` aborted as a blocker would. */
async function openBlocking(path: string, blocked: RegExp): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(blocked, (route) => route.abort('blockedbyclient'));
  await page.goto(origin + path, { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

function pageWith(tag: string): string {
  const path = builtPages().find((p) => readFileSync(join(DIST_DIR, p.endsWith('/') ? `${p}index.html` : p), 'utf8').includes(`<${tag} `));
  if (!path) throw new Error(`no built page embeds <${tag}>`);
  return path;
}

describe('blocked files', () => {
  it('own-image: names the model file that could not be fetched, rather than "no checkpoint came with this site"', async () => {
    const { page, close } = await openBlocking(pageWith('own-image'), /\/models\//);
    try {
      await page.locator('own-image').scrollIntoViewIfNeeded();
      await page.locator('own-image [data-part="status"] [data-action="run"]').click(); // no GPU here: the network waits for a click
      const which = page.locator('own-image [data-part="which-model"]');
      await expect.poll(() => which.innerText(), { timeout: 60_000 }).toMatch(/could not be loaded \(http:\/\/127\.0\.0\.1:\d+\/models\/[^ ]+\/model\.json could not be fetched/);
      expect(await which.innerText()).not.toContain('No trained checkpoint came with this site');
    } finally {
      await close();
    }
  });

  it('training studio: names the data file that could not be fetched', async () => {
    const { page, close } = await openBlocking('/chapters/train-it-yourself/?studio.batch=1', /\/data\/synthetic-96x128\/train-000\.bin/);
    try {
      await page.locator('training-studio').scrollIntoViewIfNeeded();
      await page.waitForSelector('training-studio[data-ready="fresh"]', { timeout: 60_000 });
      await page.locator('training-studio button[data-action="start"]').click();
      const message = page.locator('training-studio [data-part="message"]');
      await expect.poll(() => message.innerText(), { timeout: 60_000 }).toMatch(/^The run could not start: shard train-000\.bin: http:\/\/127\.0\.0\.1:\d+\/data\/synthetic-96x128\/train-000\.bin could not be fetched \(Failed to fetch\)$/);
    } finally {
      await close();
    }
  });

  it('training studio: says that the WebAssembly backend asked for did not start, and where it runs instead', async () => {
    const { page, close } = await openBlocking('/chapters/train-it-yourself/?studio.backend=wasm', /\.wasm$/);
    try {
      await page.locator('training-studio').scrollIntoViewIfNeeded();
      await page.waitForSelector('training-studio[data-ready]', { timeout: 60_000 });
      const text = await page.locator('training-studio [data-part="message"]').innerText();
      expect(text).toMatch(/^The wasm backend you asked for did not start here \(none of wasm could start \(wasm: [^)]+\)\)\. Ready on cpu\. Press Start to train\.$/);
    } finally {
      await close();
    }
  });
});
