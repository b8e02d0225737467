/**
 * npm run soak:studio -- [--steps 1000] [--every 100] [--backend wasm]
 *
 * A soak benchmark of the training studio's session (not a test: it takes minutes): SegNet-Basic
 * at the smallest size (16 x 16, half of 32 x 32 frames), one image a step, validating and
 * saving every `--every` steps into a store in memory, as the page does into IndexedDB. The
 * TF.js tensor count and the JS heap are sampled every `--every` steps; both should stay flat.
 */
import * as tf from '@tensorflow/tfjs';
import * as segnet from '../src/segnet';
import { CLASS_NAMES, mulberry32, type DatasetManifest, type SplitData } from '../src/data';
import type { Engine } from '../src/widgets/shared/engine';
import { memoryRunStore } from '../src/widgets/training-studio/run-store';
import { StudioSession, type SessionView } from '../src/widgets/training-studio/session';
import { DEFAULT_SETTINGS, type StudioSettings } from '../src/widgets/training-studio/settings';
import { parseArgs } from './lib/args';
import { registerNodeBackends } from './lib/node-backends';

const args = parseArgs(
  process.argv.slice(2),
  {
    steps: { type: 'number', default: 1000, help: 'training steps' },
    every: { type: 'number', default: 100, help: 'validate, save and sample every this many steps' },
    backend: { type: 'string', default: 'wasm', help: 'TF.js backend' },
  },
  'Soaks the training studio session and samples tensors and heap.',
);

function split(name: string, count: number, seed: number): SplitData {
  const rnd = mulberry32(seed);
  return { name, count, height: 16, width: 16, images: Uint8Array.from({ length: count * 256 * 3 }, () => rnd() * 256), labels: Uint8Array.from({ length: count * 256 }, () => Math.floor(rnd() * CLASS_NAMES.length)) };
}

async function main(): Promise<void> {
  await registerNodeBackends();
  await tf.setBackend(args.backend);
  await tf.ready();
  const engine: Engine = { tf, segnet, backend: { name: args.backend as segnet.BackendName, canTrain: true, rejected: [] } };
  const data = { name: 'soak-32x32', manifest: { height: 32, width: 32, medianFrequencyWeights: [] } as unknown as DatasetManifest, train: split('train', 10, 1), val: split('val', 3, 2) };
  const settings: StudioSettings = { ...DEFAULT_SETTINGS, data: data.name, res: 'half', batch: 1, epochs: Math.ceil(args.steps / 10), every: args.every, init: 'scratch', weights: 'none', opt: 'adam', lr: 0.001 };
  const samples: { step: number; tensors: number; heapMB: number; ms: number }[] = [];
  const started = performance.now();
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const noop = () => undefined;
  const view: SessionView = {
    phase: (p) => p === 'stopped' && done(),
    message: noop,
    progress: (run) => {
      const step = run.progress.step;
      if (step % args.every !== 0 || samples.some((s) => s.step === step)) return;
      (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: the heap that is kept, not garbage
      samples.push({ step, tensors: tf.memory().numTensors, heapMB: process.memoryUsage().heapUsed / 2 ** 20, ms: performance.now() - started });
      process.stderr.write(`soak: step ${step}\n`);
    },
    curves: noop,
    strip: noop,
    checksum: noop,
    backend: noop,
    deviceLost: noop,
    settings: noop,
    savedRuns: noop,
  };
  const session = new StudioSession(engine, 'soak', { datasets: [{ name: data.name, url: '', height: 32, width: 32, trainCount: 10 }], pretrainedUrl: null }, view, {
    store: memoryRunStore(),
    loadData: async () => data,
    watchDevice: () => noop,
  });
  await session.start(settings);
  await finished;
  session.current?.dispose();
  session.dispose();
  console.log('| step | tensors | JS heap (MB) | elapsed (s) |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const s of samples) console.log(`| ${s.step} | ${s.tensors} | ${s.heapMB.toFixed(1)} | ${(s.ms / 1000).toFixed(0)} |`);
}

main().catch((e: unknown) => {
  process.stderr.write(`soak: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
