/**
 * What crosses between the engine worker, where the RaceSession trains, and the page, where
 * the race is drawn. The worker sends a race's record as plain data: the log at every step,
 * the scored frames once per build and the predictions at each refresh (typed arrays copied
 * once and transferred); the page keeps the last frames and predictions and hands its
 * RaceView the same records it drew before the race moved to the worker.
 */
import type { BackendChoice } from '../../segnet';
import type { SplitData } from '../../data';
import { ComparisonLog, type ComparisonLogRecord } from './bookkeeping';
import type { EncoderSource } from './encoder-source';
import type { SizeFacts } from './facts';
import type { RacePhase, RaceRecord, RaceView } from './race';
import type { ComparedDecoder, ComparisonState } from './state';

/** A race's record on the wire; `scored` and `predictions` only when they change. */
export interface RaceWire {
  state: ComparisonState;
  log: ComparisonLogRecord;
  scored: SplitData | null;
  predictions: Map<ComparedDecoder, Uint8Array> | null;
  predictedAt: number;
}

/** The page's side of a race, as the worker calls it (one message per call). */
export interface RacePageView {
  phase(phase: RacePhase, step: number, broken: boolean): void;
  message(text: string): void;
  building(): void;
  built(race: RaceWire, encoder: Pick<EncoderSource, 'summary' | 'notice'>, backend: BackendChoice, facts: SizeFacts): void;
  stepped(race: RaceWire): void;
  refreshed(race: RaceWire): void;
  failed(text: string): void;
  backend(backend: BackendChoice): void;
}

type Transfer = <T>(value: T, buffers: Transferable[]) => T;
type Callable<V> = { [K in keyof V]: V[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : never };

/** A record for the wire: `withFrames` adds copies of the scored frames, `withPredictions` of the predictions. */
export function raceWire(race: RaceRecord, withFrames: boolean, withPredictions: boolean): { wire: RaceWire; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const copy = (a: Uint8Array): Uint8Array => {
    const c = a.slice();
    buffers.push(c.buffer);
    return c;
  };
  const scored = withFrames ? { ...race.scored, images: copy(race.scored.images), labels: copy(race.scored.labels) } : null;
  const predictions = withPredictions && race.predictions ? new Map([...race.predictions].map(([d, labels]) => [d, copy(labels)])) : null;
  return { wire: { state: race.state, log: race.log.record(), scored, predictions, predictedAt: race.predictedAt }, buffers };
}

/** The RaceView a worker-side session reports to: every call is one message to `page`, in order. */
export function remoteRaceView(page: Callable<RacePageView>, transfer: Transfer): RaceView {
  const post = (sent: unknown): void => {
    if (sent instanceof Promise) sent.catch(() => undefined);
  };
  const send = (race: RaceRecord, withFrames: boolean, withPredictions: boolean): RaceWire => {
    const { wire, buffers } = raceWire(race, withFrames, withPredictions);
    return transfer(wire, buffers);
  };
  return {
    phase: (phase, step, broken) => post(page.phase(phase, step, broken)),
    message: (text) => post(page.message(text)),
    building: () => post(page.building()),
    built: (race, encoder, backend, facts) => post(page.built(send(race, true, true), { summary: encoder.summary, notice: encoder.notice }, backend, facts)),
    stepped: (race) => post(page.stepped(send(race, false, false))),
    refreshed: (race) => post(page.refreshed(send(race, false, true))),
    failed: (text) => post(page.failed(text)),
    backend: (backend) => post(page.backend(backend)),
  };
}

/**
 * The page's receiver: rebuilds each record (the scored frames and predictions it last got,
 * the log as a ComparisonLog) and hands it to `view`. A step that arrives before any build
 * (it cannot: the worker builds first) is dropped.
 */
export function pageRaceView(view: RaceView): RacePageView {
  let scored: SplitData | null = null;
  let predictions: Map<ComparedDecoder, Uint8Array> | null = null;
  let predictedAt = 0;
  const record = (wire: RaceWire): RaceRecord | null => {
    if (wire.scored) {
      scored = wire.scored;
      predictions = null;
    }
    if (wire.predictions) {
      predictions = wire.predictions;
      predictedAt = wire.predictedAt;
    }
    if (!scored) return null;
    return { state: wire.state, scored, log: ComparisonLog.fromRecord(wire.log), predictions, predictedAt };
  };
  const draw = (wire: RaceWire, then: (race: RaceRecord) => void): void => {
    const race = record(wire);
    if (race) then(race);
  };
  return {
    phase: (phase, step, broken) => view.phase(phase, step, broken),
    message: (text) => view.message(text),
    building: () => view.building(),
    built: (wire, encoder, backend, facts) => draw(wire, (race) => view.built(race, encoder, backend, facts)),
    stepped: (wire) => draw(wire, (race) => view.stepped(race)),
    refreshed: (wire) => draw(wire, (race) => view.refreshed(race)),
    failed: (text) => view.failed(text),
    backend: (backend) => view.backend(backend),
  };
}
