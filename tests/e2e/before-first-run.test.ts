/**
 * What a reader sees before a widget's network or training has run, measured on the page.
 * On a phone (390 × 844) the model widgets of chapters 3–5 hold their network: the precomputed
 * figure stands where the live result will appear, with no blank box, and the run button sits
 * right under it, above the controls that act on the live result. The boundary-F1 demo puts
 * each of its two boundary numbers under its own picture. The training studio's charts show
 * their axes and what will appear in them, not blank frames.
 * Run `npm run build` first.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { problems, visit } from './page-log';
import { pageEmbedding } from './site';

const origin = inject('origin');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The tallest stretch of `selector`'s box with nothing drawn in it: no text, image, canvas,
 * SVG or form control (in CSS pixels, measured top to bottom over the visible content).
 */
async function largestBlankGap(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const box = root.getBoundingClientRect();
    const spans: [number, number][] = [];
    const visible = (r: DOMRect): boolean => r.width > 0 && r.height > 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (visible(r)) spans.push([r.top, r.bottom]);
      } else if ((node as Element).matches('img, canvas, svg, input, select, button, textarea')) {
        const r = (node as Element).getBoundingClientRect();
        if (visible(r)) spans.push([r.top, r.bottom]);
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    let reached = box.top;
    let gap = 0;
    for (const [top, bottom] of spans) {
      gap = Math.max(gap, top - reached);
      reached = Math.max(reached, bottom);
    }
    return Math.max(gap, box.bottom - reached);
  }, selector);
}

/** Top and bottom of the first element matching `selector` (page coordinates). */
async function extent(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
}

describe('model widgets before the network runs, on a phone', () => {
  it.each(['architecture-explorer', 'encoder-stage-stepper', 'decoder-side-by-side', 'pixel-provenance', 'decoder-gallery'])(
    '<%s> shows its figure in place of the live result, with the run button under it',
    async (tag) => {
      const v = await visit(browser, origin, pageEmbedding(tag), { context: { viewport: PHONE } });
      try {
        const { page } = v;
        await page.locator(tag).scrollIntoViewIfNeeded();
        const figure = `${tag} [data-part="model-fallback"]`;
        await page.waitForSelector(`${figure}:not([hidden]) img`, { timeout: 30_000 });
        await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLImageElement | null)?.complete === true, `${figure} img`);
        await page.waitForSelector(`${tag} [data-part="status"] [data-action="run"]`);

        // No empty box: the widget has no blank stretch taller than a few lines.
        expect(await largestBlankGap(page, tag)).toBeLessThan(100);

        // The run button follows the figure closely, and nothing to operate sits between them.
        const image = await extent(page, `${figure} img`);
        const run = await extent(page, `${tag} [data-action="run"]`);
        expect(run.top).toBeGreaterThan(image.bottom);
        expect(run.bottom - image.top).toBeLessThan(PHONE.height * 0.75);
        const controls = await page.locator(`${tag} :is(input, select, button):visible`).evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            return { top: r.top + window.scrollY, run: el.matches('[data-action="run"]') };
          }),
        );
        expect(controls.filter((c) => !c.run && c.top > image.bottom && c.top < run.top)).toEqual([]);

        const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
        expect(violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);
        expect(problems(v.log)).toEqual([]);
      } finally {
        await v.close();
      }
    },
  );
});

describe('model widgets without scripts', () => {
  it('the figure shows in the place of the live result', async () => {
    const tag = 'encoder-stage-stepper';
    const v = await visit(browser, origin, pageEmbedding(tag), { context: { viewport: PHONE, javaScriptEnabled: false } });
    try {
      const { page } = v;
      await page.locator(tag).scrollIntoViewIfNeeded();
      expect(await page.locator(`${tag} [data-part="model-fallback"] img`).isVisible()).toBe(true);
      expect(await page.locator(`${tag} [data-live]`).isVisible()).toBe(false);
      expect(await largestBlankGap(page, tag)).toBeLessThan(100);
    } finally {
      await v.close();
    }
  });
});

describe('the boundary-F1 demo', () => {
  it.each([PHONE, DESKTOP])('puts each boundary number under its own picture at $width px', async (viewport) => {
    const tag = 'boundary-f1-demo';
    const v = await visit(browser, origin, pageEmbedding(tag), { context: { viewport } });
    try {
      const { page } = v;
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag} .bf-panel canvas`, { timeout: 30_000 });
      const panels = await page.locator(`${tag} .bf-panel`).evaluateAll((figures) =>
        figures.map((figure) => {
          const picture = figure.querySelector('canvas')!.getBoundingClientRect();
          const numbers = [...figure.closest('.bf-view')!.querySelectorAll('dd')].map((dd) => ({ text: dd.textContent, box: dd.getBoundingClientRect() }));
          // The number a reader pairs with this picture: the closest one below it, in its column.
          const inColumn = (n: (typeof numbers)[number]): boolean => (n.box.left + n.box.right) / 2 > picture.left && (n.box.left + n.box.right) / 2 < picture.right;
          const below = numbers.filter((n) => n.box.top >= picture.bottom - 1 && inColumn(n)).sort((a, b) => a.box.top - b.box.top)[0];
          const own = figure.querySelector('dd');
          return {
            gap: below ? below.box.top - picture.bottom : Infinity,
            within: below ? below.box.left >= picture.left - 1 && below.box.right <= picture.right + 1 : false,
            isOwn: below !== undefined && own !== null && below.text === own.textContent,
            top: below?.box.top ?? NaN,
            pictureTop: picture.top,
          };
        }),
      );
      expect(panels).toHaveLength(2);
      for (const p of panels) {
        expect(p.gap).toBeLessThan(48);
        expect(p.within).toBe(true);
        expect(p.isOwn).toBe(true);
      }
      if (viewport.width >= 1000) {
        // Side by side: the pictures and their numbers line up.
        expect(Math.abs(panels[0]!.pictureTop - panels[1]!.pictureTop)).toBeLessThan(1);
        expect(Math.abs(panels[0]!.top - panels[1]!.top)).toBeLessThan(1);
      }
      const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
      expect(violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('on a phone, shows the network\'s precomputed figure only with the network\'s prediction chosen, in its place', async () => {
    const tag = 'boundary-f1-demo';
    const v = await visit(browser, origin, pageEmbedding(tag), { context: { viewport: PHONE } });
    try {
      const { page } = v;
      const root = page.locator(tag);
      await root.scrollIntoViewIfNeeded();
      // The 1/8 comparison needs no network: it is drawn live, and the held network's figure,
      // BF and run button stay out of its way.
      await page.waitForSelector(`${tag}[data-fallback="shown"] .bf-panel canvas`, { timeout: 30_000 });
      const figure = root.locator('[data-part="model-fallback"]');
      const status = root.locator('[data-part="status"]');
      const stage = root.locator('[data-part="stage"]');
      expect(await figure.isVisible()).toBe(false);
      expect(await stage.isVisible()).toBe(true);
      // Run stays offered, without the sentence that points at the hidden figure.
      expect(await status.locator('[data-action="run"]').isVisible()).toBe(true);
      expect(await status.locator('.model-status-figure-note').isVisible()).toBe(false);
      // The network's prediction: its figure stands where the live result will be, Run under it.
      await root.locator('input[data-field="compare"][value="model"]').check();
      await page.waitForFunction((t) => document.querySelector(t)?.getAttribute('data-compare') === 'model', tag);
      expect(await stage.isVisible()).toBe(false);
      expect(await figure.isVisible()).toBe(true);
      const run = status.locator('[data-action="run"]');
      expect(await run.isVisible()).toBe(true);
      const [figureBox, runBox] = [await figure.boundingBox(), await run.boundingBox()];
      expect(runBox!.y).toBeGreaterThan(figureBox!.y + figureBox!.height - 1);
      // Run: the live prediction replaces the figure.
      await run.click();
      await page.waitForSelector(`${tag}:not([data-fallback]) .bf-panel canvas`, { timeout: 60_000 });
      await page.waitForFunction((t) => document.querySelector(t)?.getAttribute('data-shown')?.split(':')[1] === 'model', tag, { timeout: 60_000 });
      expect(await figure.isVisible()).toBe(false);
      expect(await stage.isVisible()).toBe(true);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('the label overlay on a phone', () => {
  it('shows the held network\'s figure only with the prediction chosen, in the live scene\'s place, with no blank stretch', async () => {
    const tag = 'label-overlay';
    const v = await visit(browser, origin, pageEmbedding(tag), { context: { viewport: PHONE } });
    try {
      const { page } = v;
      const root = page.locator(tag);
      await root.scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-fallback="shown"] [data-part="scene"]`, { timeout: 30_000 });
      const figure = root.locator('[data-part="model-fallback"]');
      const status = root.locator('[data-part="status"]');
      const scene = root.locator('[data-part="stage"]');
      // The ground truth needs no network: drawn live, without the network's figure under it.
      expect(await scene.isVisible()).toBe(true);
      expect(await figure.isVisible()).toBe(false);
      expect(await status.locator('[data-action="run"]').isVisible()).toBe(true);
      expect(await status.locator('.model-status-figure-note').isVisible()).toBe(false);
      expect(await largestBlankGap(page, tag)).toBeLessThan(100);
      await root.locator('input[data-field="show"][value="prediction"]').check();
      await page.waitForFunction((t) => document.querySelector(t)?.getAttribute('data-labels') === 'prediction', tag);
      expect(await scene.isVisible()).toBe(false);
      expect(await figure.isVisible()).toBe(true);
      expect(await status.locator('[data-action="run"]').isVisible()).toBe(true);
      expect(await status.locator('.model-status-figure-note').isVisible()).toBe(true);
      expect(await largestBlankGap(page, tag)).toBeLessThan(100);
      const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
      expect(violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('the training studio before Start', () => {
  it.each([PHONE, DESKTOP])('shows what each chart will show, at $width px', async (viewport) => {
    const tag = 'training-studio';
    const v = await visit(browser, origin, pageEmbedding(tag), { context: { viewport } });
    try {
      const { page } = v;
      await page.locator(`${tag} .studio-charts`).scrollIntoViewIfNeeded();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 4, `${tag} .studio-chart-box > [data-placeholder]`, { timeout: 30_000 });
      const charts = await page.locator(`${tag} .studio-chart-box`).evaluateAll((boxes) =>
        boxes.map((box) => {
          const rect = (el: Element | null) => el?.getBoundingClientRect() ?? null;
          const area = rect(box.querySelector('.chart-placeholder-area'))!;
          const note = rect(box.querySelector('.studio-chart-empty'))!;
          const y = rect(box.querySelector('.chart-placeholder-y'))!;
          const x = rect(box.querySelector('.chart-placeholder-x'))!;
          const style = getComputedStyle(box.querySelector('.chart-placeholder-area')!);
          return {
            axes: style.borderLeftStyle !== 'none' && style.borderBottomStyle !== 'none',
            noteInside: note.top >= area.top && note.bottom <= area.bottom && note.left >= area.left && note.right <= area.right,
            yLeft: y.width > 0 && y.right <= area.left + 1,
            xBelow: x.width > 0 && x.top >= area.bottom - 1,
            fillsBox: area.height / box.getBoundingClientRect().height,
            inView: box.getBoundingClientRect().right <= document.documentElement.clientWidth,
          };
        }),
      );
      expect(charts).toHaveLength(4);
      for (const c of charts) {
        expect(c).toMatchObject({ axes: true, noteInside: true, yLeft: true, xBelow: true, inView: true });
        expect(c.fillsBox).toBeGreaterThan(0.6);
      }
      // The validation strip says what it will show, in the space it will take: no blank box.
      const strip = page.locator(`${tag} [data-part="strip"]`);
      expect(await strip.innerText()).toMatch(/^\d+ validation frames appear here once a run has loaded its data/);
      expect(await largestBlankGap(page, tag)).toBeLessThan(100);
      const { violations } = await new AxeBuilder({ page }).include(`${tag} .studio-charts`).analyze();
      expect(violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
