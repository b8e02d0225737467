/**
 * The studio's settings: the engine's RunConfig as the studio's form and URL spell it
 * (`<id>.<field>`, short names such as `opt` and `res`, so a teacher can link to a
 * configuration), plus what only the studio has: a pretrained or random start, the
 * validation interval and the backend. `runConfigOf` and `settingsFromExtra` convert, and a
 * checkpoint stores the RunConfig, so studio runs and CLI runs load in each other.
 * Pure: no DOM, no TF.js.
 */
import {
  CLASS_WEIGHTINGS,
  DECODER_KINDS as DECODERS,
  DEFAULT_DATASET,
  DEFAULT_RUN,
  ENCODER_KINDS as ENCODERS,
  encoderLabel as engineEncoderLabel,
  OPTIMIZER_KINDS as OPTIMIZERS,
  RESOLUTIONS,
  runFromExtra,
  trainingSize,
  type RunConfig,
} from '../../segnet/core';
import { choiceField, definedFields, intField, numberField, type StateCodec } from '../shared/url-state';
import { pageMessages, type Messages } from '../../i18n';

export { CLASS_WEIGHTINGS, DECODERS, DEFAULT_DATASET, ENCODERS, OPTIMIZERS, RESOLUTIONS };
/** Channel multipliers offered for VGG16 (1 would be 29 M parameters: too much for a page). */
export const WIDTHS = ['0.125', '0.25', '0.5'] as const;
export const INITS = ['pretrained', 'scratch'] as const;
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

export type StudioBackend = (typeof BACKEND_CHOICES)[number];

export interface StudioSettings {
  /** SegNet-Basic or VGG16. */
  encoder: RunConfig['encoder'];
  /** VGG16's channel multiplier, as written in the URL; ignored by SegNet-Basic. */
  width: (typeof WIDTHS)[number];
  decoder: RunConfig['decoder'];
  /** Dataset folder name under /data/, e.g. "synthetic-96x128". */
  data: string;
  /** Train at the data's size or at half of it (area-averaged images, majority-vote labels). */
  res: RunConfig['resolution'];
  /** Images per step. */
  batch: number;
  /** Learning rate (constant). */
  lr: number;
  opt: RunConfig['optimizer'];
  /** Loss weights: SegNet-Tutorial's, median frequency from the data's manifest, or none. */
  weights: RunConfig['weights'];
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

/**
 * Dataset names the studio may load (checked again against the build's list and the reader's
 * stored datasets): a build's folders, or "own-..." for a dataset kept in this browser.
 */
const DATASET_NAME = /^(synthetic|camvid)-\d+x\d+$|^own-[a-z0-9][a-z0-9-]{0,39}$/;

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
  /** The folder's URL; for a stored dataset "stored:<name>@<when saved>", so a re-import is loaded afresh. */
  url: string;
  height: number;
  width: number;
  trainCount: number;
  /** Kept in this browser (the reader's own data), with its validation pairs. */
  stored?: { valCount: number };
}

/**
 * A dataset's line in the data menu: what it is (synthetic scenes or CamVid, with their size)
 * rather than its folder's id; any other folder by its name.
 */
export function dataOptionLabel(option: Pick<DatasetOption, 'name' | 'height' | 'width' | 'trainCount'>, f: Messages['trainingStudio']['form']): string {
  const kind = /^(synthetic|camvid)-\d+x\d+$/.exec(option.name)?.[1];
  const label = kind === 'synthetic' ? f.syntheticData(option.height, option.width) : kind === 'camvid' ? f.camvidData(option.height, option.width) : option.name;
  return f.dataOption(label, option.trainCount);
}

/** What would stop a run (errors) or surprise the reader (warnings), in words. */
export interface SettingsReport {
  errors: string[];
  warnings: string[];
}

/** Checks settings against the datasets this build offers; messages name the setting. */
export function checkSettings(s: StudioSettings, datasets: readonly DatasetOption[], m: Messages['trainingStudio'] = pageMessages().trainingStudio): SettingsReport {
  const w = m.check;
  const errors: string[] = [];
  const warnings: string[] = [];
  const data = datasets.find((d) => d.name === s.data);
  if (!data) {
    errors.push(w.unknownData(s.data, datasets.map((d) => d.name)));
  } else {
    const size = trainingSize(s.res, data);
    const minSide = s.encoder === 'basic' ? 16 : 32;
    if (size.height < minSide || size.width < minSide) {
      errors.push(w.tooSmall(size.height, size.width, encoderLabel(s), minSide));
    }
    if (s.batch > data.trainCount) errors.push(w.batchTooLarge(s.batch, data.trainCount, data.name));
  }
  if (s.init === 'pretrained' && s.encoder === 'vgg16') {
    warnings.push(w.vggUnpretrained);
  }
  if (s.freeze && (s.init === 'scratch' || s.encoder === 'vgg16')) {
    warnings.push(w.frozenRandom);
  }
  if (s.opt === 'adam' && s.lr > 0.01) warnings.push(w.adamRate(s.lr));
  return { errors, warnings };
}

/** "SegNet-Basic" or "VGG16 × 0.25". */
export function encoderLabel(s: Pick<StudioSettings, 'encoder' | 'width'>): string {
  return engineEncoderLabel(s.encoder, Number(s.width));
}

/** Settings that change the network or its data: a run cannot continue across a change of these. */
export const STRUCTURAL_FIELDS = ['encoder', 'width', 'decoder', 'data', 'res', 'batch', 'opt', 'weights', 'init', 'freeze'] as const;

/** Whether two settings describe the same run (only epochs, lr, every and backend may differ; SegNet-Basic has no width). */
export function sameRun(a: StudioSettings, b: StudioSettings): boolean {
  return STRUCTURAL_FIELDS.every((k) => a[k] === b[k] || (k === 'width' && a.encoder === 'basic'));
}

/** The RunConfig of a set of settings: what a checkpoint stores and the CLI resumes. */
export function runConfigOf(s: StudioSettings): RunConfig {
  return {
    ...DEFAULT_RUN,
    encoder: s.encoder,
    decoder: s.decoder,
    widthMultiplier: s.encoder === 'vgg16' ? Number(s.width) : 1,
    data: s.data,
    resolution: s.res,
    batch: s.batch,
    epochs: s.epochs,
    lr: s.lr,
    optimizer: s.opt,
    schedule: 'constant',
    weights: s.weights,
    freezeEncoder: s.freeze,
  };
}

/** The studio's own fields, kept in a checkpoint's `extra.studio` next to the run. */
export type StudioFields = Pick<StudioSettings, 'init' | 'every' | 'backend'>;

export function studioFields(s: StudioSettings): StudioFields {
  return { init: s.init, every: s.every, backend: s.backend };
}

/** A RunConfig in the studio's URL spelling (a width the studio does not offer, or any other bad field, is dropped). */
function urlFields(run: RunConfig, studio: Partial<Record<keyof StudioFields, unknown>>): Record<string, string> {
  const fields: Record<string, unknown> = {
    encoder: run.encoder,
    width: run.encoder === 'vgg16' ? String(run.widthMultiplier) : DEFAULT_SETTINGS.width,
    decoder: run.decoder,
    // The studio knows datasets by folder name; the CLI may have recorded a path.
    data: run.data.split(/[\\/]/).filter(Boolean).pop() ?? run.data,
    res: run.resolution,
    batch: run.batch,
    lr: run.lr,
    opt: run.optimizer,
    weights: run.weights,
    freeze: run.freezeEncoder ? 'yes' : 'no',
    epochs: run.epochs,
    init: studio.init ?? 'scratch',
    every: studio.every ?? DEFAULT_SETTINGS.every,
    backend: studio.backend ?? DEFAULT_SETTINGS.backend,
  };
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
}

/**
 * Settings read back from a checkpoint's `extra`: its run, stored by the studio or the train
 * CLI in any of their shapes (see runFromExtra), every field parsed as from the URL. Null
 * when there is no run, or when the run needs something the studio does not offer (a
 * schedule, augmentation, a VGG16 width outside the menu, a batch above 16).
 */
export function settingsFromExtra(extra: unknown): StudioSettings | null {
  if (!extra || typeof extra !== 'object') return null;
  const e = extra as Record<string, unknown>;
  let run: RunConfig | null;
  try {
    run = runFromExtra(e);
  } catch {
    return null;
  }
  if (!run || run.schedule !== 'constant' || run.augment) return null;
  const studio = (e.studio ?? e.settings ?? {}) as Partial<Record<keyof StudioFields, unknown>>;
  const parsed = studioCodec.parse(urlFields(run, studio));
  if (Object.keys(parsed).length !== Object.keys(DEFAULT_SETTINGS).length) return null;
  return { ...DEFAULT_SETTINGS, ...parsed };
}
