/**
 * Heat-map fills as CSS colours: the widget's heat colour mixed into the page background by a
 * share that grows with the value. Capped at 45 %, so the cell's number keeps a contrast of
 * at least 4.5:1 in light and dark mode.
 */
export const HEAT_MAX_PERCENT = 45;

/** Fill for `value` on a scale whose top is `max`; zero (or less) is the plain background. */
export function heatFill(value: number, max: number): string | undefined {
  if (!(value > 0) || !(max > 0)) return undefined;
  const share = Math.round(8 + (HEAT_MAX_PERCENT - 8) * Math.min(1, value / max));
  return `color-mix(in srgb, var(--widget-heat) ${share}%, var(--color-bg))`;
}
