import * as tf from '@tensorflow/tfjs';
import * as segnet from '../../src/segnet';
import { loadDatasetFromDir } from '../../src/data/node';
import { analyseFrame } from '../../src/widgets/model/frame-analysis';
import { pickDemoFrames, DEMO_DATASET } from '../../src/widgets/model/demo-frames';
import { CHECKPOINT_PATH, publicFile } from '../../src/widgets/model/sources';
import { checkpointFolder } from '../../scripts/lib/checkpoint-files';
import { registerNodeBackends, quietTfjs } from '../../scripts/lib/node-backends';
quietTfjs();
await registerNodeBackends();
await tf.setBackend('wasm');
const { model } = await segnet.loadSegNet(checkpointFolder(publicFile(CHECKPOINT_PATH).replace(/model\.json$/, '')));
const dataset = await loadDatasetFromDir(publicFile(`data/${DEMO_DATASET}`), { splits: ['val'] });
const frames = pickDemoFrames(dataset.splits.val!).frames;
const t0 = Date.now();
const a = await analyseFrame(segnet, model, frames[0]!);
console.log('ms', Date.now() - t0);
console.log((a as any).tensors ? [...(a as any).tensors.keys()].join(' ') : 'no');
const pct = (x: number) => Math.round(x * 100);
const zeroWindows = (d: { height: number; width: number; channels: number; values: Float32Array }, channel?: number) => {
  let all = 0, n = 0;
  for (let y = 0; y + 1 < d.height; y += 2) for (let x = 0; x + 1 < d.width; x += 2) for (let c = 0; c < d.channels; c++) {
    if (channel !== undefined && c !== channel) continue;
    const at = (yy: number, xx: number) => d.values[(yy * d.width + xx) * d.channels + c]!;
    n++;
    if (at(y, x) === 0 && at(y, x + 1) === 0 && at(y + 1, x) === 0 && at(y + 1, x + 1) === 0) all++;
  }
  return all / n;
};
const s1 = await a.layer('encoder/stage1/conv1');
const p1 = await a.layer('encoder/stage1/pool');
console.log('stage1 all-zero windows', zeroWindows(s1!));
const idx = p1!.indices!;
let tl = 0; for (const v of idx) if (v === 0) tl++;
console.log('top-left', tl / idx.length, 'top-left among non-zero', (tl / idx.length - zeroWindows(s1!)));
for (const s of [2, 3, 4]) console.log('stage', s, zeroWindows((await a.layer(`encoder/stage${s}/conv1`))!));
const conv = (await a.layer('encoder/stage1/conv1/conv'))!;
const bn = (await a.layer('encoder/stage1/conv1/bn'))!;
let mn = Infinity, mx = -Infinity, neg = 0, zeros = 0;
const C = conv.channels;
const px = conv.height * conv.width;
for (let i = 0; i < px; i++) { const v = conv.values[i * C]!; mn = Math.min(mn, v); mx = Math.max(mx, v); if (bn.values[i * C]! < 0) neg++; }
for (const v of s1!.values) if (v === 0) zeros++;
const i0 = 0, i1 = 5;
const sc = (bn.values[i1 * C]! - bn.values[i0 * C]!) / (conv.values[i1 * C]! - conv.values[i0 * C]!);
const sh = bn.values[i0 * C]! - sc * conv.values[i0 * C]!;
console.log('ch1 range', mn.toFixed(2), mx.toFixed(2), 'scale', sc.toFixed(2), 'shift', sh.toFixed(2), 'neg', neg / px, 'relu zeroes all', zeros / s1!.values.length, 'ch1 windows', zeroWindows(s1!, 0));
