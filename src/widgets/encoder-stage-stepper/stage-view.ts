/**
 * View-ready data of the encoder-stage stepper: one channel of SegNet-Basic's first stage on a
 * frame, as the engine recorded it (convolution before batch norm, batch norm, ReLU, pooling
 * with its indices), the whole-map measurements the captions state, and the patch's numbers.
 */
import { channelPlane } from '../model/layer-planes';
import { PATCH, type EncoderStageState } from './state';

/** The recorded layers of stage 1 on one frame, as plain arrays (H*W*C, channel axis last). */
export interface StageData {
  width: number;
  height: number;
  channels: number;
  /** The frame, H*W*3 bytes. */
  image: Uint8Array;
  conv: Float32Array;
  bn: Float32Array;
  relu: Float32Array;
  /** (H/2)*(W/2)*C values and window positions 0..3 (2·dy + dx). */
  pooled: Float32Array;
  indices: Int32Array | Float32Array;
}

export interface StageView {
  state: EncoderStageState;
  width: number;
  height: number;
  image: Uint8Array;
  /** The channel's planes. */
  conv: Float32Array;
  bn: Float32Array;
  relu: Float32Array;
  pooled: Float32Array;
  indices: Float32Array;
  stats: StageStats;
}

export interface StageStats {
  conv: { min: number; max: number; mean: number };
  /** Batch norm at inference is y = scale · z + shift per channel, read off the recorded z and y. */
  scale: number;
  shift: number;
  /** Shares of the map: negative after batch norm, zero after ReLU, and of pooling windows all zero. */
  negative: number;
  zero: number;
  allZeroWindows: number;
}

/** Smallest, largest and mean value. */
function summary(plane: Float32Array): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of plane) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { min, max, mean: plane.length > 0 ? sum / plane.length : 0 };
}

const share = (plane: Float32Array, test: (v: number) => boolean): number => {
  let n = 0;
  for (const v of plane) if (test(v)) n++;
  return plane.length > 0 ? n / plane.length : 0;
};

/** The affine map y = scale · z + shift through the two most distant z (NaN when z is constant). */
export function affineFit(z: Float32Array, y: Float32Array): { scale: number; shift: number } {
  let lo = 0;
  let hi = 0;
  for (let i = 1; i < z.length; i++) {
    if (z[i]! < z[lo]!) lo = i;
    if (z[i]! > z[hi]!) hi = i;
  }
  const scale = (y[hi]! - y[lo]!) / (z[hi]! - z[lo]!);
  return { scale, shift: y[lo]! - scale * z[lo]! };
}

export function stageView(data: StageData, state: EncoderStageState): StageView {
  const { channels } = data;
  const c = state.channel - 1;
  if (c < 0 || c >= channels) throw new RangeError(`channel must be in 1..${channels}, got ${state.channel}`);
  const conv = channelPlane(data.conv, channels, c);
  const bn = channelPlane(data.bn, channels, c);
  const relu = channelPlane(data.relu, channels, c);
  const pooled = channelPlane(data.pooled, channels, c);
  const indices = channelPlane(data.indices, channels, c);
  return {
    state,
    width: data.width,
    height: data.height,
    image: data.image,
    conv,
    bn,
    relu,
    pooled,
    indices,
    stats: {
      conv: summary(conv),
      ...affineFit(conv, bn),
      negative: share(bn, (v) => v < 0),
      zero: share(relu, (v) => v === 0),
      allZeroWindows: share(pooled, (v) => v === 0),
    },
  };
}

/** The patch's rows of a full-size plane. */
export function patchRows(plane: Float32Array, width: number, x: number, y: number, size = PATCH): number[][] {
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, col) => plane[(y + r) * width + x + col]!));
}

/** Whether pixel (row, col) holds its 2 × 2 window's recorded maximum. */
export function isWindowMax(view: StageView, row: number, col: number): boolean {
  const w = view.width / 2;
  const index = view.indices[Math.floor(row / 2) * w + Math.floor(col / 2)]!;
  return index === 2 * (row % 2) + (col % 2);
}

/** The pooled value of pixel (row, col)'s window. */
export function pooledAt(view: StageView, row: number, col: number): number {
  return view.pooled[Math.floor(row / 2) * (view.width / 2) + Math.floor(col / 2)]!;
}
