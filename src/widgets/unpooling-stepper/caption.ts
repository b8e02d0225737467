/** The live caption of the unpooling stepper. */
import { indexBits, WINDOW_POSITIONS } from '../shared/pooled-example';
import type { UnpoolingView } from './unpooling-steps';

export function unpoolingSentence(v: UnpoolingView): string {
  const windows = v.example.windows.length;
  const cells = v.size * v.size;
  if (v.step === 0) {
    return `Nothing placed yet. Each step takes one pooled value and writes it into its 2 × 2 window of a ${v.size} × ${v.size} map of zeros, at the position its index recorded.`;
  }
  if (v.current) {
    const w = v.current;
    let text =
      `Value ${v.step} of ${windows}: ${w.max} with index bits ${indexBits(w.index)} goes to the ${WINDOW_POSITIONS[w.index]} ` +
      `of its window, row ${w.maxRow}, column ${w.maxCol}; the other three cells stay 0.`;
    if (v.step === windows) {
      text += ` The map is complete and sparse: at most ${windows} of its ${cells} cells can be non-zero (${v.nonZero.sparse} are).`;
    }
    return text;
  }
  const peaks = v.peaks ?? { kept: 0, placed: 0 };
  const kept =
    peaks.kept === peaks.placed
      ? `Every non-zero placed value (bold) is still the largest in its 3 × 3 neighbourhood: the blur spread it without moving it.`
      : `${peaks.kept} of the ${peaks.placed} non-zero placed values (bold) are still the largest in their 3 × 3 neighbourhood; ` +
        `the others sit next to a larger value whose spread now outweighs them.`;
  return (
    `A 3 × 3 blur whose weights add up to 1 fills the gaps: every output cell is a weighted average of its neighbourhood, so ` +
    `${v.nonZero.dense} of ${cells} cells are now non-zero, against ${v.nonZero.sparse} in the sparse map. ${kept}`
  );
}
