/** The live captions of the transposed-convolution stepper, computed from its view. */
import type { StampView } from './stamps';
import { STAMP_COUNT } from './state';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence on the overlap pattern of this kernel and stride. */
export function patternSentence(view: StampView): string {
  const k = view.kernel.length;
  const s = view.stride;
  const { min, max } = view.overlapRange;
  const head = `Kernel ${k}, stride ${s}`;
  if (view.pattern === 'gaps') {
    const empty = view.overlaps.flat().filter((c) => c === 0).length;
    return `${head}: gaps. The stride is longer than the kernel, so the stamps never meet and ${plural(empty, 'output cell')} receive none.`;
  }
  if (view.pattern === 'uneven') {
    return `${head}: uneven overlap. ${k} is not a multiple of ${s}, so neighbouring output cells receive different numbers of stamps (${min} to ${max}): a checkerboard.`;
  }
  const inner = (k / s) ** 2;
  const cells = view.overlaps.flat();
  const full = cells.filter((c) => c === inner).length;
  if (full === cells.length) {
    return `${head}: even overlap. Every output cell receives exactly ${plural(inner, 'stamp')}.`;
  }
  // A 3 × 3 input is small: say how many output cells really are far enough from the border.
  const where = full === 1 ? 'only the centre cell is' : `${full} of its ${cells.length} output cells are`;
  const others = cells.filter((c) => c !== inner);
  return (
    `${head}: even overlap. ${k} is a multiple of ${s}, so away from the border every output cell receives ${plural(inner, 'stamp')}. ` +
    `On this ${view.input.length} × ${view.input.length} input ${where} that far in; the others receive ${Math.min(...others)} to ${Math.max(...others)}.`
  );
}

/** What the current step did. */
export function stepSentence(view: StampView): string {
  const k = view.kernel.length;
  const c = view.current;
  if (!c) {
    return `Nothing stamped yet. Each step takes one input cell and adds value × kernel to a ${k} × ${k} block of the output, moving ${plural(view.stride, 'cell')} per input cell.`;
  }
  const rows = k === 1 ? `row ${c.outRow}` : `rows ${c.outRow}–${c.outRow + k - 1}`;
  const cols = k === 1 ? `column ${c.outCol}` : `columns ${c.outCol}–${c.outCol + k - 1}`;
  const done = view.step === STAMP_COUNT ? ' All nine cells are stamped.' : '';
  return `Step ${view.step} of ${STAMP_COUNT}: input cell (row ${c.row}, column ${c.col}) holds ${c.value}, so ${c.value} × kernel is added to output ${rows}, ${cols}.${done}`;
}
