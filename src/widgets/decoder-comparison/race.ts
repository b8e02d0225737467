/**
 * The decoder race as a state machine: build a race for the current settings, start, pause
 * after the step in flight, resume, reset, rebuild when the line-up or resolution changes, and
 * stop by itself on a non-finite loss, a failed step, a lost GPU or a hidden tab. It steps the
 * comparison (comparison-engine.ts, loaded late with TF.js) one batch at a time, yields to the
 * page in between, and refreshes predictions and scores every few steps. It knows nothing of
 * the DOM: it reports to a RaceView.
 */
import type { BackendChoice } from '../../segnet';
import type { RoadSceneDataset, SplitData } from '../../data';
import { isSlowBackend } from '../model/run-policy';
import { watchEngineDevice } from '../shared/device-watch';
import { holdBackend, onEngineBackend } from '../shared/backend-sharing';
import type { Engine } from '../shared/engine';
import { resizeSplit } from '../../data';
import { yieldToPage } from '../shared/yield';
import { ComparisonLog, divergedMessage } from './bookkeeping';
import type { BatchStream, ComparisonSetup, SharedEncoderComparison } from './comparison-engine';
import { fitEncoder, type EncoderSource } from './encoder-source';
import type { SizeFacts } from './facts';
import { scoredFrames, selectFrames } from './frames';
import { PRESETS, SYNTHETIC_DATA, inputSize, type ComparedDecoder, type ComparisonState } from './state';
import { errorMessage } from '../../segnet/core';
import { messages, pageMessages, type Messages } from '../../i18n';

/**
 * idle: nothing built; ready: built, no step yet; running; pausing: the step in flight is
 * finishing; paused: stands after at least one step.
 */
export type RacePhase = 'idle' | 'ready' | 'running' | 'pausing' | 'paused';

/** One built race: its networks, data at its resolution and record. */
export interface Race {
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

/** What a view draws of a race: its record, without its networks (what reaches the page). */
export type RaceRecord = Pick<Race, 'state' | 'scored' | 'log' | 'predictions' | 'predictedAt'>;

export interface RaceView {
  /** Where the race stands; `broken` once the GPU was lost (nothing can run again). */
  phase(phase: RacePhase, step: number, broken: boolean): void;
  message(text: string): void;
  /** A race is being built: whatever was shown of the previous one is out of date. */
  building(): void;
  /**
   * A race was built, at step 0, on the encoder `encoder` describes, on `backend`; `facts` are
   * its decoders' sizes at its input size (the reader's data need not be the page's size).
   */
  built(race: RaceRecord, encoder: Pick<EncoderSource, 'summary' | 'notice'>, backend: BackendChoice, facts: SizeFacts): void;
  /** A step was recorded: losses, times, the loss curves and the step count changed. */
  stepped(race: RaceRecord): void;
  /** New predictions and validation scores, at the race's current step. */
  refreshed(race: RaceRecord): void;
  /** The race could not be built or started (`text` says why). */
  failed(text: string): void;
  /** The page's backend is (now) `backend`. */
  backend(backend: BackendChoice): void;
}

/** The comparison's TF.js side: the module comparison-engine.ts, loaded late. */
export type ComparisonLib = Pick<typeof import('./comparison-engine'), 'SharedEncoderComparison' | 'BatchStream' | 'applyEncoderWeights' | 'raceFacts'>;

/** What the race reaches outside itself; the page passes the loaders, tests their own. */
export interface RaceDeps {
  /** TF.js and the comparison's engine side (called again after a failure). */
  load(): Promise<{ engine: Engine; lib: ComparisonLib }>;
  /** The train and val splits of `data` (ComparisonState's: called once per data, again after a failure). */
  loadData(data: string): Promise<RoadSceneDataset>;
  /** The shared encoder's weights for a race on `data` (called once per encoderKey). */
  loadEncoder(engine: Engine, data: string): Promise<EncoderSource>;
  /** Which encoder a race on `data` uses (races whose data share a key share it); default: the data's name. */
  encoderKey?(data: string): string;
  /** The reader's settings now (the learning rate and refresh interval are read at every step). */
  settings(): ComparisonState;
  watchDevice(engine: Engine, onLost: (reason: string) => void): () => void;
  onBackend(listener: (backend: BackendChoice) => void): () => void;
  holdBackend(who: string): () => void;
  breathe(): Promise<void>;
}

export interface RaceOptions {
  /** Images per training step, the same batch for every decoder (2). */
  batchSize?: number;
  /** Seed of the batch order and of the decoders' initial weights (1). */
  seed?: number;
  /** The length of a preset that has one (PRESETS[...].steps); shorter only in tests. */
  presetSteps?: number;
  /** Smaller networks, for tests on tiny frames only. */
  network?: Pick<ComparisonSetup, 'basicChannels' | 'atrousRate'>;
  /**
   * The catalogue the race words its messages from: the page's language, passed in by the
   * widget (inside the engine worker there is no page to read it from).
   */
  messages?: Messages;
}

/** What the race says while it pauses, and when the page was hidden (in English). */
export const PAUSING = messages('en').decoderComparison.race.pausing;
export const HIDDEN = messages('en').decoderComparison.race.hidden;

/** Thrown inside a refresh whose race was replaced (a rebuild or reset): not an error. */
class RefreshCancelled extends Error {
  constructor() {
    super('refresh cancelled: the comparison was rebuilt');
  }
}

export class RaceSession {
  private race: Race | null = null;
  private running = false;
  /** True from a loop's first step until it has ended (a paused loop finishes its step first). */
  private looping = false;
  private loop: Promise<void> | null = null;
  /** The step-0 refresh of a new race, which runs outside the lifecycle so a rebuild can cut it short. */
  private firstRefresh: Promise<void> | null = null;
  /** Set when the GPU was lost: what the reader was told. */
  private broken: string | null = null;
  private live = true;
  private said = '';
  // Building, disposing and starting happen one after the other, never interleaved.
  private lifecycle: Promise<unknown> = Promise.resolve();
  private late: Promise<{ engine: Engine; lib: ComparisonLib }> | null = null;
  private readonly data = new Map<string, Promise<RoadSceneDataset>>();
  private readonly encoders = new Map<string, Promise<EncoderSource>>();
  private stopWatching: () => void = () => undefined;
  private readonly deps: RaceDeps;
  /** The words of every message this race says. */
  private readonly m: Messages['decoderComparison'];

  constructor(
    private readonly view: RaceView,
    deps: Pick<RaceDeps, 'load' | 'loadData' | 'loadEncoder' | 'settings'> & Partial<RaceDeps>,
    private readonly options: RaceOptions,
  ) {
    const words = options.messages ?? pageMessages();
    const watchDevice: RaceDeps['watchDevice'] = (engine, onLost) => watchEngineDevice(engine, onLost, words.widgetRuntime);
    this.deps = { watchDevice, onBackend: onEngineBackend, holdBackend, breathe: yieldToPage, ...deps };
    this.m = words.decoderComparison;
  }

  get phase(): RacePhase {
    if (this.running) return 'running';
    if (this.looping) return 'pausing';
    if (!this.race) return 'idle';
    return this.race.log.step > 0 ? 'paused' : 'ready';
  }

  /** The race built now, if any. */
  get current(): Race | null {
    return this.race;
  }

  /** Tells the reader something; `say('')` clears the message. */
  say(text: string): void {
    this.said = text;
    this.view.message(text);
  }

  /** Loads and builds the race, if not yet built (the widget neared the viewport, or the reader asked). */
  prepare(): Promise<unknown> {
    return this.act(async () => {
      if (!this.race) await this.build();
    });
  }

  /** Starts (or resumes) training; builds the race first if needed. Resolves once the loop runs. */
  start(): Promise<unknown> {
    return this.act(async () => {
      if (this.running || this.broken) return;
      const race = this.race ?? (await this.build());
      race.skipFirstRefresh = true;
      await this.firstRefresh;
      this.say('');
      this.running = true;
      this.report();
      this.loop = this.runLoop(race);
    });
  }

  /** Stops after the step in flight, saying `reason`. */
  pause(reason: string = this.m.race.pausing): void {
    if (!this.running) return;
    this.running = false;
    this.say(reason);
    this.report();
  }

  /** The run button: pause when running, start or resume otherwise; nothing while pausing. */
  toggle(): void {
    if (this.phase === 'pausing') return;
    if (this.running) this.pause();
    else void this.start();
  }

  /** A fresh race, at step 0, with the current settings (nothing before the first build). */
  reset(): Promise<unknown> {
    this.say('');
    return this.act(async () => {
      if (this.race) await this.build();
    });
  }

  /** The line-up or resolution changed: a race already loading or built starts over with them. */
  rebuild(): Promise<unknown> {
    if (!this.race && !this.late) return Promise.resolve();
    if (this.running || (this.race?.log.step ?? 0) > 0) this.say(this.m.race.restart);
    return this.act(() => this.build());
  }

  /** Pauses when the tab is hidden (browsers starve hidden tabs, and the reader is away). */
  pageHidden(): void {
    this.pause(this.m.race.hidden);
  }

  /** Resolves once nothing runs: no build, start or step in flight. */
  async settled(): Promise<void> {
    await this.lifecycle;
    await this.loop;
  }

  /** Stops training and frees every network once the step in flight has finished. */
  dispose(): Promise<void> {
    this.live = false;
    this.running = false;
    this.stopWatching();
    return this.serial(async () => {
      await this.stop();
      await this.disposeRace();
      // The encoders' tensors, read once per encoder, go with the race.
      for (const encoder of this.encoders.values()) {
        await encoder.then((e) => Object.values(e.tensors ?? {}).forEach((t) => t.dispose()), () => undefined);
      }
      this.encoders.clear();
      this.data.clear();
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.lifecycle.then(task);
    this.lifecycle = next.catch(() => undefined);
    return next;
  }

  /** A serial task whose failure is shown to the reader (the race could not be built or started). */
  private act(task: () => Promise<unknown>): Promise<unknown> {
    return this.serial(task).catch((e: unknown) => this.fail(e));
  }

  private report(): void {
    this.view.phase(this.phase, this.race?.log.step ?? 0, this.broken !== null);
  }

  private fail(e: unknown): void {
    this.running = false;
    this.view.failed(errorMessage(e));
    this.say(this.m.race.cannotRun(errorMessage(e)));
    this.report();
  }

  /** TF.js and the engine side, once; from then on the GPU is watched and backend switches reported. */
  private loadLate(): Promise<{ engine: Engine; lib: ComparisonLib }> {
    this.late ??= this.deps.load().then((late) => {
      if (!this.live) return late;
      this.view.backend(late.engine.backend);
      const stopDevice = this.deps.watchDevice(late.engine, (reason) => this.deviceLost(reason));
      // TF.js's backend is page-wide: another widget (the training studio) may switch it.
      const stopBackend = this.deps.onBackend((backend) => this.view.backend(backend));
      this.stopWatching = () => {
        stopDevice();
        stopBackend();
      };
      return late;
    });
    this.late.catch(() => (this.late = null));
    return this.late;
  }

  /** The frames of `name`, read once; the synthetic scenes and one other dataset are kept (each can be large). */
  private loadData(name: string): Promise<RoadSceneDataset> {
    let data = this.data.get(name);
    if (!data) {
      if (name !== SYNTHETIC_DATA) for (const other of [...this.data.keys()]) if (other !== name && other !== SYNTHETIC_DATA) this.data.delete(other);
      data = this.deps.loadData(name);
      data.catch(() => this.data.delete(name));
      this.data.set(name, data);
    }
    return data;
  }

  private loadEncoder(engine: Engine, name: string): Promise<EncoderSource> {
    const key = this.deps.encoderKey?.(name) ?? name;
    let encoder = this.encoders.get(key);
    if (!encoder) {
      encoder = this.deps.loadEncoder(engine, name);
      this.encoders.set(key, encoder);
    }
    return encoder;
  }

  /**
   * The stored dataset `name` changed (more frames, or replaced) or went away: its frames are
   * read afresh next time, and a race built on it starts over now.
   */
  dataChanged(name: string): Promise<unknown> {
    this.data.delete(name);
    if (this.race?.state.data !== name) return Promise.resolve();
    this.say(this.m.race.dataChanged(name));
    return this.act(() => this.build());
  }

  private deviceLost(reason: string): void {
    this.broken = this.m.race.broken(reason);
    this.running = false;
    this.say(this.broken);
    this.report();
  }

  private async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.loop = null;
  }

  private async disposeRace(): Promise<void> {
    const old = this.race;
    this.race = null;
    await this.firstRefresh;
    if (old) await old.comparison.dispose();
  }

  /** Builds the race for the current settings and shows its step 0 (not serialised: callers are). */
  private async build(): Promise<Race> {
    await this.stop();
    await this.disposeRace();
    this.view.building();
    const wanted = this.deps.settings().data;
    const [late, data] = await Promise.all([this.loadLate(), this.loadData(wanted)]);
    // Built on the data loaded (when the reader chose other data meanwhile, a rebuild follows).
    const state = { ...this.deps.settings(), data: wanted };
    const { fromScratch } = PRESETS[state.preset];
    // From scratch nothing pretrained is read (nor loaded, when the race never needs it).
    const encoder = fromScratch ? null : await this.loadEncoder(late.engine, state.data);
    const full = data.splits.train!;
    const val = data.splits.val!;
    const { height, width } = inputSize(state.resolution, full.height, full.width);
    const seed = this.options.seed ?? 1;
    const batchSize = this.options.batchSize ?? 2;
    const train = resizeSplit(full, height, width);
    const scored = resizeSplit(selectFrames(val, scoredFrames(val.count)), height, width);
    const comparison = new late.lib.SharedEncoderComparison({
      decoders: state.decoders,
      height,
      width,
      learningRate: state.learningRate,
      classWeights: data.manifest.medianFrequencyWeights,
      seed,
      fromScratch,
      ...this.options.network,
    });
    const described = encoder ? fitEncoder(late.lib.applyEncoderWeights, comparison.encoderOwner, encoder, this.m.encoder) : { summary: this.m.encoder.scratch, notice: null };
    const stream = new late.lib.BatchStream(train, batchSize, seed);
    const race: Race = { state, comparison, stream, scored, log: new ComparisonLog(state.decoders), predictions: null, predictedAt: 0, skipFirstRefresh: false };
    this.race = race;
    this.view.built(race, described, late.engine.backend, late.lib.raceFacts(height, width));
    this.report();
    // Step 0: what the untrained decoders make of the frames (skipped on the slow plain-JS backend).
    if (!isSlowBackend(late.engine.backend.name)) {
      this.firstRefresh = this.refresh(race, true)
        .catch((e: unknown) => {
          if (!(e instanceof RefreshCancelled)) this.say(this.m.race.firstFailed(errorMessage(e)));
        })
        .finally(() => (this.firstRefresh = null));
    }
    return race;
  }

  /**
   * Predictions and validation scores of every decoder at the current step. Gives way between
   * passes, and gives up (RefreshCancelled) as soon as its race is replaced, or, for the
   * step-0 refresh, as soon as the reader presses Start.
   */
  private async refresh(race: Race, first = false): Promise<void> {
    const between = async (): Promise<void> => {
      await this.deps.breathe();
      if (this.race !== race || (first && race.skipFirstRefresh)) throw new RefreshCancelled();
    };
    const { scores, predicted } = await race.comparison.evaluate(race.scored, this.options.batchSize ?? 2, between);
    for (const [decoder, s] of scores) {
      race.log.recordScores(decoder, { step: race.log.step, meanIoU: s.meanIoU, perClassIoU: s.perClassIoU, globalAccuracy: s.globalAccuracy });
    }
    race.predictions = predicted;
    race.predictedAt = race.log.step;
    this.view.refreshed(race);
  }

  private async runLoop(race: Race): Promise<void> {
    this.looping = true;
    // While it trains, a backend switch elsewhere on the page waits (it would move the tensors under it).
    const release = this.deps.holdBackend('the decoder comparison');
    try {
      while (this.running && this.race === race && this.live) {
        race.comparison.setLearningRate(this.deps.settings().learningRate); // read by the next step
        const records = await race.comparison.step(race.stream.next(), this.deps.breathe);
        if (this.race !== race) return;
        const diverged = race.log.recordStep(records);
        this.view.stepped(race);
        if (diverged.length > 0) {
          const first = diverged[0]!;
          this.say(divergedMessage(this.m.names[first.decoder], race.log.step, first.loss, this.m));
          break;
        }
        const presetEnd = PRESETS[race.state.preset].steps === null ? null : (this.options.presetSteps ?? PRESETS[race.state.preset].steps);
        if (race.log.refreshDue(this.deps.settings().every) || race.log.step === presetEnd) await this.refresh(race);
        // A preset with a length pauses there by itself (once: Resume goes on past it).
        if (race.log.step === presetEnd) this.pause(this.m.race.presetDone(presetEnd));
        await this.deps.breathe();
      }
    } catch (e) {
      // A lost GPU already said why; the step it broke says nothing more useful.
      if (!(e instanceof RefreshCancelled) && !this.broken) this.say(this.m.race.stopped(errorMessage(e)));
    } finally {
      release();
      this.running = false;
      this.looping = false;
      if (this.said === this.m.race.pausing) this.say(this.m.race.paused(race.log.step));
      this.report();
    }
  }
}
