/**
 * Memory report of a config: the numbers behind the SegNet paper's "storage multiplier".
 * SegNet keeps only 2-bit max-pooling indices from its encoder (held here as int32, one per
 * window); FCN keeps a K-channel float map per skip; SegNet-Basic-EncoderAddition would keep
 * every full encoder feature map. All figures are for one image (batch 1), float32.
 * Activation bytes count one output map per layer (conv + BN + ReLU fused), as a framework
 * that frees eagerly would hold them over a forward pass.
 *
 * TF-free (exported by core.ts): the parameter counts come from a counter the caller passes,
 * the engine's countParameters (see memory-report.ts) or a table computed from it ahead of time.
 */
import { resolveConfig, type SegNetConfig, type SegNetOptions } from './config';
import { encoderPlan, stageSizes, type EncoderPlan } from './plan';
import { DECODER_KINDS, type DecoderKind } from './types';

const FLOAT = 4;

export interface DecoderMemory {
  decoder: DecoderKind;
  parameters: number;
  parameterBytes: number;
  /** What this decoder needs kept from the encoder besides the encoder's output. */
  stored: { what: string; bytes: number };
  /** stored.bytes relative to SegNet's indices at 2 bits per window (SegNet = 1). */
  storageRelativeToIndices: number;
  activationBytes: number;
}

export interface MemoryReport {
  config: Pick<SegNetConfig, 'encoder' | 'widthMultiplier' | 'height' | 'width' | 'numClasses'>;
  /** Per encoder stage: spatial size entering it, channels leaving it, pooling windows. */
  stages: { height: number; width: number; channels: number; windows: number }[];
  indices: { windows: number; paperBytes: number; heldBytes: number };
  /** Every encoder stage's full feature map before pooling (what encoder addition would keep). */
  encoderFeatureBytes: number;
  decoders: DecoderMemory[];
}

type Size = [number, number];
const area = ([h, w]: Size) => h * w;

/** Spatial size entering each stage and the one leaving the last, for a decoder's pooling schedule. */
function scheduleSizes(plan: EncoderPlan, height: number, width: number, decoder: DecoderKind): Size[] {
  const all = stageSizes(height, width, plan.stages.length);
  if (decoder !== 'deeplab-largefov') return all;
  const keep = plan.stages.length - 2; // the last two stages do not pool
  return all.map((s, i) => (i <= keep ? s : all[keep]!));
}

function encoderActivations(plan: EncoderPlan, sizes: Size[], decoder: DecoderKind): number {
  let n = 0;
  plan.stages.forEach((stage, s) => {
    for (const c of stage) n += area(sizes[s]!) * c.cout;
    const pools = decoder !== 'deeplab-largefov' || s < plan.stages.length - 2;
    if (pools) n += 2 * area(sizes[s + 1]!) * plan.channels[s]!; // pooled + indices
  });
  return n * FLOAT;
}

function decoderActivations(plan: EncoderPlan, sizes: Size[], config: SegNetConfig, decoder: DecoderKind): number {
  const k = config.numClasses;
  const full = area(sizes[0]!);
  let n = full * k; // logits
  plan.stages.forEach((stage, s) => {
    const a = area(sizes[s]!);
    const c = plan.channels[s]!;
    if (decoder === 'segnet' || decoder === 'deconvnet') n += a * c * (1 + (plan.kind === 'basic' ? 1 : stage.length));
    if (decoder === 'fcn') n += a * k + area(sizes[s + 1]!) * k;
    if (decoder === 'bilinear') n += 2 * a * c + (s > 0 && plan.channels[s - 1] !== c ? a * plan.channels[s - 1]! : 0);
  });
  if (decoder === 'deeplab-largefov') {
    const head = area(sizes[sizes.length - 1]!);
    const width = 2 * plan.channels[plan.channels.length - 1]!;
    n += head * (2 * width + k);
  }
  return n * FLOAT;
}

function storedFor(decoder: DecoderKind, indexBytes: number, fcnBytes: number): { what: string; bytes: number } {
  if (decoder === 'segnet' || decoder === 'deconvnet') return { what: 'max-pooling indices, 2 bits per window', bytes: indexBytes };
  if (decoder === 'fcn') return { what: 'one K-channel float map per skip connection', bytes: fcnBytes };
  return { what: 'nothing: no skip connections', bytes: 0 };
}

/** Learnt parameters of a config (with its decoder set), as countParameters(config).total gives them. */
export type ParameterCounter = (config: SegNetConfig) => number;

/**
 * Memory report for a config (its decoder field is ignored: every decoder is reported), the
 * parameters of each decoder's network from `parameters`.
 */
export function memoryReportWith(options: SegNetOptions, parameters: ParameterCounter): MemoryReport {
  const config = resolveConfig(options);
  const plan = encoderPlan(config);
  const sizes = stageSizes(config.height, config.width, plan.stages.length);
  const stages = plan.stages.map((_, s) => {
    const [height, width] = sizes[s]!;
    const channels = plan.channels[s]!;
    return { height, width, channels, windows: area(sizes[s + 1]!) * channels };
  });
  const windows = stages.reduce((t, s) => t + s.windows, 0);
  const indexBytes = Math.ceil((windows * 2) / 8);
  const fcnBytes = sizes.slice(1, -1).reduce((t, s) => t + area(s) * config.numClasses * FLOAT, 0);
  const decoders = DECODER_KINDS.map((decoder): DecoderMemory => {
    const count = parameters({ ...config, decoder });
    const stored = storedFor(decoder, indexBytes, fcnBytes);
    const schedule = scheduleSizes(plan, config.height, config.width, decoder);
    return {
      decoder,
      parameters: count,
      parameterBytes: count * FLOAT,
      stored,
      storageRelativeToIndices: stored.bytes / indexBytes,
      activationBytes: encoderActivations(plan, schedule, decoder) + decoderActivations(plan, schedule, config, decoder),
    };
  });
  return {
    config: { encoder: config.encoder, widthMultiplier: config.widthMultiplier, height: config.height, width: config.width, numClasses: config.numClasses },
    stages,
    indices: { windows, paperBytes: indexBytes, heldBytes: windows * 4 },
    encoderFeatureBytes: stages.reduce((t, s) => t + s.height * s.width * s.channels * FLOAT, 0),
    decoders,
  };
}
