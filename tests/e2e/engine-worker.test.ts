/**
 * The engine worker in Chromium, on the built site (run `npm run build` first): the training
 * studio and the decoder race of chapter 8 train in one dedicated worker per page, on wasm (the
 * GPU is off). The page itself fetches no TF.js and no wasm binary (only Observable Plot, to
 * draw); the worker fetches both; Pause acts at the next step boundary; both widgets report
 * their steps to the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { engineWorkerOf, scriptsBySide } from './engine-worker';
import { problems, visit } from './page-log';
import { DIST_DIR } from './site';
import { attr, click, step, tag, untilPhase, untilStepAtLeast } from './studio-page';

const origin = inject('origin');
const PATH = '/chapters/train-it-yourself/?studio.batch=1&studio.every=2&studio.epochs=1&race.res=half';
const race = 'decoder-comparison';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

const bytes = (list: { bytes: number }[]): number => list.reduce((n, s) => n + s.bytes, 0);

/** Whether a fetched script is TF.js's core: its built chunk holds the core's IS_BROWSER flag. */
function isTfjs(script: { name: string }): boolean {
  const file = join(DIST_DIR, new URL(script.name).pathname);
  return script.name.endsWith('.js') && existsSync(file) && readFileSync(file, 'utf8').includes('IS_BROWSER');
}

describe('engine worker (chapter 8)', () => {
  it('trains the studio and the decoder race in one worker; the page fetches no TF.js; Pause acts at the next step', async () => {
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="fresh"]`, { timeout: 60_000 });
      expect(await attr(page, 'data-backend')).toBe('wasm');
      await click(page, 'start');
      await untilPhase(page, 'running');
      await untilStepAtLeast(page, 3);

      // The worker ends the step in flight and stands still. The page may be one report behind
      // the worker when the click lands, so at most two more steps show: the one the page had
      // not heard of yet, and the one in flight when the worker read the click.
      const shown = await step(page);
      await click(page, 'pause');
      await untilPhase(page, 'paused');
      const pausedAt = await step(page);
      expect(pausedAt - shown).toBeGreaterThanOrEqual(0);
      expect(pausedAt - shown).toBeLessThanOrEqual(2);
      await page.waitForTimeout(1500);
      expect(await step(page)).toBe(pausedAt);

      // The decoder race trains in the same worker.
      await page.locator(race).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${race} .dc-predictions`, { timeout: 90_000 });
      await page.locator(race).getByRole('button', { name: 'Start' }).click();
      await expect.poll(async () => Number((await page.locator(race).getAttribute('data-step')) ?? 0), { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
      await page.locator(race).getByRole('button', { name: 'Pause' }).click();
      await page.waitForSelector(`${race}[data-state="paused"]`, { timeout: 120_000 });

      // One worker for both; TF.js and its wasm binary were fetched there, never by the page.
      expect(page.workers().filter((w) => /engine\.worker/.test(w.url()))).toHaveLength(1);
      expect(engineWorkerOf(page)).not.toBeNull();
      const fetched = await scriptsBySide(page);
      expect(fetched.page.filter((s) => s.name.endsWith('.wasm'))).toEqual([]);
      expect(fetched.page.filter(isTfjs)).toEqual([]);
      expect(fetched.worker.filter(isTfjs).length).toBeGreaterThan(0);
      expect(fetched.worker.filter((s) => s.name.endsWith('.wasm')).length).toBeGreaterThan(0);
      expect(bytes(fetched.worker)).toBeGreaterThan(1_000_000);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  }, 400_000);

  it('says when the worker dies mid-run, and the next Start brings the last save back in a new worker', async () => {
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="fresh"]`, { timeout: 60_000 });
      await click(page, 'start');
      await untilPhase(page, 'running');
      // A validation (every 2 steps) saves the run.
      await expect.poll(() => attr(page, 'data-saved-runs'), { timeout: 120_000 }).toBe('1');
      const first = engineWorkerOf(page)!;
      // An uncaught error in the worker (as a wasm abort would be): the page hears it as the worker's error event.
      await first.evaluate(() => void setTimeout(() => {
        throw new Error('simulated abort');
      }));
      await untilPhase(page, 'idle');
      expect(await page.locator(`${tag} [data-part="message"]`).innerText()).toContain('The engine worker stopped');
      await click(page, 'start');
      await page.waitForSelector(`${tag}[data-ready="restored"]`, { timeout: 60_000 });
      expect(await attr(page, 'data-phase')).toBe('paused');
    } finally {
      await v.close();
    }
  }, 400_000);
});
