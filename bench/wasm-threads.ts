/**
 * npm run bench:threads -- [--dist dist] [--steps 6] [--rounds 2] [--batch 2] [--json]
 *
 * The training studio's step time on TF.js's wasm backend in the built site, on one thread
 * against every core: served by `npm run preview` (COOP/COEP headers), by a plain static
 * server through the site's isolation service worker, and by the same plain server with
 * service workers blocked (not isolated: one thread). Headless Chromium with SwiftShader, so
 * the page chooses wasm. Each round runs the three servings one after the other (side by
 * side on the same loaded machine); the time per step is the median of the step-to-step
 * intervals after the first two, and the ratios compare medians of the same round.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { parseArgs } from '../scripts/lib/args';
import { CHROMIUM_ARGS, launchChromium } from '../tests/e2e/browser';
import { startHostServer } from './host-server';

const SPEC = {
  dist: { type: 'string', default: 'dist', help: 'the built site (astro preview always serves dist/)' },
  steps: { type: 'number', default: 6, help: 'measured steps per serving and round (after 2 warm-up steps)' },
  rounds: { type: 'number', default: 2, help: 'rounds of the three servings' },
  batch: { type: 'number', default: 2, help: "the studio's batch (images per step)" },
  json: { type: 'boolean', default: false, help: 'print JSON' },
} as const;

const USAGE = "The studio's wasm training step with every core against one thread, in the built site.";
const WARMUP = 2;
const STUDIO = 'training-studio';

interface Serving {
  name: string;
  origin: string;
  /** Block service workers (the plain server then stays not isolated). */
  blockWorkers: boolean;
}

export interface ThreadRun {
  serving: string;
  round: number;
  isolated: boolean;
  threads: number;
  backend: string;
  msPerStep: number;
  stepsMs: number[];
}

function startPreview(port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`astro preview did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${found[1]}`, child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`astro preview exited (${code}):\n${output}`)));
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Opens the studio, waits for the service worker's reload where there is one, and times `steps` steps. */
async function timeSteps(browser: Browser, serving: Serving, round: number, steps: number, batch: number): Promise<ThreadRun> {
  const context = await browser.newContext({ serviceWorkers: serving.blockWorkers ? 'block' : 'allow' });
  try {
    const page = await context.newPage();
    const path = `/chapters/train-it-yourself/?studio.batch=${batch}&studio.every=1000&studio.epochs=50#${STUDIO}`;
    await page.goto(serving.origin + path, { waitUntil: 'load' });
    if (!serving.blockWorkers) await untilIsolated(page);
    await page.locator(STUDIO).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${STUDIO}[data-ready]`, { timeout: 120_000 }).catch(async () => {
      const said = await page.locator(`${STUDIO} [data-part="message"]`).innerText().catch(() => '');
      throw new Error(`${serving.name}: the studio was not ready within 120 s (it says: ${said || 'nothing'})`);
    });
    await page.evaluate((tag) => {
      const root = document.querySelector<HTMLElement>(tag)!;
      const times: number[] = [];
      (window as unknown as { stepTimes: number[] }).stepTimes = times;
      new MutationObserver(() => times.push(performance.now())).observe(root, { attributes: true, attributeFilter: ['data-step'] });
    }, STUDIO);
    await page.locator(`${STUDIO} button[data-action="start"]`).click();
    await page.waitForFunction((n) => (window as unknown as { stepTimes: number[] }).stepTimes.length >= n, WARMUP + steps + 1, { timeout: 600_000, polling: 200 });
    const info = await page.evaluate((tag) => {
      const root = document.querySelector<HTMLElement>(tag)!;
      return { times: (window as unknown as { stepTimes: number[] }).stepTimes, isolated: self.crossOriginIsolated, threads: Number(root.dataset.threads ?? 1), backend: root.dataset.backend ?? '' };
    }, STUDIO);
    const intervals = info.times.slice(1).map((t, i) => t - info.times[i]!).slice(WARMUP, WARMUP + steps);
    return { serving: serving.name, round, isolated: info.isolated, threads: info.threads, backend: info.backend, msPerStep: median(intervals), stepsMs: intervals.map(Math.round) };
  } finally {
    await context.close();
  }
}

async function untilIsolated(page: Page): Promise<void> {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    try {
      await page.waitForLoadState('load');
      if (await page.evaluate(() => self.crossOriginIsolated)) return;
    } catch {
      // The service worker's reload replaced the page: ask the new one.
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the page did not become cross-origin isolated through the service worker within 30 s');
}

export async function benchThreads(options: { dist: string; steps: number; rounds: number; batch: number }): Promise<ThreadRun[]> {
  const plain = await startHostServer(options.dist, { isolation: false });
  const preview = await startPreview(44_000 + (process.pid % 1000));
  const browser = await launchChromium(CHROMIUM_ARGS);
  const servings: Serving[] = [
    { name: 'not isolated (1 thread)', origin: plain.url, blockWorkers: true },
    { name: 'npm run preview (headers)', origin: preview.url, blockWorkers: false },
    { name: 'static + service worker', origin: plain.url, blockWorkers: false },
  ];
  try {
    const runs: ThreadRun[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const serving of servings) runs.push(await timeSteps(browser, serving, round, options.steps, options.batch));
    }
    return runs;
  } finally {
    await browser.close();
    await plain.close();
    if (preview.child.pid) process.kill(-preview.child.pid, 'SIGTERM');
  }
}

export function formatRuns(runs: ThreadRun[]): string {
  const lines = runs.map((r) => `round ${r.round}  ${r.serving.padEnd(28)} ${r.backend} x${r.threads} threads, isolated ${r.isolated}: median ${r.msPerStep.toFixed(0)} ms/step  [${r.stepsMs.join(', ')}]`);
  const ratios: string[] = [];
  for (const round of new Set(runs.map((r) => r.round))) {
    const inRound = runs.filter((r) => r.round === round);
    const single = inRound.find((r) => r.threads === 1);
    for (const r of inRound.filter((x) => x.threads > 1)) if (single) ratios.push(`round ${round}: ${r.serving} ${(single.msPerStep / r.msPerStep).toFixed(2)}x faster than one thread`);
  }
  return [...lines, '', ...ratios].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  (async () => {
    const args = parseArgs(process.argv.slice(2), SPEC, USAGE);
    for (const name of ['steps', 'rounds', 'batch'] as const) {
      if (!Number.isInteger(args[name]) || args[name] < 1) throw new Error(`--${name} must be a positive integer, got ${args[name]}`);
    }
    const runs = await benchThreads(args);
    console.log(args.json ? JSON.stringify(runs, null, 2) : formatRuns(runs));
  })().catch((e: unknown) => {
    process.stderr.write(`bench:threads: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
