/**
 * Everything a studio checkpoint claims beyond its weights' names and shapes, checked before
 * any of it is used: its progress (whole numbers that fit its epochs and batches), its
 * optimizer (the kind its settings name), its weights (finite numbers) and its curves (the
 * shapes the charts draw, no longer than a run keeps). A file can carry a valid checksum and
 * still lie; each claim refused here would otherwise fail later, on Resume or on every load.
 */
import type { LoadedCheckpoint } from '../../segnet';
import type { Engine } from '../shared/engine';
import { MAX_POINTS, type CurvePoint, type Curves, type Validation } from './curves';
import type { StudioSettings } from './settings';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const show = (v: unknown): string => (typeof v === 'string' ? `"${v.slice(0, 40)}"` : v === undefined ? 'missing' : String(JSON.stringify(v) ?? v).slice(0, 40));

/** Why the progress is impossible for a run of `batchesPerEpoch` batches an epoch (null when it is fine). */
export function progressProblem(progress: unknown, batchesPerEpoch: number, maxEpochs: number): string | null {
  const p = (progress ?? {}) as Record<string, unknown>;
  for (const field of ['step', 'epoch', 'batch'] as const) {
    if (!isCount(p[field])) return `claims a ${field} of ${show(p[field])}, not a whole number ≥ 0`;
  }
  const { step, epoch, batch } = p as { step: number; epoch: number; batch: number };
  if (epoch > maxEpochs) return `claims epoch ${epoch}, beyond the ${maxEpochs} epochs a run may have`;
  if (batch > batchesPerEpoch) return `claims batch ${batch} of an epoch of ${batchesPerEpoch} batches`;
  if (step !== epoch * batchesPerEpoch + batch) return `claims step ${step}, which is not epoch ${epoch} × ${batchesPerEpoch} batches + batch ${batch}`;
  return null;
}

function curveProblem(name: string, curve: unknown, step: number): string | null {
  if (!Array.isArray(curve)) return `holds a ${name} curve that is not a list`;
  if (curve.length > MAX_POINTS) return `holds ${curve.length.toLocaleString('en')} ${name} points; a run keeps at most ${MAX_POINTS.toLocaleString('en')}`;
  let last = -1;
  for (const p of curve as Partial<CurvePoint>[]) {
    if (!p || !isCount(p.step) || p.step <= last || p.step > step || typeof p.value !== 'number' || !Number.isFinite(p.value)) {
      return `holds a malformed ${name} point (${show(p)}): points need increasing steps up to ${step} and finite values`;
    }
    last = p.step;
  }
  return null;
}

function validationProblem(value: unknown, step: number, numClasses: number): string | null {
  if (value === null || value === undefined) return null;
  const v = value as Partial<Validation>;
  const inUnit = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
  if (!isCount(v.step) || v.step > step) return `holds a validation at step ${show(v.step)}, not a step up to ${step}`;
  if (!inUnit(v.meanIoU)) return `holds a validation mIoU of ${show(v.meanIoU)}, not a number in [0, 1]`;
  if (!Array.isArray(v.classIoU) || v.classIoU.length !== numClasses || !v.classIoU.every((x) => x === null || inUnit(x))) {
    return `holds a per-class IoU that is not ${numClasses} numbers in [0, 1]`;
  }
  const rows = v.confusion;
  if (!Array.isArray(rows) || rows.length !== numClasses || !rows.every((r) => Array.isArray(r) && r.length === numClasses && r.every(isCount))) {
    return `holds a confusion matrix that is not ${numClasses} × ${numClasses} pixel counts`;
  }
  return null;
}

/** Why the curves cannot be a record of this run (null when they can). */
export function curvesProblem(value: unknown, step: number, numClasses: number): string | null {
  if (value === undefined || value === null) return null; // none (a CLI checkpoint): the run starts its curves afresh
  if (typeof value !== 'object') return 'holds curves that are not a record of points';
  const c = value as Partial<Curves>;
  return (
    curveProblem('loss', c.loss, step) ??
    curveProblem('training mIoU', c.trainIoU, step) ??
    curveProblem('validation mIoU', c.valIoU, step) ??
    validationProblem(c.validation, step, numClasses)
  );
}

/** The first stored tensor holding a NaN or an infinity, or null. */
export function nonFiniteTensor(engine: Engine, tensors: LoadedCheckpoint['tensors']): string | null {
  const { tf } = engine;
  for (const [name, t] of Object.entries(tensors)) {
    if (t.dtype !== 'float32') continue;
    const bad = tf.tidy(() => tf.any(tf.logicalNot(tf.isFinite(t))).dataSync()[0]);
    if (bad) return name;
  }
  return null;
}

/** Why a checkpoint's claims do not hold for a run with these settings (null when they do). */
export function claimsProblem(engine: Engine, loaded: LoadedCheckpoint, settings: StudioSettings, batchesPerEpoch: number, maxEpochs: number): string | null {
  const { meta } = loaded;
  const progress = progressProblem(meta.progress, batchesPerEpoch, maxEpochs);
  if (progress) return progress;
  const opt = meta.optimizer;
  if (opt) {
    if (opt.config?.kind !== settings.opt) return `holds ${show(opt.config?.kind)} optimizer state, but its settings say ${settings.opt}`;
    if (!isCount(opt.updates) || opt.updates > meta.progress.step) return `claims ${show(opt.updates)} optimizer updates at step ${meta.progress.step}`;
  }
  const curves = curvesProblem(meta.extra.curves, meta.progress.step, meta.config.numClasses);
  if (curves) return curves;
  const bad = nonFiniteTensor(engine, loaded.tensors);
  return bad ? `holds NaN or infinite values in "${bad}"` : null;
}
