/**
 * The site as a reader meets it. On a phone (390 × 844 CSS pixels): nothing scrolls sideways, no
 * chart text renders below 10 px once the widgets have loaded, the chapter navigation leaves most
 * of the first screen to the chapter, the home page shows a labelled scene, and wide tables keep
 * their captions in view. The reading aids: a predict-then-reveal question opens and closes from
 * the keyboard, glossary and reference links land on their entries. Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { problems, visit, type PageLog } from './page-log';
import { builtPages } from './site';

const origin = inject('origin');
const PHONE = { width: 390, height: 844 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Open a page in a fresh context (a phone's screen unless `desktop`), run `check`, then close it. */
async function onPage(path: string, check: (page: Page, log: PageLog) => Promise<void>, desktop = false): Promise<void> {
  const v = await visit(browser, origin, path, desktop ? {} : { context: { viewport: PHONE } });
  try {
    await check(v.page, v.log);
  } finally {
    await v.close();
  }
}

/** Scroll through the page so that every lazily loaded widget draws, then back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += PHONE.height / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

/** SVG text that renders below `min` CSS pixels: its font size times the scale of its screen transform. */
function smallSvgText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const small: string[] = [];
    for (const text of document.querySelectorAll('svg text')) {
      const box = text.getBoundingClientRect();
      const m = (text as SVGTextElement).getScreenCTM();
      if (box.width === 0 || !m) continue;
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      if (px < limit) small.push(`${text.closest('[class]:not(svg):not(g):not(text)')?.localName}: "${text.textContent}" at ${px.toFixed(1)} px`);
    }
    return small;
  }, min);
}

describe.each(builtPages())('page %s at 390 px', (path) => {
  it('does not scroll sideways and draws no chart text below 10 px', async () => {
    await onPage(path, async (page, log) => {
      await scrollThrough(page);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
      expect(await smallSvgText(page, 10)).toEqual([]);
      expect(problems(log)).toEqual([]);
    });
  });
});

describe('the first screen on a phone', () => {
  it('gives the chapter navigation one short band, every chapter still linked by its title', async () => {
    await onPage('/chapters/architecture/', async (page) => {
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThan(120);
      const nav = page.getByRole('navigation', { name: 'Chapters' });
      await expect(nav.getByRole('link', { name: /SegNet's architecture/ }).getAttribute('aria-current')).resolves.toBe('page');
      expect((await page.locator('h1').boundingBox())!.y).toBeLessThan(220);
    });
  });

  it('shows the idea on the home page: a labelled road scene on the first screen, and where to start', async () => {
    await onPage('/', async (page) => {
      const hero = page.locator('.hero img');
      await expect(hero.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).resolves.toBe(true);
      const box = (await hero.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      expect(box.width).toBeGreaterThan(300);
      await expect(page.getByRole('link', { name: /^Start reading: A label for every pixel/ }).getAttribute('href')).resolves.toBe('/chapters/pixels/');
    });
  });

  it('keeps a wide table’s caption inside the visible width of its scrolling box', async () => {
    await onPage('/', async (page) => {
      const box = await page.locator('main .table-scroll').first().boundingBox();
      const caption = await page.locator('main .table-scroll caption').first().boundingBox();
      expect(caption!.x + caption!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
    });
  });
});

describe('predict, then reveal', () => {
  it('hides the answer until the reader asks, from the keyboard, and says whether it is open', async () => {
    await onPage('/chapters/fully-convolutional/', async (page, log) => {
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
    }, true);
  });
});

describe('glossary and references', () => {
  it('a term’s first use links to its glossary entry, which links back to the chapter', async () => {
    await onPage('/chapters/pixels/', async (page) => {
      await page.locator('a.term').first().click();
      await page.waitForURL(/\/glossary\/#semantic-segmentation$/);
      const entry = page.locator('#semantic-segmentation');
      await expect(entry.locator('dt').innerText()).resolves.toBe('Semantic segmentation');
      await expect(entry.getByRole('link').getAttribute('href')).resolves.toBe('/chapters/pixels/');
      // (Leaving the chapter aborts the data its widgets were loading, so the log is not checked here.)
    }, true);
  });

  it('a citation links to its reference, which links to the paper', async () => {
    await onPage('/chapters/fully-convolutional/', async (page) => {
      await page.getByRole('link', { name: 'Long, Shelhamer and Darrell (2015)' }).click();
      await page.waitForURL(/\/references\/#fcn$/);
      await expect(page.locator('#fcn a').getAttribute('href')).resolves.toBe('https://arxiv.org/abs/1411.4038');
    }, true);
  });
});
