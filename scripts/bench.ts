/**
 * npm run bench -- [--json] [--backends cpu,wasm] [--sizes 96x128,180x240] [--models basic,vgg16]
 *                  [--batch 4] [--reps 5] [--train-reps 3]
 *
 * Training ms/step and images/s, and inference ms/image, per backend, model and size, as the
 * median of repeated runs after one warm-up. A benchmark, never a test: the machine is shared.
 * Defaults cover what finishes in minutes on a 2-core CPU; on a GPU pass the larger sizes.
 */
import * as tf from '@tensorflow/tfjs';
import { backendCanTrain, buildSegNet, Optimizer, trainSteps, type BackendName, type EncoderKind } from '../src/segnet';
import { parseArgs } from './lib/args';
import type { BenchRow } from './lib/bench-row';
import { registerNodeBackends } from './lib/node-backends';
import { errorMessage } from '../src/segnet/core';

const args = parseBenchArgs(() => parseArgs(
  process.argv.slice(2),
  {
    json: { type: 'boolean', default: false, help: 'print one JSON document instead of a table' },
    backends: { type: 'string', default: '', help: 'comma list; default: every backend that starts here but cpu' },
    sizes: { type: 'string', default: '96x128', help: 'comma list of HxW (96x128,180x240,360x480)' },
    models: { type: 'string', default: 'basic,vgg16', help: "comma list of 'basic' and 'vgg16'" },
    'vgg-width': { type: 'number', default: 0.25, help: 'VGG16 width multiplier' },
    batch: { type: 'number', default: 2, help: 'training batch size' },
    reps: { type: 'number', default: 5, help: 'timed inference runs (median reported)' },
    'train-reps': { type: 'number', default: 3, help: 'timed training steps (median reported)' },
  },
  'Benchmarks SegNet training and inference on the TF.js backends available here.',
));

/** The parsed flags; a bad one is one line on stderr and exit status 2, not a stack trace. */
function parseBenchArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

interface Row extends BenchRow {
  backend: BackendName;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeInference(model: ReturnType<typeof buildSegNet>, h: number, w: number): Promise<number> {
  const x = tf.randomUniform([1, h, w, 3]) as tf.Tensor4D;
  const times: number[] = [];
  for (let r = 0; r <= args.reps; r++) {
    const t0 = performance.now();
    const y = model.predict(x);
    await y.data();
    y.dispose();
    if (r > 0) times.push(performance.now() - t0); // run 0 compiles kernels
  }
  x.dispose();
  return median(times);
}

async function timeTraining(model: ReturnType<typeof buildSegNet>, h: number, w: number): Promise<number> {
  const b = args.batch;
  const batches = function* () {
    yield { images: tf.randomUniform([b, h, w, 3]) as tf.Tensor4D, labels: tf.randomUniform([b, h, w], 0, 11, 'int32') as tf.Tensor3D };
  };
  const times: number[] = [];
  const loop = trainSteps(model, { batches, schedule: { kind: 'constant', rate: 0.01 }, optimizer: new Optimizer(), epochs: args['train-reps'] + 1, metricsEvery: 0 });
  for await (const p of loop) if (p.step > 1) times.push(p.msPerStep);
  return median(times);
}

async function benchOne(backend: BackendName, encoder: EncoderKind, size: string): Promise<Row> {
  const [h, w] = size.split('x').map(Number) as [number, number];
  const model = buildSegNet({ encoder, decoder: 'segnet', height: h, width: w, widthMultiplier: args['vgg-width'] });
  const label = encoder === 'basic' ? 'SegNet-Basic' : `VGG16-SegNet x${args['vgg-width']}`;
  try {
    const inferMsPerImage = await timeInference(model, h, w);
    const canTrain = backendCanTrain(backend);
    const trainMsPerStep = canTrain ? await timeTraining(model, h, w) : null;
    return {
      backend,
      model: label,
      size,
      inferMsPerImage,
      trainMsPerStep,
      trainImagesPerSecond: trainMsPerStep ? (args.batch * 1000) / trainMsPerStep : null,
      note: canTrain ? `batch ${args.batch}` : 'no conv filter gradient on this backend: inference only',
    };
  } finally {
    model.dispose();
  }
}

function printTable(rows: Row[]): void {
  const f = (v: number | null, d = 1) => (v === null ? 'n/a' : v.toFixed(d));
  console.log('backend  model                     size      infer ms/img  train ms/step  train img/s  note');
  for (const r of rows) {
    console.log(`${r.backend.padEnd(8)} ${r.model.padEnd(25)} ${r.size.padEnd(9)} ${f(r.inferMsPerImage).padStart(12)}  ${f(r.trainMsPerStep).padStart(13)}  ${f(r.trainImagesPerSecond, 2).padStart(11)}  ${r.note}`);
  }
}

async function main(): Promise<void> {
  const available = await registerNodeBackends();
  // The pure-JS cpu backend trains convnets at about 0.01 GFLOP/s: benchmark it only on request.
  const wanted = args.backends ? (args.backends.split(',') as BackendName[]) : available.filter((b) => b !== 'cpu' || available.length === 1);
  const rows: Row[] = [];
  for (const backend of wanted) {
    if (!available.includes(backend)) throw new Error(`backend '${backend}' is not available here (available: ${available.join(', ')})`);
    await tf.setBackend(backend);
    await tf.ready();
    for (const encoder of args.models.split(',') as EncoderKind[]) {
      for (const size of args.sizes.split(',')) {
        if (!args.json) process.stderr.write(`bench: ${backend} ${encoder} ${size}...\n`);
        rows.push(await benchOne(backend, encoder, size));
      }
    }
  }
  if (args.json) console.log(JSON.stringify({ date: new Date().toISOString(), batch: args.batch, rows }, null, 2));
  else printTable(rows);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${errorMessage(e)}\n`);
  process.exitCode = 1;
});
