/** The live captions of the checkerboard demo, computed from its view. */
import { pageMessages, type Messages } from '../../i18n';
import type { CheckerboardView } from './checkerboard';

type Words = Messages['checkerboardDemo'];

/** A share as a percentage for a sentence: one decimal under 10 %, whole numbers above. */
export function percentText(share: number): string {
  const p = share * 100;
  if (p === 0) return '0';
  return p < 10 ? p.toFixed(1) : String(Math.round(p));
}

/** How evenly the transposed convolution's taps land inside the outline. */
export function tapSentence(view: CheckerboardView, m: Words = pageMessages().checkerboardDemo): string {
  const { kernel: k, stride: s } = view.state;
  const { min, max } = view.tapRange;
  if (view.pattern === 'gaps') {
    const side = view.inside.end - view.inside.start + 1;
    return m.gaps(k, s, view.untouched, side * side);
  }
  return view.pattern === 'even' ? m.even(k, s, max) : m.uneven(k, s, min, max);
}

/** How rough each output is on this input, measured (measure.roughness). */
export function roughnessSentence(view: CheckerboardView, m: Words = pageMessages().checkerboardDemo): string {
  const { input, method } = view.state;
  return m.roughness(m.inputNames[input], percentText(view.roughness.transposed), method, percentText(view.roughness.resized));
}
