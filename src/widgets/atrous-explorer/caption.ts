/** The live captions of the atrous explorer, in the language of the messages given. */
import { messages, type Messages } from '../../i18n';
import type { StackView, TapView } from './dilated-taps';

type Words = Messages['atrousExplorer'];
const ENGLISH: Words = messages('en').atrousExplorer;

export function tapSentence(v: TapView, t: Words = ENGLISH): string {
  const { kernel: k, rate: r, extent } = v;
  const formula = `k + (k − 1)(r − 1) = ${k} + ${k - 1} × ${r - 1} = ${extent}`;
  return r === 1 ? t.ordinary(k, formula) : t.dilated(k, r, extent, formula);
}

export function stackSentence(v: StackView, t: Words = ENGLISH): string {
  const top = v.layers[v.layers.length - 1]!;
  const base = v.baseline[v.baseline.length - 1]!;
  const text = t.stack(v.kernel, v.rates, top.span, base.span);
  return top.touched < top.span ? text + t.gridding(top.touched, top.span) : text;
}
