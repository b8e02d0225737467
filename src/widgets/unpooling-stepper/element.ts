/** <unpooling-stepper>: binds the example controls, the URL state and the step player to the renderer. */
import { pageMessages } from '../../i18n';
import { bindStepper } from '../shared/bind-stepper';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { unpoolingSentence } from './caption';
import { renderUnpooling } from './render';
import { lastStep, unpoolingCodec } from './state';
import { unpoolingView } from './unpooling-steps';

defineWidget('unpooling-stepper', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const t = pageMessages().unpoolingStepper;
  return bindStepper(root, id, unpoolingCodec, {
    lastStep: (s) => lastStep(s.size),
    draw: (s) => {
      const view = unpoolingView(s, s.step);
      stage.replaceChildren(renderUnpooling(view, { messages: t }));
      caption.textContent = unpoolingSentence(view, t);
    },
  });
});
