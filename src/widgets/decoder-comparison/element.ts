/**
 * <decoder-comparison>: SegNet, FCN and DeepLab-LargeFOV decoders trained side by side on
 * one frozen SegNet-Basic encoder, on the same batches. The shell and its facts come with the
 * page; TF.js, Observable Plot, the data and the checkpoint load when the widget nears the
 * viewport (or on Start). Training runs one decoder step at a time with a pause for the page
 * in between, and stops by itself on a non-finite loss, a lost GPU or a hidden tab.
 */
import type * as PlotModule from '@observablehq/plot';
import type * as tfTypes from '@tensorflow/tfjs';
import { loadDataset, type RoadSceneDataset, type SplitData } from '../../data';
import { backendSentence, holdReason, HOLD_MESSAGES, isSlowBackend, readRunEnvironment } from '../model/run-policy';
import { h } from '../shared/dom';
import { readSources } from '../model/read-sources';
import { renderModelStatus, type ModelStatusView } from '../model/model-status';
import { bindFields } from '../shared/bind-fields';
import { defineWidget, widgetPart } from '../shared/define-widget';
import { watchDevice } from '../shared/device-watch';
import { holdBackend, onEngineBackend } from '../shared/backend-sharing';
import { loadEngine, type Engine } from '../shared/engine';
import { whenNearViewport } from '../shared/near-viewport';
import { resizeSplit } from '../../data';
import { widgetState } from '../shared/widget-state';
import { yieldToPage } from '../shared/yield';
import { ComparisonLog, divergedMessage } from './bookkeeping';
import type { BatchStream, SharedEncoderComparison } from './comparison-engine';
import { parseFacts } from './facts';
import { PREVIEW_FRAMES, previewPositions, SCORED_FRAMES, selectFrames } from './frames';
import { comparisonCaption, renderDecoderCard, renderDecoderFacts, renderLossChart, renderPredictions, type PredictionView } from './render';
import { COMPARED_DECODERS, comparisonCodec, DECODER_LABELS, inputSize, needsRebuild, type ComparedDecoder, type ComparisonState } from './state';

/** Images per training step (the same batch for every decoder). */
const BATCH_SIZE = 2;
/** Seed of the batch order and of the decoders' initial weights. */
const SEED = 1;

const RANDOM_ENCODER_SUMMARY = 'SegNet-Basic encoder with random weights, frozen';
const RANDOM_ENCODER_NOTICE = 'No pretrained checkpoint: the shared encoder has random weights (frozen), so the decoders learn from random features.';

/** What loads late, once per page. */
interface Late {
  engine: Engine;
  lib: typeof import('./comparison-engine');
  Plot: typeof PlotModule;
}

/** The encoder's pretrained weights, or why there are none. */
interface EncoderSource {
  tensors: tfTypes.NamedTensorMap | null;
  summary: string;
  notice: string | null;
}

/** One built race: its networks, data at its resolution and record. */
interface Session {
  state: ComparisonState;
  comparison: SharedEncoderComparison;
  stream: BatchStream;
  /** The validation frames scored at each refresh (the previews are among them). */
  scored: SplitData;
  log: ComparisonLog;
  /** Per decoder, predicted labels of every scored frame, and the step they are from. */
  predictions: Map<ComparedDecoder, Uint8Array> | null;
  predictedAt: number;
  /** Set by Start: the reader wants training now, not the step-0 scores (slow on weak GPUs). */
  skipFirstRefresh: boolean;
}

const PAUSING = 'Pausing after this step…';

/** Thrown inside a refresh whose session was replaced (a rebuild or reset): not an error. */
class RefreshCancelled extends Error {
  constructor() {
    super('refresh cancelled: the comparison was rebuilt');
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** Lets the page handle input and paint between pieces of work (not setTimeout(0): browsers throttle it). */
const breathe = yieldToPage;

defineWidget('decoder-comparison', (root, id) => {
  const sources = readSources(root);
  const facts = parseFacts(root.dataset.facts);
  const [dataHeight, dataWidth] = (root.dataset.dataSize ?? '96x128').split('x').map(Number) as [number, number];
  const runButton = widgetPart<HTMLButtonElement>(root, 'run');
  const resetButton = widgetPart<HTMLButtonElement>(root, 'reset');
  const stepOut = widgetPart(root, 'step');
  const messageBox = widgetPart(root, 'message');
  const board = widgetPart(root, 'predictions');
  const cards = widgetPart(root, 'cards');
  const lossBox = widgetPart(root, 'loss');
  const caption = widgetPart(root, 'caption');
  const status = widgetPart(root, 'status');
  const checkboxes = [...root.querySelectorAll<HTMLInputElement>('input[data-decoder]')];

  let late: Promise<Late> | null = null;
  let dataset: Promise<RoadSceneDataset> | null = null;
  let encoderSource: Promise<EncoderSource> | null = null;
  let session: Session | null = null;
  let running = false;
  /** True from a loop's first step until it has ended (a paused loop finishes its step first). */
  let looping = false;
  let loop: Promise<void> | null = null;
  let broken: string | null = null;
  let stopWatching: (() => void) | null = null;
  let stopListening: (() => void) | null = null;
  /** The status shown once built, redrawn when another widget switches the page's backend. */
  let readyStatus: Extract<ModelStatusView, { state: 'ready' }> | null = null;
  let live = true;
  // Building, disposing and starting happen one after the other, never interleaved.
  let lifecycle: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = lifecycle.then(task);
    lifecycle = next.catch(() => undefined);
    return next;
  };

  const say = (text: string): void => {
    messageBox.textContent = text;
  };
  const showStatus = (view: ModelStatusView, action?: () => void): void => {
    const node = renderModelStatus(view);
    node.querySelector('[data-action="run"]')?.addEventListener('click', () => action?.(), { once: true });
    status.replaceChildren(node);
  };

  const loadLate = (): Promise<Late> => {
    late ??= Promise.all([loadEngine(), import('./comparison-engine'), import('@observablehq/plot')]).then(([engine, lib, Plot]) => {
      const watch = (): void => {
        root.dataset.backend = engine.backend.name;
        stopWatching?.();
        stopWatching = watchDevice(engine.tf.backend(), (reason) => {
          broken = `Training stopped: ${reason}. Reload the page to train again.`;
          running = false;
          say(broken);
          showButtons();
        });
      };
      watch();
      // TF.js's backend is page-wide: another widget (the training studio) may switch it.
      stopListening?.();
      stopListening = onEngineBackend((backend) => {
        watch();
        if (readyStatus) {
          readyStatus = { ...readyStatus, backendSentence: backendSentence(backend) };
          showStatus(readyStatus);
        }
      });
      return { engine, lib, Plot };
    });
    late.catch(() => (late = null));
    return late;
  };

  const loadData = (): Promise<RoadSceneDataset> => {
    dataset ??= loadDataset(sources.dataUrl, { splits: ['train', 'val'] });
    dataset.catch(() => (dataset = null));
    return dataset;
  };

  /** The pretrained encoder's tensors, read once; every other tensor of the checkpoint is freed. */
  const loadEncoder = (engine: Engine): Promise<EncoderSource> => {
    encoderSource ??= (async (): Promise<EncoderSource> => {
      const url = sources.model.checkpointUrl;
      if (!url) return { tensors: null, summary: RANDOM_ENCODER_SUMMARY, notice: RANDOM_ENCODER_NOTICE };
      try {
        const { meta, tensors } = await engine.segnet.readCheckpoint(new URL(url, window.location.href).href);
        const kept: tfTypes.NamedTensorMap = {};
        for (const [name, t] of Object.entries(tensors)) {
          if (name.startsWith('encoder/') && meta.config.encoder === 'basic') kept[name] = t;
          else t.dispose();
        }
        if (meta.config.encoder !== 'basic') throw new Error(`its encoder is ${meta.config.encoder}, not basic`);
        const steps = meta.progress.step;
        return { tensors: kept, summary: `SegNet-Basic encoder from the pretrained checkpoint${steps > 0 ? ` (${steps.toLocaleString('en')} steps)` : ''}, frozen`, notice: null };
      } catch (e) {
        return { tensors: null, summary: RANDOM_ENCODER_SUMMARY, notice: `The pretrained checkpoint could not be used (${message(e)}): the shared encoder has random weights (frozen).` };
      }
    })();
    return encoderSource;
  };

  // ---- drawing -------------------------------------------------------------------------

  const showButtons = (): void => {
    const step = session?.log.step ?? 0;
    // Between Pause and the end of the step in flight the loop still runs: 'pausing'.
    const pausing = !running && looping;
    runButton.textContent = running ? 'Pause' : pausing ? 'Pausing…' : step > 0 ? 'Resume' : 'Start';
    runButton.disabled = broken !== null;
    // Not `disabled` while pausing: that would drop the keyboard focus from the button.
    runButton.setAttribute('aria-disabled', String(pausing));
    resetButton.disabled = broken !== null || running || pausing || step === 0;
    root.dataset.state = running ? 'running' : pausing ? 'pausing' : step > 0 ? 'paused' : session ? 'ready' : 'idle';
  };

  const drawBoard = (s: Session): void => {
    const { height, width } = s.scored;
    const px = height * width;
    const at = previewPositions();
    const view: PredictionView = {
      height,
      width,
      frames: [...PREVIEW_FRAMES],
      images: at.map((i) => s.scored.images.subarray(i * px * 3, (i + 1) * px * 3)),
      truth: at.map((i) => s.scored.labels.subarray(i * px, (i + 1) * px)),
      decoders: s.state.decoders.map((decoder) => {
        const labels = s.predictions?.get(decoder);
        return { decoder, step: labels ? s.predictedAt : null, labels: labels ? at.map((i) => labels.subarray(i * px, (i + 1) * px)) : null };
      }),
    };
    board.style.setProperty('--dc-columns', String(s.state.decoders.length + 2));
    board.style.setProperty('--dc-aspect', `${width} / ${height}`);
    board.replaceChildren(renderPredictions(view));
  };

  const factsOf = (s: ComparisonState, decoder: ComparedDecoder) => facts[s.resolution].decoders.find((f) => f.decoder === decoder)!;

  /** Cards from scratch (IoU charts included): on a build and on each refresh. */
  const drawCards = (s: ComparisonState, log: ComparisonLog, Plot: typeof PlotModule | null): void => {
    // One column per decoder on wide screens, one card per row on narrow ones (see the CSS grid).
    const columns = Math.max(1, Math.min(s.decoders.length, Math.floor((cards.clientWidth || 720) / 208)));
    const chartWidth = Math.max(200, Math.min(360, Math.floor((cards.clientWidth || 720) / columns) - 24));
    cards.replaceChildren(...s.decoders.map((d) => renderDecoderCard(Plot, factsOf(s, d), log.track(d), log.medianMs(d), chartWidth)));
  };

  /** Only the numbers that change every step (loss, time): the charts stay as they are. */
  const updateFacts = (s: Session): void => {
    for (const d of s.state.decoders) {
      const dl = cards.querySelector(`[data-decoder="${d}"] .dc-facts`);
      dl?.replaceWith(renderDecoderFacts(factsOf(s.state, d), s.log.track(d), s.log.medianMs(d)));
    }
  };

  const drawLoss = (s: Session, Plot: typeof PlotModule): void => {
    // Drawn at the box's width (the SVG also scales), so narrow screens keep readable text.
    lossBox.replaceChildren(renderLossChart(Plot, s.log.lossRows(), s.state.decoders, Math.min(720, Math.max(280, lossBox.clientWidth || 640))));
  };

  const drawStep = (s: Session): void => {
    stepOut.textContent = `Step ${s.log.step}`;
    root.dataset.step = String(s.log.step);
    caption.textContent = comparisonCaption(s.log.step, s.log.tracks);
  };

  /**
   * Predictions and validation scores of every decoder at the current step. Gives way between
   * passes, and gives up (RefreshCancelled) as soon as its session is replaced, or, for the
   * step-0 refresh, as soon as the reader presses Start.
   */
  const refresh = async (s: Session, l: Late, first = false): Promise<void> => {
    const between = async (): Promise<void> => {
      await breathe();
      if (session !== s || (first && s.skipFirstRefresh)) throw new RefreshCancelled();
    };
    const { scores, predicted } = await s.comparison.evaluate(s.scored, BATCH_SIZE, between);
    for (const [decoder, sc] of scores) {
      s.log.recordScores(decoder, { step: s.log.step, meanIoU: sc.meanIoU, perClassIoU: sc.perClassIoU, globalAccuracy: sc.globalAccuracy });
    }
    s.predictions = predicted;
    s.predictedAt = s.log.step;
    drawBoard(s);
    drawCards(s.state, s.log, l.Plot);
    drawStep(s);
    root.dataset.refreshed = String(s.log.step);
  };

  // ---- lifecycle -----------------------------------------------------------------------

  const stop = async (): Promise<void> => {
    running = false;
    await loop;
    loop = null;
  };

  /** The step-0 refresh of a new session, which runs outside the lifecycle so a rebuild can cut it short. */
  let firstRefresh: Promise<void> | null = null;

  const disposeSession = async (): Promise<void> => {
    const old = session;
    session = null;
    await firstRefresh;
    if (old) await old.comparison.dispose();
  };

  /** Builds the race for the current settings and draws its step 0 (not serialised: callers are). */
  const build = async (): Promise<Session> => {
    await stop();
    await disposeSession();
    delete root.dataset.refreshed;
    readyStatus = null;
    showStatus({ state: 'loading' });
    const [l, data] = await Promise.all([loadLate(), loadData()]);
    const encoder = await loadEncoder(l.engine);
    const s0 = state.get();
    const { height, width } = inputSize(s0.resolution, dataHeight, dataWidth);
    const train = resizeSplit(data.splits.train!, height, width);
    const scored = resizeSplit(selectFrames(data.splits.val!, SCORED_FRAMES), height, width);
    const comparison = new l.lib.SharedEncoderComparison({
      decoders: s0.decoders,
      height,
      width,
      learningRate: s0.learningRate,
      classWeights: data.manifest.medianFrequencyWeights,
      seed: SEED,
    });
    let { summary, notice } = encoder;
    try {
      // Checked in full before any variable is written: on failure the encoder stays random.
      if (encoder.tensors) l.lib.applyEncoderWeights(comparison.encoderOwner, encoder.tensors);
    } catch (e) {
      summary = RANDOM_ENCODER_SUMMARY;
      notice = `The pretrained checkpoint’s encoder does not fit (${message(e)}): the shared encoder has random weights (frozen).`;
    }
    const s: Session = { state: s0, comparison, stream: new l.lib.BatchStream(train, BATCH_SIZE, SEED), scored, log: new ComparisonLog(s0.decoders), predictions: null, predictedAt: 0, skipFirstRefresh: false };
    session = s;
    const slow = isSlowBackend(l.engine.backend.name);
    readyStatus = { state: 'ready', summary: `${summary}; ${s0.decoders.length} decoders on it`, backendSentence: backendSentence(l.engine.backend), notice };
    showStatus(readyStatus);
    drawBoard(s);
    drawCards(s0, s.log, l.Plot);
    drawLoss(s, l.Plot);
    drawStep(s);
    showButtons();
    // Step 0: what the untrained decoders make of the frames (skipped on the slow plain-JS backend).
    if (!slow) {
      firstRefresh = refresh(s, l, true)
        .catch((e: unknown) => {
          if (!(e instanceof RefreshCancelled)) say(`The first predictions failed: ${message(e)}`);
        })
        .finally(() => (firstRefresh = null));
    }
    return s;
  };

  const fail = (e: unknown): void => {
    running = false;
    readyStatus = null;
    showStatus({ state: 'failed', message: message(e) });
    say(`The comparison could not run: ${message(e)}`);
    showButtons();
  };

  const prepare = (): Promise<unknown> =>
    serial(async () => {
      if (!session) await build();
    }).catch(fail);

  const runLoop = async (s: Session, l: Late): Promise<void> => {
    looping = true;
    // While it trains, a backend switch elsewhere on the page waits (it would move the tensors under it).
    const release = holdBackend('the decoder comparison');
    try {
      while (running && session === s && live) {
        await s.comparison.setLearningRate(state.get().learningRate);
        const records = await s.comparison.step(s.stream.next(), breathe);
        if (session !== s) return;
        const diverged = s.log.recordStep(records);
        updateFacts(s);
        drawLoss(s, l.Plot);
        drawStep(s);
        if (diverged.length > 0) {
          const first = diverged[0]!;
          say(divergedMessage(DECODER_LABELS[first.decoder], s.log.step, first.loss));
          break;
        }
        if (s.log.refreshDue(state.get().every)) await refresh(s, l);
        await breathe();
      }
    } catch (e) {
      // A lost GPU already said why; the step it broke says nothing more useful.
      if (!(e instanceof RefreshCancelled) && !broken) say(`Training stopped: ${message(e)}. Reset to start over.`);
    } finally {
      release();
      running = false;
      looping = false;
      if (messageBox.textContent === PAUSING) say(`Paused at step ${s.log.step}.`);
      showButtons();
    }
  };

  const start = (): Promise<unknown> =>
    serial(async () => {
      if (running || broken) return;
      const s = session ?? (await build());
      const l = await loadLate();
      s.skipFirstRefresh = true;
      await firstRefresh;
      say('');
      running = true;
      showButtons();
      loop = runLoop(s, l);
    }).catch(fail);

  const pause = (reason: string): void => {
    if (!running) return;
    running = false;
    say(reason);
    showButtons();
  };

  const onRun = (): void => {
    if (looping && !running) return; // pausing: the step in flight is finishing
    if (running) pause(PAUSING);
    else void start();
  };

  const onReset = (): void => {
    say('');
    void serial(async () => {
      if (session) await build();
    }).catch(fail);
  };

  const onVisibility = (): void => {
    if (document.hidden) pause('Paused because the page was hidden. Press Resume to go on.');
  };

  // ---- state ---------------------------------------------------------------------------

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
    drawCards(s, new ComparisonLog(s.decoders), null);
    if (session || late) {
      if (running || (session?.log.step ?? 0) > 0) say('Settings changed: the race starts over.');
      void serial(async () => {
        await build();
      }).catch(fail);
    }
  });
  const controller = new AbortController();
  const sync = bindFields(root, comparisonCodec, (patch) => state.set(patch), controller.signal);
  applied = state.get();
  sync(applied);
  syncCheckboxes(applied);

  const onDecoderToggle = (event: Event): void => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.decoder) return;
    const chosen = COMPARED_DECODERS.filter((d) => checkboxes.find((c) => c.dataset.decoder === d)?.checked);
    if (chosen.length < 2) {
      box.checked = true;
      say('Keep at least two decoders: the point is to compare them.');
      return;
    }
    state.set({ decoders: chosen });
  };
  for (const box of checkboxes) box.addEventListener('change', onDecoderToggle, { signal: controller.signal });
  runButton.addEventListener('click', onRun, { signal: controller.signal });
  resetButton.addEventListener('click', onReset, { signal: controller.signal });
  document.addEventListener('visibilitychange', onVisibility, { signal: controller.signal });

  // The skeleton: facts before anything loads, space reserved for the rest.
  drawCards(applied, new ComparisonLog(applied.decoders), null);
  board.replaceChildren(h('p', { class: 'dc-chart-placeholder' }, 'Predictions appear once the network has loaded.'));
  lossBox.replaceChildren(h('p', { class: 'dc-chart-placeholder' }, 'Loss curves appear once training starts.'));
  showButtons();

  showStatus({ state: 'waiting' });
  const cancel = whenNearViewport(root, () => {
    const reason = holdReason(readRunEnvironment());
    if (reason) showStatus({ state: 'held', message: HOLD_MESSAGES[reason] }, () => void prepare());
    else void prepare();
  });

  return () => {
    live = false;
    running = false;
    cancel();
    controller.abort();
    stopWatching?.();
    stopListening?.();
    // The step in flight finishes before the networks are freed.
    void serial(async () => {
      await stop();
      await disposeSession();
    });
  };
});
