/** Turns one channel's maps into what the side-by-side draws: heat maps on one scale, with scores. */
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

export const PANEL_TEXT: Record<PanelKey, { title: string; note: string }> = {
  reference: { title: 'Before pooling', note: 'the encoder’s map, the one to get back' },
  pooled: { title: 'Pooled', note: 'what reaches the decoder' },
  unpool: { title: 'Unpooling with indices', note: 'SegNet: each maximum back in its place, zeros elsewhere; no parameters' },
  transposed: { title: 'Transposed convolution', note: 'FCN: 4×4 kernel, stride 2, initialised bilinear (then learnt)' },
  bilinear: { title: 'Bilinear interpolation', note: 'fixed weights from the four nearest values; no parameters' },
};

export function sideBySideView(maps: ChannelMaps): SideBySideView {
  const { height: H, width: W, pooledHeight: h, pooledWidth: w } = maps;
  const max = sharedMax([maps.reference, maps.pooled, ...UPSAMPLERS.map((u) => maps.upsampled[u])]);
  const panel = (key: PanelKey, values: Float32Array, height: number, width: number, scores: UpsamplingScores | null): MapPanel => ({
    key,
    ...PANEL_TEXT[key],
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
export function comparisonSentence(view: SideBySideView): string {
  const scored = view.panels.filter((p) => p.scores);
  if (scored.some((p) => Number.isNaN(p.scores!.relativeEdgeEnergy))) {
    return `Channel ${view.channel} of stage ${view.stage} is constant on this frame (a unit the ReLU switched off), so there is nothing to compare: try another channel.`;
  }
  const sorted = [...scored].sort((a, b) => b.scores!.relativeEdgeEnergy - a.scores!.relativeEdgeEnergy);
  const parts = sorted.map((p) => `${p.title.toLowerCase()} ${p.scores!.relativeEdgeEnergy.toFixed(2)}×`);
  return `Edge energy relative to the map before pooling: ${parts.join(', ')}.`;
}
