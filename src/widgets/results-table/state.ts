/** State of the results table, and how it is written in the URL (`<id>.sort`, `<id>.run`). */
import type { ResultRun } from '../../data/results-file';
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { SORT_KEYS, type SortKey } from './table-view';

export interface ResultsState {
  /** Row order: the paper's, or best first by one score. */
  sort: SortKey;
  /** Which of our runs the per-class IoU chart shows (0-based). */
  run: number;
}

/**
 * The run with the highest mean IoU (the first of equals; runs without one count as lowest), so
 * the chart opens on the best model of the table rather than on whichever run was added first.
 * 0 when there are no runs.
 */
export function bestRunIndex(runs: readonly Pick<ResultRun, 'meanIoU'>[]): number {
  let best = 0;
  let bestScore = -Infinity;
  runs.forEach((r, i) => {
    const score = r.meanIoU !== null && Number.isFinite(r.meanIoU) ? r.meanIoU : -Infinity;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** The codec for a table of these runs: the chart's default is the best run (bestRunIndex). */
export function resultsCodecFor(runs: readonly Pick<ResultRun, 'meanIoU'>[]): StateCodec<ResultsState> {
  return {
    defaults: { sort: 'paper', run: bestRunIndex(runs) },
    parse: (f) => definedFields<ResultsState>({ sort: choiceField(f.sort, SORT_KEYS), run: intField(f.run, 0, 99) }),
    serialize: (s) => ({ sort: s.sort, run: String(s.run) }),
  };
}

/** The codec with no runs known (the chart's default is the first run). */
export const resultsCodec: StateCodec<ResultsState> = resultsCodecFor([]);
