/**
 * npx tsx bench/side-by-side-figures.ts <frame>:<stage>:<channel> ...
 *
 * The caption chapter 5's decoder side-by-side shows for each state (demo frame 0-based, stage
 * 1..4, channel 1..64), in English and Chinese, computed as the widget computes it from the
 * page's checkpoint on the wasm backend: where the chapter's figures come from.
 */
import * as tf from '@tensorflow/tfjs';
import * as segnet from '../src/segnet';
import { loadDatasetFromDir } from '../src/data/node';
import { analyseFrame } from '../src/widgets/model/frame-analysis';
import { pickDemoFrames, DEMO_DATASET } from '../src/widgets/model/demo-frames';
import { CHECKPOINT_PATH, publicFile } from '../src/widgets/model/sources';
import { checkpointFolder } from '../scripts/lib/checkpoint-files';
import { registerNodeBackends, quietTfjs } from '../scripts/lib/node-backends';
import { stageLayers } from '../src/widgets/decoder-side-by-side/state';
import { channelComparison } from '../src/widgets/decoder-side-by-side/channel-comparison';
import { upsampleChannel } from '../src/widgets/decoder-side-by-side/upsample';
import { comparisonSentence, sideBySideView } from '../src/widgets/decoder-side-by-side/view';
import { messages } from '../src/i18n';
import type { Engine } from '../src/widgets/shared/engine';
quietTfjs();
await registerNodeBackends();
await tf.setBackend('wasm');
const engine: Engine = { tf, segnet, backend: { name: 'wasm', canTrain: true, rejected: [] } };
const { model } = await segnet.loadSegNet(checkpointFolder(publicFile(CHECKPOINT_PATH).replace(/model\.json$/, '')));
const dataset = await loadDatasetFromDir(publicFile(`data/${DEMO_DATASET}`), { splits: ['val'] });
const frames = pickDemoFrames(dataset.splits.val!).frames;
for (const [f, stage, channel] of process.argv.slice(2).map((a) => a.split(':').map(Number))) {
  if (!frames[f!] || !(stage! >= 1 && stage! <= 4) || !(channel! >= 1 && channel! <= 64)) throw new Error(`expected <frame 0..${frames.length - 1}>:<stage 1..4>:<channel 1..64>, got ${f}:${stage}:${channel}`);
  const analysis = await analyseFrame(segnet, model, frames[f!]!);
  const l = stageLayers(stage!);
  const [pool, features, up, out] = await Promise.all([l.pool, l.features, l.decoderUnpool, l.decoderOutput].map((n) => analysis.layer(n)));
  const maps = await channelComparison({ upsampleChannel: (c) => upsampleChannel(engine, c) }, pool!, features!, stage!, channel!, [{ decoder: 'segnet', upsampled: up!, output: out! }]);
  console.log(`${f}:${stage}:${channel}`, comparisonSentence(sideBySideView(maps)));
  const zh = messages('zh').decoderSideBySide;
  console.log(comparisonSentence(sideBySideView(maps, zh), zh));
  analysis.dispose();
}
