/** What the pixel probe reports: the ground truth at a pixel and the model's top classes there. */
import { CAMVID_NUM_CLASSES } from '../../data';
import { messages, type Messages } from '../../i18n';
import type { Segmentation } from '../../segnet/core';

type Words = Messages['labelOverlay'];
const ENGLISH: Words = messages('en').labelOverlay;

export interface ClassProbability {
  label: number;
  name: string;
  probability: number;
}

export interface ProbeView {
  x: number;
  y: number;
  /** Ground-truth label at the pixel (11 = void) and its name. */
  truth: { label: number; name: string };
  /** The model's most probable classes, best first; null while the model is not available. */
  top: ClassProbability[] | null;
  /** How many classes `top` holds when present (the panel reserves that many rows). */
  rows: number;
}

/** The `k` most probable classes at pixel i of a segmentation, best first (ties: lower label first). */
export function topClasses(segmentation: Segmentation, i: number, k: number, t: Words = ENGLISH): ClassProbability[] {
  const n = segmentation.numClasses;
  const p = segmentation.probabilities.subarray(i * n, (i + 1) * n);
  return Array.from(p, (probability, label) => ({ label, probability, name: t.classNames[label] ?? t.classFallback(label) }))
    .sort((a, b) => b.probability - a.probability || a.label - b.label)
    .slice(0, k);
}

/** The probe's view at (x, y) of a width-wide frame. */
export function probeView(
  labels: ArrayLike<number>,
  segmentation: Segmentation | null,
  width: number,
  x: number,
  y: number,
  rows = 5,
  t: Words = ENGLISH,
): ProbeView {
  const i = y * width + x;
  const label = labels[i]!;
  const name = label < CAMVID_NUM_CLASSES ? t.classNames[label]! : t.voidName;
  return { x, y, truth: { label, name }, top: segmentation ? topClasses(segmentation, i, rows, t) : null, rows };
}

/** One sentence for screen readers, e.g. "Pixel 64, 72: labelled Road. Network: Road 61%, ...". */
export function probeSentence(view: ProbeView, t: Words = ENGLISH): string {
  const where = t.probeWhere(view.x, view.y, view.truth.name);
  if (!view.top) return t.sentences([where, t.probeWaiting]);
  const parts = view.top.slice(0, 3).map((c) => `${c.name} ${Math.round(c.probability * 100)}%`);
  return t.sentences([where, t.probeNetwork(parts)]);
}
