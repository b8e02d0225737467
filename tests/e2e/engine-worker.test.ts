/**
 * The engine worker in Chromium, on the built site (run `npm run build` first): the training
 * studio and the decoder race of chapter 8 train in one dedicated worker per page, on wasm (the
 * GPU is off). The page itself fetches no TF.js and no wasm binary (only Observable Plot, to
 * draw); the worker fetches both; Pause acts at the next step boundary; both widgets report
 * their steps to the page. The model widgets (label overlay, decoder side-by-side, own image)
 * run their network there too: their pages load no TF.js, yet draw the network's answers; a
 * page loads only its own language's catalogue.
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

/** Whether TF.js's engine exists in this context (its core keeps it on the global object). */
const hasTfEngine = (): boolean => (globalThis as { _tfengine?: unknown })._tfengine !== undefined;

/** Tensors TF.js holds in this context (0 where it never loaded). */
const tensorCount = (): number => (globalThis as { _tfengine?: { state?: { numTensors?: number } } })._tfengine?.state?.numTensors ?? 0;

/** Scrolls a model widget in and waits for its network, clicking Run where the page asks for it. */
async function runModelWidget(page: import('playwright-core').Page, tag: string): Promise<void> {
  await page.locator(tag).scrollIntoViewIfNeeded();
  const run = `${tag} [data-part="status"] [data-action="run"]`;
  await page.waitForSelector(`${tag}[data-backend], ${run}`, { timeout: 60_000 });
  if ((await page.locator(tag).getAttribute('data-backend')) === null) await page.locator(run).first().click();
  await page.waitForSelector(`${tag}[data-backend]`, { timeout: 60_000 });
}

describe('model widgets in the engine worker', () => {
  it('label overlay (chapter 1): the page loads no TF.js and holds no tensors; the worker runs the network; the overlay draws', async () => {
    const v = await visit(browser, origin, '/chapters/pixels/', { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      const tag = 'label-overlay';
      await runModelWidget(page, tag);
      expect(await page.locator(tag).getAttribute('data-backend')).toBe('wasm');
      // The probe's probability bars come from the network's answer for the frame.
      await page.locator(`${tag} .probability-bars`).waitFor({ timeout: 60_000 });
      expect(await page.locator(`${tag} .probability-bars`).textContent()).toMatch(/\d/);
      const worker = engineWorkerOf(page)!;
      expect(worker).not.toBeNull();
      expect(await page.evaluate(hasTfEngine)).toBe(false);
      expect(await page.evaluate(tensorCount)).toBe(0);
      expect(await worker.evaluate(hasTfEngine)).toBe(true);
      expect(await worker.evaluate(tensorCount)).toBeGreaterThan(0); // the network and the frame's recorded layers
      const fetched = await scriptsBySide(page);
      expect(fetched.page.filter(isTfjs)).toEqual([]);
      expect(fetched.page.filter((s) => s.name.endsWith('.wasm'))).toEqual([]);
      expect(fetched.worker.filter(isTfjs).length).toBeGreaterThan(0);
      // One language per page: the English catalogue, not the Chinese one.
      const catalogues = fetched.page.map((s) => new URL(s.name).pathname.split('/').pop()!).filter((n) => /^(en|zh)\.[\w-]+\.js$/.test(n));
      expect(catalogues.map((n) => n.slice(0, 2))).toEqual(['en']);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  }, 200_000);

  it('label overlay: after the worker dies, the next frame is answered by a fresh worker', async () => {
    const v = await visit(browser, origin, '/chapters/pixels/?overlay.show=prediction', { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      const tag = 'label-overlay';
      await runModelWidget(page, tag);
      await page.locator(`${tag} .probability-bars`).waitFor({ timeout: 60_000 });
      const first = engineWorkerOf(page)!;
      await first.evaluate(() => void setTimeout(() => {
        throw new Error('simulated abort');
      }));
      await expect.poll(() => page.workers().filter((w) => w === first).length, { timeout: 30_000 }).toBe(0);
      await page.locator(`${tag} input[data-field="frame"]`).nth(2).check();
      await expect.poll(() => page.locator(`${tag} [data-part="caption"]`).innerText(), { timeout: 60_000 }).toContain('of the labelled pixels');
      const second = engineWorkerOf(page);
      expect(second).not.toBeNull();
      expect(second).not.toBe(first);
      expect(await second!.evaluate(hasTfEngine)).toBe(true);
    } finally {
      await v.close();
    }
  }, 200_000);

  it('decoder side-by-side (chapter 5) upsamples in the worker and draws its three maps', async () => {
    const v = await visit(browser, origin, '/chapters/unpooling/', { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      const tag = 'decoder-side-by-side';
      await runModelWidget(page, tag);
      await page.waitForSelector(`${tag}[data-shown]`, { timeout: 90_000 });
      expect(await page.locator(`${tag} [data-part="stage"] canvas`).count()).toBeGreaterThanOrEqual(3);
      expect(await page.evaluate(hasTfEngine)).toBe(false);
      expect((await scriptsBySide(page)).page.filter(isTfjs)).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  }, 200_000);

  it('the Chinese chapter 1 loads only the Chinese catalogue and says where the network runs in Chinese', async () => {
    const v = await visit(browser, origin, '/zh/chapters/pixels/', { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      const tag = 'label-overlay';
      await runModelWidget(page, tag);
      await expect.poll(() => page.locator(`${tag} [data-part="status"]`).innerText(), { timeout: 60_000 }).toMatch(/[\u4e00-\u9fff]/);
      const fetched = await scriptsBySide(page);
      const catalogues = fetched.page.map((s) => new URL(s.name).pathname.split('/').pop()!).filter((n) => /^(en|zh)\.[\w-]+\.js$/.test(n));
      expect(catalogues.map((n) => n.slice(0, 2))).toEqual(['zh']);
      expect(await page.evaluate(hasTfEngine)).toBe(false);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  }, 200_000);

  it('own image (chapter 8) labels a sample street in the same worker as the chapter’s training', async () => {
    const v = await visit(browser, origin, '/chapters/train-it-yourself/', { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      const tag = 'own-image';
      await runModelWidget(page, tag);
      await page.locator(`${tag} [data-sample]`).first().click();
      await page.waitForSelector(`${tag}[data-prediction="ready"]`, { timeout: 90_000 });
      expect(page.workers().filter((w) => /engine\.worker/.test(w.url()))).toHaveLength(1);
      expect(await page.evaluate(hasTfEngine)).toBe(false);
      const fetched = await scriptsBySide(page);
      expect(fetched.page.filter(isTfjs)).toEqual([]);
      expect(fetched.worker.filter(isTfjs).length).toBeGreaterThan(0);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  }, 200_000);
});
