/**
 * The studio's settings: one object that says everything about a training run, mirrored in the
 * URL as `<id>.<field>` so a teacher can link to a configuration. Pure: no DOM, no TF.js.
 */
import { choiceField, definedFields, intField, numberField, type StateCodec } from '../shared/url-state';

export const ENCODERS = ['basic', 'vgg16'] as const;
export const DECODERS = ['segnet', 'fcn', 'deeplab-largefov', 'deconvnet', 'bilinear'] as const;
/** Channel multipliers offered for VGG16 (1 would be 29 M parameters: too much for a page). */
export const WIDTHS = ['0.125', '0.25', '0.5'] as const;
export const RESOLUTIONS = ['full', 'half'] as const;
export const OPTIMIZERS = ['momentum', 'adam', 'sgd'] as const;
export const CLASS_WEIGHTINGS = ['tutorial', 'median', 'none'] as const;
export const INITS = ['pretrained', 'scratch'] as const;
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

export type StudioBackend = (typeof BACKEND_CHOICES)[number];

export interface StudioSettings {
  /** SegNet-Basic or VGG16. */
  encoder: (typeof ENCODERS)[number];
  /** VGG16's channel multiplier, as written in the URL; ignored by SegNet-Basic. */
  width: (typeof WIDTHS)[number];
  decoder: (typeof DECODERS)[number];
  /** Dataset folder name under /data/, e.g. "synthetic-96x128". */
  data: string;
  /** Train at the data's size or at half of it (area-averaged images, majority-vote labels). */
  res: (typeof RESOLUTIONS)[number];
  /** Images per step. */
  batch: number;
  /** Learning rate (constant). */
  lr: number;
  opt: (typeof OPTIMIZERS)[number];
  /** Loss weights: SegNet-Tutorial's, median frequency from the data's manifest, or none. */
  weights: (typeof CLASS_WEIGHTINGS)[number];
  /** Start from the pretrained checkpoint (where names and shapes match) or from random weights. */
  init: (typeof INITS)[number];
  /** Keep the encoder's weights fixed. */
  freeze: boolean;
  epochs: number;
  /** Validate (curves, bars, matrix, frames) every this many steps. */
  every: number;
  /** Where TF.js runs; auto takes the first of webgpu, webgl, wasm, cpu that starts. */
  backend: StudioBackend;
}

export const DEFAULT_DATASET = 'synthetic-96x128';

export const DEFAULT_SETTINGS: StudioSettings = Object.freeze({
  encoder: 'basic',
  width: '0.25',
  decoder: 'segnet',
  data: DEFAULT_DATASET,
  res: 'half',
  batch: 2,
  lr: 0.01,
  opt: 'momentum',
  weights: 'tutorial',
  init: 'pretrained',
  freeze: false,
  epochs: 4,
  every: 10,
  backend: 'auto',
});

export const LIMITS = {
  batch: { min: 1, max: 16 },
  lr: { min: 1e-6, max: 1 },
  epochs: { min: 1, max: 200 },
  every: { min: 1, max: 1000 },
} as const;

/** Dataset folder names the studio may load (checked again against the build's list). */
const DATASET_NAME = /^(synthetic|camvid)-\d+x\d+$/;

export const studioCodec: StateCodec<StudioSettings> = {
  defaults: DEFAULT_SETTINGS,
  parse: (f) =>
    definedFields<StudioSettings>({
      encoder: choiceField(f.encoder, ENCODERS),
      width: choiceField(f.width, WIDTHS),
      decoder: choiceField(f.decoder, DECODERS),
      data: f.data !== undefined && DATASET_NAME.test(f.data) ? f.data : undefined,
      res: choiceField(f.res, RESOLUTIONS),
      batch: intField(f.batch, LIMITS.batch.min, LIMITS.batch.max),
      lr: numberField(f.lr, LIMITS.lr.min, LIMITS.lr.max),
      opt: choiceField(f.opt, OPTIMIZERS),
      weights: choiceField(f.weights, CLASS_WEIGHTINGS),
      init: choiceField(f.init, INITS),
      freeze: f.freeze === 'yes' ? true : f.freeze === 'no' ? false : undefined,
      epochs: intField(f.epochs, LIMITS.epochs.min, LIMITS.epochs.max),
      every: intField(f.every, LIMITS.every.min, LIMITS.every.max),
      backend: choiceField(f.backend, BACKEND_CHOICES),
    }),
  serialize: (s) => ({
    encoder: s.encoder,
    width: s.width,
    decoder: s.decoder,
    data: s.data,
    res: s.res,
    batch: String(s.batch),
    lr: String(s.lr),
    opt: s.opt,
    weights: s.weights,
    init: s.init,
    freeze: s.freeze ? 'yes' : 'no',
    epochs: String(s.epochs),
    every: String(s.every),
    backend: s.backend,
  }),
};

/** A dataset the build offers: its folder name, URL, frame size and training examples. */
export interface DatasetOption {
  name: string;
  url: string;
  height: number;
  width: number;
  trainCount: number;
}

/** Frame size a run trains at. */
export function trainingSize(settings: Pick<StudioSettings, 'res'>, data: Pick<DatasetOption, 'height' | 'width'>): { height: number; width: number } {
  if (settings.res === 'full') return { height: data.height, width: data.width };
  return { height: Math.floor(data.height / 2), width: Math.floor(data.width / 2) };
}

/** What would stop a run (errors) or surprise the reader (warnings), in words. */
export interface SettingsReport {
  errors: string[];
  warnings: string[];
}

/** Checks settings against the datasets this build offers; messages name the setting. */
export function checkSettings(s: StudioSettings, datasets: readonly DatasetOption[]): SettingsReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const data = datasets.find((d) => d.name === s.data);
  if (!data) {
    errors.push(`Data: "${s.data}" is not part of this site (available: ${datasets.map((d) => d.name).join(', ') || 'none'}).`);
  } else {
    const size = trainingSize(s, data);
    const minSide = s.encoder === 'basic' ? 16 : 32;
    if (size.height < minSide || size.width < minSide) {
      errors.push(`Resolution: ${size.height} × ${size.width} is too small for ${encoderLabel(s)} (at least ${minSide} × ${minSide}).`);
    }
    if (s.batch > data.trainCount) errors.push(`Batch size: ${s.batch} is more than the ${data.trainCount} training images of ${data.name}.`);
  }
  if (s.init === 'pretrained' && s.encoder === 'vgg16') {
    warnings.push('The pretrained checkpoint is SegNet-Basic: none of its weights fit VGG16, so this run starts from random weights.');
  }
  if (s.freeze && (s.init === 'scratch' || s.encoder === 'vgg16')) {
    warnings.push('The encoder is frozen at random weights: only the decoder learns.');
  }
  if (s.opt === 'adam' && s.lr > 0.01) warnings.push(`Learning rate ${s.lr} is high for Adam (try 0.001).`);
  return { errors, warnings };
}

/** "SegNet-Basic" or "VGG16 × 0.25". */
export function encoderLabel(s: Pick<StudioSettings, 'encoder' | 'width'>): string {
  return s.encoder === 'basic' ? 'SegNet-Basic' : `VGG16 × ${s.width}`;
}

/** Settings that change the network or its data: a run cannot continue across a change of these. */
export const STRUCTURAL_FIELDS = ['encoder', 'width', 'decoder', 'data', 'res', 'batch', 'opt', 'weights', 'init', 'freeze'] as const;

/** Whether two settings describe the same run (only epochs, lr, every and backend may differ). */
export function sameRun(a: StudioSettings, b: StudioSettings): boolean {
  return STRUCTURAL_FIELDS.every((k) => a[k] === b[k]);
}

/** Settings read back from a checkpoint's `extra`: every field parsed as from the URL. */
export function settingsFromExtra(value: unknown): StudioSettings | null {
  if (!value || typeof value !== 'object') return null;
  const fields = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  const parsed = studioCodec.parse(fields);
  if (Object.keys(parsed).length !== Object.keys(DEFAULT_SETTINGS).length) return null;
  return { ...DEFAULT_SETTINGS, ...parsed };
}
