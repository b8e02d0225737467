/** <transposed-conv-stepper>: binds the controls, the URL state and the step player to the renderer. */
import { bindFields } from '../shared/bind-fields';
import { bindPlayer } from '../shared/bind-player';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { patternSentence, stepSentence } from './caption';
import { renderTransposedConv } from './render';
import { stampView } from './stamps';
import { STAMP_COUNT, transposedConvCodec, type TransposedConvState } from './state';

defineWidget('transposed-conv-stepper', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const pattern = widgetPart(root, 'pattern');
  const step = widgetPart(root, 'step');

  const draw = (state: TransposedConvState): void => {
    const view = stampView(state);
    stage.replaceChildren(renderTransposedConv(view));
    pattern.textContent = patternSentence(view);
    step.textContent = stepSentence(view);
  };
  const state = widgetState(id, transposedConvCodec, (s) => {
    sync(s);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, transposedConvCodec, (patch) => state.set(patch), listening.signal);
  const { dispose } = bindPlayer(root, {
    last: STAMP_COUNT,
    step: state.get().step,
    onStep: (s) => state.set({ step: s }),
  });
  sync(state.get());
  draw(state.get());
  return () => {
    listening.abort();
    dispose();
  };
});
