/**
 * The line under a model-backed widget that says what the network is doing: waiting to scroll
 * into view, waiting for a click (small screens), loading, running where, or failed. A pure
 * render: the gate (model-gate.ts) attaches the click handler to `[data-action="run"]`.
 */
import { pageMessages, type Messages } from '../../i18n';
import { h } from '../shared/dom';

export type ModelStatusView =
  | { state: 'waiting' }
  /** `action` labels the button (default: the catalogue's "Run the network"). */
  | { state: 'held'; message: string; note?: string; action?: string }
  | { state: 'loading' }
  | { state: 'slow'; backendSentence: string }
  | { state: 'ready'; summary: string; backendSentence: string; notice: string | null }
  | { state: 'failed'; message: string };

const runButton = (text: string): HTMLButtonElement => h('button', { type: 'button', 'data-action': 'run' }, text);

/** The status line in the words of `m` (the page's language by default). */
export function renderModelStatus(view: ModelStatusView, m: Messages['model'] = pageMessages().model): HTMLElement {
  const box = h('div', { class: 'model-status', 'data-state': view.state });
  switch (view.state) {
    case 'waiting':
      box.append(h('span', {}, m.waiting));
      break;
    case 'held':
      box.append(h('span', {}, view.message, ' '));
      // The sentence pointing at the precomputed figure (a widget hides it with the figure: model-widgets.css).
      if (view.note) box.append(h('span', { class: 'model-status-figure-note' }, view.note, ' '));
      box.append(runButton(view.action ?? m.run));
      break;
    case 'loading':
      box.append(h('span', { class: 'model-spinner', 'aria-hidden': 'true' }), h('span', {}, m.loading));
      break;
    case 'slow':
      box.append(h('span', {}, view.backendSentence, ' '), runButton(m.runAnyway));
      break;
    case 'ready':
      if (view.notice) box.append(h('strong', { class: 'model-notice' }, view.notice), ' ');
      box.append(h('span', {}, m.ready(view.summary, view.backendSentence)));
      break;
    case 'failed':
      box.append(h('span', {}, m.failed(view.message)));
      break;
  }
  return box;
}

/** Draws a status into `box`, its run button (held, slow) calling `action` once when pressed. */
export function showModelStatus(box: HTMLElement, view: ModelStatusView, action?: () => void): void {
  const node = renderModelStatus(view);
  node.querySelector('[data-action="run"]')?.addEventListener('click', () => action?.(), { once: true });
  box.replaceChildren(node);
}
