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
  /** After a step (`last` is that step's report) or a restore (`last` is null). */
  progress(run: RunView, last: TrainProgress | null): void;
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
    progress: (run, last) => post(page.progress(runView(run), last)),
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
