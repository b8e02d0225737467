import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { problems, visit } from './page-log';
import { builtPages, chapterSources } from './site';

const origin = inject('origin');
const pages = builtPages();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the built site', () => {
  it('has a home page, a 404 page, the glossary, the references and one page per chapter source, in both editions', () => {
    const chapters = chapterSources();
    expect(chapters.length).toBeGreaterThan(0);
    const edition = ['/', '/404.html', '/glossary/', '/references/', ...chapters.map((id) => `/chapters/${id}/`)];
    expect([...pages].sort()).toEqual([...edition, ...edition.map((p) => `/zh${p}`)].sort());
  });
});

describe.each(pages)('page %s', (path) => {
  it('renders with no console errors, failed requests or requests to other origins', async () => {
    const { page, log, response, close } = await visit(browser, origin, path);
    try {
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode', async (colorScheme) => {
    const { page, close } = await visit(browser, origin, path, { context: { colorScheme } });
    try {
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reflows to a 320 px wide screen without scrolling sideways', async () => {
    const { page, close } = await visit(browser, origin, path, { context: { viewport: { width: 320, height: 640 } } });
    try {
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    } finally {
      await close();
    }
  });

  it('links only to pages and anchors that exist', async () => {
    const { page, close } = await visit(browser, origin, path);
    try {
      const hrefs = await page.locator('a[href]').evaluateAll((links) =>
        links.map((a) => (a as HTMLAnchorElement).href),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of new Set(hrefs)) {
        const url = new URL(href);
        if (url.origin !== origin) continue;
        if (url.hash && url.pathname === new URL(page.url()).pathname) {
          await expect(page.locator(`[id="${url.hash.slice(1)}"]`).count(), href).resolves.toBe(1);
        } else {
          const answer = await page.request.get(href);
          expect(answer.status(), href).toBe(200);
        }
      }
    } finally {
      await close();
    }
  });
});

describe('site chrome', () => {
  it('answers an unknown address with status 404 and the 404 page', async () => {
    const { page, log, response, close } = await visit(browser, origin, '/no/such/page/', {
      allowStatus: (url, status) => status === 404 && url === `${origin}/no/such/page/`,
    });
    try {
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lists every chapter in the navigation and marks the current one', async () => {
    const chapters = chapterSources();
    const { page, close } = await visit(browser, origin, `/chapters/${chapters[0]}/`);
    try {
      const nav = page.getByRole('navigation', { name: 'Chapters' });
      await expect(nav.getByRole('link').count()).resolves.toBe(chapters.length);
      await expect(nav.locator('[aria-current="page"]').getAttribute('href')).resolves.toBe(
        `/chapters/${chapters[0]}/`,
      );
    } finally {
      await close();
    }
  });

  it('offers a skip link as the first stop of the keyboard, moving focus to the main content', async () => {
    const { page, close } = await visit(browser, origin, '/');
    try {
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('MAIN');
    } finally {
      await close();
    }
  });

  it.each([
    ['no-preference', 'smooth'],
    ['reduce', 'auto'],
  ] as const)('scrolls with behaviour %s -> %s', async (reducedMotion, expected) => {
    const { page, close } = await visit(browser, origin, '/', { context: { reducedMotion } });
    try {
      const behaviour = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
      expect(behaviour).toBe(expected);
    } finally {
      await close();
    }
  });

  it('follows the colour scheme the reader prefers', async () => {
    const backgrounds: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await visit(browser, origin, '/', { context: { colorScheme } });
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await close();
    }
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
  });
});
