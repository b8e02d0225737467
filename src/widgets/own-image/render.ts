/**
 * Pure renders of the own-image widget: the whole picture with the region the network sees
 * outlined, the legend of the classes found in the prediction, and the sentences around them.
 * The picture with its labels is the label overlay's scene (imported, not copied).
 */
import { pageMessages, type Messages } from '../../i18n';
import { h, s } from '../shared/dom';
import { formatShare, labelCss } from '../label-overlay/render';
import { describeCrop, scaleRect, type CropRect } from './geometry';
import { INPUT_HEIGHT, INPUT_WIDTH } from './state';

/** Tallest the whole-picture preview is drawn, so portrait photos do not push the legend down. */
const PREVIEW_MAX_HEIGHT_REM = 14;

/** What the region panel needs: the whole picture's preview and the crop in its pixels. */
export interface RegionView {
  name: string;
  width: number;
  height: number;
  crop: CropRect;
  /** The whole picture, scaled down (its size sets the outline's scale). */
  preview: HTMLCanvasElement;
}

/** The whole picture, dimmed outside the region the network sees, with a sentence saying which region. */
export function renderRegion(view: RegionView, m: Messages['ownImage'] = pageMessages().ownImage): HTMLElement {
  const { width: pw, height: ph } = view.preview;
  const r = scaleRect(view.crop, pw / view.width);
  view.preview.setAttribute('aria-hidden', 'true');
  view.preview.classList.add('region-picture');
  const outside = `M0 0H${pw}V${ph}H0Z M${r.x} ${r.y}v${r.height}h${r.width}v${-r.height}Z`;
  return h(
    'figure',
    { class: 'own-image-region' },
    h(
      'div',
      { class: 'region-frame', role: 'img', 'aria-label': m.regionLabel(view.name), style: `aspect-ratio: ${pw} / ${ph}; width: min(100%, ${((PREVIEW_MAX_HEIGHT_REM * pw) / ph).toFixed(2)}rem)` },
      view.preview,
      s(
        'svg',
        { viewBox: `0 0 ${pw} ${ph}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
        s('path', { d: outside, class: 'region-dim', 'fill-rule': 'evenodd' }),
        s('rect', { x: r.x, y: r.y, width: r.width, height: r.height, class: 'region-outline', 'vector-effect': 'non-scaling-stroke' }),
      ),
    ),
    h('figcaption', { class: 'region-caption' }, describeCrop(view.width, view.height, view.crop, INPUT_WIDTH, INPUT_HEIGHT, m)),
  );
}

/** The classes present in the prediction, largest share first, with their colours. */
export function renderPresentLegend(shares: readonly number[], highlight: number | null, m: Messages = pageMessages()): HTMLUListElement {
  const present = m.classes.names.map((name, label) => ({ name, label, share: shares[label] ?? 0 }))
    .filter((c) => c.share > 0)
    .sort((a, b) => b.share - a.share || a.label - b.label);
  return h(
    'ul',
    { class: 'class-legend', 'aria-label': m.ownImage.legendLabel },
    ...present.map((c) =>
      h(
        'li',
        { class: c.label === highlight ? 'is-current' : null },
        h('span', { class: 'swatch', style: `background: ${labelCss(c.label)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'legend-name' }, c.name),
        h('span', { class: 'legend-share' }, formatShare(c.share)),
      ),
    ),
  );
}

/** The stage before any picture: a box of the scene's size saying what to do. */
export function renderEmptyStage(m: Messages['ownImage'] = pageMessages().ownImage): HTMLElement {
  return h(
    'div',
    { class: 'own-image-empty', style: `aspect-ratio: ${INPUT_WIDTH} / ${INPUT_HEIGHT}` },
    h('p', {}, m.emptyStage),
  );
}

/** The sentence under the scene. */
export function sceneCaption(name: string | null, predicted: boolean, opacity: number, m: Messages['ownImage'] = pageMessages().ownImage): string {
  if (!name) return m.captionEmpty;
  if (!predicted) return m.captionWaiting(name);
  return m.captionLabelled(name, opacity);
}
