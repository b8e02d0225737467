/**
 * The train CLI's loop: trainSteps over the run's batches, one log line per step, validation
 * on the val split after each epoch, checkpoints (checkpoint-keeper.ts), and the stop rules:
 * the epochs or --max-steps are done; Ctrl-C (the controller is aborted: the step in flight
 * finishes and a checkpoint is written); a NaN or exploding loss (loss-watch.ts: nothing more
 * is written, the last good checkpoint stays).
 */
import { epochSource } from '../../src/data/batches';
import { NonFiniteLossError, runExtra, saveCheckpoint, trainSteps, type LearningRateSchedule, type TrainingController, type TrainProgress } from '../../src/segnet';
import { CheckpointKeeper } from './checkpoint-keeper';
import { checkpointFolder } from './checkpoint-files';
import { evaluateSplit } from './evaluate-split';
import { LossWatch } from './loss-watch';
import { createProgressBar, type ProgressBar } from './progress-bar';
import { appendLog } from './run-folder';
import type { Progress, RunSetup } from './run-setup';
import { cliExtra } from './train-options';

export interface TrainIo {
  /** A line for the user (stdout). */
  info: (line: string) => void;
  /** Where the progress bar draws (stderr). */
  progress: NodeJS.WriteStream;
  /** Aborted on Ctrl-C. */
  controller: TrainingController;
  /** Recorded in checkpoints. */
  backend: string;
}

export interface TrainOutcome {
  status: 'finished' | 'interrupted' | 'diverged';
  /** Steps completed. */
  step: number;
  message: string;
}

const pct = (v: number | null) => (v === null ? '-' : (100 * v).toFixed(1));
const finite = (v: number) => (Number.isFinite(v) ? v : null);

function scheduleOf(setup: RunSetup, totalSteps: number): LearningRateSchedule {
  const rate = setup.options.lr;
  if (setup.options.schedule === 'poly') return { kind: 'poly', rate, totalSteps, power: 0.9 };
  if (setup.options.schedule === 'cosine') return { kind: 'cosine', rate, totalSteps, minRate: 0 };
  return { kind: 'constant', rate };
}

/** Scores the val split and logs it; a dataset without one is trained without validation. */
async function validate(setup: RunSetup, p: TrainProgress, io: TrainIo): Promise<void> {
  const val = setup.dataset.splits.val;
  if (!val) return;
  const { scores, boundaryF1 } = await evaluateSplit(setup.model, val, setup.options.batch);
  const record = {
    type: 'val' as const,
    step: p.step,
    epoch: p.epoch,
    globalAccuracy: finite(scores.globalAccuracy),
    classAverageAccuracy: finite(scores.classAverageAccuracy),
    meanIoU: finite(scores.meanIoU),
    boundaryF1: finite(boundaryF1),
  };
  await appendLog(setup.paths.log, record);
  io.info(`epoch ${p.epoch + 1} val: G ${pct(record.globalAccuracy)} C ${pct(record.classAverageAccuracy)} mIoU ${pct(record.meanIoU)} BF ${pct(record.boundaryF1)} (step ${p.step})`);
}

/** The steps the run makes in total: its epochs, or fewer with --max-steps. */
export function totalSteps(setup: Pick<RunSetup, 'options' | 'batchesPerEpoch'>): number {
  return Math.min(setup.options.epochs * setup.batchesPerEpoch, setup.options.maxSteps ?? Infinity);
}

/** The run's trainSteps generator, from its start point to `total` steps. */
function stepsOf(setup: RunSetup, io: TrainIo, total: number): AsyncGenerator<TrainProgress, void> {
  const { options } = setup;
  const augment = options.augment ? { flip: true, colorJitter: 0.1 } : {};
  return trainSteps(setup.model, {
    batches: epochSource(setup.dataset.splits.train!, { batchSize: options.batch, seed: options.seed, augment }),
    schedule: scheduleOf(setup, total),
    optimizer: setup.optimizer,
    classWeights: setup.classWeights ?? undefined,
    epochs: options.epochs,
    maxSteps: total,
    start: setup.start,
    controller: io.controller,
    metricsEvery: 0,
  });
}

/** Runs the loop of a set-up run to its end; returns how it ended. */
export async function runTraining(setup: RunSetup, io: TrainIo): Promise<TrainOutcome> {
  const { options, model, paths, start } = setup;
  const total = totalSteps(setup);
  const keeper = new CheckpointKeeper(paths.checkpoint, start.step > 0 ? start.step : null);
  const extra = { ...runExtra(options), ...cliExtra(options), data: setup.dataset.manifest.name, classWeightValues: setup.classWeights, backend: io.backend };
  const save = (progress: Progress) => ({ optimizer: setup.optimizer, progress, extra });
  const watch = new LossWatch(setup.history);
  const bar = createProgressBar(`train ${options.encoder}-${options.decoder}`, Math.max(total - start.step, 0), io.progress);
  let last: Progress = start;
  try {
    for await (const p of stepsOf(setup, io, total)) {
      const problem = watch.check(p.loss);
      if (problem) return await diverged(setup, keeper, p.step, problem, bar);
      await keeper.commit(); // the checkpoint captured last led to this sane loss
      await appendLog(paths.log, { type: 'step', step: p.step, epoch: p.epoch, batch: p.batch, loss: p.loss, lr: p.learningRate, ms: Math.round(p.msPerStep), imagesPerSecond: p.imagesPerSecond });
      bar.update(p.step - start.step, `step ${p.step}/${total} loss ${p.loss.toFixed(4)} ${p.imagesPerSecond.toFixed(2)} img/s`);
      last = { step: p.step, epoch: p.epoch, batch: p.batch };
      const epochDone = p.batch === setup.batchesPerEpoch;
      if (epochDone) await validate(setup, p, io);
      if (epochDone || p.step % options.checkpointEvery === 0) await keeper.capture(model, save(last));
    }
  } catch (e) {
    if (e instanceof NonFiniteLossError) return await diverged(setup, keeper, e.step, `the loss is ${e.loss}`, bar);
    throw e;
  }
  bar.finish();
  await keeper.saveNow(model, save(last), paths.export);
  const interrupted = io.controller.state === 'aborted';
  if (!interrupted) await saveCheckpoint(model, checkpointFolder(paths.model, { float16: setup.float16 }), { progress: last, extra });
  const message = interrupted
    ? `interrupted at step ${last.step}; checkpoint written to ${paths.checkpoint} (continue with --resume ${paths.dir})`
    : `finished at step ${last.step}: checkpoint ${paths.checkpoint}, weights-only model ${paths.model}`;
  await appendLog(paths.log, { type: 'event', step: last.step, message });
  return { status: interrupted ? 'interrupted' : 'finished', step: last.step, message };
}

async function diverged(setup: RunSetup, keeper: CheckpointKeeper, step: number, problem: string, bar: ProgressBar): Promise<TrainOutcome> {
  keeper.discard();
  bar.finish();
  const kept = keeper.lastWritten === null ? 'no checkpoint had been written yet' : `the last good checkpoint (step ${keeper.lastWritten}) is kept in ${setup.paths.checkpoint}`;
  const message = `stopped at step ${step}: ${problem}; ${kept}. Lower --lr or check the data.`;
  await appendLog(setup.paths.log, { type: 'event', step, message });
  return { status: 'diverged', step, message };
}
