/**
 * The studio's training loop over `trainSteps`: records each step into the run's curves,
 * validates every `every` steps, gives the page a turn after every step, and stands still
 * between steps while the controller is paused (so a save never sees a half-applied update).
 * The learning rate and the number of epochs are read from the run's settings at every step,
 * so a change made while paused applies on resume without restarting the loop.
 */
import type { TrainingController, TrainProgress } from '../../segnet';
import { appendPoint } from './curves';
import type { StudioRun } from './run';
import { yieldToPage } from '../shared/yield';

/** Seed of the data order: the same for every run, so a resumed run sees the batches it would have. */
export const DATA_SEED = 1;

export interface LoopHooks {
  /** After each step, with the run's progress and curves updated. */
  step(run: StudioRun, progress: TrainProgress): void;
  /** Every `every` steps and after the last: validate, then save. */
  checkpoint(run: StudioRun): Promise<void>;
  /** After each step, before its checkpoint and before the page gets its turn. */
  settled?(run: StudioRun, progress: TrainProgress): Promise<void>;
  /** The loop is standing still between steps, paused. */
  idle(): void;
}

/** Whether the step just done is one to validate and save at (every `every` steps, and the last). */
export function checkpointDue(run: StudioRun): boolean {
  return run.progress.step % run.settings.every === 0 || run.finished;
}

/** Trains `run` from its progress until its epochs are done, the controller aborts, or a step throws. */
export async function runTrainingLoop(run: StudioRun, controller: TrainingController, hooks: LoopHooks): Promise<void> {
  const { segnet } = run.engine;
  const { epochSource } = await import('../../data/batches');
  // A pause that arrived while the import loaded: stand still here, where the session sees it
  // (trainSteps would otherwise wait inside itself, before any step, without telling anyone).
  if (controller.state === 'paused') {
    hooks.idle();
    await controller.waitWhilePaused();
  }
  const steps = segnet.trainSteps(run.model, {
    batches: epochSource(run.data.train, { batchSize: run.settings.batch, seed: DATA_SEED }),
    schedule: () => run.settings.lr,
    optimizer: run.optimizer,
    classWeights: run.classWeights(),
    // The run's epochs end the loop below, so raising them while paused lets it go on.
    start: { ...run.progress },
    controller,
  });
  for await (const p of steps) {
    run.progress = { step: p.step, epoch: p.epoch, batch: p.batch };
    run.curves.loss = appendPoint(run.curves.loss, { step: p.step, value: p.loss });
    const miou = p.metrics?.meanIoU;
    if (miou !== undefined && Number.isFinite(miou)) run.curves.trainIoU = appendPoint(run.curves.trainIoU, { step: p.step, value: miou });
    hooks.step(run, p);
    await hooks.settled?.(run, p);
    if (checkpointDue(run)) await hooks.checkpoint(run);
    if (run.finished) return;
    await yieldToPage();
    if (controller.state === 'paused') {
      hooks.idle();
      await controller.waitWhilePaused();
    }
  }
}
