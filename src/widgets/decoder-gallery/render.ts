/**
 * The decoder gallery's drawing from its view (view.ts): for the photo, the ground truth and
 * each decoder, the whole frame with the lens's square on it, the lens's window magnified under
 * it (pixels kept square: CSS `image-rendering: pixelated`), and a decoder's scores as text. A
 * decoder the build has no checkpoint for says so in its place; one not run yet keeps its place.
 */
import type { DecoderKind } from '../../segnet/core';
import { pageMessages, type Messages } from '../../i18n';
import { h, pixelCanvas } from '../shared/dom';
import type { FrameScores } from './scores';
import type { GalleryPanel, GalleryView } from './view';

type Words = Messages['decoderGallery'];

/** A score in [0, 1] as the gallery prints it (percent, one decimal; a dash where undefined). */
export const score = (v: number): string => (Number.isFinite(v) ? (v * 100).toFixed(1) : '–');

/** The panel's name in the reader's words. */
export function panelName(key: GalleryPanel['key'], t: Words = pageMessages().decoderGallery): string {
  if (key === 'photo') return t.photo;
  if (key === 'truth') return t.truth;
  return t.decoders[key] ?? key;
}

function scoreTable(name: string, scores: FrameScores | null, lens: FrameScores | null, t: Words): HTMLElement | null {
  if (!scores || !lens) return null;
  const row = (key: 'frame' | 'lens', label: string, v: FrameScores): HTMLElement =>
    h('tr', { 'data-score': key }, h('th', { scope: 'row' }, label), h('td', {}, score(v.meanIoU)), h('td', {}, score(v.boundaryF1)));
  return h(
    'table',
    { class: 'gallery-scores', 'aria-label': t.scoresLabel(name) },
    h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'mIoU'), h('th', { scope: 'col' }, 'BF'))),
    h('tbody', {}, row('frame', t.frameRow, scores), row('lens', t.lensRow, lens)),
  );
}

function panel(p: GalleryPanel, view: GalleryView, t: Words): HTMLElement {
  const name = panelName(p.key, t);
  const { frame, window: w, box } = view;
  const whole = p.full
    ? h(
        'div',
        { class: 'gallery-whole' },
        pixelCanvas(p.full, frame.width, frame.height, t.wholeLabel(name)),
        h('div', { class: 'gallery-box', 'aria-hidden': 'true', style: `left: ${box.left}%; top: ${box.top}%; width: ${box.width}%; height: ${box.height}%` }),
      )
    : h('div', { class: 'gallery-whole gallery-empty', style: `aspect-ratio: ${frame.width} / ${frame.height}` });
  const lens = p.lens ? pixelCanvas(p.lens, w.width, w.height, t.lensLabel(name), 'pixels gallery-lens') : h('div', { class: 'gallery-lens gallery-empty', style: `aspect-ratio: ${w.width} / ${w.height}` });
  return h('figure', { class: 'gallery-panel', 'data-panel': p.key }, whole, lens, h('figcaption', {}, h('strong', {}, name), scoreTable(name, p.scores, p.lensScores, t)));
}

/** A decoder the build has no checkpoint for: its name and that it is missing, in its place. */
function absentPanel(decoder: DecoderKind, view: GalleryView, t: Words): HTMLElement {
  const { frame } = view;
  return h(
    'figure',
    { class: 'gallery-panel', 'data-panel': decoder, 'data-absent': '' },
    h('div', { class: 'gallery-whole gallery-empty', style: `aspect-ratio: ${frame.width} / ${frame.height}` }, h('span', {}, t.notInBuild)),
    h('figcaption', {}, h('strong', {}, panelName(decoder, t))),
  );
}

/** Every panel, in the view's order, then the decoders the build lacks. */
export function renderGallery(view: GalleryView, absent: readonly DecoderKind[] = [], t: Words = pageMessages().decoderGallery): HTMLElement {
  return h('div', { class: 'gallery-panels' }, ...view.panels.map((p) => panel(p, view, t)), ...absent.map((d) => absentPanel(d, view, t)));
}
