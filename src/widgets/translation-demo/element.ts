/** <translation-demo>: binds the shift sliders and the URL state to the renderer. */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { shiftSentence } from './caption';
import { renderTranslation } from './render';
import { shiftComparison } from './shift-comparison';
import { translationCodec, type TranslationState } from './state';

defineWidget('translation-demo', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const t = pageMessages().translationDemo;
  const draw = (s: TranslationState): void => {
    const view = shiftComparison(s);
    stage.replaceChildren(renderTranslation(view, { messages: t }));
    caption.textContent = shiftSentence(view, t);
  };
  const state = widgetState(id, translationCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, translationCodec, (patch) => state.set(patch), listening.signal);
  const reset = widgetPart<HTMLButtonElement>(root, 'reset');
  reset.addEventListener('click', () => state.set({ dx: 0, dy: 0 }), { signal: listening.signal });
  sync(state.get());
  draw(state.get());
  return () => listening.abort();
});
