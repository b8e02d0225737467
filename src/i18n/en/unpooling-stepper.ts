/** The unpooling stepper (chapter 5): panel titles, accessible names, the live caption. */
import { poolingStepper } from './pooling-stepper';

export const unpoolingStepper = {
  /** Where in its window an index points (the pooling stepper's words). */
  positions: poolingStepper.positions,
  sentences: poolingStepper.sentences,
  player: 'Unpooling steps',
  pooled: 'Pooled',
  indices: 'Indices',
  indicesLabel: (m: number) => `Indices recorded by the encoder, as 2-bit codes (${m} × ${m})`,
  filter: (divisor: number) => `3 × 3 filter ÷ ${divisor}`,
  filterLabel: (w: { centre: number; side: number; corner: number; divisor: number }) =>
    `Filter weights: ${w.centre} at the centre, ${w.side} beside it, ${w.corner} on the diagonals, all divided by ${w.divisor}`,
  sparse: 'Unpooled, sparse',
  sparseLabel: (n: number, placed: number, total: number) => `Unpooled map (${n} × ${n}), ${placed} of ${total} values placed`,
  dense: 'After convolution',
  denseLabel: (n: number) => `Dense map after the 3 × 3 convolution (${n} × ${n})`,
  densePending: (n: number) => `Dense map (${n} × ${n}), not computed yet: step to the end`,
  start: (n: number) =>
    `Nothing placed yet. Each step takes one pooled value and writes it into its 2 × 2 window of a ${n} × ${n} map of zeros, at the position its index recorded.`,
  place: (p: { step: number; total: number; value: number; bits: string; position: string; row: number; col: number }) =>
    `Value ${p.step} of ${p.total}: ${p.value} with index bits ${p.bits} goes to the ${p.position} ` +
    `of its window, row ${p.row}, column ${p.col}; the other three cells stay 0.`,
  complete: (windows: number, cells: number, nonZero: number) =>
    `The map is complete and sparse: at most ${windows} of its ${cells} cells can be non-zero (${nonZero} are).`,
  densified: (dense: number, cells: number, sparse: number) =>
    `A 3 × 3 blur whose weights add up to 1 fills the gaps: every output cell is a weighted average of its neighbourhood, so ` +
    `${dense} of ${cells} cells are now non-zero, against ${sparse} in the sparse map.`,
  allPeaksKept: 'Every non-zero placed value (bold) is still the largest in its 3 × 3 neighbourhood: the blur spread it without moving it.',
  somePeaksKept: (kept: number, placed: number) =>
    `${kept} of the ${placed} non-zero placed values (bold) are still the largest in their 3 × 3 neighbourhood; ` +
    `the others sit next to a larger value whose spread now outweighs them.`,
};
