/**
 * npx tsx bench/race.ts [--preset pretrained|scratch] [--decoders segnet,fcn,...] [--steps 300]
 *   [--seeds 1,2,3] [--every 50] [--backend wasm]
 *
 * Chapter 8's decoder race, run in Node as the page runs it (comparison-engine.ts, the same
 * batches, the same 10 scored validation frames of synthetic-96x128), once per seed: the loss
 * of each decoder after every step, the validation mIoU every `every` steps, and the time per
 * step. What the race's note says about early leads and seed noise comes from these runs.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { resizeSplit } from '../src/data';
import { loadDatasetFromDir } from '../src/data/node';
import { isEncoderName, readCheckpoint, type BackendName } from '../src/segnet';
import { applyEncoderWeights, BatchStream, SharedEncoderComparison } from '../src/widgets/decoder-comparison/comparison-engine';
import { SCORED_FRAMES, selectFrames } from '../src/widgets/decoder-comparison/frames';
import { PRESETS, inputSize, parseDecoders, type PresetName } from '../src/widgets/decoder-comparison/state';
import { CHECKPOINT_PATH } from '../src/widgets/model/sources';
import { checkpointFolder } from '../scripts/lib/checkpoint-files';
import { parseArgs } from '../scripts/lib/args';
import { quietTfjs, registerNodeBackends } from '../scripts/lib/node-backends';

const args = parseArgs(
  process.argv.slice(2),
  {
    preset: { type: 'string', default: 'pretrained', help: 'pretrained (decoders on the frozen pretrained encoder) or scratch' },
    decoders: { type: 'string', default: 'segnet,fcn,deeplab-largefov', help: 'comma list of at least two decoders' },
    steps: { type: 'string', default: '', help: "steps per race (default: the preset's)" },
    seeds: { type: 'string', default: '1,2,3', help: 'comma list: one race per seed' },
    every: { type: 'string', default: '50', help: 'steps between validation scores' },
    backend: { type: 'string', default: 'wasm', help: 'wasm or cpu' },
  },
  'Runs the decoder race of chapter 8 in Node and prints losses, validation mIoU and times.',
);

const preset = PRESETS[args.preset as PresetName];
if (!preset) throw new Error(`--preset must be pretrained or scratch, got "${args.preset}"`);
const decoders = parseDecoders(args.decoders);
if (!decoders) throw new Error(`--decoders must name at least two of the race's decoders, got "${args.decoders}"`);
const steps = args.steps ? Number(args.steps) : (preset.steps ?? 300);
const every = Number(args.every);

quietTfjs();
await registerNodeBackends();
await tf.setBackend(args.backend as BackendName);
await tf.ready();
const data = await loadDatasetFromDir('public/data/synthetic-96x128', { splits: ['train', 'val'] });
const { height, width } = inputSize(preset.resolution, data.manifest.height, data.manifest.width);
const train = resizeSplit(data.splits.train!, height, width);
const scored = resizeSplit(selectFrames(data.splits.val!, SCORED_FRAMES), height, width);
const checkpoint = preset.fromScratch ? null : await readCheckpoint(checkpointFolder(join('public', CHECKPOINT_PATH, '..')));
console.log(`preset ${args.preset}: ${height} x ${width}, lr ${preset.learningRate}, ${steps} steps, decoders ${decoders.join(', ')}, backend ${tf.getBackend()}`);

for (const seed of args.seeds.split(',').map(Number)) {
  const comparison = new SharedEncoderComparison({ decoders, height, width, learningRate: preset.learningRate, classWeights: data.manifest.medianFrequencyWeights, seed, fromScratch: preset.fromScratch });
  if (checkpoint) {
    const encoder = Object.fromEntries(Object.entries(checkpoint.tensors).filter(([name]) => isEncoderName(name)));
    applyEncoderWeights(comparison.encoderOwner, encoder);
  }
  const stream = new BatchStream(train, 2, seed);
  const started = performance.now();
  const losses = new Map(decoders.map((d) => [d, [] as number[]]));
  for (let step = 1; step <= steps; step++) {
    for (const r of await comparison.step(stream.next())) losses.get(r.decoder)!.push(r.loss);
    if (step % every === 0 || step === steps) {
      const { scores } = await comparison.evaluate(scored, 2);
      const line = [...scores].map(([d, s]) => `${d} ${(s.meanIoU * 100).toFixed(1)}`).join('  ');
      const mean10 = (d: string) => (losses.get(d as never)!.slice(-10).reduce((a, b) => a + b, 0) / Math.min(10, step)).toFixed(3);
      const loss = decoders.map((d) => `${d} ${mean10(d)}`).join('  ');
      console.log(`seed ${seed} step ${step} (${((performance.now() - started) / 1000).toFixed(0)} s): mIoU ${line} | loss (mean of last 10) ${loss}`);
    }
  }
  const first = decoders.map((d) => `${d} ${losses.get(d)!.slice(0, 3).map((l) => l.toFixed(2)).join(',')}`).join('  ');
  console.log(`seed ${seed}: first losses ${first}; ${((performance.now() - started) / steps).toFixed(0)} ms per step`);
  await comparison.dispose();
}
