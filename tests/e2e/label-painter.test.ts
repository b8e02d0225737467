/**
 * The label painter (chapter 8) in Chromium, on the built site: a sample street is labelled by
 * the network, "Correct these labels" opens the painter on the prediction; a brush stroke by
 * pointer and a fill by keyboard (cursor and Space) change the labels; Ctrl+Z and
 * Ctrl+Shift+Z undo and redo them; the exported PNG is 128 x 96 with values 0..11 holding the
 * strokes (checked against the plain-TS brush and fill); "Add to my data" stores own-my-photos (one
 * train and one val pair), the "Your data" panel and the studio list it, and the studio trains
 * 1 step on it. A tap paints on a 390 px phone. No request leaves the origin, the console
 * stays clean, axe finds no violation.
 * Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { brushIndices } from '../../src/widgets/label-painter/brush';
import { regionFill } from '../../src/widgets/label-painter/fill';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, visit } from './page-log';
import { click, step, untilPhase, untilStepAtLeast } from './studio-page';

const origin = inject('origin');
const PATH = '/chapters/train-it-yourself/?studio.batch=1&studio.every=2&studio.epochs=1';
const W = 128;
const H = 96;
const painter = 'own-image .label-painter';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

/** Client coordinates of the centre of label pixel (x, y) on the painter's stage. */
async function pixelPoint(stage: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await stage.boundingBox())!;
  return { x: box.x + ((x + 0.5) * box.width) / W, y: box.y + ((y + 0.5) * box.height) / H };
}

const strokes = async (page: Page): Promise<number> => Number((await page.locator(painter).getAttribute('data-strokes')) ?? -1);

async function exportLabels(page: Page): Promise<{ name: string; png: PNG }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`${painter} button[data-part="export"]`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), png: PNG.sync.read(readFileSync(path)) };
}

/** Runs the network on the first sample street; returns the (now visible) "Correct these labels" button and the seed. */
async function labelSample(page: Page): Promise<{ correct: Locator; seed: string | null }> {
  await page.locator('own-image').scrollIntoViewIfNeeded();
  await page.locator('own-image [data-part="status"] [data-action="run"]').click();
  await page.waitForSelector('own-image[data-backend]', { timeout: 60_000 });
  const correct = page.locator('own-image button[data-part="correct"]');
  expect(await correct.isVisible()).toBe(false);
  const sample = page.locator('own-image [data-sample]').first();
  const seed = await sample.getAttribute('data-sample');
  await sample.click();
  await page.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
  return { correct, seed };
}

describe('label painter (chapter 8)', () => {
  it('paints a sample street, undoes and redoes by keyboard, exports the label PNG, adds it to my data and the studio trains a step on it; no foreign request, no axe violation', async () => {
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      const { correct, seed } = await labelSample(page);

      // The painter opens on the prediction: the first export is the network's labels.
      await correct.click();
      await page.waitForSelector(`${painter} [data-part="canvas"]`);
      expect(await correct.getAttribute('aria-expanded')).toBe('true');
      const stage = page.locator(`${painter} [data-part="canvas"]`);
      expect(await stage.evaluate((el) => el === document.activeElement)).toBe(true);
      const before = await exportLabels(page);
      expect(before.name).toBe(`sample-street-${seed}_label.png`);
      expect([before.png.width, before.png.height]).toEqual([W, H]);
      expect(await page.locator(`${painter} [data-part="painter-status"]`).innerText()).toBe(
        `Saved sample-street-${seed}_label.png: 128 x 96 pixels, each a class index 0–10 or 11 for unlabelled (the SegNet-Tutorial format).`,
      );

      // Brush: class Sky (key 1), radius 3 (key ] from 2), one click at pixel (20, 30).
      await page.keyboard.press('1');
      await page.keyboard.press(']');
      expect(page.url()).toContain('street-paint.cls=0');
      expect(page.url()).toContain('street-paint.size=3');
      await stage.scrollIntoViewIfNeeded();
      const p = await pixelPoint(stage, 20, 30);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => strokes(page)).toBe(1);

      // Fill by keyboard: void (key =), Fill (F) over the network's region, cursor to (100, 80), Space.
      await stage.focus();
      await page.keyboard.press('=');
      await page.keyboard.press('f');
      await page.locator(`${painter} select[data-field="fill"]`).selectOption('region');
      await stage.focus();
      // The cursor followed the pointer to (20, 30): 80 right and 50 down with Shift (8 px) and plain arrows.
      for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
      expect(await stage.getAttribute('aria-label')).toContain('Cursor at pixel (100, 80), painting Unlabelled.');
      await page.keyboard.press('Space');
      const filledStatus = await page.locator(`${painter} [data-part="painter-status"]`).innerText();
      // The network predicts classes only, never void: the fill changed the region.
      const predicted = before.png.data[4 * (80 * W + 100)]!;
      expect(predicted).toBeLessThan(11);
      expect(filledStatus).toMatch(/^Painted \d+ pixels? Unlabelled\.$/);
      await expect.poll(() => strokes(page)).toBe(2);
      const strokesDone = 2;

      // Undo and redo by keyboard.
      await page.keyboard.press('Control+z');
      await expect.poll(() => strokes(page)).toBe(strokesDone - 1);
      const undone = await exportLabels(page);
      await stage.focus();
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => strokes(page)).toBe(strokesDone);
      const after = await exportLabels(page);

      // The export holds the strokes, and only them, with values 0..11.
      const values = (png: PNG): number[] => Array.from({ length: W * H }, (_, i) => png.data[4 * i]!);
      const was = values(before.png);
      const now = values(after.png);
      expect(Math.max(...now)).toBeLessThanOrEqual(11);
      // The plain-TS reference: the prediction, the brush's disc set to Sky, then the
      // prediction's region around (100, 80) set to void.
      const disc = new Set(brushIndices(W, H, 20, 30, 3));
      const expected = was.slice();
      for (const i of disc) expected[i] = 0;
      for (const i of regionFill(was, W, H, 100, 80)) expected[i] = 11;
      expect(now).toEqual(expected);
      // Undo took back the fill alone (the brush stays).
      const brushed = was.slice();
      for (const i of disc) brushed[i] = 0;
      expect(values(undone.png)).toEqual(brushed);

      const axe = await new AxeBuilder({ page }).include('own-image').analyze();
      expect(axe.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      // Add to my data: the panel and the studio list it, and the studio trains 1 step on it.
      await page.locator(`${painter} button[data-part="add"]`).click();
      await page.waitForSelector(`${painter}[data-added="own-my-photos"]`, { timeout: 30_000 });
      expect(await page.locator(`${painter} [data-part="painter-status"]`).innerText()).toBe(
        'Created own-my-photos with this photo in train and in val (the studio needs one of each): 1 training and 1 validation pair. The studio lists it under Data.',
      );
      await expect.poll(() => page.locator('own-data [data-part="list"]').innerText()).toMatch(/^own-my-photos: 1 train, 1 val, 96 × 128/);
      const options = () => page.locator('training-studio select[data-field="data"] option').allInnerTexts();
      await expect.poll(options).toContain('Your data: own-my-photos (1 train, 1 val, 96x128)');
      await page.locator('training-studio select[data-field="data"]').selectOption('own-my-photos');
      await page.locator('training-studio').scrollIntoViewIfNeeded();
      await page.waitForSelector('training-studio[data-ready]', { timeout: 60_000 });
      await click(page, 'start');
      await untilStepAtLeast(page, 1);
      await untilPhase(page, 'stopped');
      expect(await step(page)).toBe(1);

      expect(v.log.foreignRequests).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('paints by touch on a 390 px phone, with the classes picked by a tap, and passes axe there', async () => {
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } });
    const { page } = v;
    try {
      const { correct } = await labelSample(page);
      await correct.tap();
      const stage = page.locator(`${painter} [data-part="canvas"]`);
      await stage.waitFor();
      await page.locator(`${painter} input[data-field="cls"][value="8"]`).tap();
      expect(page.url()).toContain('street-paint.cls=8');
      await stage.scrollIntoViewIfNeeded();
      const box = (await stage.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      const p = await pixelPoint(stage, 64, 48);
      await page.touchscreen.tap(p.x, p.y);
      await expect.poll(() => strokes(page)).toBe(1);
      expect(await page.locator(`${painter} [data-part="painter-status"]`).innerText()).toMatch(/^Painted \d+ pixels? Car\.$/);
      const axe = await new AxeBuilder({ page }).include(painter).analyze();
      expect(axe.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      // Another sample asks before the painted labels go: Keep (Enter on the focused button) keeps them.
      const confirm = page.locator('own-image [data-part="confirm"]');
      const other = page.locator('own-image [data-sample]').nth(1);
      await other.tap();
      await confirm.waitFor();
      expect(await confirm.locator('p').innerText()).toMatch(/^Discard your label edits\?/);
      const confirmAxe = await new AxeBuilder({ page }).include('own-image [data-part="confirm-host"]').analyze();
      expect(confirmAxe.violations.map((x) => x.id)).toEqual([]);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.choice)).toBe('keep');
      await page.keyboard.press('Enter');
      await confirm.waitFor({ state: 'detached' });
      expect(await strokes(page)).toBe(1);
      expect(await page.locator('own-image [data-part="message"]').innerText()).toMatch(/^Kept your label edits/);
      // Discard drops them and shows the new sample.
      await other.tap();
      await confirm.locator('[data-choice="discard"]').tap();
      await page.locator(painter).waitFor({ state: 'detached' });
      await page.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
      expect(v.log.foreignRequests).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
