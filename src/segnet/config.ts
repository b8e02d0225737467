/**
 * The one configuration object of a SegNet-family model, with defaults and validation.
 */
import { CAMVID_NUM_CLASSES } from './class-weights';
import { DECODER_KINDS, ENCODER_KINDS, type DecoderKind, type EncoderKind } from './types';

export interface SegNetConfig {
  /** 'basic': SegNet-Basic, 4 x [7x7 conv, 64]; 'vgg16': the 13 conv layers of VGG16. */
  encoder: EncoderKind;
  /** How the decoder returns to full resolution. */
  decoder: DecoderKind;
  /** Real classes (CamVid: 11). Label value numClasses is void and ignored. */
  numClasses: number;
  /** Input height and width in pixels (any size; odd sizes pool in ceil mode). */
  height: number;
  width: number;
  /** Channel multiplier of the VGG16 encoder (1 = 64..512 channels); ignored by 'basic'. */
  widthMultiplier: number;
  /** Channels of every SegNet-Basic layer (the paper: 64). */
  basicChannels: number;
  /** Dilation rate of DeepLab-LargeFOV's fc6 (the paper: 12). */
  atrousRate: number;
  /** Seed of the weight initialisation. */
  seed: number;
}

export const DEFAULT_CONFIG: Omit<SegNetConfig, 'encoder' | 'decoder' | 'height' | 'width'> = {
  numClasses: CAMVID_NUM_CLASSES,
  widthMultiplier: 1,
  basicChannels: 64,
  atrousRate: 12,
  seed: 1,
};

export type SegNetOptions = Pick<SegNetConfig, 'encoder' | 'decoder' | 'height' | 'width'> & Partial<SegNetConfig>;

function positiveInt(name: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new Error(`buildSegNet: config.${name} must be a positive integer, got ${String(v)}`);
  }
}

/** Fills defaults and checks every field; messages name the field and the bad value. */
export function resolveConfig(options: SegNetOptions): SegNetConfig {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const config = { ...DEFAULT_CONFIG, ...given } as SegNetConfig;
  if (!ENCODER_KINDS.includes(config.encoder)) {
    throw new Error(`buildSegNet: config.encoder must be one of ${ENCODER_KINDS.join(', ')}, got '${String(config.encoder)}'`);
  }
  if (!DECODER_KINDS.includes(config.decoder)) {
    throw new Error(`buildSegNet: config.decoder must be one of ${DECODER_KINDS.join(', ')}, got '${String(config.decoder)}'`);
  }
  for (const k of ['numClasses', 'height', 'width', 'basicChannels', 'atrousRate'] as const) positiveInt(k, config[k]);
  // Label maps are bytes throughout (void = numClasses), so at most 255 classes.
  if (config.numClasses > 255) throw new Error(`buildSegNet: config.numClasses must be at most 255, got ${config.numClasses}`);
  if (!Number.isInteger(config.seed)) throw new Error(`buildSegNet: config.seed must be an integer, got ${config.seed}`);
  if (!(config.widthMultiplier > 0 && config.widthMultiplier <= 4)) {
    throw new Error(`buildSegNet: config.widthMultiplier must be in (0, 4], got ${config.widthMultiplier}`);
  }
  const minSide = config.encoder === 'basic' ? 16 : 32;
  if (config.height < minSide || config.width < minSide) {
    throw new Error(`buildSegNet: input ${config.height}x${config.width} is too small for the ${config.encoder} encoder (at least ${minSide}x${minSide})`);
  }
  return config;
}

/**
 * Differences that change what a network computes, e.g. 'encoder: "vgg16" vs "basic"'.
 * The seed only chooses the initial weights, so it is not compared.
 */
export function configDifferences(a: SegNetConfig, b: SegNetConfig): string[] {
  const keys = Object.keys(DEFAULT_CONFIG)
    .concat(['encoder', 'decoder', 'height', 'width'])
    .filter((k) => k !== 'seed') as (keyof SegNetConfig)[];
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${JSON.stringify(a[k])} vs ${JSON.stringify(b[k])}`);
}
