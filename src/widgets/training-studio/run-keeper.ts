/**
 * Keeps the session's current run in its own save slot: the slot's key and this tab's claim on
 * it, the step its last good save holds, and the latest completed step's state encoded and
 * ready: for the next save, for a background write after a slow step, and for onReady, which
 * hands it to the page, whose pagehide (or freeze) writes it without waiting for the worker.
 */
import { encodeCheckpointFile } from '../../data/checkpoint-file';
import { snapshot } from './persistence';
import type { StudioRun } from './run';
import { newRunKey, runTitle, type RunStore, type SavedRun } from './run-store';

/** Milliseconds of training between two saves when no validation comes sooner. */
export const AUTOSAVE_MS = 30_000;

/**
 * A step this slow may hold the page past the time a browser gives a closing tab to run its
 * pagehide handlers (Chromium's unload timeout is about half a second), so after each such
 * step its state is written in the background instead of waiting for the page to go away.
 */
export const SLOW_STEP_MS = 250;

export class RunKeeper {
  private key: string | null = null;
  private release: () => void = () => undefined;
  private ready: { run: StudioRun; step: number; bytes: Uint8Array } | null = null;
  private savedAt: number;
  /** The background write in flight (see writeBehind). */
  private writing: Promise<void> | null = null;
  /** The latest step whose write has started: an older one must never be written after it. */
  private started = -1;
  /** The step the current run's last good save holds; null while it has none. */
  savedStep: number | null = null;
  /** The storage refused a save for lack of room: automatic saves wait until one succeeds. */
  full = false;
  /**
   * Told of every step prepared, and of null when the slot changes or its save is deleted: the
   * engine worker hands them to the page, which writes the latest itself when it goes away (a
   * worker busy with a step would not read the page's last message before it is closed).
   */
  onReady: (ready: { info: SavedRun; bytes: Uint8Array } | null) => void = () => undefined;

  /** Names a run in the list of saved runs (the session words it in the page's language). */
  titleOf: (run: StudioRun) => string = (run) => runTitle(run.settings, run.data.name);

  constructor(
    private readonly store: RunStore,
    private readonly studioId: string,
    private readonly now: () => number = Date.now,
  ) {
    this.savedAt = now();
  }

  /** The current run's slot, or null before the first run. */
  get current(): string | null {
    return this.key;
  }

  /** Makes `key` (claimed by this tab through `release`) the current slot, saved at `savedStep`. */
  adopt(key: string, release: () => void, savedStep: number | null): void {
    this.release();
    this.key = key;
    this.release = release;
    this.savedStep = savedStep;
    this.ready = null;
    this.started = -1;
    this.savedAt = this.now();
    this.store.remember(key);
    this.onReady(null);
  }

  /** A fresh slot for a new or imported run. */
  async adoptNew(): Promise<void> {
    const key = newRunKey(this.studioId);
    this.adopt(key, (await this.store.claim(key)) ?? (() => undefined), null);
  }

  /** Whether `interval` ms have passed since the last good save. */
  due(interval: number): boolean {
    return this.now() - this.savedAt >= interval;
  }

  /** Encodes the run as it is after a completed step, for the next save and for onReady. */
  async prepare(run: StudioRun): Promise<void> {
    const step = run.progress.step;
    const bytes = encodeCheckpointFile(await snapshot(run));
    this.ready = { run, step, bytes };
    if (this.key) this.onReady({ info: this.info(run, step), bytes });
  }

  private info(run: StudioRun, step: number): SavedRun {
    return { key: this.key!, step, savedAt: Date.now(), title: this.titleOf(run) };
  }

  /** Saves the run into its slot; resolves once the save is stored and read back intact. */
  async save(run: StudioRun): Promise<void> {
    if (!this.key) throw new Error('the run has no save slot');
    const step = run.progress.step;
    const ready = this.ready;
    const bytes = ready && ready.run === run && ready.step === step ? ready.bytes : encodeCheckpointFile(await snapshot(run));
    this.started = Math.max(this.started, step);
    try {
      await this.store.save(this.info(run, step), bytes);
    } catch (e) {
      if ((e as { name?: string } | null)?.name === 'QuotaExceededError') this.full = true;
      throw e;
    }
    this.full = false;
    // A background write may end after a later save: the slot holds the later step.
    if (this.savedStep === null || step >= this.savedStep) this.savedStep = step;
    this.savedAt = this.now();
  }

  /**
   * Writes the prepared step without holding up training: waits for the previous background
   * write (so writes never pile up), then starts this one. Its failures are left to the next
   * regular save, which says them.
   */
  async writeBehind(): Promise<void> {
    await this.writing;
    const ready = this.ready;
    // The page may have gone away meanwhile, its pagehide writing a later step: leave that one.
    if (!ready || ready.step <= this.started || this.full) return;
    this.writing = this.save(ready.run)
      .catch(() => undefined)
      .finally(() => {
        this.writing = null;
      });
  }

  /**
   * The slot's save was deleted (the run stays open): nothing holds it now, and the page drops
   * its copy of the last step, so a leaving page does not write the run back.
   */
  forgetSave(): void {
    this.savedStep = null;
    this.ready = null;
    this.onReady(null);
  }

  /** Lets go of the slot (the studio goes away). */
  dispose(): void {
    this.release();
    this.release = () => undefined;
  }
}
