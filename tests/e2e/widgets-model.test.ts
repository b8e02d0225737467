/**
 * The model-backed widgets in Chromium: label overlay (chapter 1), architecture explorer
 * (chapter 3), decoder side-by-side (wherever a chapter embeds it), boundary-F1 demo and
 * results table (chapter 7). Each hydrates, each control changes what it draws and the URL, a
 * URL restores it, the overlay's probe shows the network's probabilities on hover and from the
 * keyboard, TF.js loads only once a widget nears the viewport, the page requests nothing from
 * another origin and logs no error, and axe finds nothing once the widgets have loaded.
 *
 * The browser runs without a GPU and without SwiftShader, so WebGL and WebGPU are unavailable
 * and the widgets fall back to the wasm backend (a forward pass of SegNet-Basic at 96 x 128
 * takes ~0.3 s there, against ~20 s on SwiftShader's WebGL): that is both the fallback a reader
 * without a GPU gets and fast enough for a test. Nothing depends on a pretrained checkpoint:
 * without one the widgets show an untrained network and say so. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { scriptBytes as scriptBytesOf } from './engine-worker';
import { checkVisit, type Visit } from './page-log';
import { builtPages, DIST_DIR } from './site';

const origin = inject('origin');
let browser: Browser;


beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
});

afterAll(async () => {
  await browser?.close();
});

/** The first built page that embeds `tag`, or null. */
function pageWith(tag: string): string | null {
  for (const path of builtPages()) {
    const file = join(DIST_DIR, path.endsWith('/') ? `${path}index.html` : path);
    if (readFileSync(file, 'utf8').includes(`<${tag} `)) return path;
  }
  return null;
}

/** Open a page, run the checks, then require a clean console and network log. */
const withPage = (path: string, check: (page: Page, v: Visit) => Promise<void>, viewport = { width: 1280, height: 900 }): Promise<void> =>
  checkVisit(browser, origin, path, { context: { viewport } }, check);

/**
 * Scroll a widget into view and wait until its network has run (`data-backend` set). Without
 * WebGL and WebGPU the gate holds the network behind its precomputed figure: press the run button.
 */
async function whenModelReady(page: Page, tag: string): Promise<string> {
  const widget = page.locator(tag).first();
  await widget.scrollIntoViewIfNeeded();
  const run = `${tag} [data-part="status"] [data-action="run"]`;
  await page.waitForSelector(`${tag}[data-backend], ${run}`, { timeout: 30_000 });
  if ((await widget.getAttribute('data-backend')) === null) await page.locator(run).first().click();
  await page.waitForSelector(`${tag}[data-backend]`, { timeout: 30_000 });
  return (await widget.getAttribute('data-backend'))!;
}

/** Every canvas of a widget part, as data URLs: what it draws, pixel for pixel. */
function pixels(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluateAll((canvases) => (canvases as HTMLCanvasElement[]).map((c) => c.toDataURL()).join('|'));
}

/** Set a range input or select as a reader would (value, then input and change events). */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

const query = (page: Page): string => decodeURIComponent(new URL(page.url()).search);

/** Apply `change`, then expect `draw()` to differ and the URL to contain `expected`. */
async function expectRedraw(page: Page, draw: () => Promise<string>, change: () => Promise<unknown>, expected: string): Promise<void> {
  const before = await draw();
  await change();
  await expect.poll(draw, { timeout: 15_000 }).not.toBe(before);
  await expect.poll(() => query(page), { timeout: 5_000 }).toContain(expected);
}

async function expectNoAxeViolations(page: Page, include: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include(include).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

describe('label-overlay (chapter 1)', () => {
  const tag = 'label-overlay';
  const scene = `${tag} [data-part="scene"] canvas`;

  it('redraws for frame, labels and opacity, probes pixels by pointer and keyboard, and runs on wasm', async () => {
    await withPage('/chapters/pixels/', async (page) => {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="frames"]`);
      const draw = () => pixels(page, scene);
      await expectRedraw(page, draw, () => setValue(page, `${tag} input[data-field="opacity"]`, '20'), 'overlay.opacity=20');
      await expectRedraw(page, draw, () => page.locator(`${tag} .frame-choice`).nth(2).click(), 'overlay.frame=2');

      expect(await whenModelReady(page, tag)).toBe('wasm');
      const status = await page.locator(`${tag} [data-part="status"]`).innerText();
      expect(status).toMatch(/No pretrained checkpoint found: showing an untrained network|pretrained checkpoint/);
      expect(status).toContain('WebAssembly');
      await page.locator(`${tag} .probability-bars`).waitFor();

      await expectRedraw(page, draw, () => page.locator(`${tag} input[value="prediction"]`).check(), 'overlay.show=prediction');
      await expect.poll(() => page.locator(`${tag} [data-part="caption"]`).innerText()).toContain('matches the ground truth');

      const box = (await page.locator(`${tag} [data-part="scene"]`).boundingBox())!;
      await page.mouse.move(box.x + box.width * (10.5 / 128), box.y + box.height * (20.5 / 96));
      await expect.poll(() => page.locator(`${tag} .probe-title`).innerText()).toBe('Pixel (10, 20)');
      expect(await page.locator(`${tag} .probability-bars rect.bar`).count()).toBe(5);
      expect(await page.locator(`${tag} .probe-panel .visually-hidden`).innerText()).toMatch(/^Pixel column 10, row 20: labelled \w+\. Network: \w+ \d+%/);
      await page.mouse.move(0, 0);

      await page.locator(`${tag} [data-part="scene"]`).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await expect.poll(() => page.locator(`${tag} .probe-title`).innerText()).toBe('Pixel (65, 80)');
      await expect.poll(() => query(page)).toContain('overlay.x=65');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('scene');
      await expectNoAxeViolations(page, tag);
    });
  });

  it('restores its state from the URL', async () => {
    await withPage('/chapters/pixels/?overlay.frame=3&overlay.opacity=30&overlay.x=5&overlay.y=6', async (page) => {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready="frames"]`);
      expect(await page.locator(`${tag} input[data-field="frame"][value="3"]`).isChecked()).toBe(true);
      expect(await page.locator(`${tag} input[data-field="opacity"]`).inputValue()).toBe('30');
      expect(await page.locator(`${tag} .probe-title`).innerText()).toBe('Pixel (5, 6)');
    });
  });
});

describe('architecture-explorer (chapter 3)', () => {
  const tag = 'architecture-explorer';
  const panel = `${tag} [data-part="panel"]`;

  it('loads TF.js only near the viewport, then shows real feature maps of the selected layer', async () => {
    await withPage(
      '/chapters/architecture/',
      async (page) => {
        // TF.js loads in the engine worker: the page's and the worker's fetches together.
        const scriptBytes = () => scriptBytesOf(page);
        const top = await page.locator(tag).evaluate((el) => el.getBoundingClientRect().top);
        expect(top).toBeGreaterThan(300 + 300); // below the 300 px margin of a 300 px viewport
        await page.waitForTimeout(500);
        expect(await page.locator(tag).getAttribute('data-backend')).toBeNull();
        expect(await scriptBytes()).toBeLessThan(400_000);
        await whenModelReady(page, tag);
        expect(await scriptBytes()).toBeGreaterThan(1_000_000);
      },
      { width: 1280, height: 300 },
    );
  });

  it('redraws for layer (click and arrow keys), network and frame, and restores from the URL', async () => {
    await withPage('/chapters/architecture/', async (page) => {
      await whenModelReady(page, tag);
      await page.waitForSelector(`${tag}[data-shown="0:encoder/stage1/pool"]`);
      expect(await page.locator(`${panel} .tile-indices`).count()).toBe(8);
      expect(await page.locator(`${tag} .block-label`).count()).toBe(18);
      expect(await page.locator(`${tag} .block-label.is-selected`).textContent()).toBe('pool 1 · 48×64×64');
      // Why most index cells say top left: the share of all-zero windows, measured.
      expect(await page.locator(`${panel} .maps-caption`).innerText()).toMatch(/In \d+% of the 2×2 windows \(all 64 channels\) all four values are zero after ReLU/);
      // Channel 1 and its index map large (at least 256 px wide each), then another channel by click and by keyboard.
      expect(await page.locator(`${panel} .large-tile`).count()).toBe(2);
      for (const width of await page.locator(`${panel} .large-tile canvas`).evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width))) expect(width).toBeGreaterThanOrEqual(256);
      const large = () => pixels(page, `${panel} .large-tile canvas`);
      await expectRedraw(page, large, () => page.locator(`${panel} [data-map="4"]`).click(), 'arch.map=4');
      expect(await page.locator(`${panel} .large-tile figcaption`).first().innerText()).toBe('channel 3');
      expect(await page.locator(`${panel} .maps-note`).innerText()).toMatch(/^channel 3: \d+% of its 2×2 windows are all zero; \d+% of its indices point top left\.$/);
      await expectRedraw(page, large, async () => {
        await page.locator(`${panel} [data-map="6"]`).focus();
        await page.keyboard.press('Enter');
      }, 'arch.map=6');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-map'))).toBe('6');
      expect(await page.locator(`${panel} [data-map="6"]`).getAttribute('aria-pressed')).toBe('true');
      const maps = () => pixels(page, `${panel} canvas`);
      await expectRedraw(page, maps, () => page.locator(`${tag} [data-layer="decoder/stage1/unpool"]`).click(), 'arch.layer=decoder/stage1/unpool');
      await expect.poll(() => page.locator(`${panel} .maps-caption`).innerText()).toMatch(/\d+% of the values are zero/);
      await expectRedraw(page, maps, () => page.locator(`${tag} .frame-choice`).nth(1).click(), 'arch.frame=1');

      await page.locator(`${tag} [aria-checked="true"]`).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator(`${panel} .layer-title`).innerText()).toBe('Decoder stage 1 · convolution 1');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-layer'))).toBe('decoder/stage1/layer1');
      await expectNoAxeViolations(page, tag);

      const diagram = () => page.locator(`${tag} [data-part="diagram"]`).innerHTML();
      await expectRedraw(page, diagram, () => page.locator(`${tag} input[value="vgg16"]`).check(), 'arch.net=vgg16');
      expect(await page.locator(`${tag} .block-conv`).count()).toBe(13);
      expect(await page.locator(`${panel} .maps-message`).innerText()).toContain('This page runs SegNet-Basic');
    });
    await withPage(
      '/chapters/architecture/?arch.layer=decoder/stage1/unpool&arch.map=2',
      async (page) => {
        await whenModelReady(page, tag);
        await page.waitForSelector(`${tag}[data-shown="0:decoder/stage1/unpool"]`);
        // On a phone the one large map takes the panel's width.
        const [canvas, box] = await Promise.all([
          page.locator(`${panel} .large-tile canvas`).evaluate((c) => c.getBoundingClientRect().width),
          page.locator(panel).evaluate((p) => p.getBoundingClientRect().width),
        ]);
        expect(canvas).toBeGreaterThan(box - 4);
        expect(await page.locator(`${panel} .large-tile figcaption`).innerText()).toBe('channel 3');
        await expectNoAxeViolations(page, tag);
      },
      { width: 390, height: 844 },
    );
    await withPage('/chapters/architecture/?arch.net=vgg16&arch.layer=encoder/stage5/conv3', async (page) => {
      await page.locator(tag).scrollIntoViewIfNeeded();
      expect(await page.locator(`${tag} [aria-checked="true"]`).getAttribute('data-layer')).toBe('encoder/stage5/conv3');
      expect(await page.locator(`${panel} .layer-title`).innerText()).toBe('Encoder stage 5 · convolution 3');
    });
  });
});

describe('encoder-stage-stepper (chapter 4)', () => {
  const tag = 'encoder-stage-stepper';
  const stage = `${tag} [data-part="stage"]`;
  const caption = (page: Page) => page.locator(`${tag} [data-part="caption"]`).innerText();
  const drawing = (page: Page) => page.locator(stage).innerHTML();

  it('steps the first stage on a frame, for each control, probes a pixel by pointer and keyboard, and restores from the URL', async () => {
    await withPage('/chapters/encoder-stage/', async (page) => {
      await whenModelReady(page, tag);
      await page.waitForSelector(`${tag}[data-shown="0:1:0"]`, { timeout: 30_000 });
      expect(await caption(page)).toContain('Step 0 of 4: the frame, 96 × 128 pixels');
      const next = page.locator(`${tag} [data-player="next"]`);
      await expectRedraw(page, () => drawing(page), () => next.click(), 'stage.step=1');
      expect(await caption(page)).toMatch(/^Step 1 of 4: a 7 × 7 convolution .* values from −?\d+\.\d\d to −?\d+\.\d\d/);
      await next.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => caption(page)).toMatch(/multiplies every value by −?\d+\.\d\d and adds −?\d+\.\d\d\. \d+% of the map is now negative\./);
      await page.keyboard.press('Enter');
      await expect.poll(() => caption(page)).toMatch(/ReLU sets every negative value to 0, so \d+% of the map becomes 0/);
      await page.keyboard.press('Enter');
      await expect.poll(() => caption(page)).toMatch(/In \d+% of the windows all four values are 0/);
      expect(await page.locator(`${stage} [data-part="patch"] .cell.is-hot`).count()).toBe(16);
      await expectRedraw(page, () => drawing(page), () => setValue(page, `${tag} input[data-field="channel"]`, '5'), 'stage.channel=5');
      await expectRedraw(page, () => drawing(page), () => setValue(page, `${tag} input[data-field="x"]`, '20'), 'stage.x=20');
      await expectRedraw(page, () => drawing(page), () => setValue(page, `${tag} input[data-field="y"]`, '10'), 'stage.y=10');
      await expectRedraw(page, () => drawing(page), () => page.locator(`${tag} .frame-choice`).nth(1).click(), 'stage.frame=1');
      await page.waitForSelector(`${tag}[data-shown="1:5:4"]`, { timeout: 30_000 });
      // The probe: pointer over a patch cell, then the arrow keys.
      await page.locator(`${stage} [data-part="patch"] .cell`).nth(9).hover();
      await expect.poll(() => page.locator(`${tag} [data-part="probe"]`).innerText()).toMatch(/^Pixel \(row 11, column 21\): input R \d+, G \d+, B \d+; convolution −?[\d.]+; batch norm −?[\d.]+; ReLU [\d.]+; pooling (keeps|drops)/);
      await page.locator(`${stage} [data-part="patch"]`).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator(`${tag} [data-part="probe"]`).innerText()).toContain('Pixel (row 11, column 22)');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-part'))).toBe('patch');
      await expectNoAxeViolations(page, tag);
    });
    await withPage(
      '/chapters/encoder-stage/?stage.frame=2&stage.channel=3&stage.step=3&stage.x=0&stage.y=0',
      async (page) => {
        await whenModelReady(page, tag);
        await page.waitForSelector(`${tag}[data-shown="2:3:3"]`, { timeout: 30_000 });
        expect(await caption(page)).toContain('Step 3 of 4: ReLU');
        const [map, box] = await Promise.all([
          page.locator(`${stage} .stage-map canvas`).evaluate((c) => c.getBoundingClientRect().width),
          page.locator(stage).evaluate((p) => p.getBoundingClientRect().width),
        ]);
        expect(map).toBeGreaterThan(box - 4);
        await expectNoAxeViolations(page, tag);
      },
      { width: 390, height: 844 },
    );
  });
});

describe('decoder-side-by-side (chapter 5)', () => {
  const tag = 'decoder-side-by-side';
  const path = pageWith(tag);

  it.skipIf(path === null)('redraws for channel, stage and frame, and restores from the URL', async () => {
    await withPage(path!, async (page) => {
      await whenModelReady(page, tag);
      await page.waitForSelector(`${tag}[data-shown="0:2:1"]`);
      const maps = () => pixels(page, `${tag} [data-part="stage"] canvas`);
      // Three fixed upsamplers scored against the map before pooling; the trained SegNet stage (its unpooled input, its conv + BN output) by zeros only.
      expect(await page.locator(`${tag} .sbs-methods .sbs-scores`).count()).toBe(3);
      expect(await page.locator(`${tag} .sbs-learnt [data-panel]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')))).toEqual(['segnet-input', 'segnet-output']);
      const caption = await page.locator(`${tag} [data-part="caption"]`).innerText();
      expect(caption).toMatch(/^Error is the root-mean-square difference from the map before pooling, as a share of that map’s range \(0 is a perfect copy\): unpooling with indices 0\.\d\d, /);
      expect(caption).toContain('Maxima in place is the share of 2 × 2 pooling windows');
      expect(caption).toMatch(/The trained SegNet decoder’s stage 2 receives its unpooled map \(\d+% zeros\) and outputs, after its learnt 7 × 7 convolution and batch norm, a dense map \(0% zeros\)/);
      expect(caption).not.toMatch(/edge energy/i);
      await expectRedraw(page, maps, () => setValue(page, `${tag} input[data-field="channel"]`, '5'), 'decoders.channel=5');
      await expectRedraw(page, maps, () => setValue(page, `${tag} select[data-field="stage"]`, '1'), '.stage=1');
      expect(await page.locator(`${tag} [data-panel="unpool"] .sbs-size`).innerText()).toBe('96 × 128');
      expect(await page.locator(`${tag} [data-panel="segnet-output"] .sbs-size`).innerText()).toBe('96 × 128');
      await expectRedraw(page, maps, () => page.locator(`${tag} .frame-choice`).nth(3).click(), '.frame=3');
      await expectRedraw(page, maps, () => page.locator(`${tag} [data-part="strongest"]`).click(), '.channel=');
      await expectNoAxeViolations(page, tag);
    });
    const id = await (async () => {
      const html = readFileSync(join(DIST_DIR, `${path!}index.html`), 'utf8');
      return /<decoder-side-by-side[^>]*data-id="([^"]+)"/.exec(html)![1]!;
    })();
    await withPage(`${path!}?${id}.stage=3&${id}.channel=9`, async (page) => {
      await whenModelReady(page, tag);
      await page.waitForSelector(`${tag}[data-shown="0:3:9"]`);
      expect(await page.locator(`${tag} [data-panel="reference"] .sbs-size`).innerText()).toBe('24 × 32');
    });
  });
});

describe('boundary-f1-demo and results-table (chapter 7)', () => {
  it('redraws the boundary illustration for comparison, class, tolerance and frame', async () => {
    const tag = 'boundary-f1-demo';
    await withPage('/chapters/why-it-matters/', async (page) => {
      await whenModelReady(page, tag);
      await page.waitForSelector(`${tag}[data-shown="0:blocky:-1:75"]`, { timeout: 30_000 });
      const draw = async () => `${await pixels(page, `${tag} [data-part="stage"] canvas`)}${await page.locator(`${tag} .bf-view`).innerText()}`;
      await expectRedraw(page, draw, () => page.locator(`${tag} input[value="model"]`).check(), 'bf.compare=model');
      await expectRedraw(page, draw, () => setValue(page, `${tag} select[data-field="cls"]`, '8'), 'bf.cls=8');
      expect(await page.locator(`${tag} .bf-view`).innerText()).toContain('Precision (Car)');
      await expectRedraw(page, draw, () => setValue(page, `${tag} input[data-field="tol"]`, '300'), 'bf.tol=300');
      expect(await page.locator(`${tag} [data-part="tol-text"]`).innerText()).toBe('3.00% of the diagonal');
      await expectRedraw(page, draw, () => page.locator(`${tag} .frame-choice`).nth(1).click(), 'bf.frame=1');
      await expectNoAxeViolations(page, tag);
    });
  });

  it('orders the paper’s tables by a score, says whether our numbers exist, and restores from the URL', async () => {
    const tag = 'results-table';
    await withPage('/chapters/why-it-matters/', async (page) => {
      await page.locator(tag).scrollIntoViewIfNeeded();
      const tables = () => page.locator(`${tag} [data-part="tables"]`).innerText();
      await page.locator(`${tag} table`).first().waitFor();
      expect(await page.locator(`${tag} table[data-table="table3"] tbody th`).first().innerText()).toBe('SegNet');
      await expectRedraw(page, tables, () => setValue(page, `${tag} select[data-field="sort"]`, 'BF'), 'results.sort=BF');
      expect(await page.locator(`${tag} table[data-table="table3"] tbody th`).first().innerText()).toBe('DeconvNet');
      expect(await page.locator(`${tag} [data-part="note"]`).innerText()).toMatch(/not measured yet|were measured on/);
      await expectNoAxeViolations(page, tag);
    });
    await withPage('/chapters/why-it-matters/?results.sort=mIoU', async (page) => {
      await page.locator(`${tag} table`).first().waitFor();
      expect(await page.locator(`${tag} select[data-field="sort"]`).inputValue()).toBe('mIoU');
      expect(await page.locator(`${tag} th.is-sorted`).first().innerText()).toBe('mIoU');
    });
  });

  it('opens the per-class chart on the best run by mIoU; the menu and a link change it', async () => {
    const tag = 'results-table';
    const results = JSON.parse(readFileSync(join(DIST_DIR, 'models/results.json'), 'utf8')) as { runs: { name: string; meanIoU: number }[] };
    const best = results.runs.reduce((b, r, i) => (r.meanIoU > results.runs[b]!.meanIoU ? i : b), 0);
    const other = best === 0 ? 1 : 0;
    await withPage('/chapters/why-it-matters/', async (page) => {
      const title = () => page.locator(`${tag} .iou-title`).innerText();
      await page.locator(`${tag} .iou-chart svg`).first().waitFor({ timeout: 30_000 });
      expect(await page.locator(`${tag} select[data-field="run"]`).inputValue()).toBe(String(best));
      expect(await title()).toContain(results.runs[best]!.name);
      await expectRedraw(page, title, () => setValue(page, `${tag} select[data-field="run"]`, String(other)), `results.run=${other}`);
      expect(await title()).toContain(results.runs[other]!.name);
    });
    await withPage(`/chapters/why-it-matters/?results.run=${other}`, async (page) => {
      await page.locator(`${tag} .iou-chart svg`).first().waitFor({ timeout: 30_000 });
      expect(await page.locator(`${tag} select[data-field="run"]`).inputValue()).toBe(String(other));
    });
  });
});
