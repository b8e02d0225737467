/**
 * The line under a model-backed widget that says what the network is doing: waiting to scroll
 * into view, waiting for a click (small screens), loading, running where, or failed. A pure
 * render: the gate (model-gate.ts) attaches the click handler to `[data-action="run"]`.
 */
import { h } from '../shared/dom';

export type ModelStatusView =
  | { state: 'waiting' }
  /** `action` labels the button (default "Run the network"). */
  | { state: 'held'; message: string; action?: string }
  | { state: 'loading' }
  | { state: 'slow'; backendSentence: string }
  | { state: 'ready'; summary: string; backendSentence: string; notice: string | null }
  | { state: 'failed'; message: string };

const runButton = (text: string): HTMLButtonElement => h('button', { type: 'button', 'data-action': 'run' }, text);

export function renderModelStatus(view: ModelStatusView): HTMLElement {
  const box = h('div', { class: 'model-status', 'data-state': view.state });
  switch (view.state) {
    case 'waiting':
      box.append(h('span', {}, 'The network starts when this figure scrolls into view.'));
      break;
    case 'held':
      box.append(h('span', {}, view.message, ' '), runButton(view.action ?? 'Run the network'));
      break;
    case 'loading':
      box.append(h('span', { class: 'model-spinner', 'aria-hidden': 'true' }), h('span', {}, 'Loading TensorFlow.js and the network…'));
      break;
    case 'slow':
      box.append(h('span', {}, view.backendSentence, ' '), runButton('Run anyway'));
      break;
    case 'ready':
      if (view.notice) box.append(h('strong', { class: 'model-notice' }, view.notice), ' ');
      box.append(h('span', {}, `${view.summary}. ${view.backendSentence}`));
      break;
    case 'failed':
      box.append(h('span', {}, `The network could not start (${view.message}). Everything that does not need it still works.`));
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
