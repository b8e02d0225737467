/** <pooling-stepper>: binds the example controls, the URL state and the step player to the renderer. */
import { pageMessages } from '../../i18n';
import { bindStepper } from '../shared/bind-stepper';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { pooledExample } from '../shared/pooled-example';
import { poolingSentence } from './caption';
import { renderPooling } from './render';
import { poolingCodec, windowCount } from './state';

defineWidget('pooling-stepper', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const t = pageMessages().poolingStepper;
  return bindStepper(root, id, poolingCodec, {
    lastStep: (s) => windowCount(s.size),
    draw: (s) => {
      const example = pooledExample(s);
      stage.replaceChildren(renderPooling(example, s.step, { messages: t }));
      caption.textContent = poolingSentence(example, s.step, t);
    },
  });
});
