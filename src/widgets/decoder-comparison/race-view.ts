/**
 * The decoder comparison's DOM side of a race: buttons, message, status line, the prediction
 * board, one card per decoder and the loss curves, redrawn from the race's plain record with
 * the pure renders of render.ts. Observable Plot arrives with TF.js (`plot`); until then the
 * cards show their facts and the charts a placeholder.
 */
import type * as PlotModule from '@observablehq/plot';
import type { BackendChoice } from '../../segnet';
import { h } from '../shared/dom';
import { showModelStatus, type ModelStatusView } from '../model/model-status';
import { backendSentence } from '../model/run-policy';
import { widgetPart } from '../shared/define-widget';
import { ComparisonLog } from './bookkeeping';
import type { FactsTable, SizeFacts } from './facts';
import { previewFrames } from './frames';
import type { RaceRecord, RaceView } from './race';
import { comparisonCaption, renderDecoderCard, renderDecoderFacts, renderLossChart, renderPredictions, type PredictionView } from './render';
import { PRESETS, type ComparedDecoder, type ComparisonState } from './state';
import { markBackend } from '../shared/backend-sharing';
import { pageMessages, type Messages } from '../../i18n';

/** The view, and what the binding draws before a race exists. */
export interface ComparisonView extends RaceView {
  /** Observable Plot, once loaded: charts are drawn from then on. */
  plot(Plot: typeof PlotModule): void;
  /** The facts cards of a line-up not built yet (at first, and when the settings change). */
  lineUp(state: ComparisonState): void;
  /** The status line: waiting for the viewport, or held with a button that calls `run`. */
  status(view: ModelStatusView, run?: () => void): void;
}

export function comparisonView(root: HTMLElement, pageFacts: FactsTable, signal?: AbortSignal): ComparisonView {
  const m = pageMessages();
  const w = m.decoderComparison;
  const parts = {
    run: widgetPart<HTMLButtonElement>(root, 'run'),
    reset: widgetPart<HTMLButtonElement>(root, 'reset'),
    step: widgetPart(root, 'step'),
    message: widgetPart(root, 'message'),
    board: widgetPart(root, 'predictions'),
    cards: widgetPart(root, 'cards'),
    loss: widgetPart(root, 'loss'),
    caption: widgetPart(root, 'caption'),
    status: widgetPart(root, 'status'),
  };
  let Plot: typeof PlotModule | null = null;
  /** The built race's facts at its input size (the reader's data has its own); the page's data's before a build. */
  let built: { state: ComparisonState; facts: SizeFacts } | null = null;
  /** The status shown once built, redrawn when another widget switches the page's backend. */
  let ready: Extract<ModelStatusView, { state: 'ready' }> | null = null;

  const status = (view: ModelStatusView, run?: () => void): void => showModelStatus(parts.status, view, run);

  const drawBoard = (race: RaceRecord): void => {
    const { height, width } = race.scored;
    const px = height * width;
    // The scored frames are the first of the validation split, so a frame's number is its place.
    const at = previewFrames(race.scored.count);
    const view: PredictionView = {
      height,
      width,
      frames: at,
      images: at.map((i) => race.scored.images.subarray(i * px * 3, (i + 1) * px * 3)),
      truth: at.map((i) => race.scored.labels.subarray(i * px, (i + 1) * px)),
      decoders: race.state.decoders.map((decoder) => {
        const labels = race.predictions?.get(decoder);
        return { decoder, step: labels ? race.predictedAt : null, labels: labels ? at.map((i) => labels.subarray(i * px, (i + 1) * px)) : null };
      }),
    };
    parts.board.style.setProperty('--dc-columns', String(race.state.decoders.length + 2));
    parts.board.style.setProperty('--dc-aspect', `${width} / ${height}`);
    parts.board.style.setProperty('--dc-rows', String(at.length));
    parts.board.replaceChildren(renderPredictions(view, w));
    keyboardScroll(parts.board);
  };
  // A board wider than the screen scrolls sideways: focusable then, so the keyboard can scroll it.
  if (typeof ResizeObserver !== 'undefined') {
    const observer = new ResizeObserver(() => keyboardScroll(parts.board));
    observer.observe(parts.board);
    signal?.addEventListener('abort', () => observer.disconnect());
  }

  const factsOf = (s: ComparisonState, decoder: ComparedDecoder) => {
    const at = built && built.state.data === s.data && built.state.resolution === s.resolution ? built.facts : pageFacts[s.resolution];
    return at.decoders.find((f) => f.decoder === decoder)!;
  };

  /** Cards from scratch (IoU charts included): on a build and on each refresh. */
  const drawCards = (s: ComparisonState, log: ComparisonLog, plot: typeof PlotModule | null): void => {
    // One column per decoder on wide screens, one card per row on narrow ones (see the CSS grid).
    const columns = Math.max(1, Math.min(s.decoders.length, Math.floor((parts.cards.clientWidth || 720) / 208)));
    const chartWidth = Math.max(200, Math.min(360, Math.floor((parts.cards.clientWidth || 720) / columns) - 24));
    parts.cards.replaceChildren(...s.decoders.map((d) => renderDecoderCard(plot, factsOf(s, d), log.track(d), log.medianMs(d), chartWidth, m)));
  };

  /** Only the numbers that change every step (loss, time): the charts stay as they are. */
  const updateFacts = (race: RaceRecord): void => {
    for (const d of race.state.decoders) {
      const dl = parts.cards.querySelector(`[data-decoder="${d}"] .dc-facts`);
      dl?.replaceWith(renderDecoderFacts(factsOf(race.state, d), race.log.track(d), race.log.medianMs(d), w));
    }
  };

  const drawLoss = (race: RaceRecord): void => {
    if (!Plot) return;
    // Drawn at the box's width (the SVG also scales), so narrow screens keep readable text.
    parts.loss.replaceChildren(renderLossChart(Plot, race.log.lossRows(), race.state.decoders, Math.min(720, Math.max(280, parts.loss.clientWidth || 640)), m));
  };

  const drawStep = (race: RaceRecord): void => {
    parts.step.textContent = w.controls.step(race.log.step);
    root.dataset.step = String(race.log.step);
    parts.caption.textContent = comparisonCaption(race.log.step, race.log.tracks, w, PRESETS[race.state.preset].fromScratch);
  };

  return {
    plot(loaded) {
      Plot = loaded;
    },
    lineUp(s) {
      drawCards(s, new ComparisonLog(s.decoders), null);
    },
    status,
    phase(phase, step, broken) {
      parts.run.textContent = phase === 'running' ? w.controls.pause : phase === 'pausing' ? w.controls.pausing : step > 0 ? w.controls.resume : w.controls.start;
      parts.run.disabled = broken;
      // Not `disabled` while pausing: that would drop the keyboard focus from the button.
      parts.run.setAttribute('aria-disabled', String(phase === 'pausing'));
      parts.reset.disabled = broken || phase === 'running' || phase === 'pausing' || step === 0;
      root.dataset.state = phase;
    },
    message(text) {
      parts.message.textContent = text;
    },
    building() {
      delete root.dataset.refreshed;
      ready = null;
      status({ state: 'loading' });
    },
    built(race, encoder, backend, facts) {
      built = { state: race.state, facts };
      ready = { state: 'ready', summary: w.encoder.onIt(encoder.summary, race.state.decoders.length), backendSentence: backendSentence(backend), notice: encoder.notice };
      status(ready);
      drawBoard(race);
      drawCards(race.state, race.log, Plot);
      drawLoss(race);
      drawStep(race);
    },
    stepped(race) {
      updateFacts(race);
      drawLoss(race);
      drawStep(race);
    },
    refreshed(race) {
      drawBoard(race);
      drawCards(race.state, race.log, Plot);
      drawStep(race);
      root.dataset.refreshed = String(race.log.step);
    },
    failed(text) {
      ready = null;
      status({ state: 'failed', message: text });
    },
    backend(backend: BackendChoice) {
      markBackend(root, backend);
      if (ready) {
        ready = { ...ready, backendSentence: backendSentence(backend) };
        status(ready);
      }
    },
  };
}

/** The skeleton before anything loads: space reserved, and what will appear there. */
export function comparisonPlaceholders(root: HTMLElement, m: Messages['decoderComparison'] = pageMessages().decoderComparison): void {
  widgetPart(root, 'predictions').replaceChildren(h('p', { class: 'dc-chart-placeholder' }, m.board.placeholder));
  widgetPart(root, 'loss').replaceChildren(h('p', { class: 'dc-chart-placeholder' }, m.loss.placeholder));
}

/** Makes `el` a tab stop while its content overflows it sideways (and not otherwise). */
export function keyboardScroll(el: HTMLElement): void {
  if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
  else el.removeAttribute('tabindex');
}
