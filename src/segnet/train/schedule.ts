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
  const rate = rawRateAt(schedule, step);
  if (!Number.isFinite(rate) || rate < 0) throw new Error(`learning-rate schedule '${schedule.kind}' gave ${rate} at step ${step}`);
  return rate;
}

function rawRateAt(schedule: LearningRateSchedule, step: number): number {
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

const KINDS = ['constant', 'step', 'poly', 'cosine'];

/** Checks every field of a schedule (it may come from a URL or a file); messages name the field. */
export function validateSchedule(schedule: LearningRateSchedule): void {
  if (!KINDS.includes(schedule?.kind)) {
    throw new Error(`learning-rate schedule: kind must be one of ${KINDS.join(', ')}, got '${String(schedule?.kind)}'`);
  }
  const check = (field: string, v: unknown, ok: (n: number) => boolean, what: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) {
      throw new Error(`learning-rate schedule '${schedule.kind}': ${field} must be ${what}, got ${String(v)}`);
    }
  };
  check('rate', schedule.rate, (n) => n > 0, 'a positive number');
  if (schedule.kind === 'step') {
    check('every', schedule.every, (n) => n >= 1, 'a number >= 1');
    check('gamma', schedule.gamma, (n) => n > 0, 'a positive number');
  }
  if (schedule.kind === 'poly') {
    check('totalSteps', schedule.totalSteps, (n) => n >= 1, 'a number >= 1');
    check('power', schedule.power, (n) => n >= 0, 'a number >= 0');
  }
  if (schedule.kind === 'cosine') {
    check('totalSteps', schedule.totalSteps, (n) => n >= 1, 'a number >= 1');
    check('minRate', schedule.minRate, (n) => n >= 0 && n <= schedule.rate, `between 0 and rate (${schedule.rate})`);
  }
}
