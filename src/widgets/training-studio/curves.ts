/**
 * The numbers a run accumulates for its pictures: loss and mIoU per step, the latest
 * validation's per-class IoU and confusion matrix, plus smoothing and the time left.
 * Plain data, so it goes into a checkpoint's `extra` and comes back after a reload.
 */

export interface CurvePoint {
  step: number;
  value: number;
}

/** The latest validation pass. */
export interface Validation {
  step: number;
  /** Per-class IoU in [0, 1]; null for a class absent from both truth and prediction. */
  classIoU: (number | null)[];
  /** confusion[truth][predicted] pixel counts. */
  confusion: number[][];
  meanIoU: number;
}

export interface Curves {
  loss: CurvePoint[];
  /** mIoU of each scored training batch. */
  trainIoU: CurvePoint[];
  /** mIoU of each validation pass. */
  valIoU: CurvePoint[];
  validation: Validation | null;
}

export function emptyCurves(): Curves {
  return { loss: [], trainIoU: [], valIoU: [], validation: null };
}

/** Points kept per curve; older points are thinned (every other one) beyond this. */
export const MAX_POINTS = 4000;

/** Appends a point, thinning the older half when the curve grows past MAX_POINTS. */
export function appendPoint(curve: CurvePoint[], point: CurvePoint): CurvePoint[] {
  const last = curve[curve.length - 1];
  // A resumed run may repeat a step that was recorded but not saved: keep the newer value.
  const kept = last && last.step >= point.step ? curve.filter((p) => p.step < point.step) : curve;
  const next = [...kept, point];
  if (next.length <= MAX_POINTS) return next;
  const half = next.length >> 1;
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}

/**
 * Exponential moving average with bias correction (as TensorBoard draws it): with weight w,
 * m_i = w m_{i-1} + (1 - w) x_i, shown as m_i / (1 - w^i), so the first points are not
 * dragged towards zero. Non-finite values are skipped (they keep the previous average).
 */
export function smoothCurve(points: readonly CurvePoint[], weight: number): CurvePoint[] {
  if (!(weight >= 0 && weight < 1)) throw new Error(`smoothCurve: weight must be in [0, 1), got ${weight}`);
  let m = 0;
  let n = 0;
  return points.map(({ step, value }) => {
    if (Number.isFinite(value)) {
      m = weight * m + (1 - weight) * value;
      n += 1;
    }
    return { step, value: n === 0 ? NaN : m / (1 - weight ** n) };
  });
}

/** Seconds left for `stepsLeft` steps at `imagesPerSecond` with `batchSize` images a step; null when unknown. */
export function etaSeconds(stepsLeft: number, batchSize: number, imagesPerSecond: number): number | null {
  if (!(imagesPerSecond > 0) || !Number.isFinite(imagesPerSecond) || stepsLeft < 0) return null;
  return (stepsLeft * batchSize) / imagesPerSecond;
}

/** "45 s", "3 min 20 s", "2 h 05 min"; "—" when unknown. */
export function formatDuration(seconds: number | null, units: DurationUnits = { second: 's', minute: 'min', hour: 'h' }): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} ${units.second}`;
  if (s < 3600) return `${Math.floor(s / 60)} ${units.minute} ${String(s % 60).padStart(2, '0')} ${units.second}`;
  return `${Math.floor(s / 3600)} ${units.hour} ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} ${units.minute}`;
}

/** The unit names a duration is written with (from the catalogue). */
export interface DurationUnits {
  second: string;
  minute: string;
  hour: string;
}

/** Each row divided by its sum (rows of a class absent from the truth stay zero). */
export function rowNormalise(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const sum = row.reduce((a, v) => a + v, 0);
    return row.map((v) => (sum > 0 ? v / sum : 0));
  });
}

/** Checks a curves object read back from a checkpoint; returns empty curves when malformed. */
export function curvesFromExtra(value: unknown): Curves {
  const v = value as Partial<Curves> | null;
  const points = (x: unknown): CurvePoint[] | null =>
    Array.isArray(x) && x.every((p) => p && typeof p.step === 'number' && typeof p.value === 'number') ? (x as CurvePoint[]) : null;
  const loss = points(v?.loss);
  const trainIoU = points(v?.trainIoU);
  const valIoU = points(v?.valIoU);
  if (!loss || !trainIoU || !valIoU) return emptyCurves();
  const val = v?.validation;
  const validation =
    val && typeof val.step === 'number' && Array.isArray(val.classIoU) && Array.isArray(val.confusion) && typeof val.meanIoU === 'number' ? val : null;
  return { loss, trainIoU, valIoU, validation };
}
