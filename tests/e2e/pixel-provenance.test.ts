/**
 * The pixel-provenance widget (chapter 5) in Chromium, on the wasm backend (no GPU): a click on
 * the frame and the keyboard cursor (arrow keys, then Enter) each follow a new pixel, redraw and
 * write the URL; the channel and frame controls redraw; a URL restores the state; the widget
 * fits a 390 px screen; the Chinese edition captions it in Chinese; axe finds nothing.
 * Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { checkVisit } from './page-log';

const origin = inject('origin');
const PATH = '/chapters/unpooling/';
const tag = 'pixel-provenance';
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

/** Scroll the widget into view and wait until its network has run (pressing the run button where the gate holds it). */
async function whenModelReady(page: Page): Promise<void> {
  const widget = page.locator(tag).first();
  await widget.scrollIntoViewIfNeeded();
  const run = `${tag} [data-part="status"] [data-action="run"]`;
  await page.waitForSelector(`${tag}[data-backend], ${run}`, { timeout: 30_000 });
  if ((await widget.getAttribute('data-backend')) === null) await page.locator(run).first().click();
  await page.waitForSelector(`${tag}[data-backend]`, { timeout: 30_000 });
}

const query = (page: Page): string => decodeURIComponent(new URL(page.url()).search);
const drawing = (page: Page): Promise<string> => page.locator(stage).innerHTML();
const caption = (page: Page): Promise<string> => page.locator(`${tag} [data-part="caption"]`).innerText();
const shown = (page: Page): Promise<string | null> => page.locator(tag).getAttribute('data-shown');

async function expectRedraw(page: Page, change: () => Promise<unknown>, expected: string[]): Promise<void> {
  const before = await drawing(page);
  await change();
  await expect.poll(() => drawing(page), { timeout: 15_000 }).not.toBe(before);
  for (const part of expected) await expect.poll(() => query(page), { timeout: 5_000 }).toContain(part);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

describe('pixel-provenance (chapter 5)', () => {
  it('follows a clicked pixel, a keyboard cursor, a channel and a frame, each in the drawing and the URL', async () => {
    await withPage(PATH, async (page) => {
      await whenModelReady(page);
      await expect.poll(() => shown(page), { timeout: 30_000 }).toMatch(/^0:58:70:\d+$/);
      expect(await caption(page)).toContain('8, 22, 50, 106 pixels square');
      expect(await caption(page)).toContain('sees 190 × 190 pixels');
      expect(await page.locator(`${stage} .grid-panel`).count()).toBe(4);
      expect(await page.locator(`${stage} .chain-steps li`).count()).toBe(4);

      // A click on the frame follows that pixel.
      const frame = page.locator(`${stage} [data-part="frame"]`);
      const box = (await frame.boundingBox())!;
      await expectRedraw(page, () => frame.click({ position: { x: (30.5 / 128) * box.width, y: (20.5 / 96) * box.height } }), ['provenance.row=20', 'provenance.col=30']);
      await expect.poll(() => caption(page)).toContain('Pixel (row 20, column 30)');

      // The arrow keys move a cursor (the URL waits); Enter follows it.
      await page.locator(`${stage} [data-part="frame"]`).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.locator(`${stage} .cursor-mark`).count()).toBe(1);
      expect(query(page)).toContain('provenance.col=30');
      await expectRedraw(page, () => page.keyboard.press('Enter'), ['provenance.row=21', 'provenance.col=32']);
      await expect.poll(() => shown(page)).toMatch(/^0:21:32:\d+$/);
      expect(await page.locator(`${stage} .cursor-mark`).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('frame');

      await expectRedraw(page, () => page.locator(`${tag} select[data-field="channel"]`).selectOption('5'), ['provenance.channel=5']);
      await expect.poll(() => page.locator(`${stage} .provenance-chain p`).innerText()).toContain('for channel 5:');
      await expectRedraw(page, () => page.locator(`${tag} .frame-choice`).nth(2).click(), ['provenance.frame=2']);
      await expect.poll(() => shown(page), { timeout: 30_000 }).toBe('2:21:32:5');
      await expectNoAxeViolations(page);
    });
  });

  it('restores its state from the URL and fits a 390 px screen', async () => {
    await withPage(
      `${PATH}?provenance.frame=1&provenance.row=0&provenance.col=127&provenance.channel=3`,
      async (page) => {
        await whenModelReady(page);
        await expect.poll(() => shown(page), { timeout: 30_000 }).toBe('1:0:127:3');
        expect(await caption(page)).toContain('Pixel (row 0, column 127)');
        const [frame, width, overflow] = await Promise.all([
          page.locator(`${stage} [data-part="frame"]`).evaluate((f) => f.getBoundingClientRect().width),
          page.locator(stage).evaluate((p) => p.getBoundingClientRect().width),
          page.locator(tag).evaluate((w) => w.scrollWidth - w.clientWidth),
        ]);
        expect(frame).toBeGreaterThan(width - 4);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page);
      },
      { width: 390, height: 844 },
    );
  });

  it('speaks Chinese in the Chinese edition', async () => {
    await withPage(`/zh${PATH}`, async (page) => {
      await whenModelReady(page);
      await expect.poll(() => shown(page), { timeout: 30_000 }).toMatch(/^0:58:70:\d+$/);
      expect(await caption(page)).toContain('感受野边长依次为 8、22、50、106 个像素');
      await expectNoAxeViolations(page);
    });
  });
});
