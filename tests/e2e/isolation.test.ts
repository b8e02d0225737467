/**
 * Cross-origin isolation and the backend choice, in the built site served two ways: by
 * `npm run preview` (which sends COOP/COEP itself) and by a plain static server that sends no
 * such header, where public/isolation-sw.js supplies them after one reload. In both, every
 * resource of every page loads under COEP, the page is crossOriginIsolated, and TF.js's wasm
 * backend runs on as many threads as the machine has cores (up to 8). Chromium here renders
 * WebGL and WebGPU with SwiftShader, so the page must choose wasm and say why, with no console
 * error from probing WebGPU. Run `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { problems, watchPage, type PageLog } from './page-log';
import { builtPages } from './site';
import { startStaticServer, type StaticServer } from './static-server';

const MODEL_CHAPTER = '/chapters/pixels/';
const WIDGET = 'label-overlay';

let browser: Browser;
let plain: StaticServer;
let preview: { url: string; process: ChildProcess };

/** `npm run preview` on a free port; resolves with its origin once it listens. */
function startPreview(port: number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`astro preview did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${found[1]}`, process: child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`astro preview exited (${code}):\n${output}`)));
  });
}

/** Waits until the page (reloaded by the service worker, perhaps) reports crossOriginIsolated. */
async function untilIsolated(page: Page, timeoutMs = 30_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      await page.waitForLoadState('load');
      if (await page.evaluate(() => self.crossOriginIsolated)) return true;
    } catch {
      // The context went away in the service worker's reload: ask the new one.
    }
    await page.waitForTimeout(200);
  }
  return false;
}

interface Opened {
  page: Page;
  log: PageLog;
  close(): Promise<void>;
}

async function open(origin: string, path: string): Promise<Opened> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = await watchPage(page, origin);
  await page.goto(origin + path, { waitUntil: 'load' });
  return { page, log, close: () => context.close() };
}

/** Scrolls the model widget into view and returns its backend, threads and status once it runs. */
async function runWidget(page: Page): Promise<{ backend: string; threads: string; status: string; cores: number }> {
  await page.locator(WIDGET).first().scrollIntoViewIfNeeded();
  await page.waitForSelector(`${WIDGET}[data-backend]`, { timeout: 90_000 });
  return page.evaluate((tag) => {
    const root = document.querySelector<HTMLElement>(tag)!;
    return {
      backend: root.dataset.backend ?? '',
      threads: root.dataset.threads ?? '',
      status: root.querySelector('[data-part="status"]')?.textContent ?? '',
      cores: navigator.hardwareConcurrency,
    };
  }, WIDGET);
}

beforeAll(async () => {
  browser = await launchChromium();
  plain = await startStaticServer('dist', { isolation: false });
  preview = await startPreview(43_000 + (process.pid % 1000));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await plain?.close();
  if (preview?.process.pid) process.kill(-preview.process.pid, 'SIGTERM');
});

describe.each([
  ['npm run preview (COOP/COEP headers)', () => preview.url],
  ['a plain static server (the service worker adds COOP/COEP)', () => plain.url],
])('the built site served by %s', (_name, originOf) => {
  it('is cross-origin isolated on a model chapter, runs wasm on every core, says why wasm, and logs no error', async () => {
    const origin = originOf();
    const { page, log, close } = await open(origin, MODEL_CHAPTER);
    try {
      expect(await untilIsolated(page)).toBe(true);
      // The service worker's reload cancels what the first page was still loading; only those cancellations are forgiven.
      const cancelled = log.failedRequests.filter((r) => r.endsWith('net::ERR_ABORTED'));
      log.failedRequests.splice(0, log.failedRequests.length, ...log.failedRequests.filter((r) => !cancelled.includes(r)));
      const widget = await runWidget(page);
      expect(widget.backend).toBe('wasm');
      expect(Number(widget.threads)).toBe(Math.min(widget.cores, 8));
      expect(widget.status).toContain('WebGL here is software-rendered (SwiftShader), slower than WebAssembly');
      // The WebGPU package is never loaded: SwiftShader's adapter is skipped before TF.js sees it.
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
      expect(scripts.filter((name) => /webgpu/i.test(name))).toEqual([]);
      expect(problems(log)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('every page through the service worker', () => {
  it('loads every resource under COEP and is cross-origin isolated', async () => {
    const context = await browser.newContext();
    try {
      // The first visit installs the worker and reloads (aborting what it was loading); then every page is served through it.
      const first = await context.newPage();
      await first.goto(`${plain.url}/`, { waitUntil: 'load' });
      expect(await untilIsolated(first)).toBe(true);
      const found: string[] = [];
      for (const path of builtPages()) {
        const page = await context.newPage();
        const log = await watchPage(page, plain.url);
        await page.goto(plain.url + path, { waitUntil: 'networkidle' });
        if (!(await page.evaluate(() => self.crossOriginIsolated))) found.push(`${path}: not cross-origin isolated`);
        found.push(...problems(log).map((p) => `${path}: ${p}`));
        await page.close();
      }
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
