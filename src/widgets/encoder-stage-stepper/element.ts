/**
 * <encoder-stage-stepper>: the first encoder stage of the page's SegNet-Basic on a demo frame,
 * one step at a time. The state (frame, channel, step, patch) lives in the URL; the recorded
 * layers come from the page's model once it has run; the probe follows the pointer, or the
 * arrow keys when the patch has focus.
 */
import { pageMessages } from '../../i18n';
import { errorMessage, convStepName } from '../../segnet/core';
import { bindStepper } from '../shared/bind-stepper';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { bindModelWidget, type DemoFrames, type PageModel } from '../model';
import { probeSentence, stepSentence } from './caption';
import { renderStage } from './render';
import { stageView, type StageData } from './stage-view';
import { encoderStageCodec, LAST_STEP, PATCH, type EncoderStageState } from './state';

const CONV = 'encoder/stage1/conv1';
const POOL = 'encoder/stage1/pool';
const KEYS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

async function loadStage(model: PageModel, frames: DemoFrames, index: number): Promise<StageData> {
  const frame = frames.frames[index]!;
  const [conv, bn, relu, pool] = await Promise.all(
    [convStepName(CONV, 'conv'), convStepName(CONV, 'bn'), CONV, POOL].map((name) => model.layer(frame, name)),
  );
  return { width: conv!.width, height: conv!.height, channels: conv!.channels, image: frame.image, conv: conv!.values, bn: bn!.values, relu: relu!.values, pooled: pool!.values, indices: pool!.indices! };
}

defineWidget('encoder-stage-stepper', (root, id) => {
  const t = pageMessages().encoderStageStepper;
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const probeLine = widgetPart(root, 'probe');
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  let waiting = t.waiting;
  const loaded = new Map<number, Promise<StageData>>();
  let current: EncoderStageState = encoderStageCodec.defaults;
  let probe: [number, number] | null = null;

  const paint = (s: EncoderStageState, data: StageData): void => {
    const view = stageView(data, s);
    const hadFocus = stage.contains(document.activeElement);
    stage.replaceChildren(renderStage(view, { messages: t, probe }));
    caption.textContent = stepSentence(view, t);
    probeLine.textContent = probe ? probeSentence(view, s.y + probe[0], s.x + probe[1], t) : t.probeHint;
    if (hadFocus) stage.querySelector<SVGSVGElement>('[data-part="patch"]')?.focus();
    root.dataset.shown = `${s.frame}:${s.channel}:${s.step}`;
  };

  const draw = (s: EncoderStageState): void => {
    current = s;
    if (!frames || !model) {
      stage.replaceChildren(Object.assign(document.createElement('p'), { className: 'widget-loading', textContent: waiting }));
      return;
    }
    let pending = loaded.get(s.frame);
    if (!pending) {
      stage.replaceChildren(Object.assign(document.createElement('p'), { className: 'widget-loading', textContent: t.running }));
      pending = loadStage(model, frames, s.frame);
      pending.catch(() => loaded.delete(s.frame));
      loaded.set(s.frame, pending);
    }
    pending.then(
      (data) => {
        if (current === s) paint(s, data);
      },
      (error: unknown) => {
        stage.replaceChildren(Object.assign(document.createElement('p'), { className: 'widget-loading', textContent: t.failed(errorMessage(error)) }));
      },
    );
  };

  const unbindStepper = bindStepper(root, id, encoderStageCodec, { lastStep: () => LAST_STEP, draw });

  const moveProbe = (next: [number, number]): void => {
    probe = [Math.min(PATCH - 1, Math.max(0, next[0])), Math.min(PATCH - 1, Math.max(0, next[1]))];
    draw(current);
  };
  // The cell the pointer last moved onto: a redraw under a still pointer must not undo a key press.
  let pointerCell = -1;
  const onPointer = (event: PointerEvent): void => {
    const cell = (event.target as Element).closest('.cell');
    const svg = cell?.closest('[data-part="patch"]');
    if (!cell || !svg) return;
    const i = [...svg.querySelectorAll('.cell')].indexOf(cell);
    if (i < 0 || i === pointerCell) return;
    pointerCell = i;
    moveProbe([Math.floor(i / PATCH), i % PATCH]);
  };
  const onKey = (event: KeyboardEvent): void => {
    const move = KEYS[event.key];
    if (!move || !(event.target as Element).closest('[data-part="patch"]')) return;
    event.preventDefault();
    const at = probe ?? [0, 0];
    moveProbe(probe ? [at[0] + move[0], at[1] + move[1]] : at);
  };
  stage.addEventListener('pointermove', onPointer);
  stage.addEventListener('keydown', onKey);

  const unbindModel = bindModelWidget(root, {
    frames: (f) => {
      frames = f;
      draw(current);
    },
    framesFailed: (text) => {
      waiting = text;
      draw(current);
    },
    model: (m) => {
      model = m;
      draw(current);
    },
  });
  return () => {
    unbindModel();
    unbindStepper();
    stage.removeEventListener('pointermove', onPointer);
    stage.removeEventListener('keydown', onKey);
  };
});
