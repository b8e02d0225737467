/**
 * The question asked before a new picture replaces one whose labels the reader has painted:
 * "Discard your label edits?" with Keep and Discard, inside the widget (no window.confirm, which
 * blocks the page and cannot be styled or read in the page's language). Keep has the focus, so
 * Enter or Space keeps the edits; Escape keeps them too.
 */
import { pageMessages, type Messages } from '../../i18n';
import { h } from '../shared/dom';

/** The question's markup: a labelled group with its sentence and the two buttons. */
export function renderDiscardConfirm(id: string, name: string, t: Messages['ownImage'] = pageMessages().ownImage): HTMLElement {
  return h(
    'div',
    { class: 'own-image-confirm', role: 'group', 'aria-labelledby': `${id}-confirm-question`, 'data-part': 'confirm' },
    h('p', { id: `${id}-confirm-question` }, t.discardQuestion(name)),
    h('div', { class: 'widget-controls' }, h('button', { type: 'button', 'data-choice': 'keep' }, t.keepEdits), h('button', { type: 'button', 'data-choice': 'discard' }, t.discardEdits)),
  );
}

/** An open question: `answer` settles true for Discard, false for Keep, Escape or `cancel()`. */
export interface DiscardQuestion {
  answer: Promise<boolean>;
  /** Withdraws the question (the answer is Keep). */
  cancel(): void;
}

/** Shows the question in `host` (replacing what it held) and waits for the reader. */
export function askDiscard(host: HTMLElement, id: string, name: string, t: Messages['ownImage'] = pageMessages().ownImage): DiscardQuestion {
  const box = renderDiscardConfirm(id, name, t);
  host.replaceChildren(box);
  host.hidden = false;
  let settle!: (discard: boolean) => void;
  const answer = new Promise<boolean>((resolve) => (settle = resolve));
  const listening = new AbortController();
  const finish = (discard: boolean): void => {
    listening.abort();
    box.remove();
    host.hidden = true;
    settle(discard);
  };
  box.addEventListener(
    'click',
    (event) => {
      const choice = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-choice]')?.dataset.choice;
      if (choice) finish(choice === 'discard');
    },
    { signal: listening.signal },
  );
  box.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      finish(false);
    },
    { signal: listening.signal },
  );
  box.querySelector<HTMLButtonElement>('[data-choice="keep"]')!.focus();
  return { answer, cancel: () => finish(false) };
}
