/**
 * The decoder comparison (chapter 8) in Chromium, on the built site. As in widgets-model, the
 * browser runs without WebGL and WebGPU, so the widget falls back to the wasm backend (much
 * faster than SwiftShader for these convolutions), at half resolution with refreshes every two
 * steps: a few real steps of all three decoders on the same batches. Checks that the steps
 * change each decoder's loss and redraw the loss curves, IoU bars and predictions; that pause
 * holds and resume goes on; that the URL restores the settings; that TF.js loads only near the
 * viewport; and that the page logs no error and axe finds nothing. Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { scriptBytes } from './engine-worker';
import { checkVisit } from './page-log';

const origin = inject('origin');
const PAGE = '/chapters/train-it-yourself/';
const tag = 'decoder-comparison';
const DECODERS = ['segnet', 'fcn', 'deeplab-largefov'];
let browser: Browser;


beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

const withPage = (path: string, check: (page: Page) => Promise<void>, viewport = { width: 1280, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<void> =>
  checkVisit(browser, origin, path, { context: { viewport, colorScheme } }, check);

const attr = (page: Page, name: string): Promise<string | null> => page.locator(tag).getAttribute(name);
const step = async (page: Page): Promise<number> => Number((await attr(page, 'data-step')) ?? '0');
const query = (page: Page): string => decodeURIComponent(new URL(page.url()).search);

/** Each decoder's training loss as the card shows it. */
function losses(page: Page): Promise<string[]> {
  return Promise.all(DECODERS.map((d) => page.locator(`${tag} .dc-card[data-decoder="${d}"] [data-fact="loss"]`).innerText()));
}

/** Every prediction canvas of one decoder, as data URLs. */
function predictionPixels(page: Page, decoder: string): Promise<string> {
  return page.locator(`${tag} .dc-predictions [data-decoder="${decoder}"] canvas`).evaluateAll((cs) => (cs as HTMLCanvasElement[]).map((c) => c.toDataURL()).join('|'));
}

/** Set a select or input as a reader would (value, then input and change events), without scrolling. */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Tick or untick a decoder's checkbox as a click would, without scrolling. */
async function toggle(page: Page, decoder: string, checked: boolean): Promise<void> {
  await page.locator(`${tag} input[data-decoder="${decoder}"]`).evaluate((el, c) => {
    (el as HTMLInputElement).checked = c;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, checked);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

describe('decoder-comparison (chapter 8)', () => {
  it('trains all three decoders on the same steps, redraws, pauses and resumes', async () => {
    await withPage(`${PAGE}?race.every=2&race.lr=0.003`, async (page) => {
      await page.locator(tag).scrollIntoViewIfNeeded();
      // Step 0: the untrained decoders' predictions and scores, drawn before any training.
      await page.waitForSelector(`${tag}[data-refreshed="0"]`, { timeout: 90_000 });
      expect(await attr(page, 'data-backend')).toBe('wasm');
      expect(await page.locator(`${tag} [data-part="status"]`).innerText()).toMatch(/SegNet-Basic encoder (from the pretrained checkpoint|with random weights)/);
      const headers = await page.locator(`${tag} .dc-head [role="columnheader"]`).allInnerTexts();
      expect(headers).toEqual(['Frame', 'Ground truth', 'SegNet', 'FCN', 'DeepLab-LargeFOV']);
      expect(await losses(page)).toEqual(['–', '–', '–']);
      const pixelsAt0 = await Promise.all(DECODERS.map((d) => predictionPixels(page, d)));
      const iouAt0 = await page.locator(`${tag} .dc-iou svg`).evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
      expect(iouAt0.map((l) => l?.split(':')[0])).toEqual(['SegNet', 'FCN', 'DeepLab-LargeFOV'].map((n) => `Per-class IoU of ${n} on the validation frames, after 0 steps`));
      const params = await page.locator(`${tag} [data-fact="params"]`).allInnerTexts();
      expect(params.map((p) => Number(p.replaceAll(',', '')))).toEqual(params.map(() => expect.any(Number)));
      expect(new Set(params).size).toBe(3);

      await page.locator('decoder-comparison').getByRole('button', { name: 'Start' }).click();
      await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
      const first = await losses(page);
      const firstStep = await step(page);
      for (const l of first) expect(Number(l)).toBeGreaterThan(0);
      await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(firstStep + 2);
      const later = await losses(page);
      later.forEach((l, i) => expect(l, DECODERS[i]).not.toBe(first[i]));
      // The loss chart holds one curve per decoder, each with a point per step so far.
      const curves = await page.locator(`${tag} [data-part="loss"] svg[aria-label] path`).evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').split(/[ML]/).filter(Boolean).length));
      expect(curves.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
      expect(await page.locator(`${tag} [data-part="loss"] svg[aria-label]`).getAttribute('aria-label')).toMatch(/^Training loss of each decoder: SegNet [\d.]+ at step \d+; FCN [\d.]+ at step \d+; DeepLab-LargeFOV [\d.]+ at step \d+$/);

      // The refresh after step 2 redrew the IoU bars and the predictions.
      await page.waitForSelector(`${tag}[data-refreshed="2"], ${tag}[data-refreshed="4"]`, { timeout: 90_000 });
      const iouLater = await page.locator(`${tag} .dc-iou svg`).first().getAttribute('aria-label');
      expect(iouLater).toMatch(/after [24] steps: Sky (\d+%|absent), Building/);
      for (const [i, d] of DECODERS.entries()) expect(await predictionPixels(page, d), d).not.toBe(pixelsAt0[i]);
      for (const ms of await page.locator(`${tag} [data-fact="ms"]`).allInnerTexts()) expect(ms).toMatch(/^\d+(\.\d+)? m?s$/);

      // Pause holds: no step after the one in flight.
      await page.locator('decoder-comparison').getByRole('button', { name: 'Pause' }).click();
      await page.waitForSelector(`${tag}[data-state="paused"]`, { timeout: 60_000 });
      const held = await step(page);
      await expect.poll(() => page.locator(`${tag} [data-part="message"]`).innerText()).toBe(`Paused at step ${held}.`);
      await page.waitForTimeout(1500);
      expect(await step(page)).toBe(held);
      await expectNoAxeViolations(page);

      // Resume goes on from there; hiding the page pauses it, with a message.
      await page.locator('decoder-comparison').getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThan(held);
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await page.waitForSelector(`${tag}[data-state="paused"]`, { timeout: 60_000 });
      expect(await page.locator(`${tag} [data-part="message"]`).innerText()).toBe('Paused because the page was hidden. Press Resume to go on.');
      const hiddenAt = await step(page);
      await page.waitForTimeout(1500);
      expect(await step(page)).toBe(hiddenAt);
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      });

      // Reset starts over at step 0 with fresh decoders.
      await page.locator('decoder-comparison').getByRole('button', { name: 'Reset' }).click();
      await page.waitForSelector(`${tag}[data-refreshed="0"][data-step="0"]`, { timeout: 90_000 });
      expect(await page.locator('decoder-comparison').getByRole('button', { name: 'Start' }).isVisible()).toBe(true);
      expect(await losses(page)).toEqual(['–', '–', '–']);
    });
  }, 240_000);

  it('restores its settings from the URL, writes changes back, and loads TF.js only near the viewport (dark mode)', async () => {
    // The #content anchor keeps the page at the top: without an anchor, a link carrying the
    // widget's state would open at the widget, and it would load at once.
    await withPage(
      `${PAGE}?race.decoders=segnet,fcn&race.lr=0.0003&race.res=full&race.every=7#content`,
      async (page) => {
        const top = await page.locator(tag).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        expect(top).toBeGreaterThan(300 + 300);
        expect(await page.locator(`${tag} input[data-decoder="deeplab-largefov"]`).isChecked()).toBe(false);
        expect(await page.locator(`${tag} input[data-decoder="fcn"]`).isChecked()).toBe(true);
        expect(await page.locator(`${tag} select[data-field="lr"]`).inputValue()).toBe('0.0003');
        expect(await page.locator(`${tag} input[data-field="res"][value="full"]`).isChecked()).toBe(true);
        expect(await page.locator(`${tag} input[data-field="every"]`).inputValue()).toBe('7');
        expect(await page.locator(`${tag} .dc-card`).count()).toBe(2);
        await page.waitForTimeout(500);
        expect(await attr(page, 'data-backend')).toBeNull();
        expect(await scriptBytes(page)).toBeLessThan(400_000);

        // A change made before the widget loads (set without scrolling: a click would scroll
        // the widget into view): unchecking one of the last two decoders is refused.
        await toggle(page, 'fcn', false);
        expect(await page.locator(`${tag} input[data-decoder="fcn"]`).isChecked()).toBe(true);
        expect(await page.locator(`${tag} [data-part="message"]`).innerText()).toContain('Keep at least two decoders');
        await setValue(page, `${tag} input[data-field="every"]`, '3');
        await expect.poll(() => query(page)).toContain('race.every=3');
        expect(await attr(page, 'data-backend')).toBeNull();

        // Near the viewport: TF.js loads and the restored line-up is built at full size.
        await page.locator(tag).scrollIntoViewIfNeeded();
        await page.waitForSelector(`${tag} .dc-predictions`, { timeout: 90_000 });
        expect(await scriptBytes(page)).toBeGreaterThan(1_000_000);
        const shown = async () => ({
          headers: await page.locator(`${tag} .dc-head [role="columnheader"]`).allInnerTexts(),
          size: await page.locator(`${tag} .dc-predictions canvas`).first().evaluate((c) => `${(c as HTMLCanvasElement).height}x${(c as HTMLCanvasElement).width}`),
        });
        expect(await shown()).toEqual({ headers: ['Frame', 'Ground truth', 'SegNet', 'FCN'], size: '96x128' });

        // Changing the line-up and the resolution rebuilds the race, and the URL follows.
        await page.locator(`${tag} input[data-decoder="deeplab-largefov"]`).check();
        await page.locator(`${tag} input[data-field="res"][value="half"]`).check();
        await page.locator(`${tag} select[data-field="lr"]`).selectOption('0.01');
        await expect.poll(() => query(page)).toBe('?race.lr=0.01&race.every=3');
        expect(await page.locator(`${tag} .dc-card`).count()).toBe(3);
        await expect.poll(shown, { timeout: 90_000 }).toEqual({ headers: ['Frame', 'Ground truth', 'SegNet', 'FCN', 'DeepLab-LargeFOV'], size: '48x64' });

        // Start at once, without waiting for the step-0 scores: training begins all the same.
        await page.locator('decoder-comparison').getByRole('button', { name: 'Start' }).click();
        await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
        await page.locator('decoder-comparison').getByRole('button', { name: 'Pause' }).click();
        await page.waitForSelector(`${tag}[data-state="paused"]`, { timeout: 60_000 });
        expect(await page.locator(`${tag} [data-part="message"]`).innerText()).toMatch(/^Paused at step \d+\.$/);
        await expectNoAxeViolations(page);
      },
      { width: 1280, height: 300 },
      'dark',
    );
  }, 240_000);
  it('offers all five decoders and the from-scratch preset: each redraws the race, and the URL follows', async () => {
    await withPage(`${PAGE}?race.decoders=segnet,fcn,deeplab-largefov,deconvnet,bilinear`, async (page) => {
      expect(await page.locator(`${tag} input[data-decoder]`).count()).toBe(5);
      expect(await page.locator(`${tag} .dc-card`).count()).toBe(5);
      await page.locator(tag).scrollIntoViewIfNeeded();
      const headers = () => page.locator(`${tag} .dc-head [role="columnheader"]`).allInnerTexts();
      await expect.poll(headers, { timeout: 90_000 }).toEqual(['Frame', 'Ground truth', 'SegNet', 'FCN', 'DeepLab-LargeFOV', 'DeconvNet', 'Bilinear-Interpolation']);

      // Fewer decoders, from the keyboard: Space on a focused checkbox unticks it.
      for (const d of ['fcn', 'deeplab-largefov']) {
        await page.locator(`${tag} input[data-decoder="${d}"]`).focus();
        await page.keyboard.press('Space');
      }
      await expect.poll(() => query(page)).toBe('?race.decoders=segnet,deconvnet,bilinear');
      await expect.poll(headers, { timeout: 90_000 }).toEqual(['Frame', 'Ground truth', 'SegNet', 'DeconvNet', 'Bilinear-Interpolation']);

      // The from-scratch preset brings its learning rate and size, and says what the networks are.
      const size = () => page.locator(`${tag} .dc-predictions canvas`).first().evaluate((c) => `${(c as HTMLCanvasElement).height}x${(c as HTMLCanvasElement).width}`);
      await page.locator(`${tag} input[data-preset="scratch"]`).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => query(page)).toBe('?race.decoders=segnet,deconvnet,bilinear&race.preset=scratch&race.lr=0.003&race.res=quarter');
      expect(await page.locator(`${tag} select[data-field="lr"]`).inputValue()).toBe('0.003');
      expect(await page.locator(`${tag} input[data-field="res"][value="quarter"]`).isChecked()).toBe(true);
      await expect.poll(size, { timeout: 90_000 }).toBe('24x32');
      await expect.poll(() => page.locator(`${tag} [data-part="status"]`).innerText(), { timeout: 30_000 }).toContain('From scratch: each decoder has its own SegNet-Basic encoder');
      expect(await page.locator(`${tag} [data-part="caption"]`).innerText()).toContain('every network, encoder and decoder, starts from random weights');

      await page.locator('decoder-comparison').getByRole('button', { name: 'Start' }).click();
      await expect.poll(() => step(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
      await page.locator('decoder-comparison').getByRole('button', { name: 'Pause' }).click();
      await page.waitForSelector(`${tag}[data-state="paused"]`, { timeout: 60_000 });
      for (const d of ['segnet', 'deconvnet', 'bilinear']) {
        expect(Number(await page.locator(`${tag} .dc-card[data-decoder="${d}"] [data-fact="loss"]`).innerText()), d).toBeGreaterThan(0);
      }
      await expectNoAxeViolations(page);

      // Back to the pretrained preset: its own settings, and the URL returns to the line-up alone.
      await page.locator(`${tag} input[data-preset="pretrained"]`).check();
      await expect.poll(() => query(page)).toBe('?race.decoders=segnet,deconvnet,bilinear');
      await expect.poll(size, { timeout: 90_000 }).toBe('48x64');
    });
  }, 240_000);

  it('keeps five decoders legible on a phone: the board scrolls sideways, by keyboard too, and the page does not', async () => {
    await withPage(
      `${PAGE}?race.decoders=segnet,fcn,deeplab-largefov,deconvnet,bilinear`,
      async (page) => {
        const board = page.locator(`${tag} [data-part="predictions"]`);
        await board.scrollIntoViewIfNeeded();
        // On a small screen the race waits for the reader's word before loading a network.
        await page.locator(`${tag} [data-part="status"] [data-action="run"]`).click();
        await page.waitForSelector(`${tag}[data-refreshed="0"]`, { timeout: 120_000 });
        // Each picture at least 4.5rem (72 px) wide, so the board is wider than its box, which scrolls.
        const widths = await page.locator(`${tag} .dc-predictions .dc-row:not(.dc-head) canvas`).evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width));
        expect(Math.min(...widths)).toBeGreaterThanOrEqual(66);
        const box = await board.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, tab: el.getAttribute('tabindex'), label: el.getAttribute('aria-label') }));
        expect(box.scroll).toBeGreaterThan(box.client);
        expect(box.tab).toBe('0');
        expect(box.label).toBe('Predictions of each decoder (scrolls sideways on a narrow screen)');
        // The arrow keys scroll it once focused; the page itself never scrolls sideways.
        await board.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => board.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expectNoAxeViolations(page);
      },
      { width: 390, height: 844 },
    );
  }, 240_000);
});
