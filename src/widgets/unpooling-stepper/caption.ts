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
  return (
    `A 3 × 3 convolution fills the gaps: every output cell mixes its neighbourhood, so ` +
    `${v.nonZero.dense} of ${cells} cells are now non-zero, against ${v.nonZero.sparse} in the sparse map. ` +
    `Each placed value (bold) is still strongest near where the encoder found it; the filter has spread it to its neighbours.`
  );
}
