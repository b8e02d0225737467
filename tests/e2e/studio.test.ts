/**
 * The training studio (chapter 8) in Chromium, on the built site, with a tiny run: SegNet-Basic
 * at half the synthetic data's size (48 x 64), one image per step, validation every 2 steps.
 * The GPU is off, so the studio trains on the wasm backend (the fallback of a reader without a
 * graphics card, and much faster than SwiftShader). Real steps change the loss, the curves and
 * the frame strip; pause holds the step; a save survives a reload with the same weights
 * (checksum) and step, and training goes on from there; an exported file imports back to the
 * same weights, while a corrupt or truncated one is refused by name and changes nothing; the
 * page logs no error and axe finds no violation. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { attr, click, message, step, tag, untilPhase, untilStepAtLeast } from './studio-page';
import { engineWorkerOf, scriptBytes } from './engine-worker';
import { problems, visit, watchPage } from './page-log';

const origin = inject('origin');
const PATH = '/chapters/train-it-yourself/?studio.batch=1&studio.every=2&studio.epochs=1';
let browser: Browser;


beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});


describe('training-studio (chapter 8)', () => {
  it('loads TF.js only once the studio nears the viewport', async () => {
    // #content keeps the page at the top: a link carrying the studio's state and no anchor
    // would open at the studio.
    const v = await visit(browser, origin, `${PATH}#content`, { context: { viewport: { width: 1280, height: 300 } } });
    const { page } = v;
    try {
      const scripts = () => scriptBytes(page);
      const top = await page.locator(tag).evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThan(300 + 300); // below the 300 px margin of a 300 px viewport
      await page.waitForTimeout(500);
      expect(await attr(page, 'data-backend')).toBeNull();
      expect(await scripts()).toBeLessThan(400_000);
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="fresh"]`, { timeout: 60_000 });
      expect(await scripts()).toBeGreaterThan(1_000_000);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('on a small screen waits for Start before loading TF.js, then trains', async () => {
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 400, height: 800 } } });
    const { page } = v;
    try {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await expect.poll(() => message(page)).toBe('On this device TF.js (about 2 MB) loads when you press Start.');
      await page.waitForTimeout(500);
      expect(await attr(page, 'data-backend')).toBeNull();
      await click(page, 'start');
      await untilPhase(page, 'running');
      await untilStepAtLeast(page, 1);
      await click(page, 'stop');
      await untilPhase(page, 'stopped');
      expect(await message(page)).toMatch(/^Stopped at step \d+\.$/);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('trains, pauses, resumes, saves, survives a reload, exports and imports, and refuses a corrupt file', async () => {
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 1280, height: 900 }, acceptDownloads: true } });
    const { page } = v;
    try {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="fresh"]`, { timeout: 60_000 });
      expect(await attr(page, 'data-backend')).toBe('wasm');
      expect(await page.locator(`${tag} select[data-field="res"]`).inputValue()).toBe('half');

      // A few real steps: the loss and the pictures change.
      const lossBox = page.locator(`${tag} [data-part="loss"]`);
      expect(await lossBox.locator('svg').count()).toBe(0);
      await click(page, 'start');
      await untilPhase(page, 'running');
      // Start turned itself off without dropping the keyboard focus to the page.
      expect(await page.evaluate((t) => (document.activeElement?.closest(t) ? document.activeElement.getAttribute('data-action') : null), tag)).toBe('start');
      expect(await page.locator(`${tag} button[data-action="start"]`).getAttribute('aria-disabled')).toBe('true');
      expect(await page.locator(`${tag} [data-part="origin"]`).innerText()).toBe('Weights: Every weight comes from the pretrained checkpoint (all 50 tensors).');
      await untilStepAtLeast(page, 2);
      await page.waitForSelector(`${tag}[data-strip-step]`, { timeout: 60_000 });
      const lossAt2 = await lossBox.innerHTML();
      const stripAt2 = await page.locator(`${tag} [data-part="strip"]`).innerHTML();
      const statLoss = () => page.locator(`${tag} [data-stat="loss"] dd`).innerText();
      const firstLoss = await statLoss();
      await untilStepAtLeast(page, 5);
      expect(await statLoss()).not.toBe(firstLoss);
      await expect.poll(() => lossBox.innerHTML(), { timeout: 10_000 }).not.toBe(lossAt2);
      await expect.poll(() => page.locator(`${tag} [data-part="strip"]`).innerHTML(), { timeout: 30_000 }).not.toBe(stripAt2);
      expect(await page.locator(`${tag} [data-part="classes"] svg[role="img"][aria-label^="Per-class IoU on the validation frames"]`).count()).toBe(1);
      expect(await page.locator(`${tag} [data-part="confusion"] svg[role="img"][aria-label^="Confusion matrix"]`).count()).toBe(1);
      expect(await page.locator(`${tag} [data-part="strip"] canvas`).count()).toBe(9);
      expect(await page.locator(`${tag} [data-stat="eta"] dd`).innerText()).toMatch(/\d+ (s|min)/);

      // Pause holds the step; resume goes on.
      await click(page, 'pause');
      await untilPhase(page, 'paused');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('pause');
      const held = await step(page);
      await page.waitForTimeout(1500);
      expect(await step(page)).toBe(held);
      await click(page, 'resume');
      await untilPhase(page, 'running');
      await untilStepAtLeast(page, held + 2);
      await click(page, 'pause');
      await untilPhase(page, 'paused');

      // Save, reload: same step, same weights; then training continues from there.
      await click(page, 'save');
      await expect.poll(() => message(page), { timeout: 30_000 }).toMatch(/^Saved in this browser at step \d+/);
      const savedStep = await step(page);
      const checksum = await attr(page, 'data-checksum');
      expect(checksum).toMatch(/^[0-9a-f]{8}$/);
      await page.reload({ waitUntil: 'load' });
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="restored"]`, { timeout: 60_000 });
      expect(await step(page)).toBe(savedStep);
      expect(await attr(page, 'data-checksum')).toBe(checksum);
      expect(await attr(page, 'data-phase')).toBe('paused');
      expect(await message(page)).toContain(`Restored your saved run at step ${savedStep}`);
      expect(Number(await attr(page, 'data-curve-points'))).toBe(savedStep);
      await click(page, 'resume');
      await untilStepAtLeast(page, savedStep + 1);
      await click(page, 'pause');
      await untilPhase(page, 'paused');

      // Export, then import: a corrupt and a truncated copy are refused by name; the real one is taken.
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'export')]);
      const exported = readFileSync((await download.path())!);
      expect(exported.subarray(0, 12).toString('latin1')).toBe('UNPOOLEDCKPT');
      const before = { step: await step(page), checksum: await attr(page, 'data-checksum') };
      const input = page.locator(`${tag} input[data-part="import"]`);
      const corrupt = Buffer.from(exported);
      corrupt[corrupt.length - 5] = corrupt[corrupt.length - 5]! ^ 0xff;
      await input.setInputFiles({ name: 'corrupt.unpooled', mimeType: 'application/octet-stream', buffer: corrupt });
      await expect.poll(() => message(page), { timeout: 30_000 }).toContain('"corrupt.unpooled" is damaged');
      await input.setInputFiles({ name: 'half.unpooled', mimeType: 'application/octet-stream', buffer: exported.subarray(0, exported.length >> 1) });
      await expect.poll(() => message(page), { timeout: 30_000 }).toContain('"half.unpooled" is truncated');
      await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
      await expect.poll(() => message(page), { timeout: 30_000 }).toContain('"photo.png" is not a checkpoint exported by this studio');
      expect(await step(page)).toBe(before.step);
      expect(await attr(page, 'data-checksum')).toBe(before.checksum);

      await click(page, 'resume');
      await untilStepAtLeast(page, before.step + 1);
      await click(page, 'pause');
      await untilPhase(page, 'paused');
      expect(await attr(page, 'data-checksum')).not.toBe(before.checksum);
      await input.setInputFiles({ name: 'mine.unpooled', mimeType: 'application/octet-stream', buffer: exported });
      await expect.poll(() => message(page), { timeout: 30_000 }).toContain('Imported "mine.unpooled"');
      expect(await step(page)).toBe(before.step);
      expect(await attr(page, 'data-checksum')).toBe(before.checksum);

      // A hidden tab pauses the run and saves it.
      await click(page, 'resume');
      await untilPhase(page, 'running');
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { value: true, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await untilPhase(page, 'paused');
      expect(await message(page)).toBe('Paused because the tab was hidden; your run is saved. Press Resume to go on.');
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { value: false, configurable: true });
      });

      // Switching backend while paused rebuilds the same network there.
      const paused = { step: await step(page), checksum: await attr(page, 'data-checksum') };
      await page.locator(`${tag} select[data-field="backend"]`).selectOption('cpu');
      await page.waitForSelector(`${tag}[data-backend="cpu"][data-phase="paused"]`, { timeout: 60_000 });
      await expect.poll(() => attr(page, 'data-checksum'), { timeout: 30_000 }).toBe(paused.checksum);
      expect(await step(page)).toBe(paused.step);
      expect(decodeURIComponent(new URL(page.url()).search)).toContain('studio.backend=cpu');
      expect(await page.locator(`${tag} [data-stat="backend"] dd`).innerText()).toBe('cpu');

      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  }, 600_000);

  it('says so, and starts nothing, when the WebGL context is lost', async () => {
    const gpu = await launchChromium(); // SwiftShader: WebGL works, slowly
    const context = await gpu.newContext();
    const page = await context.newPage();
    // TF.js runs in the engine worker: keep every WebGL context created there, so the test can
    // lose TF.js's. The worker starts long before TF.js (megabytes of code) has loaded in it.
    page.on('worker', (worker) => {
      void worker
        .evaluate(() => {
          const w = self as unknown as { __glContexts: unknown[] };
          w.__glContexts = [];
          const proto = OffscreenCanvas.prototype as { getContext: (...a: unknown[]) => unknown };
          const original = proto.getContext;
          proto.getContext = function (this: unknown, ...args: unknown[]) {
            const ctx = original.apply(this, args);
            if (ctx && /webgl/.test(String(args[0]))) w.__glContexts.push(ctx);
            return ctx;
          };
        })
        .catch(() => undefined);
    });
    const log = await watchPage(page, origin);
    await page.goto(`${origin}/chapters/train-it-yourself/?studio.backend=webgl`, { waitUntil: 'load' });
    try {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="fresh"]`, { timeout: 60_000 });
      expect(await attr(page, 'data-backend')).toBe('webgl');
      const lost = await engineWorkerOf(page)!.evaluate(() => {
        const w = self as unknown as { __glContexts: WebGL2RenderingContext[] };
        for (const gl of w.__glContexts) gl.getExtension('WEBGL_lose_context')?.loseContext();
        return w.__glContexts.length;
      });
      expect(lost).toBeGreaterThan(0);
      await page.waitForSelector(`${tag}[data-device-lost="webgl"]`, { timeout: 30_000 });
      expect(await message(page)).toBe('The WebGL context was lost (the graphics driver reset or the browser reclaimed it). Training stopped; your last save is intact. Switch to another backend (or reload the page) to continue from it.');
      // Nothing may be imported onto (or exported from) the lost device.
      expect(await page.locator(`${tag} input[data-part="import"]`).isDisabled()).toBe(true);
      expect(await page.locator(`${tag} button[data-action="export"]`).isDisabled()).toBe(true);
      await click(page, 'start');
      await expect.poll(() => message(page)).toBe('The graphics device was lost: switch to another backend, or reload the page.');
      expect(await attr(page, 'data-phase')).toBe('idle');
      expect(problems(log)).toEqual([]);
    } finally {
      await gpu.close();
    }
  });
});
