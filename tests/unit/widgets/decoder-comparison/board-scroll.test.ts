// @vitest-environment happy-dom
/**
 * The prediction board on a narrow screen: a tab stop exactly while its content overflows it
 * sideways (so a keyboard can scroll it), and not otherwise (no needless stop on a wide screen).
 */
import { describe, expect, it } from 'vitest';
import { keyboardScroll } from '../../../../src/widgets/decoder-comparison/race-view';

function boxOf(scrollWidth: number, clientWidth: number): HTMLElement {
  const el = document.createElement('div');
  Object.defineProperty(el, 'scrollWidth', { value: scrollWidth });
  Object.defineProperty(el, 'clientWidth', { value: clientWidth, configurable: true });
  return el;
}

describe('keyboardScroll', () => {
  it('makes an overflowing board a tab stop, and removes the stop once it fits', () => {
    const narrow = boxOf(504, 358);
    keyboardScroll(narrow);
    expect(narrow.getAttribute('tabindex')).toBe('0');
    Object.defineProperty(narrow, 'clientWidth', { value: 720, configurable: true });
    keyboardScroll(narrow);
    expect(narrow.hasAttribute('tabindex')).toBe(false);
  });

  it('leaves a board that fits (within a pixel of rounding) out of the tab order', () => {
    const wide = boxOf(721, 720);
    keyboardScroll(wide);
    expect(wide.hasAttribute('tabindex')).toBe(false);
  });
});
