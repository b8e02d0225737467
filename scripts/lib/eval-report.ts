/**
 * The eval CLI's output: one evaluation as a readable table (scores, per-class IoU, accuracy
 * and BF, the row-normalised confusion matrix) or as one JSON document. Pure formatting.
 */
import { CLASS_NAMES } from '../../src/data';
import type { SegmentationEvaluation } from '../../src/segnet';

/** What was evaluated, for the report's header. */
export interface EvalContext {
  checkpoint: string;
  data: string;
  split: string;
  model: string;
  step: number;
}

const pct = (v: number, digits = 1): string => (Number.isFinite(v) ? (100 * v).toFixed(digits) : '-');
/** JSON has no NaN: absent scores become null. */
const num = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The evaluation as plain JSON (fractions in [0, 1]; null where a score is undefined). */
export function evalJson(ctx: EvalContext, e: SegmentationEvaluation): object {
  const s = e.scores;
  return {
    ...ctx,
    images: e.frameCount,
    labelledPixels: s.pixelCount,
    globalAccuracy: num(s.globalAccuracy),
    classAverageAccuracy: num(s.classAverageAccuracy),
    meanIoU: num(s.meanIoU),
    boundaryF1: num(e.boundaryF1),
    classes: s.perClassIoU.map((iou, c) => ({
      name: CLASS_NAMES[c] ?? `class ${c}`,
      iou: num(iou),
      accuracy: num(s.perClassAccuracy[c]!),
      precision: num(s.perClassPrecision[c]!),
      boundaryF1: num(e.perClassBoundaryF1[c]!),
    })),
    confusion: e.confusion.toArray(),
  };
}

/** The evaluation as a table for a terminal. */
export function evalTable(ctx: EvalContext, e: SegmentationEvaluation): string {
  const s = e.scores;
  const names = s.perClassIoU.map((_, c) => CLASS_NAMES[c] ?? `class ${c}`);
  const lines = [
    `${ctx.model} at step ${ctx.step} (${ctx.checkpoint}), ${ctx.data} ${ctx.split}: ${e.frameCount} images, ${s.pixelCount} labelled pixels`,
    `G ${pct(s.globalAccuracy)}  C ${pct(s.classAverageAccuracy)}  mIoU ${pct(s.meanIoU)}  BF ${pct(e.boundaryF1)}   (%)`,
    '',
    `${'class'.padEnd(12)} ${'IoU'.padStart(6)} ${'acc'.padStart(6)} ${'prec'.padStart(6)} ${'BF'.padStart(6)}`,
    ...names.map(
      (name, c) =>
        `${name.padEnd(12)} ${pct(s.perClassIoU[c]!).padStart(6)} ${pct(s.perClassAccuracy[c]!).padStart(6)} ${pct(s.perClassPrecision[c]!).padStart(6)} ${pct(e.perClassBoundaryF1[c]!).padStart(6)}`,
    ),
    '',
    'confusion matrix, % of each true class (rows: truth, columns: predicted)',
    `${''.padEnd(12)}${names.map((n) => n.slice(0, 5).padStart(6)).join('')}`,
  ];
  for (const [t, row] of e.confusion.toArray().entries()) {
    const total = row.reduce((a, b) => a + b, 0);
    lines.push(`${names[t]!.padEnd(12)}${row.map((n) => (total > 0 ? pct(n / total, 0) : '-').padStart(6)).join('')}`);
  }
  return lines.join('\n');
}
