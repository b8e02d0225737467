/** The live caption of the translation demo. */
import type { ShiftComparison } from './shift-comparison';

function direction(n: number, positive: string, negative: string): string {
  const size = Math.abs(n);
  return `${size} pixel${size === 1 ? '' : 's'} ${n >= 0 ? positive : negative}`;
}

export function shiftSentence(v: ShiftComparison): string {
  if (v.dx === 0 && v.dy === 0) return `No shift: both inputs are the same, so both pooled maps are the same, ${v.total} of ${v.total}.`;
  const parts = [v.dx !== 0 ? direction(v.dx, 'right', 'left') : '', v.dy !== 0 ? direction(v.dy, 'down', 'up') : ''].filter(Boolean);
  let text = `Input shifted ${parts.join(' and ')}: ${v.unchanged} of ${v.total} pooled values stay the same in place; ${v.total - v.unchanged} changed (marked).`;
  if (v.moved) {
    text +=
      ` A shift by whole windows moves the pooled map with it: ${v.moved.matching} of the ${v.moved.comparable} pooled cells` +
      ` whose window is still in view equal the original's value one window back.`;
  } else if (Math.abs(v.dx) <= 1 && Math.abs(v.dy) <= 1) {
    text += ` Where a window's maximum stays inside the window after the shift, its pooled value does not move.`;
  }
  return text;
}
