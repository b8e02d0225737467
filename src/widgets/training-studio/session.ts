/**
 * The studio's training session: start, pause, resume, stop, save, export, import and backend
 * switches, as one state machine over the current run. It drives `trainSteps` with a
 * TrainingController, yields to the page after every step, validates and saves every few
 * steps, and turns every failure into a pause with a message that loses nothing saved.
 * It knows nothing of the DOM: it reports to a SessionView.
 */
import type { BackendChoice, LoadedCheckpoint, TrainingController, TrainProgress } from '../../segnet';
import { backendHolders } from '../shared/backend-sharing';
import type { Engine } from '../shared/engine';
import { activateBackend, watchDeviceLoss } from './backend-watch';
import { appendPoint, curvesFromExtra } from './curves';
import { deviceLostMessage, errorText, failureMessage, nonFiniteMessage } from './failure';
import { adoptEarlierSave, exportBytes, readFile, snapshot, readContents, weightsChecksum } from './persistence';
import { decodeCheckpointFile, type CheckpointFileContents } from '../../data/checkpoint-file';
import { checkpointSettings, createRun, restoreRun, type RunData, type StudioRun } from './run';
import { loadRunData, STRIP_FRAMES } from './run-data';
import { exportFileName } from '../../data/checkpoint-file';
import { sameRun, settingsFromExtra, type DatasetOption, type StudioSettings } from './settings';
import { checkpointDue, runTrainingLoop } from './train-loop';
import { validateRun } from './validation';
import { AUTOSAVE_MS, RunKeeper, SLOW_STEP_MS } from './run-keeper';
import { browserRunStore, runTitle, STORAGE_FULL, storageFailure, type RunStore, type SavedRun } from './run-store';
import { pageMessages, type Messages } from '../../i18n';

export type { RunStore, SavedRun } from './run-store';

/** idle: no run; busy: building, saving or switching; running; paused; stopped (by the reader or at the end). */
export type Phase = 'idle' | 'busy' | 'running' | 'paused' | 'stopped';

export interface SessionView {
  phase(phase: Phase, run: StudioRun | null): void;
  message(text: string, kind?: 'info' | 'warning' | 'error'): void;
  progress(run: StudioRun, last: TrainProgress | null): void;
  curves(run: StudioRun): void;
  strip(run: StudioRun, predictions: Uint8Array[] | null): void;
  checksum(value: string): void;
  /** The backend training runs on now, and its threads (wasm). */
  backend(name: string, threads?: number): void;
  /** The graphics device was lost: only a backend switch (or a reload) continues. */
  deviceLost(): void;
  /** A restored or imported run brings its own settings into the form. */
  settings(settings: StudioSettings): void;
  /** This studio's saved runs (latest first), and the one open here. */
  savedRuns(runs: SavedRun[], open: string | null): void;
}

/** The checkpoint a pretrained start loads: the CamVid-trained one for the reader's real data, where the build has it. */
export function pretrainedFor(option: DatasetOption, sources: SessionSources): string | null {
  return option.stored && sources.camvidPretrainedUrl ? sources.camvidPretrainedUrl : sources.pretrainedUrl;
}

export interface SessionSources {
  datasets: DatasetOption[];
  pretrainedUrl: string | null;
  /** The CamVid-trained SegNet-Basic, the start for the reader's own (real) data; null when the build has none. */
  camvidPretrainedUrl?: string | null;
}

/** What the session reaches outside itself; the page uses the defaults, tests their own. */
export interface SessionDeps {
  store: RunStore;
  loadData(option: DatasetOption, settings: StudioSettings): Promise<RunData>;
  activate(engine: Engine, choice: StudioSettings['backend']): Promise<BackendChoice>;
  watchDevice(engine: Engine, onLost: (message: string) => void): () => void;
  /** Milliseconds of training between saves when no validation comes sooner. */
  autosaveMs: number;
  /** Each completed step encoded for a leaving page, and null when the run's slot changes (see RunKeeper.onReady). */
  leaving?: RunKeeper['onReady'];
  /**
   * The catalogue the session words its messages from: the page's language, passed in by the
   * widget (inside the engine worker there is no page to read it from).
   */
  messages: Messages;
}

export class StudioSession {
  private run: StudioRun | null = null;
  private controller: TrainingController | null = null;
  private loop: Promise<void> | null = null;
  /** Set when the device lost the weights: in-memory state is not trusted, not saved. */
  private broken = false;
  /** Set when the backend's device was lost, run or no run: nothing can start until a switch. */
  private deviceGone = false;
  private phaseNow: Phase = 'idle';
  private stopWatch: () => void = () => undefined;
  /** The run's save slot, its last good save, and its latest step ready to write. */
  private readonly keeper: RunKeeper;
  /** The reader has been told that the storage is full (said once until a save succeeds). */
  private toldFull = false;
  /** The strip's latest predictions, redrawn after a backend switch without validating again. */
  private predictions: Uint8Array[] | null = null;
  /** Called when the loop stands still (paused between steps, or ended). */
  private idleWaiters: (() => void)[] = [];

  private readonly deps: SessionDeps;
  /** The words of every message this session says. */
  private readonly m: Messages['trainingStudio'];

  constructor(
    readonly engine: Engine,
    private readonly id: string,
    private sources: SessionSources,
    private readonly view: SessionView,
    deps: Partial<SessionDeps> = {},
  ) {
    const words = deps.messages ?? pageMessages();
    const watchDevice: SessionDeps['watchDevice'] = (engine, onLost) => watchDeviceLoss(engine, onLost, words.widgetRuntime);
    this.deps = { store: deps.store ?? browserRunStore(id), loadData: loadRunData, activate: activateBackend, watchDevice, autosaveMs: AUTOSAVE_MS, messages: words, ...deps };
    this.m = words.trainingStudio;
    this.keeper = new RunKeeper(this.deps.store, id);
    this.keeper.titleOf = (run) => runTitle(run.settings, run.data.name, this.m);
    if (this.deps.leaving) this.keeper.onReady = this.deps.leaving;
    this.watchDevice();
  }

  get phase(): Phase {
    return this.phaseNow;
  }

  get current(): StudioRun | null {
    return this.run;
  }

  private setPhase(phase: Phase): void {
    this.phaseNow = phase;
    this.view.phase(phase, this.run);
  }

  /** The reader's stored datasets as the page lists them now (replacing the earlier list). */
  setStoredDatasets(options: DatasetOption[]): void {
    this.sources = { ...this.sources, datasets: [...this.sources.datasets.filter((d) => !d.stored), ...options] };
  }

  private dataset(name: string): DatasetOption {
    const option = this.sources.datasets.find((d) => d.name === name);
    if (!option) throw new Error(this.m.session.unknownData(name));
    return option;
  }

  /**
   * Brings back a saved run, paused: the one this tab had open before a reload, else the
   * latest that no other tab has open. Returns whether there was one.
   */
  async restoreSaved(): Promise<boolean> {
    await adoptEarlierSave(this.engine, this.id, this.deps.store, this.m);
    const runs = await this.deps.store.list();
    const mine = this.deps.store.remembered();
    const order = [...runs.filter((r) => r.key === mine), ...runs.filter((r) => r.key !== mine)];
    for (const saved of order) {
      const release = await this.deps.store.claim(saved.key);
      if (!release) continue; // open in another tab: that tab alone writes it
      try {
        await this.restoreKey(saved.key, release);
      } catch (e) {
        release();
        throw e;
      }
      return true;
    }
    this.showSavedRuns(runs);
    if (runs.length > 0) this.view.message(this.m.session.openElsewhere(runs.length > 1));
    return false;
  }

  /** Continues a saved run from the list (any run this tab or no other tab has open). */
  async continueSaved(key: string): Promise<void> {
    if (this.phaseNow === 'running' || this.phaseNow === 'busy') return;
    if (key === this.keeper.current) {
      this.view.message(this.m.session.openHere);
      return;
    }
    const release = await this.deps.store.claim(key);
    if (!release) {
      this.view.message(this.m.session.otherTab, 'warning');
      return;
    }
    await this.halt();
    try {
      await this.restoreKey(key, release);
    } catch (e) {
      release();
      this.view.message(errorText(e), 'error');
    }
  }

  /** Deletes a saved run from this browser (never one another tab has open). */
  async removeSaved(key: string): Promise<void> {
    if (key === this.keeper.current) {
      await this.deps.store.remove(key);
      // Nor may the page write it again when it goes away (it holds the last step for that).
      this.keeper.forgetSave();
      this.view.message(this.m.session.openDeleted);
    } else {
      const release = await this.deps.store.claim(key);
      if (!release) {
        this.view.message(this.m.session.notDeleted, 'warning');
        return;
      }
      try {
        await this.deps.store.remove(key);
      } finally {
        release();
      }
      this.view.message(this.m.session.deleted);
    }
    this.showSavedRuns();
  }

  /** The checkpoint saved under `key` (caller disposes its tensors), or null when there is none. */
  private async readSaved(key: string): Promise<LoadedCheckpoint | null> {
    const bytes = await this.deps.store.read(key);
    return bytes && readContents(this.engine, decodeCheckpointFile(bytes, this.m.session.theSavedRun), this.m.session.theSavedRun, this.m);
  }

  /** The run saved under `key`, rebuilt (not yet the current one). */
  private async rebuildSaved(key: string): Promise<StudioRun> {
    const loaded = await this.readSaved(key);
    if (!loaded) throw new Error(this.m.session.savedGone);
    try {
      const settings = checkpointSettings(loaded.meta, this.m.session.theSavedRun, this.m);
      return restoreRun(this.engine, loaded, await this.deps.loadData(this.dataset(settings.data), settings), this.m.session.theSavedRun, this.m);
    } finally {
      this.engine.tf.dispose(Object.values(loaded.tensors));
    }
  }

  /** Rebuilds the run saved under `key` (claimed by this tab) and shows it, paused. */
  private async restoreKey(key: string, release: () => void): Promise<void> {
    const run = await this.rebuildSaved(key);
    this.replaceRun(run);
    this.keeper.adopt(key, release, run.progress.step);
    this.view.message(this.m.session.restored(run.progress.step));
    await this.showRun();
    this.showSavedRuns();
  }

  /** Redraws the list of saved runs (read afresh when not given). */
  private showSavedRuns(runs?: SavedRun[]): void {
    const open = this.keeper.current;
    if (runs) this.view.savedRuns(runs, open);
    else void this.deps.store.list().then((r) => this.view.savedRuns(r, this.keeper.current), () => undefined);
  }

  /** A new run with these settings (replacing the current one and, at its first save, the saved one). */
  async start(settings: StudioSettings): Promise<void> {
    if (this.deviceGone) {
      this.view.message(this.m.session.deviceGone, 'error');
      return;
    }
    await this.halt();
    this.setPhase('busy');
    this.view.message(this.m.session.building);
    try {
      const option = this.dataset(settings.data);
      const data = await this.deps.loadData(option, settings);
      this.replaceRun(await createRun(this.engine, settings, data, pretrainedFor(option, this.sources), this.m));
      await this.keeper.adoptNew();
    } catch (e) {
      this.setPhase(this.run ? 'stopped' : 'idle');
      this.view.message(this.m.session.cannotStart(errorText(e)), 'error');
      return;
    }
    this.broken = false;
    this.view.message(this.run!.origin);
    await this.showRun();
    this.launch();
  }

  /** Pause after the step in flight (and its validation), then save. */
  async pause(reason?: string): Promise<void> {
    if (this.phaseNow !== 'running' || !this.controller) return;
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.controller.pause();
    this.setPhase('busy');
    this.view.message(this.m.session.pausing);
    await idle;
    if ((this.phaseNow as Phase) !== 'busy') return; // the loop failed or was stopped meanwhile
    this.view.message(reason ?? this.m.session.paused(this.run!.progress.step));
    // Still 'busy' while saving: a Resume now would let a step change the weights being written.
    await this.saveQuietly();
    if ((this.phaseNow as Phase) === 'busy') this.setPhase('paused');
  }

  /** Go on with the current run; a changed learning rate or number of epochs applies from now. */
  async resume(settings: StudioSettings): Promise<void> {
    const run = this.run;
    if (!run || (this.phaseNow !== 'paused' && this.phaseNow !== 'stopped')) return;
    if (this.broken || this.deviceGone) {
      this.view.message(this.m.session.deviceGone, 'error');
      return;
    }
    run.settings.lr = settings.lr;
    run.settings.epochs = settings.epochs;
    run.settings.every = settings.every;
    if (run.finished) {
      this.view.message(this.m.session.epochsDone(run.settings.epochs), 'warning');
      return;
    }
    // The loop reads the learning rate and epochs at every step: a paused loop just goes on.
    if (this.loop && this.controller) {
      this.controller.resume();
      this.setPhase('running');
      this.view.message(this.m.session.training);
      return;
    }
    await this.halt();
    this.launch();
  }

  /** End the loop; the run stays (it can be saved, exported or resumed later). */
  async stop(): Promise<void> {
    if (!this.run) return;
    await this.halt();
    this.setPhase('busy');
    this.view.message(this.m.session.stopped(this.run.progress.step));
    await this.saveQuietly();
    this.setPhase('stopped');
  }

  /** Save now (the reader's button). */
  async save(): Promise<void> {
    if (!this.run) return;
    if (this.broken) {
      this.view.message(this.m.session.lostNotSaved, 'warning');
      return;
    }
    try {
      await this.keeper.save(this.run);
    } catch (e) {
      this.view.message(this.saveFailure(storageFailure(e)), 'error');
      return;
    }
    this.view.message(this.m.session.saved(this.run.progress.step));
    this.view.checksum(await weightsChecksum(this.run.model));
    this.showSavedRuns();
  }

  /** What a failed save means for the reader: what is still kept, and what to do. */
  private saveFailure(reason: string): string {
    const step = this.keeper.savedStep;
    const kept = step === null ? this.m.session.nothingSaved : this.m.session.saveKept(step);
    const off = this.keeper.full ? this.m.session.savingOff : '';
    this.toldFull = this.keeper.full;
    return this.m.session.saveFailed(reason, kept, off);
  }

  /** The run as a file to download. */
  async exportFile(): Promise<{ name: string; bytes: Uint8Array }> {
    const run = this.run;
    if (!run) throw new Error(this.m.session.nothingToExport);
    // The weights on a lost device are gone: a file of them would be garbage.
    if (this.broken || this.deviceGone) throw new Error(this.m.session.notExported(this.m.session.deviceGone));
    return { name: exportFileName(run.settings.encoder, run.settings.decoder, run.progress.step), bytes: await exportBytes(run) };
  }

  /**
   * Replace the current run by a file's; on any problem the current run and the saved ones stay
   * as they are. The imported run gets a save slot of its own, written once it has been shown
   * (its validation frames predicted), so every earlier save is kept.
   */
  async importFile(file: File): Promise<void> {
    if (this.deviceGone) {
      this.view.message(this.m.session.notImported(file.name, this.m.session.deviceGone), 'error');
      return;
    }
    if (this.phaseNow === 'running') await this.pause();
    const loaded = await readFile(this.engine, file, this.m);
    let run: StudioRun;
    try {
      const settings = checkpointSettings(loaded.meta, this.m.session.fileName(file.name), this.m);
      const option = this.sources.datasets.find((d) => d.name === settings.data);
      if (!option) throw new Error(this.m.session.otherData(file.name, settings.data));
      run = restoreRun(this.engine, loaded, await this.deps.loadData(option, settings), this.m.session.fileName(file.name), this.m);
    } finally {
      this.engine.tf.dispose(Object.values(loaded.tensors));
    }
    await this.halt();
    this.replaceRun(run);
    this.broken = false;
    // Shown first: the run is the reader's now, whether or not this browser can keep it. The
    // phase stays 'busy' until the save has ended, so no step changes the weights being written.
    this.setPhase('busy');
    await this.showRun(null, false);
    await this.keeper.adoptNew();
    try {
      await this.keeper.save(run);
      this.view.message(this.m.session.imported(file.name, run.progress.step));
    } catch (e) {
      this.view.message(this.m.session.importedUnsaved(file.name, run.progress.step, storageFailure(e)), 'warning');
    }
    this.showSavedRuns();
    this.setPhase('paused');
  }

  /**
   * Move to another backend (TF.js has one per thread, shared by the widgets in the engine worker): the run is written to memory (or, after
   * a device loss, read back from the last save), TF.js switches, and the network is rebuilt
   * from that state. When the chosen backend fails to start or to take the run, the automatic
   * choice and then cpu are tried with the same state, so unsaved steps are not lost.
   */
  async switchBackend(choice: StudioSettings['backend']): Promise<void> {
    if (this.phaseNow === 'running') return;
    const holders = backendHolders();
    if (holders.length > 0) {
      this.view.message(this.m.session.backendBusy(holders), 'warning');
      return;
    }
    const was = this.phaseNow;
    await this.halt();
    this.setPhase('busy');
    const run = this.run;
    const fromMemory = run !== null && !this.broken;
    const predictions = this.predictions;
    let state: CheckpointFileContents | null = null;
    try {
      state = run && fromMemory ? await snapshot(run) : null;
    } catch (e) {
      this.view.message(this.m.session.notCopied(errorText(e)), 'error');
      this.setPhase(run ? (was === 'stopped' ? 'stopped' : 'paused') : 'idle');
      return;
    }
    run?.dispose();
    this.run = null;
    const failures: string[] = [];
    const candidates = [...new Set<StudioSettings['backend']>([choice, 'auto', 'cpu'])];
    for (const candidate of candidates) {
      try {
        const backend = await this.deps.activate(this.engine, candidate);
        this.view.backend(backend.name, backend.threads);
        this.deviceGone = false;
        this.watchDevice();
        const note = failures.length > 0 ? this.m.session.failures(failures) : '';
        if (state && run) {
          const loaded = await readContents(this.engine, state, this.m.session.theRun, this.m);
          try {
            this.run = restoreRun(this.engine, loaded, run.data, this.m.session.theRun, this.m);
          } finally {
            this.engine.tf.dispose(Object.values(loaded.tensors));
          }
          this.view.message(this.m.session.rebuilt(note, backend.name, this.run.progress.step), note ? 'warning' : 'info');
        } else if (run) {
          this.broken = false;
          await this.restoreOwnSave();
        } else if (note) this.view.message(this.m.session.nowOn(note, backend.name), 'warning');
        this.broken = false;
        break;
      } catch (e) {
        failures.push(this.m.session.didNotWork(candidate, errorText(e)));
      }
    }
    if (failures.length === candidates.length) {
      this.view.message(this.m.session.switchFailed(failures), 'error');
    }
    if (this.run && fromMemory) await this.showRun(predictions);
    this.setPhase(this.run ? (was === 'stopped' ? 'stopped' : 'paused') : 'idle');
  }

  /** Stops the loop (if any) and waits for it to end. */
  private async halt(): Promise<void> {
    const controller = this.controller;
    const loop = this.loop;
    this.controller = null;
    this.loop = null;
    controller?.abort();
    await loop?.catch(() => undefined);
  }

  /** Makes `run` the current one; it counts as unsaved until its caller says otherwise. */
  private replaceRun(run: StudioRun): void {
    this.run?.dispose();
    this.run = run;
    this.predictions = null;
    this.view.settings(run.settings);
  }

  /**
   * Draws a run that was just built or restored. The frame strip shows `predictions` when
   * given (the same weights on another backend); otherwise a restored run with a validation
   * history is validated again to draw them. `settle` moves an idle or busy session to paused.
   */
  private async showRun(predictions: Uint8Array[] | null = null, settle = true): Promise<void> {
    const run = this.run!;
    this.view.progress(run, null);
    this.view.curves(run);
    this.view.strip(run, predictions);
    this.view.checksum(await weightsChecksum(run.model));
    if (settle && (this.phaseNow === 'idle' || this.phaseNow === 'busy')) this.setPhase('paused');
    if (!predictions && run.curves.validation) await this.validate(run, false);
  }

  private launch(): void {
    const run = this.run!;
    const controller = new this.engine.segnet.TrainingController();
    this.controller = controller;
    this.setPhase('running');
    this.view.message(this.m.session.training);
    const hooks = {
      step: () => undefined,
      checkpoint: async (r: StudioRun) => {
        await this.validate(r, true);
        await this.saveQuietly(true);
      },
      settled: async (r: StudioRun, p: TrainProgress) => {
        // The step counts as done (and is shown) once it is ready for a page that goes away
        // without waiting (pagehide), or for a background write when steps are slow.
        await this.keeper.prepare(r);
        this.view.progress(r, p);
        this.view.curves(r);
        if (this.keeper.full && !this.toldFull) this.view.message(this.saveFailure(STORAGE_FULL), 'warning'); // a background write found it full
        if (this.keeper.full || checkpointDue(r)) return; // the checkpoint saves
        if (this.keeper.due(this.deps.autosaveMs)) await this.saveQuietly(true);
        else if (p.msPerStep >= SLOW_STEP_MS) await this.keeper.writeBehind();
      },
      idle: () => this.releaseIdle(),
    };
    this.loop = runTrainingLoop(run, controller, hooks)
      .then(
        () => this.loopEnded(run, controller),
        (e: unknown) => this.loopFailed(run, controller, e),
      )
      .finally(() => this.releaseIdle());
  }

  private releaseIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  private async validate(run: StudioRun, record: boolean): Promise<void> {
    const { validation, predictions } = await validateRun(run, STRIP_FRAMES);
    this.predictions = predictions;
    if (record) {
      run.curves.validation = validation;
      run.curves.valIoU = appendPoint(run.curves.valIoU, { step: validation.step, value: validation.meanIoU });
    }
    this.view.curves(run);
    this.view.strip(run, predictions);
  }

  private loopEnded(run: StudioRun, controller: TrainingController): void {
    if (this.controller !== controller) return; // halted on purpose: the caller sets the phase
    this.loop = null;
    this.controller = null;
    if (this.broken) return; // the device-loss message stays
    this.setPhase('stopped');
    if (!run.finished) this.view.message(this.m.session.stopped(run.progress.step));
    else {
      // The last checkpoint's save may have failed (its warning was shown): claim only a save that happened.
      this.view.message(this.m.session.finished(run.settings.epochs, run.progress.step, this.keeper.savedStep === run.progress.step));
    }
  }

  private async loopFailed(run: StudioRun, controller: TrainingController, error: unknown): Promise<void> {
    if (this.controller === controller) {
      this.loop = null;
      this.controller = null;
    }
    this.setPhase('paused');
    if (error instanceof this.engine.segnet.NonFiniteLossError) {
      this.view.message(nonFiniteMessage(error.loss, error.step, run.progress.step, this.m), 'error');
      await this.saveQuietly();
      return;
    }
    const step = run.progress.step;
    this.view.message(failureMessage(error, step, await this.rollBack(run), this.m), 'error');
  }

  /** After a failed step the weights may be half-updated: go back to the last save. */
  private async rollBack(run: StudioRun): Promise<string> {
    if (this.broken) return this.m.session.brokenRecovery;
    // The store may still hold a previous run's save until this run's first one replaces it.
    const key = this.keeper.current;
    if (this.keeper.savedStep === null || !key) return this.m.session.neverSaved;
    try {
      const loaded = await this.readSaved(key);
      if (!loaded) return this.m.session.noSave;
      try {
        const saved = settingsFromExtra(loaded.meta.extra);
        if (!saved || !sameRun(saved, run.settings)) return this.m.session.otherRun;
        this.engine.segnet.applyCheckpoint(run.model, loaded, run.optimizer);
        run.progress = { ...loaded.meta.progress };
        run.curves = curvesFromExtra(loaded.meta.extra.curves);
      } finally {
        this.engine.tf.dispose(Object.values(loaded.tensors));
      }
      this.view.progress(run, null);
      this.view.checksum(await weightsChecksum(run.model));
      return this.m.session.backAtSave(run.progress.step);
    } catch (e) {
      return this.m.session.backFailed(errorText(e));
    }
  }

  /**
   * Saves the current run when it has unsaved steps; a failure is said (from the loop, once
   * while the storage stays full), and training goes on.
   */
  private async saveQuietly(fromLoop = false): Promise<void> {
    const run = this.run;
    if (!run || this.broken || this.keeper.savedStep === run.progress.step) return;
    try {
      await this.keeper.save(run);
      this.toldFull = false;
      this.view.checksum(await weightsChecksum(run.model));
      this.showSavedRuns();
    } catch (e) {
      if (!(fromLoop && this.toldFull && this.keeper.full)) this.view.message(this.saveFailure(storageFailure(e)), 'warning');
    }
  }

  /** After a device loss: this run's own last save, rebuilt on the new backend. */
  private async restoreOwnSave(): Promise<void> {
    const key = this.keeper.current;
    if (!key || this.keeper.savedStep === null) {
      this.view.message(this.m.session.nothingRebuilt, 'warning');
      return;
    }
    this.replaceRun(await this.rebuildSaved(key));
    this.keeper.savedStep = this.run!.progress.step;
    this.view.message(this.m.session.restoredShort(this.run!.progress.step));
    await this.showRun();
  }

  /** Device lost: stop at once and never save what is on the device. */
  private watchDevice(): void {
    this.stopWatch();
    this.stopWatch = this.deps.watchDevice(this.engine, (message) => {
      this.broken = this.run !== null;
      this.deviceGone = true;
      this.controller?.abort();
      if (this.run) this.setPhase('paused');
      this.view.message(deviceLostMessage(message, this.m), 'error');
      this.view.deviceLost();
    });
  }

  /** Pauses when the tab is hidden (browsers starve hidden tabs, and the reader is away). */
  async pageHidden(): Promise<void> {
    if (this.phaseNow === 'running') await this.pause(this.m.session.hidden);
  }

  dispose(): void {
    this.stopWatch();
    this.controller?.abort();
    this.keeper.dispose();
  }
}
