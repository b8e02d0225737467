/**
 * The training studio's saves against an unlucky reader, in Chromium on the built site (wasm,
 * the tiny run of studio.test.ts): a save that the storage quota refuses is reported as failed
 * and the previous save comes back; a storage quota too small for anything still lets the run
 * train, with saving off; a reload, a closed tab or a visit to another page mid-run comes back
 * at the last completed step; two tabs keep two runs; a lazy chunk gone after a redeploy gives
 * an offer to reload that keeps the settings. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { attr, click, message, step, tag, untilPhase, untilStepAtLeast } from './studio-page';
import { problems, watchPage, type PageLog } from './page-log';

const origin = inject('origin');
const PATH = '/chapters/train-it-yourself/?studio.batch=1&studio.every=2&studio.epochs=5';
/** No validation (so no save) comes during these runs: only the page's own leaving saves them. */
const NO_VALIDATION = '/chapters/train-it-yourself/?studio.batch=1&studio.every=1000&studio.epochs=5';
/** The longest a completed step waits before the page holds a copy for its leaving save (see leavingHandOff). */
const LEAVING_COPY_MS = 1000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

const untilReady = (page: Page, how: 'fresh' | 'restored') => page.waitForSelector(`${tag}[data-ready="${how}"]`, { timeout: 60_000 });

/** Sets the storage quota of the site's origin (in the page's storage partition) in bytes. */
async function setQuota(context: BrowserContext, page: Page, bytes: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

/** A watched page of `context` at `path`, the studio scrolled into view. */
async function open(context: BrowserContext, path: string, before?: (page: Page) => Promise<void>): Promise<{ page: Page; log: PageLog }> {
  const page = await context.newPage();
  const log = await watchPage(page, origin);
  await before?.(page);
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.locator(tag).scrollIntoViewIfNeeded();
  return { page, log };
}

/** Pauses the running run (which saves it); returns its step and checksum. */
async function trainAndPauseAgain(page: Page): Promise<{ step: number; checksum: string | null }> {
  await click(page, 'pause');
  await untilPhase(page, 'paused');
  return { step: await step(page), checksum: await attr(page, 'data-checksum') };
}

/** Starts a run and pauses it after `steps` steps; returns its step and checksum. */
async function trainAndPause(page: Page, steps: number): Promise<{ step: number; checksum: string | null }> {
  await click(page, 'start');
  await untilPhase(page, 'running');
  await untilStepAtLeast(page, steps);
  return trainAndPauseAgain(page);
}

describe('training-studio saves', () => {
  it('reports a save the quota refuses as failed, and the previous save comes back after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      // 20 MB: the data cache (4 MB) and one copy of this run (11.5 MB) fit, a second copy does not.
      const { page, log } = await open(context, PATH, (p) => setQuota(context, p, 20_000_000));
      await untilReady(page, 'fresh');
      // The run's first save fits; then a second copy (a slot is replaced in one transaction) does not.
      const paused = await trainAndPause(page, 3);
      const failure = /^Saving in this browser failed \(the browser’s storage for this site is full\)\. Your save of this run at step (\d+) is kept\. Saving is off until there is room; training goes on\. Export a file to keep this run\.$/;
      await expect.poll(() => message(page), { timeout: 30_000 }).toMatch(failure);
      const kept = Number(failure.exec(await message(page))![1]);
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(paused.step);

      // An imported run is shown, and its own save refused: said so, by name.
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'export')]);
      await page.locator(`${tag} input[data-part="import"]`).setInputFiles({ name: 'mine.unpooled', mimeType: 'application/octet-stream', buffer: readFileSync((await download.path())!) });
      await expect.poll(() => message(page), { timeout: 30_000 }).toBe(
        `Imported "mine.unpooled" at step ${paused.step}, but saving it in this browser failed (the browser’s storage for this site is full): export it to keep it.`,
      );

      // The last good save is intact and comes back.
      await page.reload({ waitUntil: 'load' });
      await page.locator(tag).scrollIntoViewIfNeeded();
      await untilReady(page, 'restored');
      expect(await step(page)).toBe(kept);
      expect(await message(page)).toContain(`Restored your saved run at step ${kept}`);
      expect(await attr(page, 'data-saved-runs')).toBe('1');
      expect(problems(log)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('trains under a storage quota too small for anything, saying that saving is off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, log } = await open(context, PATH, (p) => setQuota(context, p, 200_000));
      await untilReady(page, 'fresh');
      await click(page, 'start');
      await untilPhase(page, 'running');
      await untilStepAtLeast(page, 3);
      expect(await message(page)).toBe(
        'Saving in this browser failed (the browser’s storage for this site is full). Nothing of this run is saved in this browser yet. Saving is off until there is room; training goes on. Export a file to keep this run.',
      );
      await untilStepAtLeast(page, 5); // and it goes on
      expect(await attr(page, 'data-phase')).toBe('running');
      expect(problems(log)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('comes back at the last completed step after a reload, a closed tab and a visit to another page mid-run', async () => {
    // The worker hands the page a copy of the latest step at most once a second: the step shown
    // is the one compared once that second has passed.
    const shownSettled = async (page: Page): Promise<number> => {
      const n = await step(page);
      await page.waitForTimeout(LEAVING_COPY_MS + 200);
      return n;
    };
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      let { page } = await open(context, NO_VALIDATION);
      await untilReady(page, 'fresh');
      await click(page, 'start');
      await untilStepAtLeast(page, 3);
      let shown = await shownSettled(page);
      await page.reload({ waitUntil: 'load' });
      await page.locator(tag).scrollIntoViewIfNeeded();
      await untilReady(page, 'restored');
      const afterReload = await step(page);
      expect(afterReload).toBeGreaterThanOrEqual(shown);

      await click(page, 'resume');
      await untilStepAtLeast(page, afterReload + 2);
      shown = await shownSettled(page);
      await page.goto(`${origin}/chapters/`, { waitUntil: 'load' });
      await page.goto(origin + NO_VALIDATION, { waitUntil: 'load' });
      await page.locator(tag).scrollIntoViewIfNeeded();
      await untilReady(page, 'restored');
      const afterVisit = await step(page);
      expect(afterVisit).toBeGreaterThanOrEqual(shown);

      await click(page, 'resume');
      await untilStepAtLeast(page, afterVisit + 2);
      shown = await shownSettled(page);
      // A closing tab gets no pagehide while a step holds the page (Chromium waits about half a
      // second): slow steps are written in the background, one write at a time, so the latest
      // save is at most the write in flight (one step) and the step after it behind.
      await page.close();
      ({ page } = await open(context, NO_VALIDATION));
      await untilReady(page, 'restored');
      expect(await step(page)).toBeGreaterThanOrEqual(shown - 2);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('keeps two runs for two tabs: neither tab writes over the other’s, and each reload brings back its own', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const a = await open(context, PATH);
      await untilReady(a.page, 'fresh');
      const runA = await trainAndPause(a.page, 2);
      const keyA = await attr(a.page, 'data-run-key');
      expect(keyA).toMatch(/^studio\//);

      // Tab B finds A's run open in A: it restores nothing, and its own run gets its own slot.
      const b = await open(context, PATH.replace('epochs=5', 'epochs=4'));
      await untilReady(b.page, 'fresh');
      expect(await message(b.page)).toContain('open in another tab');
      const runB = await trainAndPause(b.page, 3);
      expect(await attr(b.page, 'data-run-key')).not.toBe(keyA);
      await expect.poll(() => attr(b.page, 'data-saved-runs'), { timeout: 30_000 }).toBe('2');

      await a.page.reload({ waitUntil: 'load' });
      await a.page.locator(tag).scrollIntoViewIfNeeded();
      await untilReady(a.page, 'restored');
      expect(await attr(a.page, 'data-run-key')).toBe(keyA);
      expect(await step(a.page)).toBe(runA.step);
      expect(await attr(a.page, 'data-checksum')).toBe(runA.checksum);
      expect(new URL(a.page.url()).searchParams.get('studio.epochs')).toBe('5');
      expect(await a.page.locator(`${tag} [data-part="saved-runs"] li`).count()).toBe(2);

      await b.page.reload({ waitUntil: 'load' });
      await b.page.locator(tag).scrollIntoViewIfNeeded();
      await untilReady(b.page, 'restored');
      expect(await step(b.page)).toBe(runB.step);
      expect(await attr(b.page, 'data-checksum')).toBe(runB.checksum);
      expect(problems(a.log)).toEqual([]);
      expect(problems(b.log)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('offers a reload that keeps the settings when a lazy chunk is gone after a redeploy', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 300 } });
    try {
      const page = await context.newPage();
      await page.goto(origin + PATH, { waitUntil: 'load' });
      // A redeploy renamed every chunk not loaded yet: the server answers with its 404 page.
      await page.route(/\/_astro\/.*\.js$/, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' }));
      await page.locator(tag).scrollIntoViewIfNeeded();
      const reload = page.locator(`${tag} [data-part="message"] button[data-action="reload"]`);
      await reload.waitFor({ timeout: 60_000 });
      expect(await message(page)).toContain('This page is older than the site');
      await page.unroute(/\/_astro\/.*\.js$/);
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      expect(new URL(page.url()).searchParams.get('studio.every')).toBe('2');
      await page.locator(tag).scrollIntoViewIfNeeded();
      await untilReady(page, 'fresh');
    } finally {
      await context.close();
    }
  }, 120_000);
});
