/** Turns one channel's maps into what the side-by-side draws: heat maps with their scores. */
import { messages, type Messages } from '../../i18n';
import { heatmapRgba, sharedMax, sharedMin } from './heatmap';
import { upsamplingScores, zeroShare, type UpsamplingScores } from './scores';
import { UPSAMPLERS, type Upsampler } from './upsample';

type Words = Messages['decoderSideBySide'];
const ENGLISH: Words = messages('en').decoderSideBySide;

/** A trained decoder whose recorded stages are shown (the page's network: SegNet; a second checkpoint adds its own key to the catalogue). */
export type LearntDecoder = keyof Words['learnt'];

export type PanelKey = 'reference' | 'pooled' | Upsampler | `${LearntDecoder}-input` | `${LearntDecoder}-output`;

/** How a panel is scored: against the map before pooling, or only by its own sparsity. */
export interface PanelScores {
  /** Against the map before pooling; null where the map is another feature (a learnt stage's). */
  upsampling: UpsamplingScores | null;
  zeroShare: number;
}

export interface MapPanel {
  key: PanelKey;
  title: string;
  /** What the method does, in a few words. */
  note: string;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** null for the reference and the pooled map. */
  scores: PanelScores | null;
}

/** One trained decoder's stage, drawn on its own scale (its values may be negative). */
export interface LearntRow {
  decoder: LearntDecoder;
  min: number;
  max: number;
  panels: [MapPanel, MapPanel];
}

export interface SideBySideView {
  stage: number;
  channel: number;
  /** Top of the colour scale shared by the encoder's maps and the three fixed upsamplers. */
  max: number;
  /** Before pooling, pooled, then the three fixed upsamplers. */
  panels: MapPanel[];
  learnt: LearntRow[];
}

/** One channel of a trained decoder's stage: what the stage received (upsampled) and what it output. */
export interface LearntStage {
  decoder: LearntDecoder;
  /** The stage's input once upsampled (SegNet: unpooled with the indices), H x W. */
  upsampled: Float32Array;
  /** The stage's output after its learnt layers (SegNet-Basic: 7x7 conv, batch norm), H x W. */
  output: Float32Array;
}

export interface ChannelMaps {
  stage: number;
  channel: number;
  /** The encoder's map before pooling, H x W. */
  reference: Float32Array;
  /** The pooled map, h x w, and the position of each window's maximum (0..3 = 2 * dy + dx). */
  pooled: Float32Array;
  indices: Int32Array;
  height: number;
  width: number;
  pooledHeight: number;
  pooledWidth: number;
  upsampled: Record<Upsampler, Float32Array>;
  /** The trained decoders' stages at this size (empty when the page has none). */
  learnt: LearntStage[];
}

function learntRow(stage: LearntStage, H: number, W: number, t: Words): LearntRow {
  const maps = [stage.upsampled, stage.output];
  const min = sharedMin(maps);
  const max = sharedMax(maps);
  const words = t.learnt[stage.decoder];
  const panel = (key: 'input' | 'output', values: Float32Array): MapPanel => ({
    key: `${stage.decoder}-${key}`,
    ...words[key],
    width: W,
    height: H,
    rgba: heatmapRgba(values, max, min),
    scores: { upsampling: null, zeroShare: zeroShare(values) },
  });
  return { decoder: stage.decoder, min, max, panels: [panel('input', stage.upsampled), panel('output', stage.output)] };
}

export function sideBySideView(maps: ChannelMaps, t: Words = ENGLISH): SideBySideView {
  const { height: H, width: W, pooledHeight: h, pooledWidth: w } = maps;
  const max = sharedMax([maps.reference, maps.pooled, ...UPSAMPLERS.map((u) => maps.upsampled[u])]);
  const windows = { height: h, width: w, indices: maps.indices };
  const panel = (key: PanelKey & keyof Words['panels'], values: Float32Array, height: number, width: number, scored: boolean): MapPanel => ({
    key,
    ...t.panels[key],
    width,
    height,
    rgba: heatmapRgba(values, max),
    scores: scored ? { upsampling: upsamplingScores(values, maps.reference, H, W, windows), zeroShare: zeroShare(values) } : null,
  });
  return {
    stage: maps.stage,
    channel: maps.channel,
    max,
    panels: [panel('reference', maps.reference, H, W, false), panel('pooled', maps.pooled, h, w, false), ...UPSAMPLERS.map((u) => panel(u, maps.upsampled[u], H, W, true))],
    learnt: maps.learnt.map((l) => learntRow(l, H, W, t)),
  };
}

const share = (v: number): string => `${Math.round(v * 100)}%`;

/**
 * The caption: each measure defined in plain words with every method's figure, then what each
 * trained decoder's stage makes of its sparse input. Said instead when the channel is constant.
 */
export function comparisonSentence(view: SideBySideView, t: Words = ENGLISH): string {
  const scored = view.panels.filter((p) => p.scores?.upsampling);
  if (scored.some((p) => Number.isNaN(p.scores!.upsampling!.relativeError))) return t.constant(view.channel, view.stage);
  const list = (value: (s: UpsamplingScores) => string) => scored.map((p) => t.methodScore(p.title, value(p.scores!.upsampling!)));
  const parts = [
    t.errorDefined(list((s) => s.relativeError.toFixed(2))),
    t.inPlaceDefined(list((s) => share(s.maximaInPlace))),
    t.zerosDefined(list((s) => share(s.zeroShare))),
    ...view.learnt.map((row) => t.learnt[row.decoder].sentence(view.stage, share(row.panels[0].scores!.zeroShare), share(row.panels[1].scores!.zeroShare))),
  ];
  return t.sentences(parts);
}
