/**
 * Renders the precomputed figures that model widgets show while their network is held (no
 * WebGL or WebGPU, a small screen, save-data) into public/fallbacks/ as lossless WebP, with a manifest giving
 * each figure's size, alt text and caption.
 *
 *   npm run render:fallbacks -- [--backend wasm|cpu]
 *
 * The figures come from the page's own checkpoint (public/models/segnet-basic-synthetic-96x128)
 * on the demo frames of the embedded synthetic dataset, through the same pure render helpers
 * the widgets use, so they are what the live widget draws in its default state. They derive
 * from synthetic data only (never CamVid) and are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { CLASS_NAMES } from '../src/data';
import { loadDatasetFromDir } from '../src/data/node';
import * as segnet from '../src/segnet';
import { greyscaleRgba } from '../src/widgets/architecture-explorer/feature-maps';
import { architectureCodec } from '../src/widgets/architecture-explorer/state';
import { sideBySideCodec, stageLayers } from '../src/widgets/decoder-side-by-side/state';
import { channelComparison } from '../src/widgets/decoder-side-by-side/channel-comparison';
import { sideBySideView } from '../src/widgets/decoder-side-by-side/view';
import { compositeOverlay, labelShares, pixelAccuracy } from '../src/widgets/label-overlay/overlay-pixels';
import { labelOverlayCodec } from '../src/widgets/label-overlay/state';
import { boundaryCodec, toleranceFraction } from '../src/widgets/results-table/boundary-state';
import { boundaryView } from '../src/widgets/results-table/boundary-view';
import { DEMO_DATASET, pickDemoFrames, type DemoFrame } from '../src/widgets/model/demo-frames';
import { analyseFrame, type FrameAnalysis } from '../src/widgets/model/frame-analysis';
import { FALLBACK_DIR, FALLBACK_MANIFEST, type FallbackImage, type FallbackManifest, type FallbackWidget } from '../src/widgets/model/fallbacks';
import { channelPlane } from '../src/widgets/model/layer-planes';
import { checkpointMismatch, describeCheckpoint } from '../src/widgets/model/page-model';
import { CHECKPOINT_PATH, publicFile } from '../src/widgets/model/sources';
import type { Engine } from '../src/widgets/shared/engine';
import { parseArgs } from './lib/args';
import { interruptSignal, reportFailure } from './lib/cli';
import { checkpointFolder } from './lib/checkpoint-files';
import { startBackend } from './lib/start-backend';

const TOOL = 'render:fallbacks';
/** Transparent pixels between panels. */
const GAP = 2;

/** An RGBA picture. */
interface Panel {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/** Panels laid out left to right, `columns` per row, top-aligned, GAP pixels apart. */
function grid(panels: readonly Panel[], columns = panels.length): Panel {
  const cellW = Math.max(...panels.map((p) => p.width));
  const cellH = Math.max(...panels.map((p) => p.height));
  const rows = Math.ceil(panels.length / columns);
  const width = columns * cellW + (columns - 1) * GAP;
  const height = rows * cellH + (rows - 1) * GAP;
  const rgba = new Uint8ClampedArray(width * height * 4);
  panels.forEach((p, k) => {
    const x0 = (k % columns) * (cellW + GAP);
    const y0 = Math.floor(k / columns) * (cellH + GAP);
    for (let y = 0; y < p.height; y++) rgba.set(p.rgba.subarray(y * p.width * 4, (y + 1) * p.width * 4), ((y0 + y) * width + x0) * 4);
  });
  return { width, height, rgba };
}

/** Lossless WebP: the widget's exact pixels, at about a third of a PNG's size for these pictures. */
async function writeWebp(file: string, picture: Panel): Promise<void> {
  const raw = { width: picture.width, height: picture.height, channels: 4 } as const;
  writeFileSync(file, await sharp(Buffer.from(picture.rgba.buffer, picture.rgba.byteOffset, picture.rgba.byteLength), { raw }).webp({ lossless: true, effort: 6 }).toBuffer());
}

/** "Road 41%, Sky 22% and Building 17%": the classes with the largest shares. */
function topShares(labels: ArrayLike<number>, count = 3): string {
  const parts = labelShares(labels)
    .slice(0, CLASS_NAMES.length)
    .map((share, label) => ({ share, name: CLASS_NAMES[label]! }))
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share)
    .slice(0, count)
    .map((c) => `${c.name} ${Math.round(c.share * 100)}%`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');
}

/** What each widget draws in its default state, as one picture with its words. */
type Renderer = (frame: DemoFrame, analysis: FrameAnalysis, engine: Engine) => Promise<{ picture: Panel; alt: string; caption: string }>;

const AHEAD = 'Computed ahead of time by the page’s network';

const RENDERERS: Record<FallbackWidget, Renderer> = {
  'label-overlay': async (frame, analysis) => {
    const { width, height, labels } = analysis.segmentation;
    const opacity = labelOverlayCodec.defaults.opacity;
    const accuracy = Math.round(pixelAccuracy(frame.labels, labels) * 100);
    return {
      picture: { width, height, rgba: compositeOverlay(frame.image, labels, width, height, opacity / 100) },
      alt: `Road frame ${frame.index + 1} with the network’s predicted classes laid over it at ${opacity}% opacity: mostly ${topShares(labels)}.`,
      caption: `${AHEAD}: its most probable class at every pixel of road frame ${frame.index + 1}. It matches the ground truth on ${accuracy}% of the labelled pixels.`,
    };
  },
  'architecture-explorer': async (frame, analysis) => {
    const name = architectureCodec.defaults.layer;
    const layer = await analysis.layer(name);
    const count = Math.min(8, layer.channels);
    const tiles = Array.from({ length: count }, (_, c) => ({
      width: layer.width,
      height: layer.height,
      rgba: greyscaleRgba(channelPlane(layer.values, layer.channels, c)).rgba,
    }));
    const what = `the first ${count} of the ${layer.channels} feature maps of layer ${name} (${layer.height} x ${layer.width} each) for road frame ${frame.index + 1}`;
    return {
      picture: grid(tiles, 4),
      alt: `Grey images of ${what}, in two rows of four: white where a channel responds most, black where least.`,
      caption: `${AHEAD}: ${what}, each scaled from its own minimum (black) to its maximum (white).`,
    };
  },
  'decoder-side-by-side': async (frame, analysis, engine) => {
    const { stage, channel } = sideBySideCodec.defaults;
    const layers = stageLayers(stage);
    const [pool, features] = await Promise.all([analysis.layer(layers.pool), analysis.layer(layers.features)]);
    const view = sideBySideView(await channelComparison(engine, pool, features, stage, channel));
    const shown = view.panels.filter((p) => p.key !== 'pooled');
    const what = `channel ${channel} of encoder stage ${stage} on road frame ${frame.index + 1}`;
    return {
      picture: grid(shown),
      alt: `Four heat maps of ${what}, ${features.height} x ${features.width} each, left to right: ${shown.map((p) => p.title.toLowerCase()).join('; ')}. Yellow is strong, dark blue weak.`,
      caption: `${AHEAD}: ${what} before pooling, then pooled and brought back by ${shown.slice(1).map((p) => p.title.toLowerCase()).join(', ')} (left to right).`,
    };
  },
  'boundary-f1-demo': async (frame, analysis) => {
    const { width, height, labels } = analysis.segmentation;
    const d = boundaryCodec.defaults;
    const view = boundaryView({ image: frame.image, truth: frame.labels, prediction: labels, height, width, cls: d.cls, toleranceFraction: toleranceFraction(d.tol) });
    const bf = view.scores[0]!;
    return {
      picture: grid([
        { width, height, rgba: view.recallRgba },
        { width, height, rgba: view.precisionRgba },
      ]),
      alt: `Road frame ${frame.index + 1}, dimmed, twice: left, the true class boundaries; right, the network’s predicted boundaries. Blue boundary pixels lie within ${view.tolerancePx.toFixed(1)} pixels of a boundary in the other map, orange ones do not.`,
      caption: `${AHEAD}: boundaries of the true and predicted label maps of road frame ${frame.index + 1}. ${bf.label}: ${bf.value}.`,
    };
  },
};

async function main(signal: AbortSignal): Promise<void> {
  const values = parseArgs(process.argv.slice(2), { backend: { type: 'string', default: 'wasm', help: 'wasm | cpu' } }, 'npm run render:fallbacks -- [--backend wasm|cpu]\n\nRenders the model widgets\' precomputed figures into public/fallbacks/.');
  const { choice, description } = await startBackend(values.backend);
  const engine: Engine = { tf, segnet, backend: choice };
  const checkpointDir = publicFile(CHECKPOINT_PATH).replace(/model\.json$/, '');
  const { model, meta } = await segnet.loadSegNet(checkpointFolder(checkpointDir));
  const mismatch = checkpointMismatch(meta);
  if (mismatch) throw new Error(`${checkpointDir}: ${mismatch}`);
  const dataset = await loadDatasetFromDir(publicFile(`data/${DEMO_DATASET}`), { splits: ['val'] });
  const frame = pickDemoFrames(dataset.splits.val!).frames[0]!;
  const outDir = publicFile(FALLBACK_DIR);
  mkdirSync(outDir, { recursive: true });
  const summary = describeCheckpoint(meta).summary;
  console.log(`${TOOL}: ${summary}, ${description}`);

  const analysis = await analyseFrame(segnet, model, frame);
  const images: FallbackManifest['images'] = {};
  try {
    for (const [widget, render] of Object.entries(RENDERERS) as [FallbackWidget, Renderer][]) {
      if (signal.aborted) throw new Error('interrupted');
      const { picture, alt, caption } = await render(frame, analysis, engine);
      const file = `${widget}.webp`;
      await writeWebp(join(outDir, file), picture);
      images[widget] = { file, width: picture.width, height: picture.height, alt, caption } satisfies FallbackImage;
      console.log(`${TOOL}: wrote ${FALLBACK_DIR}/${file} (${picture.width} x ${picture.height})`);
    }
  } finally {
    analysis.dispose();
    model.dispose();
  }
  const manifest: FallbackManifest = { model: summary, images };
  writeFileSync(publicFile(FALLBACK_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${TOOL}: wrote ${FALLBACK_MANIFEST}`);
}

const signal = interruptSignal();
main(signal).catch((err: unknown) => reportFailure(TOOL, err, signal));
