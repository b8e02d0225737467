/** Turns one channel's maps into what the side-by-side draws: heat maps on one scale, with scores. */
import { messages, type Messages } from '../../i18n';
import { heatmapRgba, sharedMax } from './heatmap';
import { upsamplingScores, type UpsamplingScores } from './sharpness';
import { UPSAMPLERS, type Upsampler } from './upsample';

export type PanelKey = 'reference' | 'pooled' | Upsampler;

export interface MapPanel {
  key: PanelKey;
  title: string;
  /** What the method does, in a few words. */
  note: string;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** Against the map before pooling; null for the reference and the pooled map. */
  scores: UpsamplingScores | null;
}

export interface SideBySideView {
  stage: number;
  channel: number;
  /** Top of the shared colour scale. */
  max: number;
  panels: MapPanel[];
}

export interface ChannelMaps {
  stage: number;
  channel: number;
  /** The encoder's map before pooling, H x W. */
  reference: Float32Array;
  /** The pooled map, h x w. */
  pooled: Float32Array;
  height: number;
  width: number;
  pooledHeight: number;
  pooledWidth: number;
  upsampled: Record<Upsampler, Float32Array>;
}

type Words = Messages['decoderSideBySide'];
const ENGLISH: Words = messages('en').decoderSideBySide;

export function sideBySideView(maps: ChannelMaps, t: Words = ENGLISH): SideBySideView {
  const { height: H, width: W, pooledHeight: h, pooledWidth: w } = maps;
  const max = sharedMax([maps.reference, maps.pooled, ...UPSAMPLERS.map((u) => maps.upsampled[u])]);
  const panel = (key: PanelKey, values: Float32Array, height: number, width: number, scores: UpsamplingScores | null): MapPanel => ({
    key,
    ...t.panels[key],
    width,
    height,
    rgba: heatmapRgba(values, max),
    scores,
  });
  return {
    stage: maps.stage,
    channel: maps.channel,
    max,
    panels: [
      panel('reference', maps.reference, H, W, null),
      panel('pooled', maps.pooled, h, w, null),
      ...UPSAMPLERS.map((u) => panel(u, maps.upsampled[u], H, W, upsamplingScores(maps.upsampled[u], maps.reference, H, W))),
    ],
  };
}

/** One sentence comparing the methods' edge energy, e.g. for screen readers and the caption. */
export function comparisonSentence(view: SideBySideView, t: Words = ENGLISH): string {
  const scored = view.panels.filter((p) => p.scores);
  if (scored.some((p) => Number.isNaN(p.scores!.relativeEdgeEnergy))) {
    return t.constant(view.channel, view.stage);
  }
  const sorted = [...scored].sort((a, b) => b.scores!.relativeEdgeEnergy - a.scores!.relativeEdgeEnergy);
  return t.comparison(sorted.map((p) => t.methodScore(p.title, p.scores!.relativeEdgeEnergy.toFixed(2))));
}
