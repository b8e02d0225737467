/**
 * View-ready data of the pixel-provenance widget: for one output pixel of SegNet-Basic, the
 * receptive field of the encoder unit it descends from at each depth, the chain of argmax
 * positions (for one channel) it came back through, and DeepLab-LargeFOV's field for the same pixel.
 */
import { channelPlane } from '../model/layer-planes';
import { PAGE_MODEL_CONFIG } from '../model/page-model';
import { argmaxChain, deeplabFieldLayers, encoderFieldLayers, fieldInterval, fieldsOf, poolFields, type ChainLink, type Field } from './geometry';
import type { ProvenanceState } from './state';

/** One encoder stage's recorded pooling (H*W*C values and indices, channel axis last). */
export interface PooledLayer {
  height: number;
  width: number;
  channels: number;
  values: Float32Array;
  indices: ArrayLike<number>;
}

/** What the widget reads for a frame: the frame, the network's labels and each stage's pooling (stage 1 first). */
export interface ProvenanceData {
  width: number;
  height: number;
  /** H*W*3 bytes. */
  image: Uint8Array;
  /** H*W predicted labels. */
  labels: Uint8Array;
  pools: PooledLayer[];
}

/** A square on the frame: first and last row and column, clipped to the frame. */
export interface FrameBox {
  rows: [number, number];
  cols: [number, number];
}

export interface DepthField extends FrameBox {
  /** Encoder stage, 1-based (the field of its pooled map). */
  stage: number;
  /** Unclipped side, in pixels. */
  size: number;
}

export interface ProvenanceView {
  state: ProvenanceState;
  width: number;
  height: number;
  image: Uint8Array;
  labels: Uint8Array;
  /** The channel followed, 1-based, and whether it was picked as the largest at the pixel. */
  channel: number;
  autoChannel: boolean;
  fields: DepthField[];
  /** Deepest stage first. */
  chain: ChainLink[];
  deeplab: FrameBox & { size: number; stride: number };
}

const SEGNET_FIELDS: Field[] = poolFields(encoderFieldLayers(PAGE_MODEL_CONFIG));
const DEEPLAB_FIELD: Field = fieldsOf(deeplabFieldLayers(PAGE_MODEL_CONFIG)).at(-1)!;

/** The channel (0-based) with the largest value at unit (row, col) of an H*W*C layer (ties: the first). */
export function largestChannel(layer: PooledLayer, row: number, col: number): number {
  let best = 0;
  const base = (row * layer.width + col) * layer.channels;
  for (let c = 1; c < layer.channels; c++) if (layer.values[base + c]! > layer.values[base + best]!) best = c;
  return best;
}

function box(field: Field, row: number, col: number, height: number, width: number): FrameBox {
  return { rows: fieldInterval(field, row, height), cols: fieldInterval(field, col, width) };
}

export function provenanceView(data: ProvenanceData, state: ProvenanceState, fields: Field[] = SEGNET_FIELDS, deeplab: Field = DEEPLAB_FIELD): ProvenanceView {
  const { row, col } = state;
  const { width, height } = data;
  if (row < 0 || row >= height || col < 0 || col >= width) throw new RangeError(`pixel (row ${row}, column ${col}) lies outside the ${height} × ${width} frame`);
  const deepest = data.pools.length;
  const channels = data.pools[deepest - 1]!.channels;
  if (state.channel < 0 || state.channel > channels) throw new RangeError(`channel must be in 0..${channels} (0: the largest), got ${state.channel}`);
  const autoChannel = state.channel === 0;
  const c = autoChannel ? largestChannel(data.pools[deepest - 1]!, row >> deepest, col >> deepest) : state.channel - 1;
  const planes = data.pools.map((p) => ({ height: p.height, width: p.width, values: channelPlane(p.values, p.channels, c), indices: channelPlane(Float32Array.from(p.indices), p.channels, c) }));
  return {
    state,
    width,
    height,
    image: data.image,
    labels: data.labels,
    channel: c + 1,
    autoChannel,
    fields: data.pools.map((_, k) => ({ stage: k + 1, size: fields[k]!.size, ...box(fields[k]!, row >> (k + 1), col >> (k + 1), height, width) })),
    chain: argmaxChain(planes, row, col),
    deeplab: { size: deeplab.size, stride: deeplab.jump, ...box(deeplab, Math.floor(row / deeplab.jump), Math.floor(col / deeplab.jump), height, width) },
  };
}
