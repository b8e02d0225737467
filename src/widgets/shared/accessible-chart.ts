/**
 * Observable Plot labels its mark groups with aria-label, which ARIA forbids on a plain <g>
 * (axe: aria-prohibited-attr). A chart speaks as one image with the chart's own label, so the
 * groups' labels are dropped and the labelled <svg> becomes role="img".
 */
export function asAccessibleImage<T extends Element>(chart: T): T {
  const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll('svg')];
  for (const svg of svgs) {
    if (svg.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
    for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  }
  return chart;
}
