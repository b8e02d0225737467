/**
 * One channel of an encoder stage, pooled and brought back three ways: the maps the widget
 * draws, from the stage's conv output and pooling layer as the page's network recorded them.
 * Shared by the widget and by scripts/render-fallbacks.ts, so the precomputed figure is the
 * widget's own picture.
 */
import type { LayerData } from '../model/frame-analysis';
import { channelPlane } from '../model/layer-planes';
import type { PooledChannel, Upsampler } from './upsample';
import type { ChannelMaps } from './view';

/** Where the upsampling runs: the page's model in the engine worker, or a script's own engine. */
export interface Upsampling {
  upsampleChannel(channel: PooledChannel): Promise<Record<Upsampler, Float32Array>>;
}

/** Channel `channel` (1-based, clamped to the layer) of stage `stage`'s pooling, unpooled, deconvolved and resized. */
export async function channelComparison(upsampling: Upsampling, pool: LayerData, features: LayerData, stage: number, channel: number): Promise<ChannelMaps> {
  const c = Math.min(channel, pool.channels) - 1;
  const pooled = channelPlane(pool.values, pool.channels, c);
  const upsampled = await upsampling.upsampleChannel({
    height: pool.height,
    width: pool.width,
    values: pooled,
    indices: Int32Array.from(channelPlane(pool.indices!, pool.channels, c)),
    outHeight: features.height,
    outWidth: features.width,
  });
  return {
    stage,
    channel,
    reference: channelPlane(features.values, features.channels, c),
    pooled,
    height: features.height,
    width: features.width,
    pooledHeight: pool.height,
    pooledWidth: pool.width,
    upsampled,
  };
}
