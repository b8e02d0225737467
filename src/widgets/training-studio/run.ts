/**
 * One training run of the studio: its settings, network, optimizer, data, progress and curves.
 * Built fresh (from the pretrained checkpoint or random weights) or from a checkpoint (the
 * browser's saved state, an imported file, or a snapshot taken before a backend switch).
 * Runs only after the engine is loaded; TF.js reaches it through the Engine object.
 */
import type { CheckpointMeta, LoadedCheckpoint, Optimizer, SegNetModel } from '../../segnet';
import { classWeightsFor, runExtra, runNetwork, siteUrl } from '../../segnet/core';
import type { DatasetManifest, SplitData } from '../../data';
import type { Engine } from '../shared/engine';
import { curvesFromExtra, emptyCurves, type Curves } from './curves';
import { claimsProblem } from './checkpoint-claims';
import { describeMatch } from './pretrained-match';
import { LIMITS, runConfigOf, settingsFromExtra, studioFields, type DatasetOption, type StudioSettings } from './settings';
import { pageMessages, type Messages } from '../../i18n';

/** The data a run trains and validates on, at its training size. */
export interface RunData {
  name: string;
  manifest: DatasetManifest;
  train: SplitData;
  /** The validation frames used for the curves, bars, matrix and strip. */
  val: SplitData;
}

export interface Progress {
  step: number;
  epoch: number;
  batch: number;
}

/** What the reader is told about where the weights came from. */
export type WeightsOrigin = string;

export class StudioRun {
  /** A copy: learning rate, epochs and validation interval may change between loops. */
  readonly settings: StudioSettings;

  constructor(
    readonly engine: Engine,
    settings: StudioSettings,
    readonly model: SegNetModel,
    readonly optimizer: Optimizer,
    readonly data: RunData,
    public progress: Progress,
    public curves: Curves,
    readonly origin: WeightsOrigin,
  ) {
    this.settings = { ...settings };
    model.freezeEncoder(settings.freeze);
  }

  get batchesPerEpoch(): number {
    return Math.floor(this.data.train.count / this.settings.batch);
  }

  /** Steps of the whole run at the current number of epochs. */
  get totalSteps(): number {
    return this.settings.epochs * this.batchesPerEpoch;
  }

  get finished(): boolean {
    return this.progress.step >= this.totalSteps;
  }

  /** Loss weights per class, or undefined for none. */
  classWeights(): readonly number[] | null {
    return classWeightsFor(this.settings.weights, this.data.manifest);
  }

  /** What goes into a checkpoint's `extra`, so a reload restores the same run. */
  extra(): Record<string, unknown> {
    // A copy: the loop replaces curve arrays after every step, and a save may still be encoding.
    return { ...runExtra(runConfigOf(this.settings)), studio: studioFields(this.settings), curves: structuredClone(this.curves), origin: this.origin, dataset: this.data.name };
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
  }
}

/** The network config for a set of settings and data. */
export function networkConfig(settings: StudioSettings, data: Pick<DatasetOption, 'height' | 'width'>) {
  return runNetwork(runConfigOf(settings), data);
}

/** A new run: random weights, then the pretrained checkpoint's matching tensors when asked. */
export async function createRun(
  engine: Engine,
  settings: StudioSettings,
  data: RunData,
  pretrainedUrl: string | null,
  m: Messages['trainingStudio'] = pageMessages().trainingStudio,
): Promise<StudioRun> {
  const { segnet, tf } = engine;
  const model = segnet.buildSegNet(networkConfig(settings, data.manifest));
  let origin = m.origin.scratch;
  try {
    if (settings.init === 'pretrained') {
      if (!pretrainedUrl) origin = m.origin.noCheckpoint;
      else {
        const loaded = await segnet.readCheckpoint(siteUrl(pretrainedUrl));
        try {
          origin = describeMatch(segnet.loadMatchingWeights(model, loaded), model.variables().map((v) => v.name), m.origin);
        } finally {
          tf.dispose(Object.values(loaded.tensors));
        }
      }
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  const optimizer = new segnet.Optimizer({ kind: settings.opt });
  return new StudioRun(engine, settings, model, optimizer, data, { step: 0, epoch: 0, batch: 0 }, emptyCurves(), origin);
}

/** The settings a checkpoint was trained with; throws naming `what` when it has none. */
export function checkpointSettings(meta: CheckpointMeta, what: string, m: Messages['trainingStudio'] = pageMessages().trainingStudio): StudioSettings {
  const settings = settingsFromExtra(meta.extra);
  if (!settings) throw new Error(m.session.noRun(what));
  return settings;
}

/**
 * A run rebuilt from a checkpoint: its own config, weights, optimizer state, progress and
 * curves. Throws (and frees what it made) when the checkpoint does not fit its settings.
 */
export function restoreRun(engine: Engine, loaded: LoadedCheckpoint, data: RunData, what: string, m: Messages['trainingStudio'] = pageMessages().trainingStudio): StudioRun {
  const { segnet } = engine;
  const { meta } = loaded;
  const settings = checkpointSettings(meta, what, m);
  const want = networkConfig(settings, data.manifest);
  const c = meta.config;
  if (c.height !== want.height || c.width !== want.width || c.encoder !== want.encoder || c.decoder !== want.decoder || c.widthMultiplier !== want.widthMultiplier) {
    throw new Error(m.session.mismatch(what, `${meta.config.encoder}/${meta.config.decoder}`, meta.config.height, meta.config.width));
  }
  const problem = claimsProblem(engine, loaded, settings, Math.floor(data.train.count / settings.batch), LIMITS.epochs.max);
  if (problem) throw new Error(`${what} ${problem}; nothing was changed.`);
  // Everything that can reject the checkpoint (its optimizer kind included) runs inside the
  // try, so a bad file frees what was built and names itself.
  let model: SegNetModel | null = null;
  let optimizer: Optimizer | null = null;
  try {
    model = segnet.buildSegNet(meta.config);
    optimizer = new segnet.Optimizer(meta.optimizer?.config ?? { kind: settings.opt });
    segnet.applyCheckpoint(model, loaded, optimizer);
    const origin = typeof meta.extra.origin === 'string' ? meta.extra.origin : m.origin.fromCheckpoint;
    return new StudioRun(engine, settings, model, optimizer, data, { ...meta.progress }, curvesFromExtra(meta.extra.curves), origin);
  } catch (e) {
    model?.dispose();
    optimizer?.dispose();
    throw new Error(`${what}: ${(e as Error).message}; nothing was changed.`);
  }
}
