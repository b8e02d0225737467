/** The live caption of the translation demo. */
import { pageMessages, type Messages } from '../../i18n';
import type { ShiftComparison } from './shift-comparison';

export function shiftSentence(v: ShiftComparison, m: Messages['translationDemo'] = pageMessages().translationDemo): string {
  if (v.dx === 0 && v.dy === 0) return m.noShift(v.total);
  let text = m.shifted(v.dx, v.dy, v.unchanged, v.total);
  if (v.moved) text += m.movedByWindows(v.moved.matching, v.moved.comparable);
  else if (Math.abs(v.dx) <= 1 && Math.abs(v.dy) <= 1) text += m.smallShift;
  return text;
}
