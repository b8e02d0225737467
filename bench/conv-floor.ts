/**
 * npm run bench:conv-floor -- [--shapes 2x96x128,8x96x128,2x180x240] [--rounds 3] [--reps 3]
 *
 * How fast can a TF.js wasm training step be, next to PyTorch on the same CPU thread? Most of a
 * SegNet-Basic step is 7x7 convolutions of 64 channels: forward passes, input gradients (the
 * same work as a forward pass) and filter gradients. This times one such convolution's forward
 * pass and its filter gradient (ours: src/segnet/ops/conv-gradients.ts) in TF.js wasm, and the
 * same two in PyTorch (bench/conv_floor.py) at one thread, in alternating rounds, and prints
 * each round's ratio TF.js / PyTorch and their median. The forward ratio is the floor of the
 * whole step's ratio: no rearrangement of the step's ops in TF.js goes below what XNNPACK's
 * wasm convolution itself costs. A benchmark, never a test.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { parseArgs } from '../scripts/lib/args';
import { registerNodeBackends } from '../scripts/lib/node-backends';
import { convFilterGradient } from '../src/segnet/ops/conv-gradients';

const args = parseArgs(process.argv.slice(2), {
  shapes: { type: 'string', default: '2x96x128,8x96x128,2x180x240', help: 'comma list of NxHxW' },
  rounds: { type: 'number', default: 3, help: 'alternating TF.js / PyTorch rounds' },
  reps: { type: 'number', default: 3, help: 'timed runs per op and round (median), after one warm-up' },
  python: { type: 'string', default: process.env.PYTHON ?? '/usr/bin/python3', help: 'a python3 that imports torch' },
}, 'Times a 7x7 64-channel convolution and its filter gradient in TF.js wasm and PyTorch (one thread).');

type Times = Record<string, { forward: number; filterGradient: number }>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function medianMs(f: () => tf.Tensor): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r <= args.reps; r++) {
    const t0 = performance.now();
    const y = f();
    await y.data();
    y.dispose();
    if (r > 0) times.push(performance.now() - t0);
  }
  return median(times);
}

async function tfjsRound(shapes: string[]): Promise<Times> {
  const out: Times = {};
  for (const shape of shapes) {
    const [n, h, w] = shape.split('x').map(Number) as [number, number, number];
    const x = tf.randomNormal([n, h, w, 64]) as tf.Tensor4D;
    const filter = tf.randomNormal([7, 7, 64, 64]) as tf.Tensor4D;
    const dy = tf.randomNormal([n, h, w, 64]) as tf.Tensor4D;
    const pads = { top: 3, bottom: 3, left: 3, right: 3 };
    out[shape] = {
      forward: await medianMs(() => tf.conv2d(x, filter, 1, 'same')),
      filterGradient: await medianMs(() => convFilterGradient(x, dy, pads)),
    };
    tf.dispose([x, filter, dy]);
  }
  return out;
}

function torchRound(shapes: string[]): Times {
  const r = spawnSync(args.python, ['bench/conv_floor.py', '--shapes', shapes.join(','), '--reps', String(args.reps), '--threads', '1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench/conv_floor.py failed with ${args.python}: ${(r.stderr || r.error?.message || '').trim()}`);
  return JSON.parse(r.stdout) as Times;
}

async function main(): Promise<void> {
  await registerNodeBackends();
  await tf.setBackend('wasm');
  await tf.ready();
  const shapes = args.shapes.split(',');
  const rounds: { tfjs: Times; torch: Times }[] = [];
  for (let r = 0; r < args.rounds; r++) {
    process.stderr.write(`bench:conv-floor: round ${r + 1} of ${args.rounds}\n`);
    rounds.push({ tfjs: await tfjsRound(shapes), torch: torchRound(shapes) });
  }
  console.log(`TF.js ${tf.version.tfjs} wasm (one thread) / PyTorch CPU (one thread), 7x7 conv 64 -> 64, ${args.rounds} alternating rounds; ms are medians over rounds, the ratio is the median of each round's ratio\n`);
  console.log('| N x H x W | op | TF.js ms | PyTorch ms | ratio (per round) |');
  console.log('| --- | --- | ---: | ---: | --- |');
  for (const shape of shapes) {
    for (const op of ['forward', 'filterGradient'] as const) {
      const ratios = rounds.map((r) => r.tfjs[shape]![op] / r.torch[shape]![op]);
      const name = op === 'forward' ? 'forward' : 'filter gradient';
      console.log(`| ${shape} | ${name} | ${median(rounds.map((r) => r.tfjs[shape]![op])).toFixed(0)} | ${median(rounds.map((r) => r.torch[shape]![op])).toFixed(0)} | ${median(ratios).toFixed(2)}x (${ratios.map((v) => v.toFixed(1)).join(', ')}) |`);
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:conv-floor: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
