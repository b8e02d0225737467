/** <pooling-stepper>: binds the example controls, the URL state and the step player to the renderer. */
import { bindFields } from '../shared/bind-fields';
import { bindPlayer, type BoundPlayer } from '../shared/bind-player';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { pooledExample } from '../shared/pooled-example';
import { widgetState } from '../shared/widget-state';
import { poolingSentence } from './caption';
import { renderPooling } from './render';
import { poolingCodec, windowCount, type PoolingState } from './state';

defineWidget('pooling-stepper', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  let bound: BoundPlayer | null = null;

  const draw = (s: PoolingState): void => {
    const example = pooledExample(s);
    stage.replaceChildren(renderPooling(example, s.step));
    caption.textContent = poolingSentence(example, s.step);
  };
  const state = widgetState(id, poolingCodec, (s) => {
    sync(s);
    const last = windowCount(s.size);
    if (bound && bound.player.last !== last) bound.player.setLast(last, s.step);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, poolingCodec, (patch) => state.set(patch), listening.signal);
  bound = bindPlayer(root, {
    last: windowCount(state.get().size),
    step: state.get().step,
    onStep: (step) => state.set({ step }),
  });
  sync(state.get());
  draw(state.get());
  return () => {
    listening.abort();
    bound?.dispose();
  };
});
