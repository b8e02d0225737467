/**
 * The studio's DOM side of a session: numbers, message, weights origin, charts and frame
 * strip, redrawn from the run's plain data. Charts are drawn at most once per animation frame
 * (a step may report faster than the page paints).
 */
import type * as PlotModule from '@observablehq/plot';
import type { TrainProgress } from '../../segnet';
import { widgetPart } from '../shared/define-widget';
import { h } from '../shared/dom';
import { renderClassIoU, renderConfusion, renderIoUChart, renderLossChart } from './charts';
import { renderFrameStrip } from './frame-strip';
import type { Phase, SavedRun } from './session';
import { statsView } from './stats';
import type { StudioSettings } from './settings';
import type { LeavingCopy, ProgressView, RunView, StudioPageView } from './studio-remote';
import { pageMessages, type Messages } from '../../i18n';

export interface ViewHooks {
  phase(phase: Phase, run: RunView | null): void;
  settings(settings: StudioSettings): void;
  remember(key: string | null): void;
  leaving(ready: LeavingCopy | null): void;
}

/** One saved run in the list: what it is, its step and date, Continue and Delete. */
export function savedRunItem(run: SavedRun, open: boolean, m: Messages['trainingStudio'] = pageMessages().trainingStudio): HTMLElement {
  const when = new Date(run.savedAt).toLocaleString(m.saved.dateLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const button = (action: string, label: string) => h('button', { type: 'button', 'data-saved-action': action, 'data-run-key': run.key, 'aria-label': m.saved.action(label, run.title, run.step) }, label);
  const cont = button('continue', m.buttons.continue);
  cont.disabled = open;
  return h('li', { 'data-run-key': run.key }, h('span', {}, m.saved.item(run.title, run.step, when, open)), ' ', cont, ' ', button('delete', m.buttons.delete));
}

export function studioView(root: HTMLElement, plot: Promise<typeof PlotModule>, hooks: ViewHooks): StudioPageView {
  const m = pageMessages();
  const parts = {
    message: widgetPart(root, 'message'),
    stats: widgetPart(root, 'stats'),
    origin: widgetPart(root, 'origin'),
    loss: widgetPart(root, 'loss'),
    iou: widgetPart(root, 'iou'),
    classes: widgetPart(root, 'classes'),
    confusion: widgetPart(root, 'confusion'),
    strip: widgetPart(root, 'strip'),
    saved: widgetPart(root, 'saved-runs'),
  };
  let backend = root.dataset.backend ?? '—';
  let pending: RunView | null = null;
  let imagesPerSecond: number | null = null;
  let lastLoss: number | null = null;
  /** The validation (and width) the bars and the matrix show: they change only at a validation. */
  let validationDrawn: string | null = null;

  const width = (el: HTMLElement): number => Math.max(240, Math.min(560, el.clientWidth || 480));

  const drawCharts = async (): Promise<void> => {
    const run = pending;
    pending = null;
    if (!run) return;
    const Plot = await plot;
    const { loss, trainIoU, valIoU, validation } = run.curves;
    parts.loss.replaceChildren(renderLossChart(Plot, loss, width(parts.loss), m));
    parts.iou.replaceChildren(renderIoUChart(Plot, trainIoU, valIoU, width(parts.iou), m));
    const shown = `${validation?.step ?? '-'}:${validation?.meanIoU ?? '-'}:${width(parts.classes)}:${width(parts.confusion)}`;
    if (shown !== validationDrawn) {
      validationDrawn = shown;
      parts.classes.replaceChildren(renderClassIoU(Plot, validation, width(parts.classes), m));
      parts.confusion.replaceChildren(renderConfusion(Plot, validation, width(parts.confusion), m));
    }
    root.dataset.curvePoints = String(loss.length);
  };

  return {
    phase: (phase, run) => hooks.phase(phase, run),
    settings: (s) => hooks.settings(s),
    remember: (key) => hooks.remember(key),
    leaving: (ready) => hooks.leaving(ready),
    message(text, kind = 'info') {
      parts.message.textContent = text;
      parts.message.dataset.kind = kind;
    },
    progress(run: ProgressView, last: TrainProgress | null) {
      if (last) {
        imagesPerSecond = last.imagesPerSecond;
        lastLoss = last.loss;
      } else {
        imagesPerSecond = null;
        lastLoss = run.lastLoss;
      }
      const stats = statsView({
        backend,
        step: run.progress.step,
        totalSteps: run.totalSteps,
        epoch: run.progress.epoch,
        epochs: run.settings.epochs,
        batch: run.progress.batch,
        batchesPerEpoch: run.batchesPerEpoch,
        batchSize: run.settings.batch,
        imagesPerSecond,
        loss: lastLoss,
      }, m.trainingStudio);
      parts.stats.replaceChildren(...stats.map((s) => h('div', { 'data-stat': s.key }, h('dt', {}, s.label), h('dd', {}, s.value))));
      parts.origin.textContent = m.trainingStudio.weights(run.origin);
      root.dataset.step = String(run.progress.step);
    },
    curves(run) {
      const first = pending === null;
      pending = run;
      if (first) requestAnimationFrame(() => void drawCharts());
    },
    strip(strip) {
      parts.strip.replaceChildren(renderFrameStrip(strip, m.trainingStudio));
      if (strip.step !== null) root.dataset.stripStep = String(strip.step);
    },
    checksum(value) {
      root.dataset.checksum = value;
    },
    backend(name, threads) {
      backend = name;
      root.dataset.backend = name;
      if (threads !== undefined) root.dataset.threads = String(threads);
      else delete root.dataset.threads;
      delete root.dataset.deviceLost;
    },
    deviceLost() {
      root.dataset.deviceLost = backend;
    },
    savedRuns(runs, open) {
      parts.saved.replaceChildren(...runs.map((r) => savedRunItem(r, r.key === open, m.trainingStudio)));
      parts.saved.closest('details')!.hidden = runs.length === 0;
      if (open) root.dataset.runKey = open;
      root.dataset.savedRuns = String(runs.length);
    },
  };
}
