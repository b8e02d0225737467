/**
 * The encoder's plan: the convolutions of each stage and the sizes they run at, worked out
 * from a config without TF.js, so that pages can draw the network and count its memory at
 * build time or in a light bundle.
 */
import type { SegNetConfig } from './config';

/** Output size of a 2x2/2 ceil-mode pool along one axis. */
export function pooledSize(size: number): number {
  return Math.ceil(size / 2);
}

/** VGG16's conv channels per stage at width 1. */
const VGG16_STAGES = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];

export interface ConvSpec {
  cin: number;
  cout: number;
  kernel: number;
}

/** Shapes of the encoder: what each stage computes, for building, decoders and memory reports. */
export interface EncoderPlan {
  kind: SegNetConfig['encoder'];
  kernel: number;
  stages: ConvSpec[][];
  /** Channels leaving each stage. */
  channels: number[];
}

export function encoderPlan(config: SegNetConfig): EncoderPlan {
  const widths =
    config.encoder === 'basic'
      ? [0, 1, 2, 3].map(() => [config.basicChannels])
      : VGG16_STAGES.map((s) => s.map((c) => Math.max(1, Math.round(c * config.widthMultiplier))));
  const kernel = config.encoder === 'basic' ? 7 : 3;
  let cin = 3;
  const stages = widths.map((stage) =>
    stage.map((cout) => {
      const spec = { cin, cout, kernel };
      cin = cout;
      return spec;
    }),
  );
  return { kind: config.encoder, kernel, stages, channels: widths.map((s) => s[s.length - 1]!) };
}

/** Spatial size [H, W] entering each stage, and the final output size, when every stage pools. */
export function stageSizes(height: number, width: number, stages: number): [number, number][] {
  const sizes: [number, number][] = [[height, width]];
  for (let s = 0; s < stages; s++) {
    const [h, w] = sizes[s]!;
    sizes.push([pooledSize(h), pooledSize(w)]);
  }
  return sizes;
}
