/**
 * What crosses between the engine worker, where the StudioSession trains, and the page, where
 * the studio is drawn: plain, structured-cloneable views of a run (no tensors, no network),
 * and the adapter that turns the session's SessionView calls into messages to the page.
 * Typed arrays (the strip's frames and predictions) are copied once and transferred.
 */
import type { TrainProgress } from '../../segnet';
import type { Curves } from './curves';
import type { StripView } from './frame-strip';
import type { Progress, StudioRun, WeightsOrigin } from './run';
import { STRIP_FRAMES } from './run-data';
import type { Phase, SavedRun, SessionView } from './session';
import type { StudioSettings } from './settings';

/** A run as the page draws it: settings, progress and curves, without its network or data. */
export interface RunView {
  settings: StudioSettings;
  progress: Progress;
  totalSteps: number;
  batchesPerEpoch: number;
  finished: boolean;
  origin: WeightsOrigin;
  curves: Curves;
}

/** The page's side of a session: what the worker tells it (every call is one message). */
export interface StudioPageView {
  phase(phase: Phase, run: RunView | null): void;
  message(text: string, kind?: 'info' | 'warning' | 'error'): void;
  /** After a step (`last` is that step's report) or a restore (`last` is null); the curves come in `curves`. */
  progress(run: ProgressView, last: TrainProgress | null): void;
  curves(run: RunView): void;
  strip(strip: StripView): void;
  checksum(value: string): void;
  backend(name: string, threads?: number): void;
  deviceLost(): void;
  settings(settings: StudioSettings): void;
  savedRuns(runs: SavedRun[], open: string | null): void;
  /** The run key this tab has open (kept in the page's sessionStorage, which workers lack). */
  remember(key: string | null): void;
  /**
   * The latest completed step, encoded, for the page to write when it goes away (pagehide and
   * freeze happen on the page only); null when the run changes. The bytes are transferred.
   */
  leaving(ready: LeavingCopy | null): void;
}

/** A run's progress without its curves (sent once per step, by `curves`): only their last loss. */
export type ProgressView = Omit<RunView, 'curves'> & { lastLoss: number | null };

/** A completed step ready to be written by a leaving page: its list entry and file bytes. */
export interface LeavingCopy {
  info: SavedRun;
  bytes: Uint8Array;
}

/** A message to the page, or a transferable payload wrapped for it (comlink's `transfer`). */
export type Transfer = <T>(value: T, buffers: Transferable[]) => T;

export function runView(run: StudioRun): RunView {
  return {
    settings: { ...run.settings },
    progress: { ...run.progress },
    totalSteps: run.totalSteps,
    batchesPerEpoch: run.batchesPerEpoch,
    finished: run.finished,
    origin: run.origin,
    curves: run.curves,
  };
}

export function progressView(run: StudioRun): ProgressView {
  const { curves, ...rest } = runView(run);
  return { ...rest, lastLoss: curves.loss[curves.loss.length - 1]?.value ?? null };
}

/**
 * Hands the page the latest completed step for its pagehide write (see StudioPageView.leaving),
 * copied (the keeper keeps its own bytes) and transferred at most once per `intervalMs`: a
 * checkpoint can weigh hundreds of MB, too much to copy at every step. A step that comes
 * sooner waits, replaced by any later one, and is handed when the interval ends. So a tab
 * closed right after a step may write a step up to `intervalMs` of training older than the
 * last one (slow steps, over SLOW_STEP_MS, are also written in the background by the worker).
 * A null (the run's slot changed, or its save was deleted) is handed at once and drops any
 * waiting step.
 */
export function leavingHandOff(
  page: { leaving: (...args: Parameters<StudioPageView['leaving']>) => unknown },
  transfer: Transfer,
  intervalMs = 1000,
  clock: { now: () => number; later: (run: () => void, ms: number) => unknown; cancel: (timer: unknown) => void } = {
    now: () => Date.now(),
    later: (run, ms) => setTimeout(run, ms),
    cancel: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  },
): (ready: LeavingCopy | null) => void {
  let sentAt = -Infinity;
  let waiting: LeavingCopy | null = null;
  let timer: unknown = null;
  const send = (ready: LeavingCopy | null): void => {
    const copy = ready && { info: ready.info, bytes: ready.bytes.slice() };
    if (copy) sentAt = clock.now();
    void Promise.resolve(page.leaving(copy && transfer(copy, [copy.bytes.buffer]))).catch(() => undefined);
  };
  const flush = (): void => {
    timer = null;
    const ready = waiting;
    waiting = null;
    if (ready) send(ready);
  };
  return (ready) => {
    if (!ready) {
      if (timer !== null) clock.cancel(timer);
      timer = null;
      waiting = null;
      send(null);
      return;
    }
    waiting = ready;
    if (timer !== null) return;
    const wait = sentAt + intervalMs - clock.now();
    if (wait <= 0) flush();
    else timer = clock.later(flush, wait);
  };
}

/** The strip's first validation frames with their predictions, each in a buffer of its own. */
export function stripView(run: StudioRun, predictions: Uint8Array[] | null): StripView {
  const { val } = run.data;
  const px = val.height * val.width;
  const frames = Array.from({ length: Math.min(STRIP_FRAMES, val.count) }, (_, n) => ({
    index: n,
    image: val.images.slice(n * px * 3, (n + 1) * px * 3),
    truth: val.labels.slice(n * px, (n + 1) * px),
    prediction: predictions?.[n]?.slice() ?? null,
  }));
  return { height: val.height, width: val.width, frames, step: predictions ? run.progress.step : null };
}

/** The buffers of a strip, to transfer rather than copy again. */
export function stripBuffers(strip: StripView): ArrayBuffer[] {
  return strip.frames.flatMap((f) => [f.image, f.truth, ...(f.prediction ? [f.prediction] : [])].map((a) => a.buffer as ArrayBuffer));
}

/**
 * The SessionView a worker-side session reports to: every call becomes one message to `page`,
 * in order. A page that has gone away (its promise rejects) is ignored.
 */
export function remoteSessionView(page: { [K in keyof StudioPageView]: (...args: Parameters<StudioPageView[K]>) => unknown }, transfer: Transfer): SessionView {
  const post = (sent: unknown): void => {
    if (sent instanceof Promise) sent.catch(() => undefined);
  };
  return {
    phase: (phase, run) => post(page.phase(phase, run ? runView(run) : null)),
    message: (text, kind) => post(page.message(text, kind)),
    progress: (run, last) => post(page.progress(progressView(run), last)),
    curves: (run) => post(page.curves(runView(run))),
    strip: (run, predictions) => {
      const strip = stripView(run, predictions);
      post(page.strip(transfer(strip, stripBuffers(strip))));
    },
    checksum: (value) => post(page.checksum(value)),
    backend: (name, threads) => post(page.backend(name, threads)),
    deviceLost: () => post(page.deviceLost()),
    settings: (s) => post(page.settings({ ...s })),
    savedRuns: (runs, open) => post(page.savedRuns(runs, open)),
  };
}
