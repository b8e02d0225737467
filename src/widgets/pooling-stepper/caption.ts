/** The live caption of the pooling stepper, in the language of the messages given. */
import { messages, type Messages } from '../../i18n';
import { indexBits, type PooledExample } from '../shared/pooled-example';

export function poolingSentence(
  example: PooledExample,
  step: number,
  t: Messages['poolingStepper'] = messages('en').poolingStepper,
): string {
  const total = example.windows.length;
  if (step === 0) return t.start;
  const w = example.windows[step - 1]!;
  const r0 = 2 * w.row;
  const c0 = 2 * w.col;
  const parts = [
    t.window({ step, total, rows: [r0, r0 + 1], cols: [c0, c0 + 1], values: w.values }),
    t.maximum(w.max, t.positions[w.index]!, w.index, indexBits(w.index)),
  ];
  if (w.maxCount > 1) parts.push(t.tie(w.maxCount, w.max));
  if (step === total) {
    const n = example.input.length;
    parts.push(t.done(total, n * n, total / 4));
  }
  return t.sentences(parts);
}
