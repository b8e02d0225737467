/**
 * The own-image widget's sample streets in Chromium: a click on a sample fetches it from the
 * site, labels it and puts its seed in the URL; a link with that seed opens the widget on the
 * same sample; the reader's own file replaces it and the link forgets it. The sample pictures
 * come from public/samples/ (drawn by `npm run render:samples`). Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, watchPage, type PageLog } from './page-log';
import { DIST_DIR, pageEmbedding } from './site';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

const widgetPage = (): string => pageEmbedding('own-image');

const message = (page: Page): Promise<string> => page.locator('own-image [data-part="message"]').innerText();
const sampleInUrl = (page: Page): string | null => new URL(page.url()).searchParams.get('street.sample');

/** Opens the page (with an optional query), runs the network and waits for it to be ready. */
async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${origin}${widgetPage()}${query}`, { waitUntil: 'load' });
  await page.locator('own-image').scrollIntoViewIfNeeded();
  await page.locator('own-image [data-part="status"] [data-action="run"]').click();
  await page.waitForSelector('own-image[data-backend]', { timeout: 60_000 });
}

function greyPng(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  png.data.fill(128);
  return PNG.sync.write(png);
}

describe('own-image sample streets', () => {
  let page: Page;
  let log: PageLog;
  const requests: string[] = [];

  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('request', (r) => requests.push(r.url()));
    log = await watchPage(page, origin);
    await open(page);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('offers the shipped samples as labelled buttons, fetching no full picture before a click', async () => {
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'samples/manifest.json'), 'utf8')) as { samples: { seed: number; file: string }[] };
    const buttons = page.locator('own-image [data-sample]');
    expect(await buttons.count()).toBe(manifest.samples.length);
    expect(await buttons.first().getAttribute('aria-label')).toBe(`Sample street ${manifest.samples[0]!.seed}`);
    expect(requests.filter((u) => manifest.samples.some((s) => u.endsWith(`/samples/${s.file}`)))).toEqual([]);
  });

  it('labels a sample on a click and links to it', async () => {
    const button = page.locator('own-image [data-sample]').nth(1);
    const seed = await button.getAttribute('data-sample');
    await button.click();
    await page.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
    expect(await message(page)).toBe(`Showing “sample street ${seed}”.`);
    await page.waitForFunction((s) => new URL(location.href).searchParams.get('street.sample') === s, seed);
    expect(await page.locator('own-image [data-part="caption"]').innerText()).toContain(`sample street ${seed}`);
  });

  it('opens a link with a sample on that sample', async () => {
    const other = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    try {
      const seed = await page.locator('own-image [data-sample]').nth(2).getAttribute('data-sample');
      await open(other, `?street.sample=${seed}`);
      await other.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
      expect(await message(other)).toBe(`Showing “sample street ${seed}”.`);
    } finally {
      await other.context().close();
    }
  });

  it("replaces the sample with the reader's own picture, and the link forgets the sample", async () => {
    await page.locator('own-image [data-part="file"]').setInputFiles({ name: 'grey.png', mimeType: 'image/png', buffer: greyPng() });
    await page.waitForFunction(() => document.querySelector('own-image [data-part="message"]')?.textContent?.startsWith('Showing “grey.png”'));
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('street.sample'));
    expect(sampleInUrl(page)).toBeNull();
  });

  it('made no request beyond its own origin and logged no error', () => {
    const foreign = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect(foreign).toEqual([]);
    expect(problems(log)).toEqual([]);
  });
});
