/** <transposed-conv-stepper>: binds the controls, the URL state and the step player to the renderer. */
import { pageMessages } from '../../i18n';
import { bindStepper } from '../shared/bind-stepper';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { patternSentence, stepSentence } from './caption';
import { renderTransposedConv } from './render';
import { stampView } from './stamps';
import { STAMP_COUNT, transposedConvCodec } from './state';

defineWidget('transposed-conv-stepper', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const pattern = widgetPart(root, 'pattern');
  const step = widgetPart(root, 'step');
  const t = pageMessages().transposedConv;
  return bindStepper(root, id, transposedConvCodec, {
    lastStep: () => STAMP_COUNT,
    draw: (state) => {
      const view = stampView(state);
      stage.replaceChildren(renderTransposedConv(view, { messages: t }));
      pattern.textContent = patternSentence(view, t);
      step.textContent = stepSentence(view, t);
    },
  });
});
