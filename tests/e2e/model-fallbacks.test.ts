/**
 * The precomputed figures of the model widgets (label overlay, architecture explorer, decoder
 * side-by-side, boundary-F1 demo) in Chromium. Without WebGL and WebGPU, each widget shows its
 * figure with the manifest's size, alt text and caption, holds the network and offers to run
 * it anyway; running it hides the figure. On a small screen the figure shows even with a
 * graphics API; on a desktop with one it stays hidden and is never downloaded.
 * Run `npm run build` (and `npm run render:fallbacks` for new figures) first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseFallbackManifest, type FallbackWidget } from '../../src/widgets/model/fallbacks';
import { HOLD_MESSAGES } from '../../src/widgets/model/run-policy';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, visit } from './page-log';
import { builtPages, DIST_DIR } from './site';

const origin = inject('origin');
const manifest = parseFallbackManifest(JSON.parse(readFileSync(join(DIST_DIR, 'fallbacks/manifest.json'), 'utf8')));

/** The suite's flags minus SwiftShader and WebGPU, with the GPU process off: no WebGL, no WebGPU. */

let noGpu: Browser;
let withGpu: Browser;

beforeAll(async () => {
  noGpu = await launchChromium(NO_GPU_CHROMIUM_ARGS);
  withGpu = await launchChromium();
});

afterAll(async () => {
  await noGpu?.close();
  await withGpu?.close();
});

/** The first built page that embeds `tag`. */
function pageWith(tag: string): string {
  const path = builtPages().find((p) => readFileSync(join(DIST_DIR, p.endsWith('/') ? `${p}index.html` : p), 'utf8').includes(`<${tag} `));
  if (!path) throw new Error(`no built page embeds <${tag}>`);
  return path;
}

/**
 * The state in which a widget's figure stands in for the network: the label overlay and the BF
 * demo draw their default view (ground truth, its 1/8 copy) live without the network, so their
 * figure of the network's prediction shows once that prediction is chosen.
 */
const NETWORK_VIEW: Partial<Record<FallbackWidget, string>> = { 'label-overlay': '?overlay.show=prediction', 'boundary-f1-demo': '?bf.compare=model' };

const figure = (tag: string): string => `${tag} [data-part="model-fallback"]`;
const runButton = (tag: string): string => `${tag} [data-part="status"] [data-action="run"]`;

/** Waits until the figure is visible and its image decoded; returns what the page shows. */
async function shownFigure(page: Page, tag: string): Promise<{ width: string | null; height: string | null; alt: string | null; natural: number[]; caption: string }> {
  await page.locator(tag).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${figure(tag)}:not([hidden])`, { timeout: 30_000 });
  const img = page.locator(`${figure(tag)} img`);
  await page.waitForFunction((sel) => {
    const el = document.querySelector<HTMLImageElement>(sel);
    return el !== null && el.complete && el.naturalWidth > 0;
  }, `${figure(tag)} img`);
  return {
    width: await img.getAttribute('width'),
    height: await img.getAttribute('height'),
    alt: await img.getAttribute('alt'),
    natural: await img.evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight]),
    caption: await page.locator(`${figure(tag)} figcaption`).innerText(),
  };
}

describe('without WebGL and WebGPU', () => {
  const widgets = Object.keys(manifest.images) as FallbackWidget[];

  it.each(widgets)('<%s> shows its precomputed figure, holds the network, and runs it on request', async (tag) => {
    const expected = manifest.images[tag]!;
    const v = await visit(noGpu, origin, `${pageWith(tag)}${NETWORK_VIEW[tag] ?? ''}`, { context: { viewport: { width: 1280, height: 900 } } });
    try {
      const { page } = v;
      // Hidden until the gate decides (the label overlay opens the chapter: its gate may have decided already).
      if (tag !== 'label-overlay') expect(await page.locator(`${figure(tag)}`).isHidden()).toBe(true);
      const shown = await shownFigure(page, tag);
      expect(shown).toEqual({
        width: String(expected.width),
        height: String(expected.height),
        alt: expected.alt,
        natural: [expected.width, expected.height],
        caption: expected.caption,
      });
      const status = page.locator(`${tag} [data-part="status"]`);
      expect(await status.innerText()).toContain(HOLD_MESSAGES['no-gpu']);
      expect(await page.locator(runButton(tag)).innerText()).toBe('Run the live network anyway');
      expect(await page.getAttribute(tag, 'data-backend')).toBeNull();

      const { violations } = await new AxeBuilder({ page }).include(tag).analyze();
      expect(violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);

      await page.locator(runButton(tag)).click();
      await page.waitForSelector(`${tag}[data-backend="wasm"]`, { timeout: 30_000 });
      await page.locator(figure(tag)).waitFor({ state: 'hidden' });
      expect(await page.locator(figure(tag)).getAttribute('hidden')).toBe('');
      expect(await status.innerText()).toContain('WebAssembly');
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('with a graphics API', () => {
  it('a small screen shows the figure and offers the live run', async () => {
    const tag = 'label-overlay';
    const v = await visit(withGpu, origin, `${pageWith(tag)}${NETWORK_VIEW[tag]}`, { context: { viewport: { width: 400, height: 800 } } });
    try {
      const shown = await shownFigure(v.page, tag);
      expect(shown.alt).toBe(manifest.images[tag]!.alt);
      expect(await v.page.locator(`${tag} [data-part="status"]`).innerText()).toContain(HOLD_MESSAGES['small-screen']);
      expect(await v.page.locator(runButton(tag)).innerText()).toBe('Run the live network anyway');
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('a desktop starts the network, never showing or downloading the figure', async () => {
    const tag = 'label-overlay';
    const requests: string[] = [];
    const v = await visit(withGpu, origin, pageWith(tag), { context: { viewport: { width: 1280, height: 900 } } });
    try {
      v.page.on('request', (r) => requests.push(r.url()));
      await v.page.locator(tag).scrollIntoViewIfNeeded();
      await v.page.waitForSelector(`${tag} .model-status:is([data-state="loading"], [data-state="ready"])`, { timeout: 30_000 });
      expect(await v.page.locator(figure(tag)).isHidden()).toBe(true);
      expect(await v.page.locator(runButton(tag)).count()).toBe(0);
      expect(requests.filter((url) => url.includes('/fallbacks/'))).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
