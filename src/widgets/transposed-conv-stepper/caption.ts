/** The live captions of the transposed-convolution stepper, computed from its view. */
import { pageMessages, type Messages } from '../../i18n';
import type { StampView } from './stamps';
import { STAMP_COUNT } from './state';

type Words = Messages['transposedConv'];

/** One sentence on the overlap pattern of this kernel and stride. */
export function patternSentence(view: StampView, m: Words = pageMessages().transposedConv): string {
  const k = view.kernel.length;
  const s = view.stride;
  const { min, max } = view.overlapRange;
  if (view.pattern === 'gaps') return m.gaps(k, s, view.overlaps.flat().filter((c) => c === 0).length);
  if (view.pattern === 'uneven') return m.uneven(k, s, min, max);
  const inner = (k / s) ** 2;
  const cells = view.overlaps.flat();
  const full = cells.filter((c) => c === inner).length;
  if (full === cells.length) return m.evenEverywhere(k, s, inner);
  // A 3 × 3 input is small: say how many output cells really are far enough from the border.
  const others = cells.filter((c) => c !== inner);
  return m.evenInside(k, s, inner, view.input.length, full, cells.length, Math.min(...others), Math.max(...others));
}

/** What the current step did. */
export function stepSentence(view: StampView, m: Words = pageMessages().transposedConv): string {
  const k = view.kernel.length;
  const c = view.current;
  if (!c) return m.notStamped(k, view.stride);
  return m.stamped({ step: view.step, count: STAMP_COUNT, row: c.row, col: c.col, value: c.value, kernel: k, outRow: c.outRow, outCol: c.outCol });
}
