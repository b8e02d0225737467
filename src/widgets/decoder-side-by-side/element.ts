/**
 * <decoder-side-by-side>: one channel of an encoder stage, pooled, then brought back to the
 * size before pooling three ways. Everything here comes from the page's network (TF.js loads
 * when the widget nears the viewport); the encoder is the same for all three.
 */
import { pageMessages } from '../../i18n';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { widgetState } from '../shared/widget-state';
import { bindModelWidget, mostVariedChannel, type DemoFrames, type PageModel } from '../model';
import { h } from '../shared/dom';
import { renderSideBySide } from './render';
import { sideBySideCodec, stageLayers, type SideBySideState } from './state';
import { channelComparison } from './channel-comparison';
import { comparisonSentence, sideBySideView } from './view';
import { errorMessage } from '../../segnet/core';

defineWidget('decoder-side-by-side', (root, id) => {
  const stage = widgetPart(root, 'stage');
  const caption = widgetPart(root, 'caption');
  const strongest = widgetPart<HTMLButtonElement>(root, 'strongest');
  const t = pageMessages().decoderSideBySide;
  let frames: DemoFrames | null = null;
  let model: PageModel | null = null;
  let drawn = '';

  const message = (text: string): void => {
    stage.replaceChildren(h('p', { class: 'sbs-message' }, text));
  };

  const layerNames = (s: SideBySideState) => stageLayers(s.stage);

  const draw = async (s: SideBySideState): Promise<void> => {
    const frame = frames?.frames[s.frame];
    if (!model || !frame) return;
    const key = `${s.frame}:${s.stage}:${s.channel}`;
    const names = layerNames(s);
    const [pool, features] = await Promise.all([model.layer(frame, names.pool), model.layer(frame, names.features)]);
    const maps = await channelComparison(model, pool, features, s.stage, s.channel);
    const now = state.get();
    if (`${now.frame}:${now.stage}:${now.channel}` !== key) return;
    const view = sideBySideView(maps, t);
    stage.replaceChildren(renderSideBySide(view, t));
    caption.textContent = comparisonSentence(view, t);
    drawn = key;
    root.dataset.shown = key;
  };

  const update = (s: SideBySideState): void => {
    if (!model || !frames) return;
    if (`${s.frame}:${s.stage}:${s.channel}` === drawn) return;
    caption.textContent = t.upsampling;
    draw(s).catch((error: unknown) => message(t.failed(errorMessage(error))));
  };

  const state = widgetState(id, sideBySideCodec, (s) => {
    sync(s);
    update(s);
  });
  const sync = bindFields(root, sideBySideCodec, (patch) => state.set(patch));
  sync(state.get());
  message(t.waiting);

  const onStrongest = (): void => {
    const s = state.get();
    const frame = frames?.frames[s.frame];
    if (!model || !frame) return;
    model.layer(frame, layerNames(s).features).then((features) => state.set({ channel: mostVariedChannel(features.values, features.channels) + 1 }), () => undefined);
  };
  strongest.addEventListener('click', onStrongest);

  const unbind = bindModelWidget(root, {
    frames: (loaded) => {
      frames = loaded;
      update(state.get());
    },
    framesFailed: message,
    model: (loaded) => {
      model = loaded;
      strongest.disabled = false;
      update(state.get());
    },
  });

  return () => {
    unbind();
    strongest.removeEventListener('click', onStrongest);
  };
});
