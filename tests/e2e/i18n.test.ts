/**
 * The Chinese edition beside the English one: every page has its counterpart, each says its
 * language and names the other with hreflang links, the language switch keeps the reader on
 * the same page with the same widget state and anchor, and the frame of every Chinese page
 * (header, footer, pager, reading aids, figures) has no English left. pages.test.ts runs axe,
 * the console and the links on every page of both editions. Run `npm run build` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAttributes } from '../../scripts/check-size';
import { localizedPath } from '../../src/i18n/locales';
import { leftToTranslate } from '../unit/i18n/same-in-both';
import { launchChromium } from './browser';
import { problems, visit } from './page-log';
import { builtPages, DIST_DIR } from './site';

const origin = inject('origin');
const pages = builtPages();
const isZh = (path: string): boolean => path.startsWith('/zh/');
const enPages = pages.filter((p) => !isZh(p));
const zhPages = pages.filter(isZh);
/** The other edition's path of a page (the not-found pages pair as files). */
const counterpart = (path: string): string => localizedPath(path, isZh(path) ? 'en' : 'zh');
const html = (path: string): string => readFileSync(join(DIST_DIR, path.endsWith('/') ? `${path}index.html` : path), 'utf8');

/** Chinese chapter titles and summaries: content, not frame, so they may carry any words. */
const zhChapterText = readdirSync('content/zh/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .flatMap((f) => [...readFileSync(join('content/zh/chapters', f), 'utf8').matchAll(/^(?:title|summary): *(.*)$/gm)].map((m) => m[1]!.trim()));

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the two editions', () => {
  it('pair every English page with a Chinese one and back', () => {
    expect(zhPages.length).toBeGreaterThan(4);
    expect(enPages.map(counterpart).sort()).toEqual([...zhPages].sort());
    expect(zhPages.map(counterpart).sort()).toEqual([...enPages].sort());
  });

  it.each(pages.filter((p) => !p.endsWith('404.html')))('%s says its language and links both editions with hreflang', (path) => {
    const text = html(path);
    expect(/<html\b[^>]*\blang="([^"]+)"/.exec(text)?.[1]).toBe(isZh(path) ? 'zh-CN' : 'en');
    const alternates = Object.fromEntries(
      [...text.matchAll(/<link\b([^>]*)>/g)]
        .map((m) => parseAttributes(m[1]!))
        .filter((a) => a.get('rel') === 'alternate' && a.has('hreflang'))
        .map((a) => [a.get('hreflang')!, a.get('href')!]),
    );
    const en = isZh(path) ? counterpart(path) : path;
    expect(alternates).toEqual({ en, 'zh-CN': localizedPath(en, 'zh'), 'x-default': en });
  });

  it.each([
    ['/404.html', 'en'],
    ['/zh/404.html', 'zh-CN'],
  ])('%s is in %s, with no hreflang links', (path, lang) => {
    const text = html(path);
    expect(/<html\b[^>]*\blang="([^"]+)"/.exec(text)?.[1]).toBe(lang);
    expect(text).not.toMatch(/hreflang="x-default"/);
  });
});

/** The pooling stepper of chapter 4: its position, once drawn. */
async function poolPosition(page: Page): Promise<string> {
  const tag = 'pooling-stepper';
  await page.locator(`${tag} [data-part="stage"] svg`).first().waitFor();
  return page.locator(`${tag} [data-player="position"]`).innerText();
}

describe('the language switch', () => {
  it('keeps the chapter, the widget state set in the page and the anchor, both ways', async () => {
    const { page, log, close } = await visit(browser, origin, '/chapters/encoder-stage/#pool');
    try {
      const first = await poolPosition(page);
      for (let i = 0; i < 3; i++) await page.locator('pooling-stepper [data-player="next"]').click();
      await expect.poll(() => new URL(page.url()).search).toContain('pool.step=3');
      const position = await poolPosition(page);
      expect(position).not.toBe(first);
      const state = new URL(page.url()).search;

      await page.locator('.language-switch a').click();
      await page.waitForURL(`${origin}/zh/chapters/encoder-stage/${state}#pool`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
      await expect(poolPosition(page)).resolves.toBe(position);

      // Back, from the keyboard this time.
      await page.locator('.language-switch a').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${origin}/chapters/encoder-stage/${state}#pool`);
      await expect(poolPosition(page)).resolves.toBe(position);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(pages.filter((p) => !p.endsWith('404.html')))('on %s leads to the other edition of the page', (path) => {
    const links = [...html(path).matchAll(/<nav class="language-switch"[^>]*>([\s\S]*?)<\/nav>/g)].flatMap((nav) =>
      [...nav[1]!.matchAll(/<a\b([^>]*)>/g)].map((a) => parseAttributes(a[1]!)),
    );
    expect(links.map((a) => [a.get('href'), a.get('hreflang')])).toEqual([[counterpart(path), isZh(path) ? 'en' : 'zh-CN']]);
  });

  it('on a not-found page leads to the other edition at the same address', async () => {
    const { page, close } = await visit(browser, origin, '/zh/no/such/page/?a=1#b', {
      allowStatus: (_url, status) => status === 404,
    });
    try {
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
      await page.locator('.language-switch a').click();
      await page.waitForURL(`${origin}/no/such/page/?a=1#b`);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    } finally {
      await close();
    }
  });
});

/** Text and labels of the frame of a page: what the site says around the content. */
const FRAME = [
  'body > .skip-link',
  'header.site-header',
  'footer.site-footer',
  '.chapter-pager',
  '.chapter-kicker',
  '.chapter-list .chapter-number',
  '.predict-label',
  '.predict-answer > summary',
  '.takeaways-title',
  '.code-figure',
  'main > h1',
  'main > .lede',
  '.glossary dt',
  '.reference-use',
  'main > .table-scroll thead',
].join(', ');

describe.each(zhPages)('Chinese page %s', (path) => {
  it('has no English words in its frame (names, units and symbols aside)', async () => {
    const { page, close } = await visit(browser, origin, path, path.endsWith('404.html') ? { allowStatus: () => true } : {});
    try {
      const texts = await page.evaluate((selector) => {
        const out: string[] = [document.title];
        const english = (el: Element | null): boolean => !!el?.closest('[lang]:not([lang^="zh"])');
        for (const root of document.querySelectorAll(selector)) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest('script, style')) continue;
            if (!english(node.parentElement) && node.textContent!.trim()) out.push(node.textContent!.trim());
          }
          for (const el of [root, ...root.querySelectorAll('*')]) {
            if (english(el)) continue;
            for (const name of ['aria-label', 'alt']) if (el.getAttribute(name)) out.push(el.getAttribute(name)!);
          }
        }
        for (const el of document.querySelectorAll('aside[aria-label], nav[aria-label], [role="region"][aria-label]')) out.push(el.getAttribute('aria-label')!);
        for (const el of document.querySelectorAll('a.term[title]')) out.push(el.getAttribute('title')!);
        return out;
      }, FRAME);
      expect(texts.length).toBeGreaterThan(3);
      const titleSuffix = /\s·\sUnpooled$/;
      const english = texts
        .map((t) => t.replace(titleSuffix, ''))
        .filter((t) => !zhChapterText.includes(t))
        .filter((t) => leftToTranslate(t) !== '');
      expect(english).toEqual([]);
    } finally {
      await close();
    }
  });
});
