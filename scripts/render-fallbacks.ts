/**
 * Renders the precomputed figures that model widgets show while their network is held (no
 * WebGL or WebGPU, a small screen, save-data) into public/fallbacks/ as lossless WebP, with a manifest giving
 * each figure's size, and its alt text and caption in every language of the site (src/i18n).
 *
 *   npm run render:fallbacks -- [--backend wasm|cpu]
 *
 * The figures come from the page's own checkpoint (public/models/segnet-basic-synthetic-96x128)
 * on the demo frames of the embedded synthetic dataset, through the same pure render helpers
 * the widgets use, so they are what the live widget draws in its default state. They derive
 * from synthetic data only (never CamVid) and are committed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { LOCALES, messages, type Messages } from '../src/i18n';
import { loadDatasetFromDir } from '../src/data/node';
import * as segnet from '../src/segnet';
import { networkSummary } from '../src/widgets/architecture-explorer/architecture-data';
import { featureTiles, greyscaleRgba, magnitudeRgba } from '../src/widgets/architecture-explorer/feature-maps';
import { architectureCodec } from '../src/widgets/architecture-explorer/state';
import { encoderStageCodec } from '../src/widgets/encoder-stage-stepper/state';
import { convStepName } from '../src/segnet/core';
import { sideBySideCodec, stageLayers } from '../src/widgets/decoder-side-by-side/state';
import { channelComparison } from '../src/widgets/decoder-side-by-side/channel-comparison';
import { upsampleChannel } from '../src/widgets/decoder-side-by-side/upsample';
import { sideBySideView } from '../src/widgets/decoder-side-by-side/view';
import { compositeOverlay, labelShares, pixelAccuracy } from '../src/widgets/label-overlay/overlay-pixels';
import { labelOverlayCodec } from '../src/widgets/label-overlay/state';
import { provenanceCodec, STAGES } from '../src/widgets/pixel-provenance/state';
import { provenanceView, type FrameBox } from '../src/widgets/pixel-provenance/view';
import { layerName } from '../src/segnet/core';
import { boundaryCodec, toleranceFraction } from '../src/widgets/results-table/boundary-state';
import { boundaryView } from '../src/widgets/results-table/boundary-view';
import { DEMO_DATASET, pickDemoFrames, type DemoFrame } from '../src/widgets/model/demo-frames';
import { analyseFrame, type FrameAnalysis } from '../src/widgets/model/frame-analysis';
import { FALLBACK_DIR, FALLBACK_MANIFEST, type FallbackImage, type FallbackManifest, type FallbackWidget, type FallbackWords } from '../src/widgets/model/fallbacks';
import { channelPlane } from '../src/widgets/model/layer-planes';
import { checkpointMismatch, describeCheckpoint } from '../src/widgets/model/page-model';
import { CHECKPOINT_PATH, publicFile } from '../src/widgets/model/sources';
import type { Engine } from '../src/widgets/shared/engine';
import { GalleryHost } from '../src/widgets/decoder-gallery/gallery-host';
import { galleryCodec } from '../src/widgets/decoder-gallery/state';
import { galleryView } from '../src/widgets/decoder-gallery/view';
import { panelName, score } from '../src/widgets/decoder-gallery/render';
import { GALLERY_DATASET, GALLERY_ORDER, galleryCheckpointPath } from '../src/widgets/decoder-gallery/sources';
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

/** A picture scaled up `scale` times, pixel for pixel. */
function scaled(p: Panel, scale: number): Panel {
  const width = p.width * scale;
  const height = p.height * scale;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgba.set(p.rgba.subarray(((Math.floor(y / scale) * p.width + Math.floor(x / scale)) * 4), (Math.floor(y / scale) * p.width + Math.floor(x / scale)) * 4 + 4), (y * width + x) * 4);
  return { width, height, rgba };
}

/** Outlines a frame box (in frame pixels) on a picture scaled `scale` times, `line` pixels thick. */
function strokeBox(p: Panel, b: FrameBox, scale: number, colour: readonly [number, number, number], line = 2): void {
  const x0 = b.cols[0] * scale;
  const x1 = (b.cols[1] + 1) * scale - 1;
  const y0 = b.rows[0] * scale;
  const y1 = (b.rows[1] + 1) * scale - 1;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      if (x - x0 >= line && x1 - x >= line && y - y0 >= line && y1 - y >= line) continue;
      p.rgba.set([...colour, 255], (y * p.width + x) * 4);
    }
}

/** "Road 41%, Sky 22% and Building 17%": the classes with the largest shares, named in `m`'s language. */
function topShares(labels: ArrayLike<number>, m: Messages, count = 3): string {
  const names = m.classes.names;
  const parts = labelShares(labels)
    .slice(0, names.length)
    .map((share, label) => ({ share, name: names[label]! }))
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share)
    .slice(0, count)
    .map((c) => ({ name: c.name, percent: Math.round(c.share * 100) }));
  return m.fallbacks.shares(parts);
}

/** What each widget draws in its default state, as one picture with its words in any language. */
type Renderer = (frame: DemoFrame, analysis: FrameAnalysis, engine: Engine) => Promise<{ picture: Panel; words: (m: Messages) => FallbackWords }>;

/** Every other pixel of `p` each way (nearest, so label colours stay exact). */
function halved(p: Panel): Panel {
  const width = Math.floor(p.width / 2);
  const height = Math.floor(p.height / 2);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set(p.rgba.subarray(((2 * y) * p.width + 2 * x) * 4, ((2 * y) * p.width + 2 * x) * 4 + 4), (y * width + x) * 4);
  }
  return { width, height, rgba };
}

/**
 * The decoder gallery in its default state: its own frames (the synthetic scenes at the decoders'
 * size) and its own networks (every trained decoder this checkout has, on their shared encoder);
 * the photo, the truth and each decoder's whole label map, at half size, four to a row.
 */
const galleryRenderer: Renderer = async (_frame, _analysis, engine) => {
  const present = GALLERY_ORDER.filter((d) => existsSync(publicFile(galleryCheckpointPath(d))));
  if (present.length === 0) throw new Error('decoder-gallery: no trained decoder in public/models (see README, "Pretrained checkpoints")');
  const checkpoints = present.map((decoder) => ({ decoder, url: publicFile(galleryCheckpointPath(decoder)).replace(/model\.json$/, '') }));
  const host = await GalleryHost.open(engine, checkpoints, (dir) => segnet.readCheckpoint(checkpointFolder(dir)));
  try {
    const dataset = await loadDatasetFromDir(publicFile(`data/${GALLERY_DATASET}`), { splits: ['val'] });
    const frames = pickDemoFrames(dataset.splits.val!);
    const d = galleryCodec.defaults;
    const frame = frames.frames[d.frame]!;
    const labels = await host.labels(frame);
    const size = { height: frames.height, width: frames.width };
    const view = galleryView({ frame: size, image: frame.image, truth: frame.labels, decoders: present.map((decoder, i) => ({ decoder, labels: labels[i]! })), zoom: d.zoom, centre: d.centre });
    // At half size (every other pixel), as wide as the figure is shown (30rem), and small enough to ship.
    const panels = view.panels.map((p) => halved({ width: size.width, height: size.height, rgba: p.full! }));
    const decoders = view.panels.filter((p) => p.scores);
    return {
      picture: grid(panels, 4),
      words: (m) => ({
        alt: m.fallbacks.galleryAlt(frame.index + 1, decoders.map((p) => panelName(p.key, m.decoderGallery))),
        caption: m.fallbacks.galleryCaption(
          frame.index + 1,
          decoders.map((p) => m.fallbacks.galleryScore(panelName(p.key, m.decoderGallery), score(p.scores!.meanIoU), score(p.scores!.boundaryF1))),
        ),
      }),
    };
  } finally {
    host.dispose();
  }
};

const RENDERERS: Record<FallbackWidget, Renderer> = {
  'decoder-gallery': galleryRenderer,
  'label-overlay': async (frame, analysis) => {
    const { width, height, labels } = analysis.segmentation;
    const opacity = labelOverlayCodec.defaults.opacity;
    const accuracy = Math.round(pixelAccuracy(frame.labels, labels) * 100);
    return {
      picture: { width, height, rgba: compositeOverlay(frame.image, labels, width, height, opacity / 100) },
      words: (m) => ({
        alt: m.fallbacks.overlayAlt(frame.index + 1, opacity, topShares(labels, m)),
        caption: m.fallbacks.overlayCaption(frame.index + 1, accuracy),
      }),
    };
  },
  'architecture-explorer': async (frame, analysis) => {
    const { net, layer: name } = architectureCodec.defaults;
    const layer = await analysis.layer(name);
    // The tiles the live widget shows for this layer: a pooling layer's maps each beside its index map.
    const archLayer = (m: Messages) => networkSummary(net, m.architectureExplorer).layers.find((l) => l.id === name)!;
    const tiles = featureTiles(layer, archLayer(messages('en')), 8);
    const maps = tiles.filter((t) => t.kind !== 'indices').length;
    const withIndices = tiles.length > maps;
    return {
      picture: grid(tiles, 4),
      words: (m) => {
        const what = m.fallbacks.featureMaps(maps, layer.channels, archLayer(m).title, layer.height, layer.width, frame.index + 1);
        return withIndices
          ? { alt: m.fallbacks.architectureIndicesAlt(what), caption: m.fallbacks.architectureIndicesCaption(what) }
          : { alt: m.fallbacks.architectureAlt(what), caption: m.fallbacks.architectureCaption(what) };
      },
    };
  },
  'encoder-stage-stepper': async (frame, analysis) => {
    const c = encoderStageCodec.defaults.channel - 1;
    const name = 'encoder/stage1/conv1';
    const [conv, bn, relu, pool] = await Promise.all([convStepName(name, 'conv'), convStepName(name, 'bn'), name, 'encoder/stage1/pool'].map((n) => analysis.layer(n)));
    const plane = (l: typeof conv) => channelPlane(l!.values, l!.channels, c);
    const panel = (l: typeof conv, rgba: Uint8ClampedArray) => ({ width: l!.width, height: l!.height, rgba });
    const reluPlane = plane(relu);
    const zero = Math.round((100 * reluPlane.filter((v) => v === 0).length) / reluPlane.length);
    return {
      picture: grid([panel(conv, greyscaleRgba(plane(conv)).rgba), panel(bn, greyscaleRgba(plane(bn)).rgba), panel(relu, magnitudeRgba(reluPlane)), panel(pool, magnitudeRgba(plane(pool)))], 2),
      words: (m) => ({ alt: m.fallbacks.stageAlt(c + 1, frame.index + 1, conv!.height, conv!.width), caption: m.fallbacks.stageCaption(c + 1, frame.index + 1, zero) }),
    };
  },
  'decoder-side-by-side': async (frame, analysis, engine) => {
    const { stage, channel } = sideBySideCodec.defaults;
    const layers = stageLayers(stage);
    const [pool, features, upsampled, output] = await Promise.all([layers.pool, layers.features, layers.decoderUnpool, layers.decoderOutput].map((n) => analysis.layer(n)));
    const view = sideBySideView(await channelComparison({ upsampleChannel: (c) => upsampleChannel(engine, c) }, pool!, features!, stage, channel, [{ decoder: 'segnet', upsampled: upsampled!, output: output! }]));
    // Before pooling and the three fixed upsamplers; below, the trained decoder's stage (its own scale).
    const shown = [...view.panels.filter((p) => p.key !== 'pooled'), ...view.learnt.flatMap((row) => row.panels)];
    return {
      picture: grid(shown, 3),
      words: (m) => {
        const what = m.fallbacks.channelOf(channel, stage, frame.index + 1);
        const panels = shown.map((p) => m.fallbacks.panels[p.key]);
        return { alt: m.fallbacks.sideBySideAlt(what, features!.height, features!.width, panels), caption: m.fallbacks.sideBySideCaption(what, panels.slice(1)) };
      },
    };
  },
  'pixel-provenance': async (frame, analysis) => {
    const state = provenanceCodec.defaults;
    const pools = await Promise.all(Array.from({ length: STAGES }, (_, k) => analysis.layer(layerName('encoder', k + 1, 'pool'))));
    const { width, height, labels } = analysis.segmentation;
    const data = { width, height, image: frame.image, labels, pools: pools.map((p) => ({ height: p.height, width: p.width, channels: p.channels, values: p.values, indices: p.indices! })) };
    const view = provenanceView(data, state);
    const scale = 3;
    const segnetPanel = scaled({ width, height, rgba: compositeOverlay(frame.image, labels, width, height, 0.5) }, scale);
    const colours: [number, number, number][] = [[255, 255, 255], [255, 213, 79], [255, 138, 101], [224, 64, 251]];
    for (const f of [...view.fields].reverse()) strokeBox(segnetPanel, f, scale, colours[f.stage - 1]!);
    const pixel: FrameBox = { rows: [state.row, state.row], cols: [state.col, state.col] };
    const deeplabPanel = scaled({ width, height, rgba: compositeOverlay(frame.image, null, width, height, 0) }, scale);
    strokeBox(deeplabPanel, view.deeplab, scale, [0, 229, 255], 3);
    strokeBox(deeplabPanel, view.fields.at(-1)!, scale, colours[3]!);
    for (const p of [segnetPanel, deeplabPanel]) strokeBox(p, pixel, scale, [255, 255, 255], 3);
    const kept = view.chain.filter((l) => l.kept).length;
    const sizes = view.fields.map((f) => f.size);
    return {
      picture: grid([segnetPanel, deeplabPanel], 2),
      words: (m) => ({
        alt: m.fallbacks.provenanceAlt(frame.index + 1, state.row, state.col, sizes, view.deeplab.size),
        caption: m.fallbacks.provenanceCaption(frame.index + 1, state.row, state.col, sizes, view.deeplab.size, view.channel, kept),
      }),
    };
  },
  'boundary-f1-demo': async (frame, analysis) => {
    const { width, height, labels } = analysis.segmentation;
    const d = boundaryCodec.defaults;
    const input = { image: frame.image, truth: frame.labels, prediction: labels, height, width, cls: d.cls, toleranceFraction: toleranceFraction(d.tol) };
    const view = boundaryView(input, messages('en'));
    return {
      picture: grid([
        { width, height, rgba: view.recallRgba },
        { width, height, rgba: view.precisionRgba },
      ]),
      words: (m) => {
        const bf = boundaryView(input, m).scores[0]!;
        return { alt: m.fallbacks.boundaryAlt(frame.index + 1, view.tolerancePx.toFixed(1)), caption: m.fallbacks.boundaryCaption(frame.index + 1, bf.label, bf.value) };
      },
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
      const { picture, words } = await render(frame, analysis, engine);
      const file = `${widget}.webp`;
      await writeWebp(join(outDir, file), picture);
      const translations = Object.fromEntries(LOCALES.filter((l) => l !== 'en').map((l) => [l, words(messages(l))]));
      images[widget] = { file, width: picture.width, height: picture.height, ...words(messages('en')), translations } satisfies FallbackImage;
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
