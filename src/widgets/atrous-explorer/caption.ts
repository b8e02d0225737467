/** The live captions of the atrous explorer. */
import type { StackView, TapView } from './dilated-taps';

export function tapSentence(v: TapView): string {
  const { kernel: k, rate: r, extent } = v;
  const formula = `k + (k − 1)(r − 1) = ${k} + ${k - 1} × ${r - 1} = ${extent}`;
  if (r === 1) return `Rate 1 is an ordinary convolution: the ${k} × ${k} kernel touches ${k * k} neighbouring cells (${formula}).`;
  return (
    `At rate ${r} the ${k} × ${k} kernel still has ${k * k} weights, but they sit ${r} cells apart and cover ${extent} × ${extent} ` +
    `(${formula}); the other ${extent * extent - k * k} cells of that square are skipped.`
  );
}

export function stackSentence(v: StackView): string {
  const top = v.layers[v.layers.length - 1]!;
  const base = v.baseline[v.baseline.length - 1]!;
  let text =
    `Three ${v.kernel} × ${v.kernel} layers at rates ${v.rates.join(', ')} see ${top.span} input pixels across, ` +
    `against ${base.span} at rate 1, with the same weights and no loss of resolution.`;
  if (top.touched < top.span) {
    text += ` But only ${top.touched} of those ${top.span} positions reach the output: the rates leave holes (gridding).`;
  }
  return text;
}
