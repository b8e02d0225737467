/**
 * <decoder-side-by-side>: one channel of an encoder stage, pooled, then brought back to the
 * size before pooling three ways, next to the trained SegNet decoder's own stage at that size
 * (unpooled input, output after its learnt conv and batch norm). Everything here comes from
 * the page's network (TF.js loads when the widget nears the viewport).
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
    const [pool, features, upsampled, output] = await Promise.all([names.pool, names.features, names.decoderUnpool, names.decoderOutput].map((n) => model!.layer(frame, n)));
    const maps = await channelComparison(model, pool!, features!, s.stage, s.channel, [{ decoder: 'segnet', upsampled: upsampled!, output: output! }]);
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
