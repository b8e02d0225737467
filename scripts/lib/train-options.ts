/**
 * The train CLI's options: the argument spec, validation with messages that name the option
 * and the bad value, and the rules of --resume (a resumed run keeps the options it was
 * started with; only how long it runs and how often it saves may change).
 */
import { DEFAULT_RUN, runFromExtra, validateRunConfig, type RunConfig } from '../../src/segnet';
import { basename } from 'node:path';
import type { ArgSpec, ParsedArgs } from './args';
import { shellQuote } from './cli';

export const TRAIN_ARGS = {
  encoder: { type: 'string', help: 'basic | vgg16 (default basic)' },
  decoder: { type: 'string', help: 'segnet | fcn | deeplab-largefov | deconvnet | bilinear (default segnet)' },
  data: { type: 'string', help: 'a dataset folder name under public/data, or a path (default synthetic-96x128)' },
  resolution: { type: 'string', help: 'full | half: train at the data\'s size or at half of it each way (default full)' },
  epochs: { type: 'number', help: 'epochs in total, counted from the start of the run (default 10)' },
  'max-steps': { type: 'number', help: 'stop after this many steps in total (default: no limit)' },
  batch: { type: 'number', help: 'images per step (default 4)' },
  lr: { type: 'number', help: 'learning rate (default 0.01)' },
  optimizer: { type: 'string', help: 'momentum | adam | sgd (default momentum, 0.9)' },
  schedule: { type: 'string', help: 'constant | poly | cosine learning rate over the run (default constant)' },
  weights: { type: 'string', help: 'class weights: tutorial | median (of the train split; "computed" is an old name for it) | none (default median)' },
  'width-multiplier': { type: 'number', help: 'VGG16 channel multiplier (default 1)' },
  seed: { type: 'number', help: 'seed of initialisation, shuffling and augmentation (default 1)' },
  augment: { type: 'boolean', help: 'random flips and colour jitter (default off)' },
  'freeze-encoder': { type: 'boolean', help: 'train the decoder only (default off)' },
  init: { type: 'string', help: 'start from the weights of this checkpoint folder (those whose names and shapes match)' },
  'init-encoder-only': { type: 'boolean', help: 'with --init: copy only the encoder\'s weights, so every decoder starts fresh (default off)' },
  resume: { type: 'string', help: 'continue the run of this checkpoint (or run) folder, or of a .unpooled file exported by the training studio: same step, optimizer state and data order' },
  out: { type: 'string', help: 'run folder (default runs/<encoder>-<decoder>-<data>; the resumed run\'s folder with --resume of a folder)' },
  'checkpoint-every': { type: 'number', help: 'save a checkpoint every N steps (default 100; also at every epoch end, on Ctrl-C and at the end)' },
  backend: { type: 'string', help: 'webgpu | wasm | cpu (default: the first that starts, in that order)' },
  float16: { type: 'boolean', help: 'store the final model\'s weights as float16 (half the size)' },
} satisfies ArgSpec;

export type TrainArgs = Partial<ParsedArgs<typeof TRAIN_ARGS>>;

/** What the train CLI adds to a RunConfig: where its weights start and how often it saves. */
export interface CliRunFields {
  /** A checkpoint folder whose matching weights the run starts from; null: random weights. */
  init: string | null;
  /** With init: copy only encoder/ variables (comparing decoders on one trained encoder). */
  initEncoderOnly: boolean;
  /** Save a checkpoint every this many steps. */
  checkpointEvery: number;
}

/** Everything that defines a training run of the CLI: the RunConfig and the CLI's own fields. */
export type TrainRunOptions = RunConfig & CliRunFields;

const CLI_DEFAULTS: CliRunFields = { init: null, initEncoderOnly: false, checkpointEvery: 100 };

export const TRAIN_DEFAULTS: TrainRunOptions = { ...DEFAULT_RUN, ...CLI_DEFAULTS };

/** Option name on the command line of each field. */
const FLAG: Record<keyof TrainRunOptions, string> = {
  encoder: 'encoder', decoder: 'decoder', data: 'data', resolution: 'resolution', epochs: 'epochs', maxSteps: 'max-steps', batch: 'batch', lr: 'lr',
  optimizer: 'optimizer', schedule: 'schedule', weights: 'weights', widthMultiplier: 'width-multiplier', seed: 'seed',
  augment: 'augment', freezeEncoder: 'freeze-encoder', init: 'init', initEncoderOnly: 'init-encoder-only', checkpointEvery: 'checkpoint-every',
};

/** What a checkpoint of the CLI keeps besides its RunConfig (under `extra.cli`). */
export function cliExtra(options: TrainRunOptions): { cli: CliRunFields } {
  return { cli: { init: options.init, initEncoderOnly: options.initEncoderOnly, checkpointEvery: options.checkpointEvery } };
}

/**
 * The options recorded in a checkpoint's `extra`: its run (any stored shape, see runFromExtra)
 * and the CLI's own fields (`extra.cli`, or inside an older CLI's `extra.run`; defaults for a
 * run the studio saved). Null when the checkpoint records no run.
 */
export function recordedOptions(extra: Record<string, unknown>): TrainRunOptions | null {
  const run = runFromExtra(extra);
  if (!run) return null;
  const cli = { ...((extra.run ?? {}) as Partial<CliRunFields>), ...((extra.cli ?? {}) as Partial<CliRunFields>) };
  return {
    ...run,
    init: cli.init ?? CLI_DEFAULTS.init,
    initEncoderOnly: cli.initEncoderOnly ?? CLI_DEFAULTS.initEncoderOnly,
    checkpointEvery: cli.checkpointEvery ?? CLI_DEFAULTS.checkpointEvery,
  };
}
/**
 * The train command that reproduces a recorded run: every option that differs from its default,
 * plus the model and data, which are always spelled out.
 */
export function trainCommand(options: TrainRunOptions): string {
  const parts = ['npm run train --'];
  for (const [field, flag] of Object.entries(FLAG) as [keyof TrainRunOptions, string][]) {
    const v = options[field];
    const always = field === 'encoder' || field === 'decoder' || field === 'data';
    if (v === null || v === undefined || v === false || (!always && v === TRAIN_DEFAULTS[field])) continue;
    parts.push(v === true ? `--${flag}` : `--${flag} ${shellQuote(String(v))}`);
  }
  return parts.join(' ');
}

/** Fields a resumed run may change: how long it runs and how often it saves. */
const CHANGEABLE_ON_RESUME: readonly (keyof TrainRunOptions)[] = ['epochs', 'maxSteps', 'checkpointEvery'];

/** The fields given on the command line (undefined where an option was left out). */
function givenFields(args: TrainArgs): Partial<TrainRunOptions> {
  const given: Partial<Record<keyof TrainRunOptions, unknown>> = {};
  for (const [field, flag] of Object.entries(FLAG) as [keyof TrainRunOptions, string][]) {
    const v = args[flag as keyof TrainArgs];
    if (v !== undefined) given[field] = v;
  }
  // "computed" was this switch's name for the median-frequency weights of the train split.
  if (given.weights === 'computed') given.weights = 'median';
  return given as Partial<TrainRunOptions>;
}

/** Checks every field of a run; messages name the option and the bad value. */
export function validateTrainOptions(o: TrainRunOptions): TrainRunOptions {
  validateRunConfig(o, (f) => `--${FLAG[f]}`);
  if (!Number.isInteger(o.checkpointEvery) || o.checkpointEvery < 1) throw new Error(`--checkpoint-every must be a positive integer, got ${o.checkpointEvery}`);
  return o;
}

/**
 * The options of a run from its command line; with `recorded` (the options saved in the
 * checkpoint being resumed), those of the resumed run. Resuming refuses options that would
 * change the run, naming them.
 */
export function resolveTrainOptions(args: TrainArgs, recorded?: TrainRunOptions): TrainRunOptions {
  const given = givenFields(args);
  if (args.resume !== undefined && args.init !== undefined) throw new Error('--resume and --init cannot be combined: --resume already restores the weights');
  if (args['init-encoder-only'] && args.init === undefined && args.resume === undefined) throw new Error('--init-encoder-only needs --init <checkpoint>');
  if (!recorded) return validateTrainOptions({ ...TRAIN_DEFAULTS, ...given });
  const fixed = (Object.keys(FLAG) as (keyof TrainRunOptions)[]).filter(
    (f) => !CHANGEABLE_ON_RESUME.includes(f) || (f === 'epochs' && recorded.schedule !== 'constant'),
  );
  // The data may be named by another path to the same folder (a studio export records its name only).
  const data = given.data !== undefined && basename(given.data) === basename(recorded.data) ? given.data : recorded.data;
  const run: TrainRunOptions = { ...recorded, data };
  for (const f of fixed) {
    if (given[f] !== undefined && given[f] !== run[f]) {
      throw new Error(`--${FLAG[f]} ${String(given[f])} differs from the run being resumed (${String(run[f])}): leave it out to continue that run`);
    }
  }
  return validateTrainOptions({ ...run, ...given, init: run.init });
}
