/**
 * The reading aids in Chromium: a predict-then-reveal question opens and closes from the
 * keyboard and announces its state, a glossary link lands on its entry, and the glossary and
 * references pages link back and out. Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { problems, visit } from './page-log';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('predict, then reveal', () => {
  it('hides the answer until the reader asks, from the keyboard, and says whether it is open', async () => {
    const { page, log, close } = await visit(browser, origin, '/chapters/fully-convolutional/');
    try {
      const box = page.getByRole('complementary', { name: 'Predict, then reveal' });
      const answer = box.locator('.predict-body');
      await expect(answer.isVisible()).resolves.toBe(false);
      await box.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => box.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await expect(answer.isVisible()).resolves.toBe(true);
      await expect(answer.innerText()).resolves.toContain('1, 2 and 4');
      await page.keyboard.press('Space');
      await expect.poll(() => box.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const { violations } = await new AxeBuilder({ page }).include('.predict').analyze();
      expect(violations.map((v) => v.id)).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('glossary and references', () => {
  it('a term’s first use links to its glossary entry, which links back to the chapter', async () => {
    const { page, log, close } = await visit(browser, origin, '/chapters/pixels/');
    try {
      await page.locator('a.term').first().click();
      await page.waitForURL(/\/glossary\/#semantic-segmentation$/);
      const entry = page.locator('#semantic-segmentation');
      await expect(entry.locator('dt').innerText()).resolves.toBe('Semantic segmentation');
      await expect(entry.getByRole('link').getAttribute('href')).resolves.toBe('/chapters/pixels/');
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a citation links to its reference, which links to the paper', async () => {
    const { page, close } = await visit(browser, origin, '/chapters/fully-convolutional/');
    try {
      await page.getByRole('link', { name: 'Long, Shelhamer and Darrell (2015)' }).click();
      await page.waitForURL(/\/references\/#fcn$/);
      await expect(page.locator('#fcn a').getAttribute('href')).resolves.toBe('https://arxiv.org/abs/1411.4038');
    } finally {
      await close();
    }
  });
});
