/** <atrous-explorer>: binds the rate and kernel controls and the URL state to the renderer. */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { boxWidth, watchWidth } from '../shared/fit-width';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { stackSentence, tapSentence } from './caption';
import { stackView, tapView } from './dilated-taps';
import { renderAtrous } from './render';
import { atrousCodec, type AtrousState } from './state';

/** The strip chart's width follows its box between these (CSS pixels). */
const STRIP_WIDTH = { min: 280, max: 640 } as const;

defineWidget('atrous-explorer', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const taps = widgetPart(root, 'taps');
  const stack = widgetPart(root, 'stack');
  const words = pageMessages().atrousExplorer;
  const draw = (s: AtrousState): void => {
    const t = tapView(s.kernel, s.rate);
    const v = stackView(s);
    stage.replaceChildren(renderAtrous(t, v, { width: boxWidth(stage, STRIP_WIDTH.min, STRIP_WIDTH.max), messages: words }));
    taps.textContent = tapSentence(t, words);
    stack.textContent = stackSentence(v, words);
  };
  const state = widgetState(id, atrousCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, atrousCodec, (patch) => state.set(patch), listening.signal);
  sync(state.get());
  draw(state.get());
  const stopWatching = watchWidth(stage, STRIP_WIDTH.min, STRIP_WIDTH.max, () => draw(state.get()));
  return () => {
    listening.abort();
    stopWatching();
  };
});
