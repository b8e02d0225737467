import { pageMessages } from '../../i18n';

/**
 * The x scale of a chart over training steps: from 0 to the last step, and no more ticks than
 * steps, so every tick is a whole step (a single step would otherwise be labelled 1.000000).
 * `label` names the axis (the page's language by default).
 */
export function stepAxis(
  lastStep: number,
  maxTicks = 8,
  label: string = pageMessages().controls.stepAxis,
): { label: string; domain: [number, number]; ticks: number; tickFormat: string } {
  const end = Math.max(1, lastStep);
  return { label, domain: [0, end], ticks: Math.min(end, maxTicks), tickFormat: 'd' };
}
