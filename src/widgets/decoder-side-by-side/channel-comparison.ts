/**
 * One channel of an encoder stage, pooled and brought back three ways, next to the trained
 * decoder's own stage at that size: the maps the widget draws, from the layers the page's
 * network recorded. Shared by the widget and by scripts/render-fallbacks.ts, so the
 * precomputed figure is the widget's own picture.
 */
import type { LayerData } from '../model/frame-analysis';
import { channelPlane } from '../model/layer-planes';
import type { PooledChannel, Upsampler } from './upsample';
import type { ChannelMaps, LearntDecoder, LearntStage } from './view';

/** Where the upsampling runs: the page's model in the engine worker, or a script's own engine. */
export interface Upsampling {
  upsampleChannel(channel: PooledChannel): Promise<Record<Upsampler, Float32Array>>;
}

/** A trained decoder's recorded stage: its upsampled input and its output (same size as the map before pooling). */
export interface RecordedStage {
  decoder: LearntDecoder;
  upsampled: LayerData;
  output: LayerData;
}

/** Channel `c` (0-based, clamped to the layer) of a recorded stage. */
function learntStage(stage: RecordedStage, c: number): LearntStage {
  const plane = (layer: LayerData) => channelPlane(layer.values, layer.channels, Math.min(c, layer.channels - 1));
  return { decoder: stage.decoder, upsampled: plane(stage.upsampled), output: plane(stage.output) };
}

/**
 * Channel `channel` (1-based, clamped to the layer) of stage `stage`'s pooling, unpooled,
 * deconvolved and resized, and the same channel of each trained decoder's stage in `learnt`.
 */
export async function channelComparison(
  upsampling: Upsampling,
  pool: LayerData,
  features: LayerData,
  stage: number,
  channel: number,
  learnt: readonly RecordedStage[] = [],
): Promise<ChannelMaps> {
  const c = Math.min(channel, pool.channels) - 1;
  const pooled = channelPlane(pool.values, pool.channels, c);
  const indices = Int32Array.from(channelPlane(pool.indices!, pool.channels, c));
  for (const l of learnt) {
    for (const layer of [l.upsampled, l.output]) {
      if (layer.height !== features.height || layer.width !== features.width) {
        throw new Error(`channelComparison: ${layer.name} is ${layer.height}x${layer.width}, not the ${features.height}x${features.width} of ${features.name}`);
      }
    }
  }
  const upsampled = await upsampling.upsampleChannel({
    height: pool.height,
    width: pool.width,
    values: pooled,
    indices,
    outHeight: features.height,
    outWidth: features.width,
  });
  return {
    stage,
    channel,
    reference: channelPlane(features.values, features.channels, c),
    pooled,
    indices,
    height: features.height,
    width: features.width,
    pooledHeight: pool.height,
    pooledWidth: pool.width,
    upsampled,
    learnt: learnt.map((l) => learntStage(l, c)),
  };
}
