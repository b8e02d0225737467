/** <checkerboard-demo>: binds the kernel, stride, input and method controls and the URL state to the renderer. */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { roughnessSentence, tapSentence } from './caption';
import { checkerboardView } from './checkerboard';
import { renderCheckerboard } from './render';
import { checkerboardCodec, type CheckerboardState } from './state';

defineWidget('checkerboard-demo', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const taps = widgetPart(root, 'taps');
  const rough = widgetPart(root, 'roughness');
  const words = pageMessages().checkerboardDemo;
  const draw = (s: CheckerboardState): void => {
    const view = checkerboardView(s);
    stage.replaceChildren(renderCheckerboard(view, { messages: words }));
    taps.textContent = tapSentence(view, words);
    rough.textContent = roughnessSentence(view, words);
  };
  const state = widgetState(id, checkerboardCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, checkerboardCodec, (patch) => state.set(patch), listening.signal);
  sync(state.get());
  draw(state.get());
  return () => listening.abort();
});
