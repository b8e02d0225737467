/** The live caption of the unpooling stepper, in the language of the messages given. */
import { messages, type Messages } from '../../i18n';
import { indexBits } from '../shared/pooled-example';
import type { UnpoolingView } from './unpooling-steps';

export function unpoolingSentence(v: UnpoolingView, t: Messages['unpoolingStepper'] = messages('en').unpoolingStepper): string {
  const windows = v.example.windows.length;
  const cells = v.size * v.size;
  if (v.step === 0) return t.start(v.size);
  if (v.current) {
    const w = v.current;
    const parts = [
      t.place({ step: v.step, total: windows, value: w.max, bits: indexBits(w.index), position: t.positions[w.index]!, row: w.maxRow, col: w.maxCol }),
    ];
    if (v.step === windows) parts.push(t.complete(windows, cells, v.nonZero.sparse));
    return t.sentences(parts);
  }
  const peaks = v.peaks ?? { kept: 0, placed: 0 };
  const kept = peaks.kept === peaks.placed ? t.allPeaksKept : t.somePeaksKept(peaks.kept, peaks.placed);
  return t.sentences([t.densified(v.nonZero.dense ?? 0, cells, v.nonZero.sparse), kept]);
}
