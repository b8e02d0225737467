/** State of the results table, and how it is written in the URL (`<id>.sort`, `<id>.run`). */
import { choiceField, definedFields, intField, type StateCodec } from '../shared/url-state';
import { SORT_KEYS, type SortKey } from './table-view';

export interface ResultsState {
  /** Row order: the paper's, or best first by one score. */
  sort: SortKey;
  /** Which of our runs the per-class IoU chart shows (0-based). */
  run: number;
}

export const resultsCodec: StateCodec<ResultsState> = {
  defaults: { sort: 'paper', run: 0 },
  parse: (f) => definedFields<ResultsState>({ sort: choiceField(f.sort, SORT_KEYS), run: intField(f.run, 0, 99) }),
  serialize: (s) => ({ sort: s.sort, run: String(s.run) }),
};
