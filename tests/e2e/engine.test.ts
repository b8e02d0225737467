/**
 * The SegNet engine (src/segnet) in a real browser, on every TF.js backend: the unit tests
 * only run it on Node's cpu backend. tests/e2e/fixtures/engine-entry.ts is bundled with
 * esbuild, served with the wasm binaries from a temporary folder on 127.0.0.1, and asked to
 * check one backend at a time: pooling with indices (odd sizes, ties, all-zero and
 * all-negative windows), unpooling, their gradients, atrous convolution and bilinear resizing
 * against the plain-TS references; every decoder's forward pass against the cpu backend's;
 * and three training steps where the backend can train.
 *
 * cpu and webgl are required. webgpu and wasm are skipped, with the reason, where they do not
 * initialise (webgpu needs an adapter, which headless Chromium gets from SwiftShader).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import type { BackendReport, ModelForward } from './fixtures/engine-entry';
import { problems, visit, type Visit } from './page-log';
import { startStaticServer, type StaticServer } from './static-server';

type Backend = 'cpu' | 'webgl' | 'webgpu' | 'wasm';

/**
 * Largest |op - reference| allowed, per backend. The ops are sums of at most 27 products of
 * values in [-1, 1] (convolution) or convex combinations (resizing), so float32 rounding
 * stays near 1e-6 on every backend; pooling and unpooling only move values and must be exact
 * up to that. WebGL runs float32 textures on SwiftShader (WEBGL_RENDER_FLOAT32_ENABLED, which
 * the report records); on a GPU falling back to float16 textures it would need ~1e-3.
 */
const OP_TOLERANCE: Record<Backend, number> = { cpu: 1e-5, wasm: 1e-4, webgpu: 1e-4, webgl: 1e-4 };

/**
 * Whole-model logits against the cpu backend's, relative to the largest cpu logit: seven
 * convolutions and batch norms deep, summation order differs per backend (and TF.js's WebGL
 * conv uses im2col + matMul), so allow 1e-3 of the scale.
 */
const MODEL_RELATIVE_TOLERANCE = 1e-3;
/** First training loss (same weights, same batch) against cpu's, relative. */
const LOSS_RELATIVE_TOLERANCE = 1e-3;

const DECODERS = ['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear'];

let workDir: string;
let server: StaticServer;
let browser: Browser;
let page: Visit;
const reports = new Map<Backend, BackendReport>();
const wallMs = new Map<Backend, number>();
/** Reported, not asserted: TF.js warns about things like backend fallbacks. */
const consoleWarnings: string[] = [];

/** Bundle the entry and lay out the page: index.html, engine.js, wasm/*.wasm. */
async function preparePage(dir: string): Promise<void> {
  await build({
    entryPoints: [resolve('tests/e2e/fixtures/engine-entry.ts')],
    outfile: join(dir, 'engine.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const wasmSource = resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist');
  mkdirSync(join(dir, 'wasm'));
  for (const file of readdirSync(wasmSource).filter((f) => f.endsWith('.wasm'))) {
    copyFileSync(join(wasmSource, file), join(dir, 'wasm', file));
  }
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>engine check</title>' +
      '<link rel="icon" href="data:,"><script type="module" src="/engine.js"></script></head><body></body></html>',
  );
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'unpooled-engine-'));
  await preparePage(workDir);
  server = await startStaticServer(workDir);
  browser = await launchChromium();
  page = await visit(browser, server.url, '/');
  page.page.on('console', (message) => {
    if (message.type() === 'warning') consoleWarnings.push(message.text());
  });
  await page.page.waitForFunction(() => window.unpooledEngine !== undefined, undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  const lines = [...reports.values()].map((r) => {
    if (!r.initialised) return `${r.backend}: not initialised (${r.reason})`;
    const worstOp = Math.max(...r.ops.map((o) => o.maxAbsError));
    const losses = r.train ? ` losses ${r.train.losses.map((l) => l.toFixed(5)).join(' -> ')}` : ' (cannot train)';
    const ms = r.ms;
    const cpu = reports.get('cpu');
    const vsCpu = cpu && cpu !== r ? `; logits vs cpu (max |diff| / scale) ${logitDeviation(r, cpu).toExponential(2)}` : '';
    const tensors = r.train ? `; numTensors after steps ${r.train.tensorsAfterStep.join(', ')}` : '';
    return (
      `${r.backend}: ok in ${(wallMs.get(r.backend as Backend)! / 1000).toFixed(1)} s ` +
      `(init ${ms.init.toFixed(0)} ms, ops ${ms.ops.toFixed(0)} ms, forwards ${ms.forwards.toFixed(0)} ms, train ${ms.train.toFixed(0)} ms); ` +
      `worst op error ${worstOp.toExponential(2)}${vsCpu};${losses}${tensors}; native tf.maxPoolWithArgmax value mismatches ${r.nativeArgmax.mismatches} ${JSON.stringify(r.nativeArgmax.examples)}; ` +
      `env ${JSON.stringify(r.env)}`
    );
  });
  const windows = [...reports.values()][0]?.poolWindows;
  console.log(
    `Engine per backend:\n  ${lines.join('\n  ')}\n` +
      `Pooling input windows: ${JSON.stringify(windows)}\n` +
      `Console warnings (${consoleWarnings.length}): ${consoleWarnings.join(' | ') || 'none'}`,
  );
});

async function runBackend(backend: Backend): Promise<BackendReport> {
  const started = performance.now();
  const report = await page.page.evaluate((name) => window.unpooledEngine!.checkBackend(name), backend);
  wallMs.set(backend, performance.now() - started);
  reports.set(backend, report);
  return report;
}

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Largest deviation of a backend's logits from cpu's over all decoders, relative to cpu's scale. */
function logitDeviation(report: BackendReport, cpu: BackendReport): number {
  let worst = 0;
  for (const f of report.forwards) {
    const reference = cpu.forwards.find((g) => g.decoder === f.decoder);
    if (!reference) continue;
    worst = Math.max(worst, maxAbsDiff(f.logits, reference.logits) / Math.max(1, ...reference.logits.map(Math.abs)));
  }
  return worst;
}

/** Everything an initialised backend must get right; `cpu` is the baseline for whole models. */
function expectEngineCorrect(report: BackendReport, baseline: BackendReport | undefined): void {
  const b = report.backend as Backend;
  expect(report.error, `${b}: the page threw while checking this backend`).toBeNull();

  const tol = OP_TOLERANCE[b];
  const windows = report.poolWindows;
  expect(windows.tied > 0 && windows.nonPositive > 0 && windows.partial > 0, `pooling input exercises ties, all-<=0 and partial windows: ${JSON.stringify(windows)}`).toBe(true);
  expect(report.ops.length, `${b}: op checks ran`).toBeGreaterThanOrEqual(9);
  for (const op of report.ops) {
    const what = `${b}: ${op.name}`;
    expect(op.shapeOk, `${what}: shape [${op.gotShape.join(', ')}], expected [${op.expectedShape.join(', ')}]`).toBe(true);
    expect(op.indexMismatches, `${what}: indices differ from the reference (first-maximum tie rule): ${op.mismatchExamples.join('; ')}`).toBe(0);
    expect(op.maxAbsError, `${what}: max |got - reference| = ${op.maxAbsError}, tolerance ${tol}`).toBeLessThanOrEqual(tol);
    if (op.name.includes('indices')) expect(op.dtype, `${what}: dtype`).toBe('int32');
  }
  expect(report.opTensors.after, `${b}: tensors leaked by the op checks (numTensors before ${report.opTensors.before})`).toBe(report.opTensors.before);

  expect(report.forwards.map((f) => f.decoder), `${b}: decoders run`).toEqual(DECODERS);
  for (const f of report.forwards) {
    expect(f.shape, `${b}: ${f.decoder} logits shape`).toEqual([2, 16, 16, 11]);
    expect(f.finite, `${b}: ${f.decoder} logits contain NaN or Infinity`).toBe(true);
    const reference = baseline?.forwards.find((g: ModelForward) => g.decoder === f.decoder);
    if (reference && baseline !== report) {
      const scale = Math.max(1, ...reference.logits.map(Math.abs));
      const diff = maxAbsDiff(f.logits, reference.logits);
      expect(diff / scale, `${b}: ${f.decoder} logits differ from cpu's by ${diff} (scale ${scale})`).toBeLessThanOrEqual(MODEL_RELATIVE_TOLERANCE);
    }
  }

  expect(report.canTrain, `${b}: backendCanTrain`).toBe(true);
  const train = report.train;
  expect(train, `${b}: training report`).not.toBeNull();
  const { losses, tensorsAfterStep } = train!;
  expect(losses.length, `${b}: training steps run`).toBe(3);
  for (const loss of losses) expect(Number.isFinite(loss), `${b}: loss ${loss} is not finite`).toBe(true);
  expect(new Set(losses).size, `${b}: the loss did not change over 3 steps: ${losses.join(', ')}`).toBeGreaterThan(1);
  expect(losses[2]!, `${b}: the loss went up over 3 steps: ${losses.join(' -> ')}`).toBeLessThan(losses[0]!);
  expect(tensorsAfterStep[2]!, `${b}: numTensors grew from step 2 to 3 (${tensorsAfterStep.join(', ')})`).toBeLessThanOrEqual(tensorsAfterStep[1]!);
  if (baseline?.train && baseline !== report) {
    const rel = Math.abs(losses[0]! - baseline.train.losses[0]!) / baseline.train.losses[0]!;
    expect(rel, `${b}: first loss ${losses[0]} vs cpu's ${baseline.train.losses[0]}`).toBeLessThanOrEqual(LOSS_RELATIVE_TOLERANCE);
  }
}

function expectNoPageProblems(backend: Backend): void {
  expect(problems(page.log), `${backend}: problems on the page`).toEqual([]);
}

describe('SegNet engine in headless Chromium, per TF.js backend', () => {
  // cpu first: it is the baseline the other backends' whole-model outputs are compared with.
  it('cpu: ops match the references, every decoder runs, SegNet-Basic trains (required)', async () => {
    const report = await runBackend('cpu');
    expect(report.initialised, `cpu did not initialise: ${report.reason}`).toBe(true);
    expectEngineCorrect(report, report);
    expectNoPageProblems('cpu');
  });

  it('webgl: ops match the references, decoders match cpu, SegNet-Basic trains (required)', async () => {
    const report = await runBackend('webgl');
    expect(report.initialised, `webgl did not initialise: ${report.reason}`).toBe(true);
    expectEngineCorrect(report, reports.get('cpu'));
    expectNoPageProblems('webgl');
  });

  it('webgpu: ops match the references, decoders match cpu, SegNet-Basic trains (skipped if it does not initialise)', async (ctx) => {
    const report = await runBackend('webgpu');
    if (!report.initialised) {
      console.warn(`webgpu skipped: ${report.reason} (adapter: ${report.env.adapter})`);
      ctx.skip(`webgpu did not initialise: ${report.reason}`);
    }
    expectEngineCorrect(report, reports.get('cpu'));
    expectNoPageProblems('webgpu');
  });

  it('wasm: ops match the references, decoders match cpu, SegNet-Basic trains (skipped if it does not initialise)', async (ctx) => {
    const report = await runBackend('wasm');
    if (!report.initialised) {
      console.warn(`wasm skipped: ${report.reason}`);
      ctx.skip(`wasm did not initialise: ${report.reason}`);
    }
    expectEngineCorrect(report, reports.get('cpu'));
    expectNoPageProblems('wasm');
  });

  it('saves checkpoints to IndexedDB and restores them identically, and offers them as a download', async () => {
    const stored = await page.page.evaluate(() => window.unpooledEngine!.checkpointRoundTrip('indexeddb://unpooled-e2e'));
    expect(stored.variables).toBeGreaterThan(10);
    expect(stored.mismatched).toEqual([]);
    expect(stored.restoredStep).toBe(3);
    const download = page.page.waitForEvent('download', { timeout: 30_000 });
    await page.page.evaluate(() => window.unpooledEngine!.checkpointRoundTrip('downloads://unpooled-e2e'));
    expect((await download).suggestedFilename()).toBe('unpooled-e2e.json');
  });
});
