/** Learning-rate schedules: the rate as a pure function of the step. */

export type LearningRateSchedule =
  /** The same rate throughout (SegNet's choice: SGD at 0.1 with momentum 0.9 for SegNet-Basic). */
  | { kind: 'constant'; rate: number }
  /** rate * gamma^floor(step / every). */
  | { kind: 'step'; rate: number; every: number; gamma: number }
  /** rate * (1 - step / totalSteps)^power, DeepLab's "poly". */
  | { kind: 'poly'; rate: number; totalSteps: number; power: number }
  /** Cosine decay from rate to minRate over totalSteps. */
  | { kind: 'cosine'; rate: number; totalSteps: number; minRate: number };

export function learningRateAt(schedule: LearningRateSchedule, step: number): number {
  switch (schedule.kind) {
    case 'constant':
      return schedule.rate;
    case 'step':
      return schedule.rate * schedule.gamma ** Math.floor(step / schedule.every);
    case 'poly':
      return schedule.rate * Math.max(0, 1 - step / schedule.totalSteps) ** schedule.power;
    case 'cosine': {
      const t = Math.min(1, step / schedule.totalSteps);
      return schedule.minRate + (schedule.rate - schedule.minRate) * 0.5 * (1 + Math.cos(Math.PI * t));
    }
  }
}

/** Checks a schedule's numbers; messages name the field. */
export function validateSchedule(schedule: LearningRateSchedule): void {
  const bad = (field: string, v: unknown) => new Error(`learning-rate schedule '${schedule.kind}': ${field} must be a positive number, got ${String(v)}`);
  if (!(schedule.rate > 0) || !Number.isFinite(schedule.rate)) throw bad('rate', schedule.rate);
  if (schedule.kind === 'step' && !(schedule.every >= 1)) throw bad('every', schedule.every);
  if (schedule.kind === 'step' && !(schedule.gamma > 0)) throw bad('gamma', schedule.gamma);
  if ((schedule.kind === 'poly' || schedule.kind === 'cosine') && !(schedule.totalSteps >= 1)) throw bad('totalSteps', schedule.totalSteps);
}
