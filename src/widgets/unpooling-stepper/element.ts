/** <unpooling-stepper>: binds the example controls, the URL state and the step player to the renderer. */
import { bindFields } from '../shared/bind-fields';
import { bindPlayer, type BoundPlayer } from '../shared/bind-player';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { unpoolingSentence } from './caption';
import { renderUnpooling } from './render';
import { lastStep, unpoolingCodec, type UnpoolingState } from './state';
import { unpoolingView } from './unpooling-steps';

defineWidget('unpooling-stepper', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  let bound: BoundPlayer | null = null;

  const draw = (s: UnpoolingState): void => {
    const view = unpoolingView(s, s.step);
    stage.replaceChildren(renderUnpooling(view));
    caption.textContent = unpoolingSentence(view);
  };
  const state = widgetState(id, unpoolingCodec, (s) => {
    sync(s);
    const last = lastStep(s.size);
    if (bound && bound.player.last !== last) bound.player.setLast(last, s.step);
    draw(s);
  });
  const listening = new AbortController();
  const sync = bindFields(root, unpoolingCodec, (patch) => state.set(patch), listening.signal);
  bound = bindPlayer(root, {
    last: lastStep(state.get().size),
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
