/**
 * Pure renders of the label painter: its controls (tools, fill mode, brush radius, the
 * classes with their colours and keys, undo, redo, export, add to my data), the stage the
 * labels are painted on, and the cursor drawn over it.
 */
import { pageMessages, type Messages } from '../../i18n';
import { VOID_LABEL } from '../../data/palette';
import { h, s } from '../shared/dom';
import { labelCss } from '../label-overlay/render';
import { MAX_RADIUS } from './brush';
import { CLASS_KEYS, painterCodec } from './state';

/** The painter's parts for instance `id` (its radio groups are named after it). */
export function renderPainter(id: string, width: number, height: number, m: Messages = pageMessages()): HTMLElement {
  const t = m.labelPainter;
  const d = painterCodec.defaults;
  const names = [...m.classes.names, m.classes.void];
  const radio = (field: string, value: string, label: string, checked: boolean): HTMLElement =>
    h('label', {}, h('input', { type: 'radio', name: `${id}-${field}`, 'data-field': field, value, checked }), label);
  return h(
    'section',
    { class: 'label-painter', 'aria-labelledby': `${id}-heading`, 'data-part': 'painter-root' },
    h('h3', { id: `${id}-heading` }, t.heading),
    h('p', { class: 'label-painter-intro' }, t.intro),
    h(
      'div',
      { class: 'widget-controls' },
      h('fieldset', { class: 'label-painter-tools' }, h('legend', {}, t.tool), radio('tool', 'brush', t.brush, d.tool === 'brush'), radio('tool', 'fill', t.fill, d.tool === 'fill')),
      h(
        'label',
        {},
        t.fillMode,
        h('select', { 'data-field': 'fill' }, h('option', { value: 'colour', selected: d.fill === 'colour' }, t.fillColour), h('option', { value: 'region', selected: d.fill === 'region' }, t.fillRegion)),
      ),
      h(
        'label',
        {},
        t.size,
        h('input', { type: 'range', 'data-field': 'size', min: 0, max: MAX_RADIUS, step: 1, value: d.size, 'aria-valuetext': t.sizeValue(d.size) }),
        h('output', { 'data-part': 'size-value', 'aria-hidden': 'true' }, t.sizeValue(d.size)),
      ),
    ),
    h(
      'div',
      { class: 'label-painter-work' },
      h(
        'div',
        { class: 'label-painter-stage', 'data-part': 'canvas', tabindex: 0, role: 'application', style: `aspect-ratio: ${width} / ${height}` },
        h('canvas', { class: 'pixels', width, height, 'aria-hidden': 'true' }),
        s('svg', { class: 'label-painter-cursor', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', 'aria-hidden': 'true', 'data-part': 'cursor' }),
      ),
      h(
        'fieldset',
        { class: 'label-painter-classes' },
        h('legend', {}, t.classes),
        h(
          'div',
          { class: 'label-painter-class-grid' },
          ...names.map((name, label) =>
            h(
              'label',
              {},
              h('input', { type: 'radio', name: `${id}-cls`, 'data-field': 'cls', value: label, checked: label === d.cls }),
              h('span', { class: label === VOID_LABEL ? 'swatch swatch-void' : 'swatch', style: label === VOID_LABEL ? null : `background: ${labelCss(label)}`, 'aria-hidden': 'true' }),
              h('span', { class: 'label-painter-name' }, name),
              h('kbd', {}, CLASS_KEYS[label]!),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'widget-controls label-painter-actions' },
      h('button', { type: 'button', 'data-part': 'undo', disabled: true }, t.undo),
      h('button', { type: 'button', 'data-part': 'redo', disabled: true }, t.redo),
      h('button', { type: 'button', 'data-part': 'export' }, t.exportPng),
      h('button', { type: 'button', 'data-part': 'add' }, t.addToData),
    ),
    h('p', { class: 'label-painter-status', 'data-part': 'painter-status', 'aria-live': 'polite' }),
  );
}

/** The cursor: a circle of the brush's radius around pixel (x, y) (a pixel's square for fills). */
/** Shows the brush radius in words beside its slider, and gives the slider the same words. */
export function showBrushSize(root: HTMLElement, radius: number, m: Messages = pageMessages()): void {
  const words = m.labelPainter.sizeValue(radius);
  const value = root.querySelector('[data-part="size-value"]');
  if (value) value.textContent = words;
  root.querySelector('input[data-field="size"]')?.setAttribute('aria-valuetext', words);
}

export function renderCursor(x: number, y: number, radius: number, fill: boolean): SVGGElement {
  return s(
    'g',
    {},
    fill || radius === 0
      ? s('rect', { x, y, width: 1, height: 1, class: 'cursor-mark', 'vector-effect': 'non-scaling-stroke' })
      : s('circle', { cx: x + 0.5, cy: y + 0.5, r: radius + 0.5, class: 'cursor-mark', 'vector-effect': 'non-scaling-stroke' }),
  );
}

/** The file name of a picture's label PNG: "street.jpg" -> "street_label.png". */
export function labelFileName(pictureName: string): string {
  const stem = pictureName.replace(/\.[a-z0-9]+$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem || 'picture'}_label.png`;
}
