/**
 * The comparison's running record, in plain TS: each decoder's loss curve, its recent step
 * times (reported as a median, which one slow step such as a shader compile cannot move), its
 * latest validation scores, and the steps it skipped because its loss was not finite.
 * Bounded: curves are thinned as they grow, so a long run never grows without limit.
 */
import type { ComparedDecoder } from './state';
import { pageMessages, type Messages } from '../../i18n';

/** Median of a list of numbers; NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Step times kept for the median. */
export const RECENT_STEPS = 9;
/** Loss points kept per decoder before the curve is thinned. */
export const MAX_CURVE_POINTS = 400;

export interface LossPoint {
  step: number;
  loss: number;
}

/**
 * Halves a curve by averaging neighbouring pairs (step of the later point), keeping its shape
 * and its last point's step. Odd lengths keep the last point as it is.
 */
export function thinCurve(points: readonly LossPoint[]): LossPoint[] {
  const out: LossPoint[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    out.push({ step: points[i + 1]!.step, loss: (points[i]!.loss + points[i + 1]!.loss) / 2 });
  }
  if (points.length % 2 === 1) out.push(points[points.length - 1]!);
  return out;
}

/** Validation scores of one decoder at one step (fractions; NaN where a class is absent). */
export interface DecoderScores {
  step: number;
  meanIoU: number;
  perClassIoU: number[];
  globalAccuracy: number;
}

/** One decoder's record. */
export interface DecoderTrack {
  decoder: ComparedDecoder;
  /** Steps this decoder was trained on (skipped ones not counted). */
  steps: number;
  curve: LossPoint[];
  lastLoss: number;
  /** Most recent step times in ms, oldest first. */
  recentMs: number[];
  scores: DecoderScores | null;
  /** Steps whose update was not applied because the loss was not finite. */
  skipped: number[];
}

/** The outcome of one decoder on one step. */
export interface StepRecord {
  decoder: ComparedDecoder;
  loss: number;
  ms: number;
}

/** The loss-chart rows of every decoder: one per kept point. */
export interface LossRow {
  decoder: ComparedDecoder;
  step: number;
  loss: number;
}

/** A log as plain data (what crosses from the engine worker to the page). */
export interface ComparisonLogRecord {
  decoders: readonly ComparedDecoder[];
  step: number;
  tracks: DecoderTrack[];
}

export class ComparisonLog {
  /** Batches drawn so far (each is one step for every decoder). */
  step = 0;
  readonly tracks: DecoderTrack[];

  constructor(readonly decoders: readonly ComparedDecoder[]) {
    this.tracks = decoders.map((decoder) => ({ decoder, steps: 0, curve: [], lastLoss: NaN, recentMs: [], scores: null, skipped: [] }));
  }

  /** The log a record describes (its tracks must be those of its decoders, in order). */
  static fromRecord(record: ComparisonLogRecord): ComparisonLog {
    const log = new ComparisonLog(record.decoders);
    const names = record.tracks.map((t) => t.decoder).join(', ');
    if (names !== record.decoders.join(', ')) throw new Error(`ComparisonLog.fromRecord: tracks (${names}) do not match decoders (${record.decoders.join(', ')})`);
    log.step = record.step;
    log.tracks.splice(0, log.tracks.length, ...record.tracks);
    return log;
  }

  /** This log as plain data. */
  record(): ComparisonLogRecord {
    return { decoders: [...this.decoders], step: this.step, tracks: this.tracks };
  }

  track(decoder: ComparedDecoder): DecoderTrack {
    const t = this.tracks.find((x) => x.decoder === decoder);
    if (!t) throw new Error(`ComparisonLog: decoder '${decoder}' is not in this comparison (${this.decoders.join(', ')})`);
    return t;
  }

  /**
   * Records one step of every decoder (the same batch for all). Returns the decoders whose
   * loss was not finite: their update was not applied, and the step is marked skipped.
   */
  recordStep(records: readonly StepRecord[]): StepRecord[] {
    this.step += 1;
    const diverged: StepRecord[] = [];
    for (const r of records) {
      const t = this.track(r.decoder);
      if (!Number.isFinite(r.loss)) {
        t.skipped.push(this.step);
        diverged.push(r);
        continue;
      }
      t.steps += 1;
      t.lastLoss = r.loss;
      t.curve.push({ step: this.step, loss: r.loss });
      if (t.curve.length > MAX_CURVE_POINTS) t.curve = thinCurve(t.curve);
      t.recentMs.push(r.ms);
      if (t.recentMs.length > RECENT_STEPS) t.recentMs.shift();
    }
    return diverged;
  }

  recordScores(decoder: ComparedDecoder, scores: DecoderScores): void {
    this.track(decoder).scores = scores;
  }

  /** Median ms per step of a decoder over its recent steps (NaN before the first). */
  medianMs(decoder: ComparedDecoder): number {
    return median(this.track(decoder).recentMs);
  }

  lossRows(): LossRow[] {
    return this.tracks.flatMap((t) => t.curve.map((p) => ({ decoder: t.decoder, step: p.step, loss: p.loss })));
  }

  /** Whether a refresh of scores and predictions is due after the current step. */
  refreshDue(every: number): boolean {
    return this.step > 0 && this.step % every === 0;
  }
}

/** Decoders ranked by validation mIoU, best first (unscored ones last, in their given order). */
export function rankByMeanIoU(tracks: readonly DecoderTrack[]): DecoderTrack[] {
  const score = (t: DecoderTrack): number => (t.scores && Number.isFinite(t.scores.meanIoU) ? t.scores.meanIoU : -Infinity);
  return [...tracks].sort((a, b) => score(b) - score(a));
}

/** What the reader is told when a decoder's loss stops being a number. */
export function divergedMessage(label: string, step: number, loss: number, m: Messages['decoderComparison'] = pageMessages().decoderComparison): string {
  return m.race.diverged(label, Number.isNaN(loss) ? 'NaN' : String(loss), step);
}
