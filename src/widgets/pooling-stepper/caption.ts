/** The live caption of the pooling stepper. */
import { indexBits, WINDOW_POSITIONS, type PooledExample } from '../shared/pooled-example';

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four'];

export function poolingSentence(example: PooledExample, step: number): string {
  const total = example.windows.length;
  if (step === 0) {
    return `Nothing pooled yet. Each step takes the next 2 × 2 window (stride 2), keeps its largest value, and records where that value was as a 2-bit index.`;
  }
  const w = example.windows[step - 1]!;
  const r0 = 2 * w.row;
  const c0 = 2 * w.col;
  let text =
    `Window ${step} of ${total} covers input rows ${r0}–${r0 + 1}, columns ${c0}–${c0 + 1}: values ${w.values.join(', ')}. ` +
    `The maximum, ${w.max}, is ${WINDOW_POSITIONS[w.index]}: index ${w.index}, bits ${indexBits(w.index)}.`;
  if (w.maxCount > 1) {
    text += ` ${capitalise(COUNT_WORDS[w.maxCount]!)} cells hold ${w.max}; the first in reading order wins.`;
  }
  if (step === total) {
    const n = example.input.length;
    text += ` All ${total} windows done: ${n * n} values became ${total}, plus ${total} indices of 2 bits (${total / 4} bytes).`;
  }
  return text;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
