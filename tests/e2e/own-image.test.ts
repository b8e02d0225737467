/**
 * The own-image widget (chapter 8) in Chromium: a PNG made here, of a size unlike the
 * network's input, is uploaded and labelled; the overlay is a blend of the plain picture and
 * the class colours whose strength follows the opacity slider; the probe answers the pointer
 * and the arrow keys; a text file named .png, a non-image file and a damaged PNG are refused
 * with messages naming them while the previous result stays; a dropped file is read too; the
 * camera path captures a (fake) frame, and a denied camera gets a message. Every request the page makes is recorded: none leaves the page's origin.
 *
 * Like widgets-model.test.ts, the browser runs without WebGL and WebGPU, so the network waits
 * for a click and then runs on the wasm backend (fast enough for a test). Run `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, watchPage, type PageLog } from './page-log';
import { DIST_DIR, pageEmbedding } from './site';

const origin = inject('origin');
let browser: Browser;

/** No WebGL, no WebGPU (the network runs on wasm); a fake camera that needs no permission prompt. */
const ARGS = [
  ...NO_GPU_CHROMIUM_ARGS,
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

beforeAll(async () => {
  browser = await launchChromium(ARGS);
});

afterAll(async () => {
  await browser?.close();
});

const widgetPage = (): string => pageEmbedding('own-image');

/** A 200 x 120 PNG: red above row 60, blue below, so the crop and the blend can be checked. */
function redOverBluePng(): Buffer {
  const png = new PNG({ width: 200, height: 120 });
  for (let y = 0; y < 120; y++) {
    for (let x = 0; x < 200; x++) {
      const i = (y * 200 + x) * 4;
      png.data.set(y < 60 ? [255, 0, 0, 255] : [0, 0, 255, 255], i);
    }
  }
  return PNG.sync.write(png);
}

/** The scene canvas's RGBA bytes. */
function scenePixels(page: Page): Promise<number[]> {
  return page.locator('own-image [data-part="scene"] canvas').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
  });
}

async function setOpacity(page: Page, value: number): Promise<void> {
  await page.locator('own-image [data-field="opacity"]').evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
  await page.waitForFunction((v) => document.querySelector('own-image [data-part="caption"]')?.textContent?.includes(`at ${v}% opacity`), value);
}

const message = (page: Page): Promise<string> => page.locator('own-image [data-part="message"]').innerText();

describe('own-image', () => {
  let page: Page;
  let log: PageLog;
  const requests: string[] = [];

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    log = await watchPage(page, origin);
    await page.goto(origin + widgetPage(), { waitUntil: 'load' });
    await page.locator('own-image').scrollIntoViewIfNeeded();
    // Without WebGL and WebGPU the network waits for the reader: run it.
    await page.locator('own-image [data-part="status"] [data-action="run"]').click();
    await page.waitForSelector('own-image[data-backend]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('says which model runs', async () => {
    const camvid = existsSync(join(DIST_DIR, 'models/segnet-basic-camvid-96x128/model.json'));
    const text = await page.locator('own-image [data-part="which-model"]').innerText();
    expect(text).toContain(camvid ? 'trained on CamVid' : 'synthetic road scenes');
  });

  it('labels an uploaded PNG, blending the class colours at the chosen opacity', async () => {
    // The list of classes is headed as the whole picture's shares, and only once there is a list.
    const heading = page.locator('own-image .own-image-legend-heading');
    expect(await heading.isVisible()).toBe(false);
    await page.locator('own-image [data-part="file"]').setInputFiles({ name: 'red-over-blue.png', mimeType: 'image/png', buffer: redOverBluePng() });
    await page.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
    expect(await message(page)).toBe('Showing “red-over-blue.png”.');
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.innerText()).toBe('Whole picture: share of each class');
    expect(await page.locator('own-image [data-part="region"] figcaption').innerText()).toBe(
      'The network sees the outlined centre, 120 × 160 of 120 × 200 pixels (the left and right edges are cut off), scaled to 96 × 128.',
    );

    await setOpacity(page, 0);
    const plain = await scenePixels(page);
    expect(plain.length).toBe(128 * 96 * 4);
    const at = (px: number[], x: number, y: number): number[] => px.slice((y * 128 + x) * 4, (y * 128 + x) * 4 + 3);
    expect(at(plain, 64, 10)).toEqual([255, 0, 0]); // red half, scaled 0.8x
    expect(at(plain, 64, 90)).toEqual([0, 0, 255]);

    await setOpacity(page, 60);
    const strong = await scenePixels(page);
    await setOpacity(page, 30);
    const weak = await scenePixels(page);
    const changed = (a: number[], b: number[]): number => a.filter((v, i) => Math.abs(v - b[i]!) > 8).length;
    expect(changed(strong, plain)).toBeGreaterThan(128 * 96); // well over a third of the channel values move
    expect(changed(weak, strong)).toBeGreaterThan(0);
    // A blend: out - plain = a * (colour - plain), so the 60% shift is twice the 30% shift.
    for (let i = 0; i < plain.length; i++) {
      if (i % 4 === 3) continue;
      expect(Math.abs(strong[i]! - plain[i]! - 2 * (weak[i]! - plain[i]!))).toBeLessThanOrEqual(2);
    }
  });

  it('shows the class under the pointer and under the keyboard probe', async () => {
    const scene = page.locator('own-image [data-part="scene"]');
    const box = (await scene.boundingBox())!;
    await page.mouse.move(box.x + box.width * (10.5 / 128), box.y + box.height * (20.5 / 96));
    const probe = page.locator('own-image [data-part="probe"]');
    await expect.poll(() => probe.innerText()).toMatch(/^Pixel \(row 20, column 10\): [A-Za-z]+, \d+% probable\.$/);
    const name = /: ([A-Za-z]+),/.exec(await probe.innerText())![1]!;
    expect(await page.locator('own-image .class-legend li.is-current .legend-name').innerText()).toBe(name);

    await page.mouse.move(0, 0);
    await scene.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => probe.innerText()).toMatch(/^Pixel \(row 64, column 65\): /);
    await expect.poll(() => new URL(page.url()).searchParams.get('street.x')).toBe('65');
    expect(new URL(page.url()).searchParams.get('street.y')).toBe('64');
  });

  it('refuses a text file named .png, a non-image file and a damaged PNG, keeping the result', async () => {
    const before = await scenePixels(page);
    const input = page.locator('own-image [data-part="file"]');
    const refused = async (file: { name: string; mimeType: string; buffer: Buffer }, expected: string): Promise<void> => {
      await input.setInputFiles(file);
      await expect.poll(() => message(page)).toContain(expected);
      expect(await message(page)).toContain('The previous picture stays.');
      expect(await page.getAttribute('own-image', 'data-prediction')).toBe('ready');
      expect(await page.locator('own-image [data-part="caption"]').innerText()).toContain('“red-over-blue.png”');
      expect(await scenePixels(page)).toEqual(before);
    };
    await refused(
      { name: 'street.png', mimeType: 'image/png', buffer: Buffer.from('not a picture, just text\n') },
      '“street.png” (image/png, 25 bytes) is not an image: its name says image, but its contents are not one.',
    );
    await refused({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') }, '“notes.txt” (text/plain, 6 bytes) is not an image.');
    await refused(
      { name: 'cut.png', mimeType: 'image/png', buffer: redOverBluePng().subarray(0, 60) },
      '“cut.png” starts like a PNG file but could not be decoded',
    );
  });

  it('passes axe with a result shown', async () => {
    const { violations } = await new AxeBuilder({ page }).include('own-image').analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });

  it('takes a picture dropped on the widget, also when another file comes first in the drop', async () => {
    const png = redOverBluePng().toString('base64');
    const drop = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      // A note dropped along with the picture, and first: the picture is the one taken.
      transfer.items.add(new File(['not a picture'], 'a.txt', { type: 'text/plain' }));
      transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      return transfer;
    }, png);
    await page.locator('own-image').dispatchEvent('drop', { dataTransfer: drop });
    await expect.poll(() => message(page), { timeout: 10_000 }).toBe('Showing “dropped.png”.');
    await page.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
    expect(await page.locator('own-image [data-part="caption"]').innerText()).toContain('“dropped.png”');
  });

  it('captures a frame from the camera and labels it', async () => {
    await page.locator('own-image [data-part="camera-start"]').click();
    await page.waitForSelector('own-image [data-part="camera"]:not([hidden])');
    await page.waitForFunction(() => (document.querySelector('own-image video') as HTMLVideoElement).videoWidth > 0);
    await page.locator('own-image [data-part="camera-capture"]').click();
    expect(await page.locator('own-image [data-part="camera"]').isHidden()).toBe(true);
    await expect.poll(() => message(page)).toMatch(/^Showing “camera picture \d\d:\d\d:\d\d”\.$/);
    await page.waitForSelector('own-image[data-prediction="ready"]', { timeout: 60_000 });
  });

  it('leaves no camera track live after "off", however often "Use the camera" was pressed', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __streams: MediaStream[] };
      w.__streams = [];
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        w.__streams.push(stream);
        return stream;
      };
    });
    const twice = await context.newPage();
    try {
      await twice.goto(origin + widgetPage(), { waitUntil: 'load' });
      await twice.evaluate(() => {
        const start = document.querySelector<HTMLButtonElement>('own-image [data-part="camera-start"]')!;
        start.click();
        start.click();
      });
      await twice.waitForSelector('own-image [data-part="camera"]:not([hidden])');
      await twice.waitForTimeout(500); // a second stream, if one was asked for, has arrived
      expect(await twice.locator('own-image [data-part="camera-start"]').isDisabled()).toBe(true);
      await twice.locator('own-image [data-part="camera-stop"]').click();
      await expect.poll(() => message(twice)).toBe('The camera is off.');
      const tracks = await twice.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)));
      expect(tracks.length).toBeGreaterThan(0);
      expect(tracks.filter((state) => state === 'live')).toEqual([]);
      expect(await twice.locator('own-image [data-part="camera-start"]').isDisabled()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('says so when camera access is denied', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const denied = await context.newPage();
    const deniedLog = await watchPage(denied, origin);
    try {
      await denied.goto(origin + widgetPage(), { waitUntil: 'load' });
      await denied.locator('own-image [data-part="camera-start"]').click();
      await expect.poll(() => message(denied)).toBe('Camera access was denied. Allow it in the browser’s settings for this site, or choose a picture file instead.');
      expect(await denied.locator('own-image [data-part="camera"]').isHidden()).toBe(true);
      expect(problems(deniedLog)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('made no request beyond its own origin and logged no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect(foreign).toEqual([]);
    expect(problems(log)).toEqual([]);
  });
});
