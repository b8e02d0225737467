/**
 * <decoder-comparison>: two to five decoders (SegNet, FCN, DeepLab-LargeFOV, DeconvNet,
 * bilinear) trained side by side on the same batches, on one frozen pretrained SegNet-Basic
 * encoder or from scratch. Binds the settings (mirrored in the URL), the preset and decoder
 * choices and the buttons to a RaceSession (race.ts) that runs in the
 * page's engine worker (race-host.ts, reached through race-client.ts) and is drawn here by a
 * comparisonView (race-view.ts). The shell and its facts come with the page; TF.js, the data
 * and the checkpoint load in the worker, and Observable Plot in the page, when the widget
 * nears the viewport (or on Start).
 */
import { readSources } from '../model/read-sources';
import { HOLD_MESSAGES } from '../model/run-policy';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { onPageHidden } from '../shared/page-hidden';
import { gateRun } from '../shared/run-gate';
import { widgetState } from '../shared/widget-state';
import { parseFacts } from './facts';
import { raceClient } from './race-client';
import { comparisonPlaceholders, comparisonView } from './race-view';
import { COMPARED_DECODERS, PRESET_NAMES, PRESETS, RESOLUTIONS, SYNTHETIC_DATA, comparisonCodec, inputSize, needsRebuild, presetPatch, resolutionFor, type ComparedDecoder, type ComparisonState, type PresetName } from './state';
import type { StoredDatasetInfo } from '../shared/stored-datasets';
import { pageMessages } from '../../i18n';

defineWidget('decoder-comparison', (root, id) => {
  const sources = readSources(root);
  const [height, width] = (root.dataset.dataSize ?? '96x128').split('x').map(Number) as [number, number];
  const checkboxes = [...root.querySelectorAll<HTMLInputElement>('input[data-decoder]')];
  const presetRadios = [...root.querySelectorAll<HTMLInputElement>('input[data-preset]')];
  const controller = new AbortController();
  const { signal } = controller;
  const view = comparisonView(root, parseFacts(root.dataset.facts), signal);

  const dataSelect = widgetPart<HTMLSelectElement>(root, 'data');
  const camvidCheckpointUrl = root.dataset.camvidCheckpoint || null;
  /** The reader's datasets in this browser that the race can use (train and val frames), once listed. */
  let stored: StoredDatasetInfo[] = [];
  let listed: () => void = () => undefined;
  const firstList = new Promise<void>((resolve) => (listed = resolve));

  const session = raceClient(view, { sources, camvidCheckpointUrl, settings: () => state.get() });

  /** The size of the data `s` races on: the page's, or the stored dataset's. */
  const dataSize = (s: ComparisonState): { height: number; width: number } => stored.find((d) => d.name === s.data) ?? { height, width };
  /** The data menu and the resolutions' sizes, for `s`. */
  const syncData = (s: ComparisonState): void => {
    if ([...dataSelect.options].some((o) => o.value === s.data)) dataSelect.value = s.data;
    const size = dataSize(s);
    for (const r of RESOLUTIONS) {
      const span = root.querySelector(`[data-res-size="${r}"]`);
      const at = inputSize(r, size.height, size.width);
      if (span) span.textContent = `${at.height} × ${at.width}`;
    }
  };

  let applied = comparisonCodec.defaults;
  const syncCheckboxes = (s: ComparisonState): void => {
    for (const box of checkboxes) box.checked = s.decoders.includes(box.dataset.decoder as ComparedDecoder);
    for (const radio of presetRadios) radio.checked = radio.dataset.preset === s.preset;
  };
  const state = widgetState(id, comparisonCodec, (s) => {
    sync(s);
    syncCheckboxes(s);
    syncData(s);
    session.settings(s);
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
  syncData(applied);

  // The reader's own data, at a resolution that suits it; back on the synthetic scenes, the preset's.
  dataSelect.addEventListener(
    'change',
    () => {
      const data = dataSelect.value;
      const own = stored.find((d) => d.name === data);
      if (own) state.set({ data, resolution: resolutionFor(own.height, own.width) });
      else if (data === SYNTHETIC_DATA) state.set({ data, resolution: PRESETS[state.get().preset].resolution });
    },
    { signal },
  );
  /** The stored datasets as options after the synthetic scenes; a link's dataset not stored here falls back to those. */
  const showStored = (infos: StoredDatasetInfo[]): void => {
    const before = new Map(stored.map((d) => [d.name, d.savedAt]));
    stored = infos.filter((d) => (d.counts.train ?? 0) > 0 && (d.counts.val ?? 0) > 0);
    // A dataset saved again (photos added, a folder imported anew) is read afresh by the race.
    for (const d of stored) if (before.has(d.name) && before.get(d.name) !== d.savedAt) session.dataChanged(d.name);
    const words = pageMessages().decoderComparison.controls;
    for (const o of dataSelect.querySelectorAll('option[data-stored]')) o.remove();
    for (const d of stored) {
      const option = document.createElement('option');
      option.value = d.name;
      option.dataset.stored = '';
      option.textContent = words.stored(d.name, d.counts.train ?? 0, d.counts.val ?? 0, d.height, d.width);
      dataSelect.append(option);
    }
    const s = state.get();
    if (s.data !== SYNTHETIC_DATA && !stored.some((d) => d.name === s.data)) {
      // Stored but unusable (no training or no validation frames), or not stored here at all.
      session.say(infos.some((d) => d.name === s.data) ? words.noFrames(s.data) : words.notStored(s.data));
      state.set({ data: SYNTHETIC_DATA, resolution: PRESETS[s.preset].resolution });
    } else syncData(s);
    listed();
  };
  void import('../shared/stored-datasets').then(
    ({ watchStoredDatasets }) => watchStoredDatasets(showStored, signal),
    () => listed(),
  );

  const onDecoderToggle = (event: Event): void => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.decoder) return;
    const chosen = COMPARED_DECODERS.filter((d) => checkboxes.find((c) => c.dataset.decoder === d)?.checked);
    if (chosen.length < 2) {
      box.checked = true;
      session.say(pageMessages().decoderComparison.controls.keepTwo);
      return;
    }
    state.set({ decoders: chosen });
  };
  for (const box of checkboxes) box.addEventListener('change', onDecoderToggle, { signal });
  // A preset sets its learning rate and resolution too (the reader may change them afterwards).
  const onPreset = (event: Event): void => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || !radio.checked) return;
    const name = PRESET_NAMES.find((p) => p === radio.dataset.preset);
    if (name) state.set(presetPatch(name as PresetName));
  };
  for (const radio of presetRadios) radio.addEventListener('change', onPreset, { signal });
  widgetPart(root, 'run').addEventListener('click', () => session.toggle(), { signal });
  widgetPart(root, 'reset').addEventListener('click', () => void session.reset(), { signal });
  onPageHidden(() => session.pageHidden(), signal);

  // The skeleton: facts before anything loads, space reserved for the rest.
  view.lineUp(applied);
  comparisonPlaceholders(root);
  view.phase('idle', 0, false);
  view.status({ state: 'waiting' });
  const cancel = gateRun(root, {
    // Built once the stored datasets are known: a link's dataset may be missing here.
    start: () => void firstList.then(() => session.prepare()),
    held: (reason) => view.status({ state: 'held', message: HOLD_MESSAGES[reason] }, () => void firstList.then(() => session.prepare())),
  });

  return () => {
    cancel();
    controller.abort();
    // The step in flight finishes (in the worker) before the networks are freed.
    session.dispose();
  };
});
