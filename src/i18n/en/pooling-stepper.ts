/** The pooling stepper (chapter 4): panel titles, accessible names, the live caption. */

const COUNT_WORDS = ['No', 'One', 'Two', 'Three', 'Four'];

export const poolingStepper = {
  /** Where in its window an index points, by index 0..3. */
  positions: ['top-left', 'top-right', 'bottom-left', 'bottom-right'],
  /** Sentences of one caption, in order. */
  sentences: (parts: string[]) => parts.join(' '),
  player: 'Pooling windows',
  input: 'Input',
  pooled: 'Pooled',
  indices: 'Indices',
  bits: 'Bits',
  indicesLabel: (step: number, total: number) => `Indices as 2-bit codes, ${step} of ${total} recorded`,
  /** `entries`: [bits, position] of each index. */
  keyLabel: (entries: [string, string][]) => `Key: ${entries.map(([bits, position]) => `${bits} ${position}`).join(', ')}`,
  start:
    'Nothing pooled yet. Each step takes the next 2 × 2 window (stride 2), keeps its largest value, and records where that value was as a 2-bit index.',
  window: (w: { step: number; total: number; rows: [number, number]; cols: [number, number]; values: number[] }) =>
    `Window ${w.step} of ${w.total} covers input rows ${w.rows[0]}–${w.rows[1]}, columns ${w.cols[0]}–${w.cols[1]}: values ${w.values.join(', ')}.`,
  maximum: (max: number, position: string, index: number, bits: string) => `The maximum, ${max}, is ${position}: index ${index}, bits ${bits}.`,
  tie: (count: number, max: number) => `${COUNT_WORDS[count]} cells hold ${max}; the first in reading order wins.`,
  done: (windows: number, values: number, bytes: number) =>
    `All ${windows} windows done: ${values} values became ${windows}, plus ${windows} indices of 2 bits (${bytes} bytes).`,
};
