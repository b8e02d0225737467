// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/i18n/en';
import { zh } from '../../../../src/i18n/zh';
import { readState, withState } from '../../../../src/widgets/shared/url-state';
import { markup } from '../snapshot';
import { labelFileName, renderCursor, renderPainter, showBrushSize } from '../../../../src/widgets/label-painter/render';
import { CLASS_KEYS, movedCursor, painterCodec, shortcut } from '../../../../src/widgets/label-painter/state';

const s = painterCodec.defaults;

describe('label painter shortcuts', () => {
  it('maps B, F, [ ], class keys and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y', () => {
    expect(shortcut('b', false, false, s)).toEqual({ kind: 'patch', patch: { tool: 'brush' } });
    expect(shortcut('F', false, true, s)).toEqual({ kind: 'patch', patch: { tool: 'fill' } });
    expect(shortcut('[', false, false, { ...s, size: 0 })).toEqual({ kind: 'patch', patch: { size: 0 } });
    expect(shortcut(']', false, false, { ...s, size: 16 })).toEqual({ kind: 'patch', patch: { size: 16 } });
    expect(shortcut(']', false, false, { ...s, size: 2 })).toEqual({ kind: 'patch', patch: { size: 3 } });
    expect(CLASS_KEYS.map((k) => shortcut(k, false, false, s))).toEqual(CLASS_KEYS.map((_, cls) => ({ kind: 'patch', patch: { cls } })));
    expect(shortcut('z', true, false, s)).toEqual({ kind: 'undo' });
    expect(shortcut('Z', true, true, s)).toEqual({ kind: 'redo' });
    expect(shortcut('y', true, false, s)).toEqual({ kind: 'redo' });
    expect(shortcut('x', false, false, s)).toBeNull();
    expect(shortcut('b', true, false, s)).toBeNull();
  });

  it('moves the cursor by arrow keys, 8 pixels with Shift, never off the map', () => {
    expect(movedCursor('ArrowRight', false, 3, 4, 10, 8)).toEqual({ x: 4, y: 4 });
    expect(movedCursor('ArrowUp', true, 3, 4, 10, 8)).toEqual({ x: 3, y: 0 });
    expect(movedCursor('ArrowDown', true, 3, 4, 10, 8)).toEqual({ x: 3, y: 7 });
    expect(movedCursor('ArrowLeft', false, 0, 4, 10, 8)).toEqual({ x: 0, y: 4 });
    expect(movedCursor('a', false, 0, 4, 10, 8)).toBeNull();
  });

  it('keeps tool, fill mode, size and class in the URL, refusing values out of range', () => {
    const search = withState('street-paint', painterCodec, { tool: 'fill', fill: 'region', size: 5, cls: 11 }, '');
    expect(search).toBe('?street-paint.tool=fill&street-paint.fill=region&street-paint.size=5&street-paint.cls=11');
    expect(readState('street-paint', painterCodec, search)).toEqual({ tool: 'fill', fill: 'region', size: 5, cls: 11 });
    expect(readState('p', painterCodec, '?p.size=17&p.cls=12&p.tool=spray')).toEqual(painterCodec.defaults);
  });
});

describe('label painter render', () => {
  it('offers the 11 classes and void as one radio group, with swatches, names and keys', () => {
    const root = renderPainter('street-paint', 128, 96, en);
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[data-field="cls"]')];
    expect(radios.map((r) => r.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(new Set(radios.map((r) => r.name))).toEqual(new Set(['street-paint-cls']));
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['3']);
    const labels = radios.map((r) => r.closest('label')!.textContent);
    expect(labels[0]).toBe('Sky1');
    expect(labels[11]).toBe('Unlabelled=');
    expect(root.querySelectorAll('.label-painter-classes .swatch-void')).toHaveLength(1);
    expect(root.querySelector('[data-part="canvas"]')!.getAttribute('style')).toBe('aspect-ratio: 128 / 96');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Undo', 'Redo', 'Export label PNG', 'Add to my data']);
  });

  it('matches its snapshot', async () => {
    await expect(markup(renderPainter('street-paint', 128, 96, en))).toMatchFileSnapshot('../__snapshots__/label-painter-controls.html');
  });

  it('speaks Chinese in the Chinese edition', () => {
    const root = renderPainter('p', 128, 96, zh);
    expect(root.querySelector('h3')!.textContent).toBe('修正标签');
    expect(root.querySelector('input[value="2"][data-field="cls"]')!.closest('label')!.textContent).toBe(`${zh.classes.names[2]}3`);
  });

  it('shows the brush radius in words, beside the slider and as its value text, in both editions', () => {
    const root = renderPainter('p', 128, 96, en);
    const slider = root.querySelector<HTMLInputElement>('input[data-field="size"]')!;
    const value = root.querySelector('[data-part="size-value"]')!;
    expect(value.textContent).toBe(`${s.size} px`);
    expect(slider.getAttribute('aria-valuetext')).toBe(`${s.size} px`);
    showBrushSize(root, 7, en);
    expect([value.textContent, slider.getAttribute('aria-valuetext')]).toEqual(['7 px', '7 px']);
    const zhRoot = renderPainter('p', 128, 96, zh);
    showBrushSize(zhRoot, 0, zh);
    expect(zhRoot.querySelector('[data-part="size-value"]')!.textContent).toBe('0 像素');
    expect(zhRoot.querySelector('input[data-field="size"]')!.getAttribute('aria-valuetext')).toBe('0 像素');
  });

  it('draws the cursor as the brush’s circle, or one pixel for a fill', () => {
    expect(renderCursor(4, 5, 3, false).innerHTML).toContain('<circle cx="4.5" cy="5.5" r="3.5"');
    expect(renderCursor(4, 5, 3, true).innerHTML).toContain('<rect x="4" y="5" width="1" height="1"');
  });

  it('names the label PNG after the picture', () => {
    expect(labelFileName('My Street.JPG')).toBe('my-street_label.png');
    expect(labelFileName('sample street 7')).toBe('sample-street-7_label.png');
    expect(labelFileName('.png')).toBe('picture_label.png');
  });
});
