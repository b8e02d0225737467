/**
 * One channel of an encoder stage, pooled and brought back three ways: the maps the widget
 * draws, from the stage's conv output and pooling layer as the page's network recorded them.
 * Shared by the widget and by scripts/render-fallbacks.ts, so the precomputed figure is the
 * widget's own picture.
 */
import type { LayerData } from '../model/frame-analysis';
import { channelPlane } from '../model/layer-planes';
import type { Engine } from '../shared/engine';
import { upsampleChannel } from './upsample';
import type { ChannelMaps } from './view';

/** Channel `channel` (1-based, clamped to the layer) of stage `stage`'s pooling, unpooled, deconvolved and resized. */
export async function channelComparison(engine: Engine, pool: LayerData, features: LayerData, stage: number, channel: number): Promise<ChannelMaps> {
  const c = Math.min(channel, pool.channels) - 1;
  const pooled = channelPlane(pool.values, pool.channels, c);
  const upsampled = await upsampleChannel(engine, {
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
