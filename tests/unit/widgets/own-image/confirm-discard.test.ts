// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/i18n/en';
import { zh } from '../../../../src/i18n/zh';
import { askDiscard, renderDiscardConfirm } from '../../../../src/widgets/own-image/confirm-discard';
import { expectChinese } from '../../i18n/same-in-both';

function host(): HTMLElement {
  const el = document.createElement('div');
  el.hidden = true;
  document.body.append(el);
  return el;
}

const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map((b) => b.textContent);

describe('"Discard your label edits?" inside the own-image widget', () => {
  it('asks with Keep and Discard, Keep focused, as a group named by its question', () => {
    const el = host();
    void askDiscard(el, 'street', 'next.jpg', en.ownImage);
    expect(el.hidden).toBe(false);
    const group = el.querySelector('[role="group"]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toBe('Discard your label edits? Showing “next.jpg” starts from the network’s labels again.');
    expect(buttons(el)).toEqual(['Keep', 'Discard']);
    expect(document.activeElement).toBe(el.querySelector('[data-choice="keep"]'));
  });

  it('answers true for Discard and false for Keep, then goes away', async () => {
    const a = host();
    const discard = askDiscard(a, 's', 'a.jpg', en.ownImage);
    a.querySelector<HTMLButtonElement>('[data-choice="discard"]')!.click();
    await expect(discard.answer).resolves.toBe(true);
    expect([a.childElementCount, a.hidden]).toEqual([0, true]);
    const b = host();
    const keep = askDiscard(b, 's', 'b.jpg', en.ownImage);
    b.querySelector<HTMLButtonElement>('[data-choice="keep"]')!.click();
    await expect(keep.answer).resolves.toBe(false);
    expect(b.childElementCount).toBe(0);
  });

  it('keeps the edits on Escape or when withdrawn', async () => {
    const a = host();
    const escaped = askDiscard(a, 's', 'a.jpg', en.ownImage);
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await expect(escaped.answer).resolves.toBe(false);
    const b = host();
    const withdrawn = askDiscard(b, 's', 'b.jpg', en.ownImage);
    withdrawn.cancel();
    await expect(withdrawn.answer).resolves.toBe(false);
    expect(b.hidden).toBe(true);
  });

  it('asks in Chinese in the Chinese edition', () => {
    const box = renderDiscardConfirm('s', '街景.jpg', zh.ownImage);
    expectChinese(box, ['jpg']);
    expect(buttons(box)).toEqual(['保留', '放弃']);
    expectChinese(zh.ownImage.editsKept('街景.jpg'), ['jpg']);
  });
});
