/**
 * Main-thread responsiveness of chapter 8 while the training studio and the decoder race train
 * on wasm (Chromium without a GPU): every long task of the page's main thread (PerformanceObserver
 * 'longtask', tasks over 50 ms) and the latency of the studio's Pause until the studio leaves its
 * running phase, counted from the click's input event and from the moment the click was asked
 * for (a blocked page takes the click late). Serves a built site (`npm run build` first).
 *
 * Usage: tsx bench/main-thread.ts [--dist dist] [--seconds 60] [--pauses 3] [--json]
 *
 * `--mode model [--runs 5]`: a model widget instead (the label overlay of chapter 1, on wasm,
 * served as a static host serves it, bench/host-server.ts, cross-origin isolated). One warm-up
 * visit fills the caches (the checkpoint's weights in the Cache API, hashed files in the HTTP
 * cache); then each run opens the chapter afresh in the same browser, scrolls the widget into
 * view (clicking Run at once where the page holds the network: Chromium here has no GPU) and
 * times it until the network's answer is drawn (its probability bars appear), then
 * shows the other demo frames one by one (each a forward pass). Every main-thread long task from
 * the scroll to the last frame drawn counts. Medians over the runs.
 *
 * Compare two builds by running it on each (`--dist` of the other one), on the same machine.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, NO_GPU_CHROMIUM_ARGS } from '../tests/e2e/browser';
import { startStaticServer } from '../tests/e2e/static-server';
import { median } from '../src/widgets/decoder-comparison/bookkeeping';
import { startHostServer } from './host-server';

interface Options {
  dist: string;
  seconds: number;
  pauses: number;
  json: boolean;
  mode: 'studio' | 'model';
  runs: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { dist: 'dist', seconds: 60, pauses: 3, json: false, mode: 'studio', runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const count = (name: string, v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${v}"`);
      return n;
    };
    if (flag === '--dist') options.dist = value();
    else if (flag === '--seconds') options.seconds = count('--seconds', value());
    else if (flag === '--pauses') options.pauses = count('--pauses', value());
    else if (flag === '--json') options.json = true;
    else if (flag === '--runs') options.runs = count('--runs', value());
    else if (flag === '--mode') {
      const mode = value();
      if (mode !== 'studio' && mode !== 'model') throw new Error(`--mode must be studio or model, got "${mode}"`);
      options.mode = mode;
    } else throw new Error(`unknown flag ${flag} (known: --dist, --mode, --seconds, --pauses, --runs, --json)`);
  }
  return options;
}

/** The studio at its default settings, except enough epochs not to finish during the bench. */
const PATH = '/chapters/train-it-yourself/?studio.epochs=50';
const STUDIO = 'training-studio';
const RACE = 'decoder-comparison';

/** Installed before the page's scripts: records long tasks, Pause clicks and the studio's phase changes. */
function recorders(): void {
  const w = window as unknown as { __bench: { longTasks: number[]; clicks: number[]; leftRunning: number[]; leftRunningWall: number[] } };
  w.__bench = { longTasks: [], clicks: [], leftRunning: [], leftRunningWall: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as Element | null)?.closest?.('training-studio button[data-action="pause"]')) w.__bench.clicks.push(event.timeStamp);
    },
    true,
  );
  document.addEventListener('DOMContentLoaded', () => {
    const studio = document.querySelector('training-studio');
    if (!studio) return;
    let was = studio.getAttribute('data-phase');
    new MutationObserver(() => {
      const now = studio.getAttribute('data-phase');
      if (was === 'running' && now !== 'running') {
        w.__bench.leftRunning.push(performance.now());
        w.__bench.leftRunningWall.push(Date.now());
      }
      was = now;
    }).observe(studio, { attributes: true, attributeFilter: ['data-phase'] });
  });
}

const stepOf = async (page: Page, tag: string): Promise<number> => Number((await page.locator(tag).getAttribute('data-step')) ?? 0);

async function run(options: Options) {
  const server = await startStaticServer(resolve(options.dist));
  const browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(recorders);
    const page = await context.newPage();
    await page.goto(`${server.url}${PATH}`, { waitUntil: 'load' });
    await page.locator(STUDIO).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${STUDIO}[data-ready]`, { timeout: 120_000 });
    await page.locator(RACE).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${RACE} .dc-predictions`, { timeout: 180_000 });
    await page.waitForSelector(`${RACE}[data-refreshed="0"]`, { timeout: 180_000 });

    // From here on every long task counts: both widgets train.
    await page.evaluate(() => {
      (window as unknown as { __bench: { longTasks: number[] } }).__bench.longTasks = [];
    });
    const studioFrom = await stepOf(page, STUDIO);
    const raceFrom = await stepOf(page, RACE);
    await page.locator(`${STUDIO} button[data-action="start"]`).click({ timeout: 120_000 });
    await page.locator(RACE).getByRole('button', { name: 'Start' }).click({ timeout: 120_000 });
    await page.waitForSelector(`${STUDIO}[data-phase="running"]`, { timeout: 120_000 });
    const started = Date.now();
    const slice = (options.seconds * 1000) / (options.pauses + 1);
    /** Wall-clock times at which the click on Pause was asked for (the page may take it late). */
    const asked: number[] = [];
    for (let n = 0; n < options.pauses; n++) {
      await page.waitForTimeout(slice);
      asked.push(Date.now());
      await page.locator(`${STUDIO} button[data-action="pause"]`).click({ timeout: 120_000 });
      await page.waitForSelector(`${STUDIO}[data-phase="paused"]`, { timeout: 120_000 });
      await page.locator(`${STUDIO} button[data-action="resume"]`).click({ timeout: 120_000 });
      await page.waitForSelector(`${STUDIO}[data-phase="running"]`, { timeout: 120_000 });
    }
    await page.waitForTimeout(Math.max(0, options.seconds * 1000 - (Date.now() - started)));
    const record = await page.evaluate(() => (window as unknown as { __bench: { longTasks: number[]; clicks: number[]; leftRunning: number[]; leftRunningWall: number[] } }).__bench);
    const after = (times: number[], at: number): number => (times.find((t) => t >= at) ?? NaN) - at;
    // From the click's input event (its timeStamp), and from the moment the click was asked for.
    const pauseMs = record.clicks.map((at) => after(record.leftRunning, at));
    const askedMs = asked.map((at) => after(record.leftRunningWall, at));
    const tasks = record.longTasks;
    return {
      seconds: Math.round((Date.now() - started) / 1000),
      studioSteps: (await stepOf(page, STUDIO)) - studioFrom,
      raceSteps: (await stepOf(page, RACE)) - raceFrom,
      longTasks: { count: tasks.length, medianMs: Math.round(median(tasks)), maxMs: Math.round(tasks.length ? Math.max(...tasks) : NaN), totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)) },
      pauseMs: { each: pauseMs.map(Math.round), medianMs: Math.round(median(pauseMs)), maxMs: Math.round(Math.max(...pauseMs)) },
      pauseAskedMs: { each: askedMs.map(Math.round), medianMs: Math.round(median(askedMs)), maxMs: Math.round(Math.max(...askedMs)) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The model widget the model mode times, and what shows that its network's answer is drawn. */
const MODEL_PATH = '/chapters/pixels/';
const MODEL_WIDGET = 'label-overlay';
const MODEL_DRAWN = `${MODEL_WIDGET} .probability-bars`;

/** Installed before the page's scripts: long tasks (start and length) and when the answer is first drawn. */
function modelRecorders(): void {
  const w = window as unknown as { __bench: { longTasks: { start: number; ms: number }[]; drawnAt: number | null; answers: number } };
  w.__bench = { longTasks: [], drawnAt: null, answers: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The probe says the network's probabilities at its pixel (the English "Network: Road 61%")
  // once a frame's answer is drawn, and that they will come while it is pending: each change
  // to the former is one answer drawn.
  let answered = false;
  new MutationObserver(() => {
    if (w.__bench.drawnAt === null && document.querySelector('label-overlay .probability-bars')) w.__bench.drawnAt = performance.now();
    const now = (document.querySelector('label-overlay')?.textContent ?? '').includes('Network: ');
    if (now && !answered) w.__bench.answers++;
    answered = now;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

interface ModelRun {
  /** From the scroll to the network's answer drawn. */
  liveMs: number;
  /** Long tasks from the scroll until the last frame was drawn. */
  longTasks: number[];
}

async function modelRun(page: Page, url: string): Promise<ModelRun> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const scrolledAt = await page.evaluate((tag) => {
    document.querySelector(tag)!.scrollIntoView({ block: 'center' });
    return performance.now();
  }, MODEL_WIDGET);
  // Without a GPU the page holds the network until the reader clicks Run: clicked at once.
  const run = `${MODEL_WIDGET} [data-part="status"] [data-action="run"]`;
  await page.waitForSelector(`${MODEL_WIDGET}[data-backend], ${run}`, { timeout: 60_000 });
  if ((await page.locator(MODEL_WIDGET).getAttribute('data-backend')) === null) await page.locator(run).first().click();
  await page.waitForSelector(MODEL_DRAWN, { state: 'attached', timeout: 180_000 });
  // The other frames, each a forward pass (the page draws what comes back).
  const frames = await page.locator(`${MODEL_WIDGET} input[data-field="frame"]`).count();
  const answers = () => page.evaluate(() => (window as unknown as { __bench: { answers: number } }).__bench.answers);
  for (let i = 1; i < frames; i++) {
    const seen = await answers();
    await page.locator(`${MODEL_WIDGET} input[data-field="frame"]`).nth(i).check();
    await page.waitForFunction((n) => (window as unknown as { __bench: { answers: number } }).__bench.answers > n, seen, { timeout: 180_000 });
  }
  const record = await page.evaluate(() => (window as unknown as { __bench: { longTasks: { start: number; ms: number }[]; drawnAt: number } }).__bench);
  return { liveMs: record.drawnAt - scrolledAt, longTasks: record.longTasks.filter((t) => t.start + t.ms >= scrolledAt).map((t) => t.ms) };
}

async function runModel(options: Options) {
  const server = await startHostServer(resolve(options.dist), { isolation: true });
  const browser = await launchChromium(NO_GPU_CHROMIUM_ARGS);
  try {
    // One context: the runs find the weights the warm-up left in the Cache API and the HTTP cache.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(modelRecorders);
    const url = `${server.url}${MODEL_PATH}`;
    const warm = await context.newPage();
    const warmUp = await modelRun(warm, url);
    await warm.close();
    const runs: ModelRun[] = [];
    for (let n = 0; n < options.runs; n++) {
      const page = await context.newPage();
      runs.push(await modelRun(page, url));
      await page.close();
    }
    const tasks = runs.flatMap((r) => r.longTasks);
    const live = runs.map((r) => r.liveMs);
    return {
      widget: MODEL_WIDGET,
      path: MODEL_PATH,
      warmUpLiveMs: Math.round(warmUp.liveMs),
      liveMs: { each: live.map(Math.round), medianMs: Math.round(median(live)) },
      longTasks: {
        count: tasks.length,
        over50PerRun: runs.map((r) => r.longTasks.length),
        medianMs: Math.round(median(tasks)),
        maxMs: Math.round(tasks.length ? Math.max(...tasks) : 0),
        totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench/main-thread: ${(e as Error).message}`);
    process.exit(2);
  }
  if (options.mode === 'model') {
    const result = await runModel(options);
    if (options.json) {
      console.log(JSON.stringify({ dist: options.dist, ...result }, null, 2));
      return;
    }
    const { liveMs: l, longTasks: t } = result;
    console.log(`${options.dist}: ${result.widget} (${result.path}) on wasm, weights cached, ${l.each.length} runs (warm-up ${result.warmUpLiveMs} ms)`);
    console.log(`  scroll to live result: ${l.each.join(', ')} ms (median ${l.medianMs} ms)`);
    console.log(`  main-thread long tasks (> 50 ms) while it computes (4 frames a run): ${t.count} (per run ${t.over50PerRun.join(', ')}), median ${t.medianMs} ms, max ${t.maxMs} ms, total ${t.totalMs} ms`);
    return;
  }
  const result = await run(options);
  if (options.json) {
    console.log(JSON.stringify({ dist: options.dist, ...result }, null, 2));
    return;
  }
  const { longTasks: t, pauseMs: p } = result;
  console.log(`${options.dist}: ${result.seconds} s of training on wasm, studio ${result.studioSteps} steps, race ${result.raceSteps} steps`);
  console.log(`  main-thread long tasks (> 50 ms): ${t.count}, median ${t.medianMs} ms, max ${t.maxMs} ms, total ${t.totalMs} ms`);
  const a = result.pauseAskedMs;
  console.log(`  Pause, input event to acted: ${p.each.join(', ')} ms (median ${p.medianMs} ms, max ${p.maxMs} ms)`);
  console.log(`  Pause, click asked to acted: ${a.each.join(', ')} ms (median ${a.medianMs} ms, max ${a.maxMs} ms)`);
}

await main();
