/**
 * <decoder-comparison>: SegNet, FCN and DeepLab-LargeFOV decoders trained side by side on
 * one frozen SegNet-Basic encoder, on the same batches. Binds the settings (mirrored in the
 * URL), the decoder checkboxes and the buttons to a RaceSession (race.ts) drawn by a
 * comparisonView (race-view.ts). The shell and its facts come with the page; TF.js, Observable
 * Plot, the data and the checkpoint load when the widget nears the viewport (or on Start).
 */
import { loadDataset } from '../../data';
import { readSources } from '../model/read-sources';
import { HOLD_MESSAGES } from '../model/run-policy';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { loadEngine } from '../shared/engine';
import { onPageHidden } from '../shared/page-hidden';
import { gateRun } from '../shared/run-gate';
import { widgetState } from '../shared/widget-state';
import { readEncoder } from './encoder-source';
import { parseFacts } from './facts';
import { RaceSession } from './race';
import { comparisonPlaceholders, comparisonView } from './race-view';
import { COMPARED_DECODERS, comparisonCodec, needsRebuild, type ComparedDecoder, type ComparisonState } from './state';

defineWidget('decoder-comparison', (root, id) => {
  const sources = readSources(root);
  const [height, width] = (root.dataset.dataSize ?? '96x128').split('x').map(Number) as [number, number];
  const checkboxes = [...root.querySelectorAll<HTMLInputElement>('input[data-decoder]')];
  const controller = new AbortController();
  const { signal } = controller;
  const view = comparisonView(root, parseFacts(root.dataset.facts));

  const session = new RaceSession(
    view,
    {
      load: async () => {
        const [engine, lib, Plot] = await Promise.all([loadEngine(), import('./comparison-engine'), import('@observablehq/plot')]);
        view.plot(Plot);
        return { engine, lib };
      },
      loadData: () => loadDataset(sources.dataUrl, { splits: ['train', 'val'] }),
      loadEncoder: (engine) => readEncoder(engine, sources.model.checkpointUrl),
      settings: () => state.get(),
    },
    { dataSize: { height, width } },
  );

  let applied = comparisonCodec.defaults;
  const syncCheckboxes = (s: ComparisonState): void => {
    for (const box of checkboxes) box.checked = s.decoders.includes(box.dataset.decoder as ComparedDecoder);
  };
  const state = widgetState(id, comparisonCodec, (s) => {
    sync(s);
    syncCheckboxes(s);
    const rebuild = needsRebuild(applied, s);
    applied = s;
    if (!rebuild) return;
    // The new line-up's facts at once; its networks (when already loaded) follow.
    view.lineUp(s);
    void session.rebuild();
  });
  const sync = bindFields(root, comparisonCodec, (patch) => state.set(patch), signal);
  applied = state.get();
  sync(applied);
  syncCheckboxes(applied);

  const onDecoderToggle = (event: Event): void => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.decoder) return;
    const chosen = COMPARED_DECODERS.filter((d) => checkboxes.find((c) => c.dataset.decoder === d)?.checked);
    if (chosen.length < 2) {
      box.checked = true;
      session.say('Keep at least two decoders: the point is to compare them.');
      return;
    }
    state.set({ decoders: chosen });
  };
  for (const box of checkboxes) box.addEventListener('change', onDecoderToggle, { signal });
  widgetPart(root, 'run').addEventListener('click', () => session.toggle(), { signal });
  widgetPart(root, 'reset').addEventListener('click', () => void session.reset(), { signal });
  onPageHidden(() => session.pageHidden(), signal);

  // The skeleton: facts before anything loads, space reserved for the rest.
  view.lineUp(applied);
  comparisonPlaceholders(root);
  view.phase(session.phase, 0, false);
  view.status({ state: 'waiting' });
  const cancel = gateRun(root, {
    start: () => void session.prepare(),
    held: (reason) => view.status({ state: 'held', message: HOLD_MESSAGES[reason] }, () => void session.prepare()),
  });

  return () => {
    cancel();
    controller.abort();
    // The step in flight finishes before the networks are freed.
    void session.dispose();
  };
});
