/**
 * Repeats of one model (the same name, data and split, trained with different seeds) as one
 * row: mean, sample standard deviation and range of every score. And the rule the site uses to
 * say whether two models differ by more than seed-to-seed noise: their seed ranges do not
 * overlap (every run of one scores above every run of the other). With two seeds per model this
 * is a weak test, and the site says so; it never calls a difference real on one run each.
 */
import type { ResultRun } from './results-file';

export const SCORE_KEYS = ['globalAccuracy', 'classAverageAccuracy', 'meanIoU', 'boundaryF1'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

export interface Spread {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); null for a single run. */
  sd: number | null;
  min: number;
  max: number;
}

export interface RunSummary {
  name: string;
  encoder: ResultRun['encoder'];
  decoder: ResultRun['decoder'];
  dataset: string;
  split: string;
  height: number;
  width: number;
  parameters: number;
  /** The runs summarised, in file order (their seeds where recorded). */
  runs: ResultRun[];
  scores: Record<ScoreKey, Spread | null>;
  classes: { name: string; iou: Spread | null }[];
  /** Inference time per image, when every run was timed on the same backend. */
  inferenceMs: (Spread & { backend: string }) | null;
}

/** Mean, sample sd and range of the finite values; null when there are none. */
export function spread(values: readonly (number | null | undefined)[]): Spread | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = v.length < 2 ? null : Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  return { n: v.length, mean, sd, min: Math.min(...v), max: Math.max(...v) };
}

/**
 * Whether two models differ by more than their seeds do: true when their ranges do not overlap,
 * false when they do, null when either has fewer than two runs (no spread to compare with).
 */
export function beyondSeedSpread(a: Spread | null, b: Spread | null): boolean | null {
  if (!a || !b || a.n < 2 || b.n < 2) return null;
  return a.min > b.max || b.min > a.max;
}

const groupKey = (r: ResultRun): string => JSON.stringify([r.name, r.dataset, r.split]);

/** The runs grouped into one summary per name, data and split, in the order each first appears. */
export function summariseRuns(runs: readonly ResultRun[]): RunSummary[] {
  const groups = new Map<string, ResultRun[]>();
  for (const run of runs) groups.set(groupKey(run), [...(groups.get(groupKey(run)) ?? []), run]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const backends = new Set(group.map((r) => r.inferenceMs?.backend));
    const timed = backends.size === 1 && first.inferenceMs ? spread(group.map((r) => r.inferenceMs?.value)) : null;
    return {
      name: first.name,
      encoder: first.encoder,
      decoder: first.decoder,
      dataset: first.dataset,
      split: first.split,
      height: first.height,
      width: first.width,
      parameters: first.parameters,
      runs: group,
      scores: Object.fromEntries(SCORE_KEYS.map((k) => [k, spread(group.map((r) => r[k]))])) as Record<ScoreKey, Spread | null>,
      classes: first.classes.map((c, i) => ({ name: c.name, iou: spread(group.map((r) => r.classes[i]?.iou)) })),
      inferenceMs: timed ? { ...timed, backend: first.inferenceMs!.backend } : null,
    };
  });
}
