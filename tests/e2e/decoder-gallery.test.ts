/**
 * The decoder gallery (chapter 7) in Chromium, on the wasm backend (no GPU): every trained
 * decoder's labels drawn with their scores; the arrow keys, a press on a picture, the zoom menu
 * and + / - move or resize the lens in every panel and write the URL; the frame picker changes
 * the frame; a link restores the state; at 390 px (after the Run the phone asks for) it fits the
 * screen in two columns; the Chinese edition words it in Chinese; axe finds nothing.
 * Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { checkVisit } from './page-log';

const origin = inject('origin');
const PATH = '/chapters/why-it-matters/';
const tag = 'decoder-gallery';
const stage = `${tag} [data-part="stage"]`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

const withPage = (path: string, check: (page: Page) => Promise<void>, viewport = { width: 1280, height: 900 }): Promise<void> =>
  checkVisit(browser, origin, path, { context: { viewport } }, check);

/** Scroll to the gallery, press Run where the page holds the networks, and wait for every decoder's labels. */
async function whenRun(page: Page): Promise<void> {
  const widget = page.locator(tag);
  await widget.scrollIntoViewIfNeeded();
  const run = `${tag} [data-part="status"] [data-action="run"]`;
  await page.waitForSelector(`${tag}[data-backend], ${run}`, { timeout: 30_000 });
  if ((await widget.getAttribute('data-backend')) === null) await page.locator(run).click();
  await expect.poll(() => shown(page), { timeout: 90_000 }).toMatch(/:run$/);
}

const shown = (page: Page): Promise<string | null> => page.locator(tag).getAttribute('data-shown');
const query = (page: Page): string => decodeURIComponent(new URL(page.url()).search);
/** The lens crops' pixels, as data URLs (they change when the lens moves). */
const lenses = (page: Page): Promise<string[]> => page.locator(`${stage} canvas.gallery-lens`).evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).toDataURL()));

describe('decoder gallery (chapter 7)', () => {
  it('draws every decoder with its scores, and the lens follows the keys, a press, the menu and + / -', async () => {
    await withPage(PATH, async (page) => {
      await whenRun(page);
      const decoders = await page.locator(`${stage} figure.gallery-panel:not([data-absent]) table`).count();
      const absent = await page.locator(`${stage} figure[data-absent]`).count();
      expect(decoders).toBeGreaterThanOrEqual(2);
      expect(decoders + absent).toBe(5);
      // Scores are numbers on the frame and in the lens.
      const cells = await page.locator(`${stage} tbody td`).allInnerTexts();
      expect(cells).toHaveLength(decoders * 4);
      for (const c of cells) expect(c).toMatch(/^\d{1,3}\.\d$/);
      const [frame, zoom, x, y] = (await shown(page))!.split(':').map(Number);
      expect([frame, zoom]).toEqual([1, 4]);

      // Arrow key: the lens moves right in the state, the URL and every crop.
      let before = await lenses(page);
      await page.locator(stage).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => shown(page)).toMatch(new RegExp(`^1:4:${x! + 8}:${y}:run$`));
      await expect.poll(() => query(page)).toContain(`gallery.x=${x! + 8}`);
      expect(await lenses(page)).not.toEqual(before);
      // Focus stays on the panels, so the keys keep working.
      expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), stage)).toBe(true);

      // + magnifies; the menu follows.
      await page.keyboard.press('+');
      await expect.poll(() => shown(page)).toMatch(/^1:6:/);
      expect(await page.locator(`${tag} select[data-field="zoom"]`).inputValue()).toBe('6');
      // The menu sets it back.
      await page.locator(`${tag} select[data-field="zoom"]`).selectOption('2');
      await expect.poll(() => shown(page)).toMatch(/^1:2:/);
      await expect.poll(() => query(page)).toContain('gallery.zoom=2');

      // A press on a picture places the lens there (the ground truth's top-left quarter).
      before = await lenses(page);
      const whole = page.locator(`${stage} [data-panel="truth"] .gallery-whole`);
      const box = (await whole.boundingBox())!;
      await whole.click({ position: { x: box.width * 0.25, y: box.height * 0.25 } });
      await expect.poll(() => shown(page)).toMatch(/^1:2:60:45:run$/);
      expect(await lenses(page)).not.toEqual(before);

      // Another frame: drawn and scored.
      await page.locator(`${tag} input[data-field="frame"][value="3"]`).check({ force: true });
      await expect.poll(() => shown(page), { timeout: 60_000 }).toMatch(/^3:2:60:45:run$/);

      const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }, 240_000);

  it('restores a link, fits a 390 px screen in two columns, and speaks Chinese in the Chinese edition', async () => {
    await withPage(
      `/zh${PATH}?gallery.frame=0&gallery.zoom=3&gallery.x=100&gallery.y=80`,
      async (page) => {
        await whenRun(page);
        expect(await shown(page)).toBe('0:3:100:80:run');
        expect(await page.locator(`${tag} select[data-field="zoom"]`).inputValue()).toBe('3');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const tops = await page.locator(`${stage} figure.gallery-panel`).evaluateAll((fs) => fs.slice(0, 2).map((f) => f.getBoundingClientRect().top));
        expect(tops[0]).toBe(tops[1]); // photo and truth side by side
        expect(await page.locator(`${stage} [data-panel="truth"] strong`).innerText()).toBe('真实标注');
        expect(await page.locator(`${tag} [data-part="caption"]`).innerText()).toContain('合成验证集的第 1 帧');
        const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
        expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      },
      { width: 390, height: 844 },
    );
  }, 240_000);
});
