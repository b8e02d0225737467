/** <atrous-explorer>: binds the rate and kernel controls and the URL state to the renderer. */
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { stackSentence, tapSentence } from './caption';
import { stackView, tapView } from './dilated-taps';
import { renderAtrous } from './render';
import { atrousCodec, type AtrousState } from './state';

defineWidget('atrous-explorer', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const taps = widgetPart(root, 'taps');
  const stack = widgetPart(root, 'stack');
  const draw = (s: AtrousState): void => {
    const t = tapView(s.kernel, s.rate);
    const v = stackView(s);
    stage.replaceChildren(renderAtrous(t, v));
    taps.textContent = tapSentence(t);
    stack.textContent = stackSentence(v);
  };
  const state = widgetState(id, atrousCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, atrousCodec, (patch) => state.set(patch), listening.signal);
  sync(state.get());
  draw(state.get());
  return () => listening.abort();
});
