/**
 * Pure geometry of pixel provenance: the receptive field of a unit, worked out from a network's
 * layer list (kernel, stride, dilation, padding per layer), and the chain of argmax positions
 * an output pixel's value came back through, read off the encoder's recorded pooling indices.
 */
import { encoderPlan, resolveConfig, type SegNetOptions } from '../../segnet/core';

/** One layer along one axis (the networks here are the same along both). */
export interface FieldLayer {
  name: string;
  kernel: number;
  stride: number;
  dilation: number;
  /** Padding before the first input, in input units ('same' convolutions: half the extent). */
  padBefore: number;
}

/** Where a unit of a layer looks in the input: unit i spans [i·jump + lo, i·jump + hi]. */
export interface Field {
  /** Side of the field, in input pixels (unclipped). */
  size: number;
  /** Input pixels between neighbouring units. */
  jump: number;
  lo: number;
  hi: number;
}

/** Input units a kernel spans with its dilation. */
export const extent = (layer: Pick<FieldLayer, 'kernel' | 'dilation'>): number => layer.dilation * (layer.kernel - 1) + 1;

/** A stride-1 convolution padded 'same' (an odd extent: as much padding before as after). */
export function sameConv(name: string, kernel: number, dilation = 1): FieldLayer {
  return { name, kernel, stride: 1, dilation, padBefore: Math.floor((extent({ kernel, dilation }) - 1) / 2) };
}

/** A 2 × 2 max pool with stride 2 (windows start at the first input). */
export const pool2 = (name: string): FieldLayer => ({ name, kernel: 2, stride: 2, dilation: 1, padBefore: 0 });

/** The field after each layer of `layers` (entry k: after layers[0..k]). */
export function fieldsOf(layers: readonly FieldLayer[]): Field[] {
  let field: Field = { size: 1, jump: 1, lo: 0, hi: 0 };
  return layers.map((layer) => {
    for (const [key, v] of Object.entries({ kernel: layer.kernel, stride: layer.stride, dilation: layer.dilation })) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`fieldsOf: layer "${layer.name}" needs a positive integer ${key}, got ${v}`);
    }
    // Unit i reads the previous layer's units i·stride − pad … i·stride − pad + extent − 1.
    const lo = field.lo - layer.padBefore * field.jump;
    const hi = field.hi + (extent(layer) - 1 - layer.padBefore) * field.jump;
    field = { size: hi - lo + 1, jump: field.jump * layer.stride, lo, hi };
    return field;
  });
}

/** The input interval [first, last] a unit at `index` sees, clipped to 0..length − 1. */
export function fieldInterval(field: Field, index: number, length: number): [number, number] {
  return [Math.max(0, index * field.jump + field.lo), Math.min(length - 1, index * field.jump + field.hi)];
}

/**
 * The encoder's layers, stage by stage: each convolution, then (while the stage pools) its
 * 2 × 2 pool; from `firstUnpooledStage` on (0-based) stages skip pooling and dilate their
 * convolutions by 2, 4, … as the engine's encoder does for DeepLab.
 */
export function encoderFieldLayers(options: SegNetOptions, firstUnpooledStage?: number): FieldLayer[] {
  const plan = encoderPlan(resolveConfig(options));
  const firstUnpooled = firstUnpooledStage ?? plan.stages.length;
  return plan.stages.flatMap((stage, s) => {
    const dilation = 2 ** Math.max(0, s - firstUnpooled);
    const convs = stage.map((c, i) => sameConv(`encoder/stage${s + 1}/conv${i + 1}`, c.kernel, dilation));
    return s < firstUnpooled ? [...convs, pool2(`encoder/stage${s + 1}/pool`)] : convs;
  });
}

/**
 * DeepLab-LargeFOV on the same encoder (see src/segnet/decoders/deeplab-decoder.ts): the last two
 * stages unpooled and dilated, then fc6 (3 × 3 at the atrous rate), fc7 and fc8 (1 × 1). The
 * class scores come out at 1/4 of the encoder's depth in stride and are resized bilinearly.
 */
export function deeplabFieldLayers(options: SegNetOptions): FieldLayer[] {
  const config = resolveConfig({ ...options, decoder: 'deeplab-largefov' });
  const plan = encoderPlan(config);
  return [
    ...encoderFieldLayers(config, plan.stages.length - 2),
    sameConv('decoder/fc6', 3, config.atrousRate),
    sameConv('decoder/fc7', 1),
    sameConv('decoder/fc8', 1),
  ];
}

/** The field of each encoder stage's pooled map (stage 1 first). */
export function poolFields(layers: readonly FieldLayer[]): Field[] {
  const fields = fieldsOf(layers);
  return layers.flatMap((layer, k) => (layer.name.endsWith('/pool') ? [fields[k]!] : []));
}

/** One encoder stage's pooled map for one channel: values and window positions 0..3 (2·dy + dx). */
export interface PooledPlane {
  height: number;
  width: number;
  values: ArrayLike<number>;
  indices: ArrayLike<number>;
}

/** One unpooling the value came back through. */
export interface ChainLink {
  /** Encoder stage, 1-based; the chain runs deepest first, as the decoder does. */
  stage: number;
  /** The window: its unit in the pooled map. */
  window: { row: number; col: number };
  /** The position the encoder recorded in the window, 0..3 (2·dy + dx). */
  recorded: number;
  /** The pixel's own position in the window, 0..3. */
  own: number;
  /** Whether the pixel's position was the kept maximum (else a zero the next convolution fills). */
  kept: boolean;
  /** The pooled value unpooling writes back. */
  value: number;
}

/**
 * The chain of argmax positions full-resolution pixel (row, col) came back through: at stage
 * s (feature map at 1/2^(s−1) of the frame), the pixel sits at (row >> (s−1), col >> (s−1)),
 * in the window of pooled unit (row >> s, col >> s). `pools[0]` is stage 1.
 */
export function argmaxChain(pools: readonly PooledPlane[], row: number, col: number): ChainLink[] {
  return pools
    .map((plane, k) => {
      const stage = k + 1;
      const window = { row: row >> stage, col: col >> stage };
      if (window.row >= plane.height || window.col >= plane.width || row < 0 || col < 0) {
        throw new RangeError(`argmaxChain: pixel (${row}, ${col}) lies outside stage ${stage}'s ${plane.height} × ${plane.width} pooled map`);
      }
      const at = window.row * plane.width + window.col;
      const recorded = plane.indices[at]!;
      const own = 2 * ((row >> (stage - 1)) & 1) + ((col >> (stage - 1)) & 1);
      return { stage, window, recorded, own, kept: recorded === own, value: plane.values[at]! };
    })
    .reverse();
}
